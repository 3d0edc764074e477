/**
 * Text edits the SPF quick fixes share: removing or appending a term, writing a value as quoted
 * character-strings, replacing a record's RDATA, deleting or inserting a whole record line.
 * Every function computes edits from the model only (fixes are stateless).
 */
import type { Range, TextEdit } from '../types';
import type { ZoneModel, ZoneRecord } from '../zone/model';
import type { Part } from './parse';
import { replaceInValue, type SpfCandidate } from './records';

/** Removes a term and one space that separates it from its neighbour. */
export function removeTerm(c: SpfCandidate, t: Part): TextEdit[] {
  const v = c.text.value;
  let s = t.start;
  let e = t.end;
  if (s > 0 && v[s - 1] === ' ') s--;
  else if (v[e] === ' ') e++;
  return replaceInValue(c, s, e, '');
}

/** Appends a term at the end of the record value. */
export function appendTerm(c: SpfCandidate, term: string): TextEdit[] {
  const v = c.text.value;
  return replaceInValue(c, v.length, v.length, (v.endsWith(' ') ? '' : ' ') + term);
}

/** The longest a character-string may be (RFC 1035 §3.3). */
export const MAX_STRING = 255;

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '"' || ch === '\\') return '\\' + ch;
  if (code < 0x20 || code === 0x7f) return '\\' + String(code).padStart(3, '0');
  return ch;
}

/** A value written as quoted character-strings of at most 255 characters, separated by spaces. */
export function quoteStrings(value: string): string {
  const chunks: string[] = [];
  for (let i = 0; i < value.length; i += MAX_STRING) chunks.push(value.slice(i, i + MAX_STRING));
  if (chunks.length === 0) chunks.push('');
  return chunks.map((c) => `"${[...c].map(escapeChar).join('')}"`).join(' ');
}

/** The range of a record's RDATA as written (first to last RDATA token). */
export function rdataRange(record: ZoneRecord): Range {
  const r = record.rdata;
  if (r.length === 0) return { start: record.range.end, end: record.range.end };
  return { start: r[0].range.start, end: r[r.length - 1].range.end };
}

/** Replaces a TXT record's RDATA with `value` as quoted strings. */
export function replaceRdata(record: ZoneRecord, value: string): TextEdit {
  return { range: rdataRange(record), newText: quoteStrings(value) };
}

/** Offset just after the line break that ends the line holding `offset` (or the text end). */
export function lineEndAfter(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/**
 * Deletes a record with its line(s). When the next record inherits its owner from this one
 * (its line starts with blanks), the owner is written on that next line so it keeps its name.
 */
export function deleteRecord(model: ZoneModel, record: ZoneRecord): TextEdit[] {
  const text = model.text;
  const start = record.lineStart;
  const end = lineEndAfter(text, record.range.end);
  const edits: TextEdit[] = [{ range: { start, end }, newText: '' }];
  const records = model.records;
  const i = records.indexOf(record);
  const next = i >= 0 ? records[i + 1] : undefined;
  const ownerWritten = record.ownerRange.end > record.ownerRange.start;
  if (next && ownerWritten && next.ownerRange.end === next.ownerRange.start && next.lineStart >= end) {
    const owner = text.slice(record.ownerRange.start, record.ownerRange.end);
    edits.push({ range: { start: next.lineStart, end: next.lineStart }, newText: owner });
  }
  return edits;
}

/** How to write `owner` (absolute, with dot) on a line where `origin` is in effect. */
export function ownerText(owner: string, origin: string): string {
  if (owner === origin) return '@';
  if (origin !== '.' && owner.endsWith('.' + origin)) return owner.slice(0, owner.length - origin.length - 1);
  return owner;
}

/** Inserts a line after the line(s) of `record`. */
export function insertLineAfter(model: ZoneModel, record: ZoneRecord, line: string): TextEdit {
  const text = model.text;
  const at = lineEndAfter(text, record.range.end);
  const needsBreak = at === text.length && !text.endsWith('\n');
  return { range: { start: at, end: at }, newText: `${needsBreak ? '\n' : ''}${line}\n` };
}
