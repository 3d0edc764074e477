/**
 * The DNS the SPF evaluator sees: an injected, asynchronous interface, so the core stays free of
 * IO. Implementations: `zoneResolver` (below; the zone files of the workspace), the suites'
 * `zonedata` (conformance tests) and a live one over `node:dns` (CLI and server, off by default).
 *
 * A resolver behaves like a recursive resolver: it follows CNAMEs itself, answers with the
 * records of the asked type (possibly none: "NODATA"), or with an error. Names are given
 * without a trailing dot and compared case-insensitively.
 */
import * as ipaddr from 'ipaddr.js';
import type { ZoneModel, ZoneRecord } from '../zone/model';
import { buildName } from '../zone/names';

export type DnsType = 'A' | 'AAAA' | 'MX' | 'PTR' | 'TXT';

export interface MxData {
  preference: number;
  /** Exchange host without trailing dot; `''` for the null MX (RFC 7505). */
  exchange: string;
}

/** The data of one record, by type: addresses as text, names without trailing dot, TXT as its character-strings. */
export interface RecordData {
  A: string;
  AAAA: string;
  MX: MxData;
  PTR: string;
  TXT: string[];
}

/** `nxdomain`: the name does not exist (RCODE 3); `timeout` and `servfail`: no usable answer. */
export type DnsError = 'nxdomain' | 'timeout' | 'servfail';

export type LookupResult<T extends DnsType> =
  | { records: RecordData[T][] }
  | {
      error: DnsError;
      /** Why, for traces (e.g. "outside the zone files"). */
      detail?: string;
    };

export interface Resolver {
  lookup<T extends DnsType>(name: string, type: T): Promise<LookupResult<T>>;
}

/** Lower-case, without the trailing dot (the form the evaluator and resolvers compare). */
export function normalizeName(name: string): string {
  const n = name.toLowerCase();
  return n.endsWith('.') && n !== '.' ? n.slice(0, -1) : n === '.' ? '' : n;
}

// ---------------------------------------------------------------------------------------------
// A resolver over parsed zone files.

interface Node {
  /** CNAME target (normalised), when the name is an alias. */
  cname?: string;
  A: string[];
  AAAA: string[];
  MX: MxData[];
  PTR: string[];
  TXT: string[][];
}

function emptyNode(): Node {
  return { A: [], AAAA: [], MX: [], PTR: [], TXT: [] };
}

export interface ZoneResolverOptions {
  /**
   * Answer for names outside every zone of the models: `servfail` (default: the answer is
   * unknown offline) or `nxdomain` (treat the zones as the whole DNS).
   */
  outside?: 'servfail' | 'nxdomain';
}

/** Where a name sits relative to the zones a `ZoneIndex` knows. */
export type NameStatus = 'exists' | 'empty-non-terminal' | 'nxdomain' | 'outside';

/** The records of one or more zone models by owner name, for lookups and offline analyses. */
export class ZoneIndex {
  private readonly nodes = new Map<string, Node>();
  /** Every ancestor of an owner name below its apex (empty non-terminals exist). */
  private readonly interior = new Set<string>();
  /** Apexes (normalised) of the complete zones held: below them, a name without records does not exist. */
  readonly apexes: string[] = [];

  constructor(models: readonly ZoneModel[]) {
    for (const model of models) this.add(model);
    // Interior names: ancestors of owners down from their apex (empty non-terminals exist).
    for (const name of this.nodes.keys()) {
      const apex = this.apexOf(name);
      if (apex === undefined) continue;
      for (let n = name; n !== apex; ) {
        n = parentOf(n);
        this.interior.add(n);
      }
    }
  }

  private add(model: ZoneModel): void {
    const soaOwners: string[] = [];
    for (const r of model.records) {
      if (r.class !== 'IN' && r.class !== '') continue;
      const owner = normalizeName(r.owner);
      switch (r.type) {
        case 'SOA':
          soaOwners.push(owner);
          this.node(owner);
          break;
        case 'A':
        case 'AAAA': {
          const a = addressOf(r);
          if (a) this.node(owner)[r.type].push(a);
          break;
        }
        case 'MX': {
          const mx = mxOf(r);
          if (mx) this.node(owner).MX.push(mx);
          break;
        }
        case 'PTR':
        case 'CNAME': {
          const target = nameOf(r, 0);
          if (target === undefined) break;
          if (r.type === 'PTR') this.node(owner).PTR.push(target);
          else this.node(owner).cname ??= target;
          break;
        }
        case 'TXT':
          if (r.strings) this.node(owner).TXT.push(r.strings.map((s) => s.value));
          break;
        default:
          // Other types (type-99 SPF included: RFC 7208 §3.1 retired it) only make the name exist.
          this.node(owner);
      }
    }
    // Only a complete zone can prove that a name has no records: one with an SOA (its main
    // file) and no $INCLUDE whose records are missing here. Otherwise absence stays unknown.
    if (model.directives.some((d) => d.kind === 'include')) return;
    for (const owner of soaOwners) if (!this.apexes.includes(owner)) this.apexes.push(owner);
  }

