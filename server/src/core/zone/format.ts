/**
 * Formatter: aligns the owner, TTL, class and type of each record in columns and starts the RDATA
 * in one column. Only the blanks between those fields change (and TTL and class are put in that
 * order); tokens, RDATA, comments, parentheses, directives and continuation lines stay as they
 * are, so the file holds the same records afterwards. A record whose leading fields are spread
 * over lines or interleaved with parentheses or comments is left untouched.
 */
import type { FormatOptions } from '../features';
import type { Range, TextEdit } from '../types';
import type { ZoneModel, ZoneRecord } from './model';

const DEFAULT_MAX_OWNER = 32;

interface Row {
  record: ZoneRecord;
  owner?: Range;
  ttl?: Range;
  cls?: Range;
  type: Range;
  /** Where the rewritten prefix ends: the first non-blank after the type (or the type's end). */
  end: number;
  /** Nothing but a line break or the end of the text follows the type. */
  bare: boolean;
}

function onlyBlanks(text: string, s: number, e: number): boolean {
  if (e < s) return false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function rowOf(text: string, r: ZoneRecord): Row | undefined {
  const ownerRange = r.ownerRange;
  const owner = ownerRange.end > ownerRange.start ? ownerRange : undefined;
  const ttl = r.ttlSource === 'explicit' ? r.ttlRange : undefined;
  const cls = r.classRange;
  const type = r.typeRange;
  const fields = [owner, ttl, cls, type].filter((f): f is Range => f !== undefined).sort((a, b) => a.start - b.start);
  let at = r.lineStart;
  if (owner) {
    if (owner.start !== r.lineStart) return undefined;
  } else if (fields[0].start === at || !onlyBlanks(text, at, fields[0].start)) {
    return undefined;
  }
  for (const f of fields) {
    if (f !== owner && (f.start === at || !onlyBlanks(text, at, f.start))) return undefined;
    at = f.end;
  }
  let end = type.end;
  while (end < text.length && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end++;
  const next = text.charCodeAt(end);
  const bare = end >= text.length || next === 10 || next === 13;
  return { record: r, owner, ttl, cls, type, end: bare ? type.end : end, bare };
}

const width = (r: Range | undefined): number => (r ? r.end - r.start : 0);

export function zoneFormat(model: ZoneModel, options: FormatOptions = {}): TextEdit[] {
  const text = model.text;
  const maxOwner = options.maxOwnerWidth ?? DEFAULT_MAX_OWNER;
  const rows: Row[] = [];
  for (const r of model.records) {
    const row = rowOf(text, r);
    if (row) rows.push(row);
  }
  let ownerW = 1;
  let ttlW = 0;
  let clsW = 0;
  let typeW = 0;
  for (const row of rows) {
    const o = width(row.owner);
    if (o <= maxOwner) ownerW = Math.max(ownerW, o);
    ttlW = Math.max(ttlW, width(row.ttl));
    clsW = Math.max(clsW, width(row.cls));
    typeW = Math.max(typeW, width(row.type));
  }
  const slice = (r: Range | undefined): string => (r ? text.slice(r.start, r.end) : '');
  const pad = (s: string, w: number): string => (s.length >= w ? s : s + ' '.repeat(w - s.length));
  const edits: TextEdit[] = [];
  for (const row of rows) {
    let line = pad(slice(row.owner), ownerW) + ' ';
    if (ttlW > 0) line += pad(slice(row.ttl), ttlW) + ' ';
    if (clsW > 0) line += pad(slice(row.cls), clsW) + ' ';
    const type = slice(row.type);
    line += row.bare ? type : pad(type, typeW) + ' ';
    if (row.bare) line = line.replace(/[ \t]+$/, '');
    const start = row.record.lineStart;
    if (text.slice(start, row.end) !== line) edits.push({ range: { start, end: row.end }, newText: line });
  }
  return edits;
}
