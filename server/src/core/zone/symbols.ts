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
import { composeChange, movedRange, type TextChange } from './regional';
import { firstIndex } from '../sorted';

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

/**
 * For a model parsed from an earlier version: the outline of the nearest earlier version that had
 * one, and the edits since (see `carryOutline`).
 */
const carried = new WeakMap<ZoneModel, { outline: OutlineSymbol[]; detailed: boolean; change: TextChange }>();

export function zoneSymbols(model: ZoneModel): OutlineSymbol[] {
  let out = cache.get(model);
  if (out) return out;
  out = editedOutline(model) ?? buildSymbols(model, 0, model.recordCount, 0, model.directives.length);
  cache.set(model, out);
  carried.delete(model);
  return out;
}

/**
 * `next` was parsed from `old` and `change` (only the edited records parsed again): its outline
 * may then be built from the latest outline of an earlier version, rebuilding only the owners
 * around the edit. Keeps an outline, not the models.
 */
export function carryOutline(old: ZoneModel, next: ZoneModel, change: TextChange): void {
  const outline = cache.get(old);
  const before = carried.get(old);
  if (outline) carried.set(next, { outline, detailed: detailed(old), change });
  else if (before) carried.set(next, { ...before, change: composeChange(before.change, change.start, change.oldEnd, change.newEnd - change.start) });
}

const detailed = (model: ZoneModel): boolean => model.recordCount <= DETAILED_RECORDS;

/**
 * The outline of `model` from a carried one: the symbols before the edit as they were, those
 * around it (one more on each side, where an owner's run could join the edited records) built
 * again from the model, those after it moved with the text.
 */
function editedOutline(model: ZoneModel): OutlineSymbol[] | undefined {
  const from = carried.get(model);
  if (!from || from.detailed !== detailed(model)) return undefined;
  const { outline, change } = from;
  const delta = change.newEnd - change.oldEnd;
  const first = Math.max(0, firstIndex(outline.length, (k) => outline[k].range.end >= change.start) - 1);
  const last = Math.min(outline.length - 1, firstIndex(outline.length, (k) => outline[k].range.start > change.oldEnd));
  // The stretch in the new text: from the start of the first symbol built again (or of the text)
  // to the end of the last one (or of the text).
  const start = first < outline.length && outline[first].range.start < change.start ? outline[first].range.start : 0;
  const end = last >= 0 && last < outline.length && outline[last].range.start > change.oldEnd ? outline[last].range.end + delta : model.text.length;
  const records = model.records;
  const recordFrom = firstIndex(records.length, (k) => records[k].range.start >= start);
  const recordTo = firstIndex(records.length, (k) => records[k].range.start >= end);
  const directives = model.directives;
  const directiveAt = (offset: number): number => firstIndex(directives.length, (k) => directives[k].range.start >= offset);
  const rebuilt = buildSymbols(model, recordFrom, recordTo, directiveAt(start), directiveAt(end));
  const keptAfter = end === model.text.length ? [] : outline.slice(last + 1).map((s) => movedSymbol(s, delta));
  return [...outline.slice(0, start === 0 ? 0 : first), ...rebuilt, ...keptAfter];
}

function movedSymbol(s: OutlineSymbol, delta: number): OutlineSymbol {
  const moved: OutlineSymbol = { ...s, range: movedRange(s.range, delta), selectionRange: movedRange(s.selectionRange, delta) };
  if (s.children) moved.children = s.children.map((c) => movedSymbol(c, delta));
  return moved;
}

/** The symbols of records `[i, recordTo)` and directives `[di, directiveTo)`, in document order. */
function buildSymbols(model: ZoneModel, i: number, recordTo: number, di: number, directiveTo: number): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  const records = model.records;
  const directives = model.directives;
  while (i < recordTo || di < directiveTo) {
    if (di < directiveTo && (i >= recordTo || directives[di].recordIndex <= i)) {
      out.push(directiveSymbol(model, directives[di++]));
      continue;
    }
    // A run of records with the same owner, not interrupted by a directive.
    const stop = di < directives.length ? Math.min(directives[di].recordIndex, recordTo) : recordTo;
    const first = records[i];
    const owner = first.owner;
    let j = i + 1;
    while (j < stop && records[j].owner === owner) j++;
    out.push(ownerSymbol(model, records, i, j, detailed(model)));
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
