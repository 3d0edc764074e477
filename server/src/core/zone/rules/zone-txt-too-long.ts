/**
 * `zone-txt-too-long`: a character-string over 255 octets (RFC 1035 §3.3). The quick fix splits it
 * into several strings of at most 255 octets, which TXT consumers (SPF, DKIM) join again.
 */
import type { Rule } from '../../rule';
import type { TextEdit } from '../../types';
import { TOK_ESCAPES, TOK_QUOTED, TOK_UNTERMINATED } from '../lexer';
import type { ZoneModel } from '../model';
import { utf8Units } from '../names';
import { decodeCharacterString } from '../strings';
import { parserProblemPoint } from '../dialect';
import { refuses, targetServer } from '../servers';

const MAX = 255;

function flagsOf(token: string): number {
  let f = 0;
  if (token.startsWith('"')) {
    f |= TOK_QUOTED;
    if (token.length < 2 || !token.endsWith('"')) f |= TOK_UNTERMINATED;
  }
  if (token.includes('\\')) f |= TOK_ESCAPES;
  return f;
}

/** The token at `[start, end)` rewritten as quoted strings of at most 255 octets each. */
export function splitString(text: string, start: number, end: number): string {
  const decoded = decodeCharacterString(text, start, end, flagsOf(text.slice(start, end)));
  const pieces: string[] = [];
  let from = 0;
  let bytes = 0;
  const n = decoded.value.length;
  for (let i = 0; i < n; i++) {
    const span = decoded.docRange(i, i + 1);
    const b = span.end - span.start > 1 && text.charCodeAt(span.start) === 92 ? 1 : utf8Units(decoded.value.charCodeAt(i));
    if (bytes + b > MAX) {
      const r = decoded.docRange(from, i);
      pieces.push(text.slice(r.start, r.end));
      from = i;
      bytes = 0;
    }
    bytes += b;
  }
  const r = decoded.docRange(from, n);
  pieces.push(text.slice(r.start, r.end));
  return pieces.map((p) => `"${p}"`).join(' ');
}

/** Types whose RDATA is a sequence of any number of character-strings. */
const SPLITTABLE = new Set(['TXT', 'SPF']);

export const zoneTxtTooLong: Rule<ZoneModel> = {
  meta: {
    id: 'zone-txt-too-long',
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'A character-string (TXT, SPF…) is longer than 255 octets; split it into several strings.',
  },
  check(model, ctx, report) {
    const target = targetServer(ctx.settings);
    for (const p of model.problems) {
      if (p.code !== 'string-too-long') continue;
      // A target server that splits over-long TXT strings itself: zone-portability warns instead.
      const point = parserProblemPoint(p, model);
      if (point && !refuses(target, point)) continue;
      report({ range: p.range, message: p.message });
    }
  },
  fix(model, finding) {
    const { start, end } = finding.range;
    if (end <= start || end > model.text.length) return [];
    // Only types that take any number of strings can be split without changing their meaning
    // (HINFO, NAPTR, CAA… take a fixed number of fields).
    const record = model.recordAt(start);
    if (!record || !SPLITTABLE.has(record.type)) return [];
    const edit: TextEdit = { range: { start, end }, newText: splitString(model.text, start, end) };
    return [{ title: 'Split into strings of at most 255 octets', rule: 'zone-txt-too-long', edits: [edit], preferred: true }];
  },
};
