/**
 * Outline of a zone file: each run of records with the same owner is a symbol whose children are
 * its RRsets (records of one type and class); directives are top-level symbols too. Above
 * `DETAILED_RECORDS` records the owners come without children (their detail lists the types):
 * editors ask for the outline after every edit, and a tree of every RRset of a large zone costs
 * more to build, send and show than it helps.
 */
import type { OutlineSymbol } from '../features';
import type { Range } from '../types';
import type { ZoneDirective, ZoneModel, ZoneRecord } from './model';

const RDATA_PREVIEW = 60;
export const DETAILED_RECORDS = 10_000;

function preview(model: ZoneModel, r: ZoneRecord): string {
  const doc = model.text;
  let s = r.typeRange.end;
  const e = r.range.end;
  while (s < e && (doc.charCodeAt(s) === 32 || doc.charCodeAt(s) === 9)) s++;
  let text = doc.slice(s, Math.min(e, s + 4 * RDATA_PREVIEW));
  // Over several lines, or with comments or parentheses: join the tokens instead.
  if (/[\n\r;()\t]| {2}/.test(text)) text = r.rdata.map((t) => t.text).join(' ');
  return text.length > RDATA_PREVIEW ? text.slice(0, RDATA_PREVIEW - 1) + '…' : text;
}

/** Display form of an owner: relative to the origin in effect when below it. */
export function displayName(origin: string, name: string): string {
  if (origin === '.') return name;
  if (name === origin) return '@';
  if (name.endsWith('.' + origin)) return name.slice(0, name.length - origin.length - 1);
  return name;
}

function directiveSymbol(model: ZoneModel, d: ZoneDirective): OutlineSymbol {
  const keyword = model.text.slice(d.keywordRange.start, d.keywordRange.end).toUpperCase();
  const args = d.args.map((a) => a.text).join(' ');
  return { name: keyword, detail: args, kind: d.kind === 'include' ? 'module' : 'key', range: d.range, selectionRange: d.keywordRange };
}

/** Outlines by model: editors ask again and again for the same version of a document. */
const cache = new WeakMap<ZoneModel, OutlineSymbol[]>();

export function zoneSymbols(model: ZoneModel): OutlineSymbol[] {
  let out = cache.get(model);
  if (!out) cache.set(model, (out = buildSymbols(model)));
  return out;
}

function buildSymbols(model: ZoneModel): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  const records = model.records;
  const directives = model.directives;
  let di = 0;
  let i = 0;
  while (i < records.length || di < directives.length) {
    if (di < directives.length && (i >= records.length || directives[di].recordIndex <= i)) {
      out.push(directiveSymbol(model, directives[di++]));
      continue;
    }
    // A run of records with the same owner, not interrupted by a directive.
    const stop = di < directives.length ? directives[di].recordIndex : records.length;
    const first = records[i];
    const owner = first.owner;
    let j = i + 1;
    while (j < stop && records[j].owner === owner) j++;
    out.push(ownerSymbol(model, records, i, j, records.length <= DETAILED_RECORDS));
    i = j;
  }
  return out;
}

function ownerSymbol(model: ZoneModel, records: readonly ZoneRecord[], from: number, to: number, detailed: boolean): OutlineSymbol {
  const first = records[from];
  const count = to - from;
  const owner = first.ownerRange;
  const start = Math.min(first.lineStart, first.range.start);
  const range: Range = { start, end: records[to - 1].range.end };
  const selectionRange = owner.end > owner.start ? owner : { start: first.range.start, end: first.range.start };
  const name = displayName(first.origin, first.owner);
  if (!detailed) {
    const types: string[] = [];
    for (let k = from; k < to; k++) if (!types.includes(records[k].type)) types.push(records[k].type);
    return { name, detail: `${count === 1 ? '1 record' : `${count} records`}: ${types.join(', ')}`, kind: 'namespace', range, selectionRange };
  }
  // RRsets in order of first appearance (a run of records holds only a few types).
  const sets: ZoneRecord[][] = [];
  for (let k = from; k < to; k++) {
    const r = records[k];
    const set = sets.find((l) => l[0].typeCode === r.typeCode && l[0].class === r.class);
    if (set) set.push(r);
    else sets.push([r]);
  }
  const children: OutlineSymbol[] = [];
  for (const list of sets) {
    const r0 = list[0];
    const range: Range = { start: r0.range.start, end: list[list.length - 1].range.end };
    children.push({
      name: r0.class === 'IN' ? r0.type : `${r0.class} ${r0.type}`,
      detail: list.length === 1 ? preview(model, r0) : `${list.length} records`,
      kind: 'field',
      range,
      selectionRange: r0.typeRange,
    });
  }
  return {
    name,
    detail: count === 1 ? '1 record' : `${count} records`,
    kind: 'namespace',
    range,
    selectionRange,
    children,
  };
}
