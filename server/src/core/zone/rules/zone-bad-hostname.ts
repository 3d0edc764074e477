/**
 * `zone-bad-hostname`: a name that must be a host name is not one (BIND's check-names: letters,
 * digits and hyphens, no hyphen at either end of a label; RFC 952, RFC 1123 §2.1). Checked: owners
 * of A, AAAA and MX records (a leading `*` label is allowed), the hosts named by NS, MX, SRV,
 * SVCB/HTTPS and the SOA's primary server, and the targets of PTR records in the reverse trees
 * (in-addr.arpa., ip6.arpa., ip6.int.), except under the DNS-SD domain enumeration prefixes
 * (RFC 6763 §11), whose PTRs name domains.
 */
import { uncachedRdata } from '../store';
import type { Rule } from '../../rule';
import { targetName, zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';
import { ownerSpot } from './common';

/**
 * `name` (absolute, canonical) is a host name: every label letters, digits and hyphens, not
 * starting or ending with a hyphen. `wildcard` allows a leading `*` label. Read character by
 * character (a zone checks every owner and target: no list of labels per name).
 */
export function isHostname(name: string, wildcard: boolean): boolean {
  if (name === '.') return true;
  // The last character is the root's dot; it ends the last label.
  const end = name.length - 1;
  let label = wildcard && name.charCodeAt(0) === 42 && (end === 1 || name.charCodeAt(1) === 46) ? 2 : 0;
  for (let i = label; i <= end; i++) {
    const c = i === end ? 46 : name.charCodeAt(i);
    if (c === 46) {
      if (i === label || name.charCodeAt(i - 1) === 45) return false;
      label = i + 1;
    } else if (c === 45) {
      if (i === label) return false;
    } else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/**
 * An owner of address or MX records is a host name, or one of the names BIND lets through there:
 * Active Directory's `gc._msdcs.<forest>` and SPF `exists` targets (a label `_spf`, `_spf_verify`
 * or `_spf_rate` above the last one, RFC 7208 §5.7 and Appendix D.1).
 */
function isHostOwner(name: string): boolean {
  if (name === '.') return true;
  // Both exceptions have an underscore label.
  if (name.indexOf('_') < 0) return isHostname(name, true);
  const labels = name.slice(0, -1).split('.');
  if (labels[0] === 'gc' && labels[1] === '_msdcs') return isHostname(name.slice('gc._msdcs.'.length), false);
  if (labels.length >= 2 && labels.slice(0, -1).some((l) => l === '_spf' || l === '_spf_verify' || l === '_spf_rate')) return true;
  return isHostname(name, true);
}

/** The reverse-mapping trees, where a PTR record names a host (BIND checks its target). */
const REVERSE_TREES = ['in-addr.arpa.', 'ip6.arpa.', 'ip6.int.'];
/** DNS-SD domain enumeration prefixes (RFC 6763 §11): their PTR records name domains, not hosts. */
const DNS_SD_PREFIXES = new Set(['b._dns-sd._udp', 'db._dns-sd._udp', 'r._dns-sd._udp', 'dr._dns-sd._udp', 'lb._dns-sd._udp']);

/** A PTR record at `owner` (absolute, canonical) must point at a host name. */
export function ptrNamesHost(owner: string): boolean {
  if (!REVERSE_TREES.some((t) => owner === t || owner.endsWith('.' + t))) return false;
  return !DNS_SD_PREFIXES.has(owner.split('.', 3).join('.'));
}

const OWNER_TYPES = [1, 28, 15];
/** Type code → index of the host name in its RDATA. */
const DATA_HOSTS: [number, number][] = [
  [2, 0],
  [15, 1],
  [33, 3],
  [6, 0],
  [64, 1],
  [65, 1],
];

export const zoneBadHostname: Rule<ZoneModel> = {
  meta: {
    id: 'zone-bad-hostname',
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'A name that must be a host name (A/AAAA/MX owner, NS/MX/SRV target, SOA server, PTR target in a reverse zone) has invalid characters.',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    for (const code of OWNER_TYPES) {
      // Records of one owner come in runs: check each run's name once.
      let last: string | undefined;
      let lastOk = true;
      for (const r of facts.ofType(code)) {
        const owner = r.owner;
        if (owner !== last) {
          last = owner;
          lastOk = isHostOwner(owner);
        }
        if (!lastOk) {
          report({ range: ownerSpot(r), message: `${r.owner} is not a valid host name for a ${r.type} record (letters, digits, hyphens)` });
        }
      }
    }
    for (const [code, field] of DATA_HOSTS) {
      for (const r of facts.ofType(code)) {
        if (r.generic) continue;
        const t = uncachedRdata(r)[field];
        if (!t || t.quoted || t.text === '.') continue;
        const name = targetName(t, r.origin);
        if (!isHostname(name, false)) {
          report({ range: t.range, message: `${r.type} ${code === 6 ? 'primary server' : 'target'} ${name} is not a valid host name (letters, digits, hyphens)` });
        }
      }
    }
    for (const r of facts.ofType(12)) {
      if (r.generic || r.class !== 'IN' || !ptrNamesHost(r.owner)) continue;
      const t = uncachedRdata(r)[0];
      if (!t || t.quoted) continue;
      const name = targetName(t, r.origin);
      if (!isHostname(name, false)) {
        report({ range: t.range, message: `PTR target ${name} is not a valid host name (letters, digits, hyphens): a PTR record in a reverse zone names a host` });
      }
    }
  },
};