  private node(name: string): Node {
    let n = this.nodes.get(name);
    if (!n) {
      n = emptyNode();
      this.nodes.set(name, n);
    }
    return n;
  }

  /** The longest apex `name` is equal to or below. */
  apexOf(name: string): string | undefined {
    let best: string | undefined;
    for (const a of this.apexes) {
      if ((name === a || name.endsWith('.' + a)) && (best === undefined || a.length > best.length)) best = a;
    }
    return best;
  }

  status(name: string): NameStatus {
    const n = normalizeName(name);
    if (this.nodes.has(n)) return 'exists';
    if (this.interior.has(n)) return 'empty-non-terminal';
    if (this.wildcardFor(n)) return 'exists';
    return this.apexOf(n) === undefined ? 'outside' : 'nxdomain';
  }

  /** RFC 4592: the `*` node of the closest encloser, when `name` does not exist itself. */
  private wildcardFor(name: string): Node | undefined {
    for (let n = parentOf(name); n !== ''; n = parentOf(n)) {
      if (this.nodes.has(n) || this.interior.has(n)) return this.nodes.get(`*.${n}`);
    }
    return undefined;
  }

  /** The node answering for `name` (the name itself, or a wildcard), without following CNAMEs. */
  nodeFor(name: string): Node | undefined {
    const n = normalizeName(name);
    return this.nodes.get(n) ?? (this.interior.has(n) ? undefined : this.wildcardFor(n));
  }

  /**
   * The answer a recursive resolver would give from these zones (CNAMEs followed). Names
   * outside every zone get `outside` (`servfail` with a detail saying so, by default).
   */
  lookup<T extends DnsType>(name: string, type: T, outside: 'servfail' | 'nxdomain' = 'servfail'): LookupResult<T> {
    const seen = new Set<string>();
    let n = normalizeName(name);
    for (;;) {
      const status = this.status(n);
      if (status === 'outside') {
        return outside === 'nxdomain' ? { error: 'nxdomain' } : { error: 'servfail', detail: `${n || '.'} is outside the zone files` };
      }
      if (status === 'nxdomain') return { error: 'nxdomain' };
      const node = this.nodeFor(n);
      if (!node) return { records: [] };
      if (node.cname !== undefined) {
        if (seen.has(n) || seen.size >= MAX_CNAME_CHAIN) return { error: 'servfail', detail: `CNAME loop or chain too long at ${n}` };
        seen.add(n);
        n = node.cname;
        continue;
      }
      const records = node[type] as RecordData[T][];
      if (records.length === 0 && this.apexOf(n) === undefined) {
        // Held only by files that are not a complete zone: other records may exist elsewhere.
        return outside === 'nxdomain' ? { records } : { error: 'servfail', detail: `${n} is outside the zone files` };
      }
      return { records };
    }
  }

  /** Every owner name held, normalised. */
  names(): IterableIterator<string> {
    return this.nodes.keys();
  }
}

function parentOf(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

function addressOf(r: ZoneRecord): string | undefined {
  if (r.generic || r.rdata.length !== 1) return undefined;
  const text = r.rdata[0].text;
  if (r.type === 'A') return ipaddr.IPv4.isValidFourPartDecimal(text) ? text : undefined;
  return ipaddr.IPv6.isValid(text) ? ipaddr.IPv6.parse(text).toString() : undefined;
}

/** The domain name in RDATA token `i`, absolute under the record's origin, normalised. */
function nameOf(r: ZoneRecord, i: number): string | undefined {
  if (r.generic) return undefined;
  const t = r.rdata[i];
  if (!t || t.quoted) return undefined;
  return normalizeName(buildName(t.text, 0, t.text.length, r.origin));
}

function mxOf(r: ZoneRecord): MxData | undefined {
  if (r.generic || r.rdata.length !== 2 || !/^[0-9]{1,5}$/.test(r.rdata[0].text)) return undefined;
  const exchange = nameOf(r, 1);
  if (exchange === undefined) return undefined;
  return { preference: Number(r.rdata[0].text), exchange };
}

const MAX_CNAME_CHAIN = 10;

/**
 * A resolver that answers from zone files (the open document and the other zone files of the
 * workspace). Names below a zone apex that hold no records are NXDOMAIN (or NODATA for empty
 * non-terminals); names outside every zone get `options.outside`.
 */
export function zoneResolver(models: readonly ZoneModel[] | ZoneIndex, options: ZoneResolverOptions = {}): Resolver {
  const index = models instanceof ZoneIndex ? models : new ZoneIndex(models);
  const outside = options.outside ?? 'servfail';
  return {
    lookup<T extends DnsType>(name: string, type: T): Promise<LookupResult<T>> {
      return Promise.resolve(index.lookup(name, type, outside));
    },
  };
}
