/**
 * Live DNS for SPF evaluation — the only place Sender Guard talks to the network. Off by
 * default: the server uses it only when `senderGuard.liveDns.enabled` is set AND the workspace is
 * trusted, the CLI only with `--live`. Every query has a timeout, the number of queries per
 * evaluation is bounded, and names the zone files answer are never sent out (see `withFallback`).
 */
import { promises as dns } from 'dns';
import { normalizeName, type DnsType, type LookupResult, type RecordData, type Resolver, type ZoneIndex } from '../core/spf/resolver';

export interface LiveDnsOptions {
  timeoutMs: number;
  maxQueries: number;
  /** Name servers (`host[:port]`), for tests; the system's by default. */
  servers?: string[];
}

/** A resolver backed by `node:dns`, bounded in time and in the number of queries it sends. */
export function liveResolver(options: LiveDnsOptions): Resolver & { readonly queries: number } {
  const resolver = new dns.Resolver({ timeout: options.timeoutMs, tries: 1 });
  if (options.servers) resolver.setServers(options.servers);
  let queries = 0;
  const cache = new Map<string, Promise<LookupResult<DnsType>>>();

  async function ask<T extends DnsType>(name: string, type: T): Promise<LookupResult<T>> {
    if (queries >= options.maxQueries) {
      return { error: 'timeout', detail: `live DNS query limit (${options.maxQueries}) reached; not asked: ${name} ${type}` };
    }
    queries++;
    try {
      let records: RecordData[DnsType][];
      switch (type) {
        case 'A':
          records = await resolver.resolve4(name);
          break;
        case 'AAAA':
          records = await resolver.resolve6(name);
          break;
        case 'MX':
          records = (await resolver.resolveMx(name)).map((m) => ({ preference: m.priority, exchange: normalizeName(m.exchange) }));
          break;
        case 'PTR':
          records = (await resolver.resolvePtr(name)).map(normalizeName);
          break;
        default:
          records = await resolver.resolveTxt(name);
      }
      return { records: records as RecordData[T][] };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTFOUND') return { error: 'nxdomain', detail: `${name}: no such name (live DNS)` };
      if (code === 'ENODATA') return { records: [] };
      if (code === 'ETIMEOUT' || code === 'ECANCELLED') return { error: 'timeout', detail: `${name} ${type}: no answer within ${options.timeoutMs} ms (live DNS)` };
      return { error: 'servfail', detail: `${name} ${type}: ${code ?? String(e)} (live DNS)` };
    }
  }

  return {
    get queries() {
      return queries;
    },
    lookup<T extends DnsType>(name: string, type: T): Promise<LookupResult<T>> {
      const key = `${normalizeName(name)}\u0000${type}`;
      let p = cache.get(key);
      if (!p) cache.set(key, (p = ask(normalizeName(name), type)));
      return p as Promise<LookupResult<T>>;
    },
  };
}

/** Answer from the zone files; only names outside all of them go to `live`. */
export function withFallback(index: ZoneIndex, live: Resolver): Resolver {
  return {
    lookup<T extends DnsType>(name: string, type: T): Promise<LookupResult<T>> {
      if (index.status(name) === 'outside') return live.lookup(name, type);
      return Promise.resolve(index.lookup(name, type));
    },
  };
}
