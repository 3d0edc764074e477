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
import type { ZoneModel, ZoneRecord, ZoneToken } from '../zone/model';
import { uncachedRdata, uncachedStrings } from '../zone/store';
import { buildName } from '../zone/names';
import { ip4Number, ip6Parts, ip6Text } from './ip';
import { drain, ITEMS_PER_STEP, type Steps } from '../steps';

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

/** The data of one owner name, each type decoded from its records on first use. */
interface Node {
  /** CNAME target (normalised), when the name is an alias. */
  cname?: string;
  A?: string[];
  AAAA?: string[];
  MX?: MxData[];
  PTR?: string[];
  TXT?: string[][];
}

const TYPE_CODES: Record<DnsType, number> = { A: 1, AAAA: 28, MX: 15, PTR: 12, TXT: 16 };
const CNAME_CODE = 5;

/** The data of one type from one record, or undefined when the record is of another type or unreadable. */
function decodeRecord<T extends DnsType>(r: ZoneRecord, type: T): RecordData[T] | undefined {
  if (r.typeCode !== TYPE_CODES[type]) return undefined;
  switch (type) {
    case 'A':
    case 'AAAA':
      return addressOf(r) as RecordData[T] | undefined;
    case 'MX':
      return mxOf(r) as RecordData[T] | undefined;
    case 'PTR':
      return nameOf(r, 0) as RecordData[T] | undefined;
    case 'TXT':
      return uncachedStrings(r)?.map((x) => x.value) as RecordData[T] | undefined;
  }
  // Other types (type-99 SPF included: RFC 7208 §3.1 retired it) only make the name exist.
  return undefined;
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

/** Record types SPF evaluation asks about (CNAMEs are followed; SOA marks a zone apex), by code. */
const SOA_CODE = 6;
const INDEXED_CODES = new Set([SOA_CODE, CNAME_CODE, ...Object.values(TYPE_CODES)]);

/**
 * The records of one or more zone models by owner name, for lookups and offline analyses.
 * Names are kept normalised (lower case, no trailing dot: the form the callers ask with, so a
 * lookup hashes no new string); RDATA is decoded per name on first lookup. Only the types SPF
 * asks about are indexed, so a name that holds only other types (NS, SRV…) reads as missing: for
 * SPF the outcome is the same, since "no such name" and "no records of that type" are both void
 * lookups.
 */
export class ZoneIndex {
  /**
   * The first record of each owner name, as an id into `recs`; an owner's records are chained
   * through `next` (no object or array per name: a million-record zone indexes into a few flat
   * arrays). Per type, the chain keeps the order of the files and of the records in them.
   */
  private readonly heads = new Map<string, number>();
  private readonly recs: ZoneRecord[] = [];
  private next: Int32Array = new Int32Array(1024);
  /** For the id of a chain's head: its last record (appends keep the order). */
  private tail: Int32Array = new Int32Array(1024);
  /** For the id of a chain's head: the name's data decoded so far (names looked up only). */
  private readonly nodes: (Node | undefined)[] = [];
  /** Ancestors of owner names down from their apex (empty non-terminals exist). */
  private readonly interior = new Set<string>();
  /** Apexes of the complete zones held: below them, a name without records does not exist. */
  private readonly apexSet: string[] = [];
  /** Owners of NS records below an apex: names at or under them belong to another zone. */
  private readonly delegations = new Set<string>();

  constructor(models: readonly ZoneModel[]) {
    drain(this.fill(models));
  }

  /** An index built in steps (a yield every few thousand records), for large zones in the language server. */
  static *inSteps(models: readonly ZoneModel[]): Steps<ZoneIndex> {
    const index = new ZoneIndex([]);
    yield* index.fill(models);
    return index;
  }

  private *fill(models: readonly ZoneModel[]): Steps {
    for (const model of models) yield* this.add(model);
    if (this.apexSet.length === 0) return;
    let done = 0;
    for (const name of this.heads.keys()) {
      if (++done % (4 * ITEMS_PER_STEP) === 0) yield;
      const apex = this.apexOfName(name);
      if (apex === undefined) continue;
      for (let n = name; n !== apex; ) {
        n = parentOf(n);
        if (this.interior.has(n)) break;
        this.interior.add(n);
      }
    }
  }

  /** The apexes of the complete zones held, normalised (no trailing dot). */
  get apexes(): string[] {
    return this.apexSet.slice();
  }

  /** SOA owners of the models added so far: a later file of the same zone is a copy or another
   * version (e.g. broken/ and fixed/), and the first one — the document itself — wins. */
  private readonly zonesSeen = new Set<string>();

  private *add(model: ZoneModel): Steps {
    const apexes = model.recordsOfType('SOA').filter((r) => r.class === 'IN').map((r) => r.owner);
    if (apexes.some((a) => this.zonesSeen.has(a))) return;
    for (const a of apexes) this.zonesSeen.add(a);
    const soaOwners: string[] = [];
    let done = 0;
    // In document order: a name's records come in runs, so its key is built once per run.
    let owner = '';
    let key = '';
    for (const r of model.records) {
      if (++done % (4 * ITEMS_PER_STEP) === 0) yield;
      if (!INDEXED_CODES.has(r.typeCode) || r.class !== 'IN') continue;
      if (r.owner !== owner) {
        owner = r.owner;
        key = normalizeName(owner);
      }
      this.link(r, key);
      if (r.typeCode === SOA_CODE) soaOwners.push(owner);
    }
    // Only a complete zone can prove that a name has no records: one with an SOA (its main
    // file) and no $INCLUDE whose records are missing here. Otherwise absence stays unknown.
    for (const r of model.recordsOfType('NS')) if (!soaOwners.includes(r.owner)) this.delegations.add(normalizeName(r.owner));
    if (model.directives.some((d) => d.kind === 'include')) return;
    for (const apex of soaOwners.map(normalizeName)) if (!this.apexSet.includes(apex)) this.apexSet.push(apex);
  }

  /** Append a record to the chain of its owner (`key`, normalised). */
  private link(r: ZoneRecord, key: string): void {
    const id = this.recs.length;
    this.recs.push(r);
    this.nodes.push(undefined);
    if (id === this.next.length) {
      this.next = grown(this.next);
      this.tail = grown(this.tail);
    }
    this.next[id] = -1;
    const head = this.heads.get(key);
    if (head === undefined) {
      this.heads.set(key, id);
      this.tail[id] = id;
    } else {
      this.next[this.tail[head]] = id;
      this.tail[head] = id;
    }
  }

  /** The decoded data of the name whose chain starts at `head`: its CNAME target now, other types on first lookup. */
  private nodeAt(head: number): Node {
    let node = this.nodes[head];
    if (node) return node;
    node = {};
    for (let id = head; id >= 0; id = this.next[id]) {
      const r = this.recs[id];
      if (r.typeCode !== CNAME_CODE) continue;
      const target = nameOf(r, 0);
      if (target === undefined) continue;
      node.cname = target;
      break;
    }
    this.nodes[head] = node;
    return node;
  }

  /** The data of one type in the chain starting at `head`, in record order. */
  private decode<T extends DnsType>(head: number, type: T): RecordData[T][] {
    const out: RecordData[T][] = [];
    for (let id = head; id >= 0; id = this.next[id]) {
      const d = decodeRecord(this.recs[id], type);
      if (d !== undefined) out.push(d);
    }
    // Kept on the node for the rest of the check: an exact-size copy (a pushed-to list reserves 17 slots).
    return out.length === 0 ? [] : out.slice();
  }

  /** Whether `name` is at or below a delegation point (answered by a child zone). */
  private delegated(name: string): boolean {
    if (this.delegations.size === 0) return false;
    for (let n = name; n !== ''; n = parentOf(n)) {
      if (this.delegations.has(n)) return true;
      if (this.apexSet.includes(n)) return false;
    }
    return false;
  }

  /** The longest apex a normalised name is equal to or below. */
  private apexOfName(name: string): string | undefined {
    let best: string | undefined;
    for (const a of this.apexSet) {
      const under = name === a || a === '' || (name.endsWith(a) && name.charCodeAt(name.length - a.length - 1) === 46);
      if (under && (best === undefined || a.length > best.length)) best = a;
    }
    return best;
  }

  /** The longest apex `name` is equal to or below (normalised), if any. */
  apexOf(name: string): string | undefined {
    return this.apexOfName(normalizeName(name));
  }

  status(name: string): NameStatus {
    const n = normalizeName(name);
    const head = this.resolve(n);
    if (typeof head === 'number') return 'exists';
    return head === 'nxdomain' && this.delegated(n) ? 'outside' : head;
  }

  /**
   * The chain answering for a normalised name: its own, else (an empty non-terminal has no data)
   * a wildcard's; without one, where the name stands.
   */
  private resolve(n: string): number | Exclude<NameStatus, 'exists'> {
    const head = this.heads.get(n);
    if (head !== undefined) return head;
    if (this.interior.has(n)) return 'empty-non-terminal';
    return this.wildcardHead(n) ?? (this.apexOfName(n) === undefined ? 'outside' : 'nxdomain');
  }

  /** RFC 4592: the chain of the `*` owner of the closest encloser, when `name` does not exist itself. */
  private wildcardHead(name: string): number | undefined {
    for (let n = parentOf(name); n !== ''; n = parentOf(n)) {
      if (this.heads.has(n) || this.interior.has(n)) return this.heads.get(`*.${n}`);
    }
    return undefined;
  }

  /**
   * The answer a recursive resolver would give from these zones (CNAMEs followed). Names
   * outside every zone get `outside` (`servfail` with a detail saying so, by default).
   */
  lookup<T extends DnsType>(name: string, type: T, outside: 'servfail' | 'nxdomain' = 'servfail'): LookupResult<T> {
    let seen: Set<string> | undefined;
    let n = normalizeName(name);
    const unknown = (): LookupResult<T> => (outside === 'nxdomain' ? { error: 'nxdomain' } : { error: 'servfail', detail: `${n || '.'} is outside the zone files` });
    for (;;) {
      const head = this.resolve(n);
      if (head === 'outside') return unknown();
      if (head === 'nxdomain') return this.delegated(n) ? unknown() : { error: 'nxdomain' };
      if (head === 'empty-non-terminal') return this.delegated(n) ? unknown() : { records: [] };
      const node = this.nodeAt(head);
      if (node.cname !== undefined) {
        seen ??= new Set<string>();
        if (seen.has(n) || seen.size >= MAX_CNAME_CHAIN) return { error: 'servfail', detail: `CNAME loop or chain too long at ${n}` };
        seen.add(n);
        n = node.cname;
        continue;
      }
      const records = (node[type] ??= this.decode(head, type) as Node[T]) as RecordData[T][];
      // Held only by files that are not a complete zone: other records may exist elsewhere.
      if (records.length === 0 && (this.apexOfName(n) === undefined || this.delegated(n))) {
        return outside === 'nxdomain' ? { records } : unknown();
      }
      return { records };
    }
  }
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The parent of a normalised name (`a.b` → `b`; a top-level name's parent is the root, `''`). */
function parentOf(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

function addressOf(r: ZoneRecord): string | undefined {
  if (r.generic) return undefined;
  const rdata = uncachedRdata(r);
  if (rdata.length !== 1) return undefined;
  const text = rdata[0].text;
  if (r.type === 'A') return ip4Number(text) === undefined ? undefined : text;
  // What `IPv6.isValid(text) ? IPv6.parse(text).toString() : undefined` gives, parsing once.
  if (text.indexOf(':') === -1) return undefined;
  const parts = ip6Parts(text);
  if (parts) return ip6Text(parts);
  try {
    return ipaddr.IPv6.parse(text).toString();
  } catch {
    return undefined;
  }
}

/** The domain name in RDATA token `i`, absolute under the record's origin, normalised. */
function nameOf(r: ZoneRecord, i: number, rdata: readonly ZoneToken[] = r.generic ? [] : uncachedRdata(r)): string | undefined {
  if (r.generic) return undefined;
  const t = rdata[i];
  if (!t || t.quoted) return undefined;
  return normalizeName(buildName(t.text, 0, t.text.length, r.origin));
}

function mxOf(r: ZoneRecord): MxData | undefined {
  if (r.generic) return undefined;
  const rdata = uncachedRdata(r);
  if (rdata.length !== 2 || !/^[0-9]{1,5}$/.test(rdata[0].text)) return undefined;
  const exchange = nameOf(r, 1, rdata);
  if (exchange === undefined) return undefined;
  return { preference: Number(rdata[0].text), exchange };
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
