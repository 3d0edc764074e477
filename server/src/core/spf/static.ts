/**
 * Offline, synchronous evaluation of an SPF record for one address against the zone files at
 * hand — for the cross-checks with the zone's own hosts. It answers only what the zones decide:
 * any term whose outcome depends on something else (a name outside the zones, a macro, `ptr`,
 * `exists` on a sender-dependent name) makes the answer `unknown` when it is reached.
 * `checkHost` (evaluate.ts) remains the full RFC 7208 evaluator.
 */
import { hostAddress, networkHolds, termAddresses, type HostAddress } from './addresses';
import { parseValue, staticTarget } from './lookups';
import { isSpfRecord, type SpfRecord } from './parse';
import type { ZoneIndex } from './resolver';
import { QUALIFIERS, type SpfResult } from './terms';

export type StaticResult = SpfResult | 'unknown';

/**
 * The result `record` (published at `domain`) gives for `address`, as far as the zones tell.
 * `address` is in canonical text, as `index` gives addresses.
 */
export function staticCheck(record: SpfRecord, domain: string, address: string, index: ZoneIndex): StaticResult {
  const a = hostAddress(address);
  return a ? check(record, domain, a, index, [domain]) : 'unknown';
}

function check(record: SpfRecord, domain: string, address: HostAddress, index: ZoneIndex, path: string[]): StaticResult {
  if (record.errors.length > 0) return 'permerror';
  for (const t of record.terms) {
    if (t.kind !== 'mechanism' || !t.mechanism) continue;
    let matched: boolean | 'unknown';
    switch (t.mechanism) {
      case 'all':
        matched = true;
        break;
      case 'ip4':
      case 'ip6':
      case 'a':
      case 'mx': {
        const a = termAddresses(t, domain, index);
        if (!a || a.status === 'unknown') return 'unknown';
        matched = a.networks.some((n) => networkHolds(n, address));
        break;
      }
      case 'include': {
        const target = t.domain ? staticTarget(t.domain, domain) : undefined;
        if (target === undefined || path.includes(target)) return 'unknown';
        const sub = recordAt(target, index);
        if (!sub) return 'unknown';
        const r = check(sub, target, address, index, [...path, target]);
        if (r === 'unknown' || r === 'permerror' || r === 'temperror' || r === 'none') return 'unknown';
        matched = r === 'pass';
        break;
      }
      default:
        return 'unknown';
    }
    if (matched === true) return QUALIFIERS[t.qualifier].result;
  }
  const redirect = record.terms.find((t) => t.kind === 'modifier' && t.modifier === 'redirect');
  if (redirect && redirect.kind === 'modifier') {
    const target = staticTarget(redirect.value, domain);
    if (target === undefined || path.includes(target)) return 'unknown';
    const sub = recordAt(target, index);
    return sub ? check(sub, target, address, index, [...path, target]) : 'unknown';
  }
  return 'neutral';
}

/** The one SPF record of `name` in the zones, parsed; undefined when absent, several or unknown. */
function recordAt(name: string, index: ZoneIndex): SpfRecord | undefined {
  const r = index.lookup(name, 'TXT');
  if ('error' in r) return undefined;
  const found = r.records.map((s) => s.join('')).filter(isSpfRecord);
  return found.length === 1 ? parseValue(found[0]) : undefined;
}
