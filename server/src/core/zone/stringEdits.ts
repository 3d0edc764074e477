/**
 * Edits inside the character-strings of a record (TXT values of SPF, DMARC, DKIM… records): the
 * value is the strings joined (`MappedText`), and a change of value characters becomes edits of
 * the document text they came from.
 */
import type { MappedText } from '../text';
import type { Range, TextEdit } from '../types';
import type { ZoneRecord } from './model';

/** `s` written for the string at `docOffset`: `"` and `\` escaped; in an unquoted string also space, `;` and parentheses. */
export function escapeForString(record: ZoneRecord, docOffset: number, s: string): string {
  const token = record.rdata.find((t) => docOffset >= t.range.start && docOffset <= t.range.end);
  const quoted = !token || token.text.startsWith('"');
  let out = s.replace(/[\\"]/g, (c) => '\\' + c);
  if (!quoted) out = out.replace(/ /g, '\\032').replace(/[;()]/g, (c) => '\\' + c);
  return out;
}

/**
 * Replaces value characters `[start, end)` with `replacement`: one edit per contiguous run of
 * document text (the value may span several strings, or hold escapes), the replacement in the
 * first run and the others emptied. An insertion (`start === end`) at the boundary of two strings
 * goes with the character it attaches to: the end of the earlier string (`previous`) or the start
 * of the later one (`next`).
 */
export function replaceInStrings(
  record: ZoneRecord,
  text: MappedText,
  start: number,
  end: number,
  replacement: string,
  attach: 'previous' | 'next' = 'next',
): TextEdit[] {
  if (end <= start) {
    const at = start > 0 && attach === 'previous' ? text.docRange(start - 1, start).end : text.docOffset(start);
    return [{ range: { start: at, end: at }, newText: escapeForString(record, at, replacement) }];
  }
  const runs: Range[] = [];
  for (let i = start; i < end; i++) {
    const r = text.docRange(i, i + 1);
    const last = runs[runs.length - 1];
    if (last && last.end === r.start) last.end = r.end;
    else runs.push({ start: r.start, end: r.end });
  }
  return runs.map((r, k) => ({ range: r, newText: k === 0 ? escapeForString(record, r.start, replacement) : '' }));
}
