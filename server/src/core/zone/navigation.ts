/**
 * Go to definition and find references for names inside the zone: the domain-name fields of the
 * RDATA (CNAME, NS, MX, SRV, PTR… targets) link to the records owned by that name. Names are
 * compared absolute and canonical, so `www`, `www.example.com.` and `WWW` under the same origin
 * are the same name.
 */
import type { Range } from '../types';
import type { ZoneModel, ZoneRecord } from './model';
import { buildName } from './names';
import { recordTokenAt } from './query';

/** RDATA fields (token positions) that hold domain names, by type. Data only. */
export const NAME_FIELDS: Readonly<Record<string, readonly number[]>> = {
  NS: [0],
  CNAME: [0],
  DNAME: [0],
  PTR: [0],
  MB: [0],
  MD: [0],
  MF: [0],
  MG: [0],
  MR: [0],
  NSEC: [0],
  SOA: [0, 1],
  MINFO: [0, 1],
  RP: [0, 1],
  TALINK: [0, 1],
  MX: [1],
  KX: [1],
  AFSDB: [1],
  RT: [1],
  LP: [1],
  SVCB: [1],
  HTTPS: [1],
  PX: [1, 2],
  SRV: [3],
  NAPTR: [5],
};

interface NameIndex {
  /** Name fields in the RDATA by the absolute name they hold. */
  refs: Map<string, Range[]>;
}

const indexes = new WeakMap<ZoneModel, NameIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The absolute name held by RDATA token `index` of `r`, when that field is a domain name. */
function rdataName(model: ZoneModel, r: ZoneRecord, index: number): string | undefined {
  if (r.generic) return undefined;
  const fields = NAME_FIELDS[r.type];
  if (!fields || !fields.includes(index)) return undefined;
  const t = r.rdata[index];
  if (!t || t.quoted) return undefined;
  // SVCB/HTTPS: `.` is the owner itself (RFC 9460 §2.5).
  if ((r.type === 'SVCB' || r.type === 'HTTPS') && t.text === '.') return r.owner;
  return buildName(model.text, t.range.start, t.range.end, r.origin);
}

function nameIndex(model: ZoneModel): NameIndex {
  let index = indexes.get(model);
  if (index) return index;
  const refs = new Map<string, Range[]>();
  for (const type of Object.keys(NAME_FIELDS)) {
    for (const r of model.recordsOfType(type)) {
      if (r.generic) continue;
      for (const k of NAME_FIELDS[type]) {
        const name = rdataName(model, r, k);
        if (name !== undefined) push(refs, name, r.rdata[k].range);
      }
    }
  }
  for (const list of refs.values()) list.sort((a, b) => a.start - b.start);
  index = { refs };
  indexes.set(model, index);
  return index;
}

/** The name under `offset` (an owner token or a name field of the RDATA) and its range. */
export function nameAt(model: ZoneModel, offset: number): { name: string; range: Range; role: 'owner' | 'rdata' } | undefined {
  const record = model.recordAt(offset);
  if (!record) return undefined;
  const token = recordTokenAt(model, record, offset);
  if (!token) return undefined;
  if (token.role === 'owner') return { name: record.owner, range: token.range, role: 'owner' };
  if (token.role !== 'rdata') return undefined;
  const name = rdataName(model, record, token.index);
  return name === undefined ? undefined : { name, range: token.range, role: 'rdata' };
}

/**
 * Where the records of `name` are: the owner token of the first record of each run of records
 * with that owner (`all`: every written owner token of that name). A linear pass over the owner
 * names, which the store keeps, so a definition needs no index of its own.
 */
function ownerLocations(model: ZoneModel, name: string, all = false): Range[] {
  const out: Range[] = [];
  const records = model.records;
  let previous: string | undefined;
  for (let i = 0; i < records.length; i++) {
    const owner = records[i].owner;
    if (owner === name && (all || previous !== name)) {
      const r = records[i].ownerRange;
      if (r.end > r.start) out.push(r);
      else if (!all) out.push({ start: records[i].range.start, end: records[i].range.start });
    }
    previous = owner;
  }
  return out;
}

/** Definition of the name under `offset`: the owners of the records it names. */
export function zoneDefinition(model: ZoneModel, offset: number): Range[] {
  const hit = nameAt(model, offset);
  if (!hit) return [];
  return ownerLocations(model, hit.name);
}

/** Every place the name under `offset` appears: as written owner and in RDATA name fields. */
export function zoneReferences(model: ZoneModel, offset: number, includeDeclaration: boolean): Range[] {
  const hit = nameAt(model, offset);
  if (!hit) return [];
  const index = nameIndex(model);
  const out: Range[] = [...(index.refs.get(hit.name) ?? [])];
  if (includeDeclaration) {
    out.push(...ownerLocations(model, hit.name, true));
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
