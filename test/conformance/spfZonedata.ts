/**
 * A `Resolver` over the `zonedata` of the openspf test-suite format (YAML already parsed).
 *
 * The conventions are those the suites' drivers follow (see the header of rfc7208-tests.yml):
 * - `SPF:` (type 99) records are duplicated as TXT when the name has no `TXT:` entry at all
 *   ("auto-magic duplication"); a `TXT: NONE` entry means "no TXT record" and stops that;
 * - entries are answered in order; a `TIMEOUT` entry (or `TIMEOUT: true`, `SERVFAIL: true`)
 *   makes the query fail when no record of the asked type came before it, and otherwise ends
 *   the answer; duplicated TXT records come after every written entry;
 * - names are case-insensitive, a trailing dot is ignored, CNAMEs are followed;
 * - a name that is not listed does not exist (NXDOMAIN).
 */
import type { DnsError, DnsType, LookupResult, MxData, RecordData, Resolver } from '../../server/src/core/spf/resolver';
import { normalizeName } from '../../server/src/core/spf/resolver';

type Entry =
  | { kind: 'record'; type: DnsType | 'CNAME' | 'SPF'; value: RecordData[DnsType] | string }
  | { kind: 'error'; error: DnsError };

const TYPES = new Set(['A', 'AAAA', 'MX', 'PTR', 'TXT', 'CNAME', 'SPF']);

function strings(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => String(x));
  return [String(v)];
}

function entriesOf(list: unknown): Entry[] {
  const out: Entry[] = [];
  const generated: Entry[] = [];
  let hasTxt = false;
  for (const item of Array.isArray(list) ? list : []) {
    if (item === 'TIMEOUT' || item === 'SERVFAIL') {
      out.push({ kind: 'error', error: item === 'TIMEOUT' ? 'timeout' : 'servfail' });
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    for (const [type, value] of Object.entries(item as Record<string, unknown>)) {
      if (type === 'TIMEOUT' || type === 'SERVFAIL') {
        out.push({ kind: 'error', error: type === 'TIMEOUT' ? 'timeout' : 'servfail' });
        continue;
      }
      if (!TYPES.has(type)) continue;
      if (type === 'TXT') hasTxt = true;
      if (value === 'NONE') continue;
      let data: RecordData[DnsType] | string;
      if (type === 'TXT' || type === 'SPF') data = strings(value);
      else if (type === 'MX') {
        const [pref, host] = Array.isArray(value) ? value : [0, value];
        data = { preference: Number(pref), exchange: normalizeName(String(host ?? '')) } satisfies MxData;
      } else if (type === 'PTR' || type === 'CNAME') data = normalizeName(String(value));
      else data = String(value);
      out.push({ kind: 'record', type: type as DnsType | 'CNAME' | 'SPF', value: data });
      if (type === 'SPF') generated.push({ kind: 'record', type: 'TXT', value: data });
    }
  }
  return hasTxt ? out : [...out, ...generated];
}

export function zonedataResolver(zonedata: unknown): Resolver {
  const zone = new Map<string, Entry[]>();
  if (zonedata && typeof zonedata === 'object') {
    for (const [name, list] of Object.entries(zonedata as Record<string, unknown>)) {
      const key = normalizeName(name);
      zone.set(key, [...(zone.get(key) ?? []), ...entriesOf(list)]);
    }
  }

  function lookup<T extends DnsType>(name: string, type: T, seen: Set<string>): LookupResult<T> {
    const key = normalizeName(name);
    const entries = zone.get(key);
    if (!entries) return { error: 'nxdomain' };
    const records: RecordData[T][] = [];
    let cname: string | undefined;
    for (const e of entries) {
      if (e.kind === 'error') {
        if (records.length === 0) return { error: e.error };
        break;
      }
      if (e.type === type) records.push(e.value as RecordData[T]);
      else if (e.type === 'CNAME' && cname === undefined) cname = e.value as string;
    }
    if (records.length === 0 && cname !== undefined) {
      if (seen.has(key) || seen.size >= 10) return { error: 'servfail', detail: 'CNAME loop' };
      seen.add(key);
      return lookup(cname, type, seen);
    }
    return { records };
  }

  return {
    lookup<T extends DnsType>(name: string, type: T): Promise<LookupResult<T>> {
      return Promise.resolve(lookup(name, type, new Set()));
    },
  };
}
