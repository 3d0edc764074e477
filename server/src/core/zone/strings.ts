/**
 * Decoding of character-strings (RFC 1035 §5.1) into `MappedText`, so analyses of the decoded
 * value (SPF terms…) can point back into the document. `\DDD` becomes the character with that
 * code (an octet value 0–255), `\X` becomes `X`; each decoded character maps to the document
 * characters it was written with.
 */
import { MappedText } from '../text';
import { TOK_ESCAPES, TOK_QUOTED, TOK_UNTERMINATED } from './lexer';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Decode the token `text[start, end)` (quoted or not) as one character-string. */
export function decodeCharacterString(text: string, start: number, end: number, flags: number): MappedText {
  let s = start;
  let e = end;
  if (flags & TOK_QUOTED) {
    s = start + 1;
    if (!(flags & TOK_UNTERMINATED) && e > s) e = end - 1;
  }
  if (!(flags & TOK_ESCAPES)) return MappedText.contiguous(text.slice(s, e), s);
  let value = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = s; i < e; ) {
    const c = text.charCodeAt(i);
    if (c !== 92 || i + 1 >= e) {
      value += text[i];
      starts.push(i);
      ends.push(i + 1);
      i++;
      continue;
    }
    if (i + 3 < e && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3))) {
      const v = (text.charCodeAt(i + 1) - 48) * 100 + (text.charCodeAt(i + 2) - 48) * 10 + (text.charCodeAt(i + 3) - 48);
      value += String.fromCharCode(v);
      starts.push(i);
      ends.push(i + 4);
      i += 4;
      continue;
    }
    value += text[i + 1];
    starts.push(i);
    ends.push(i + 2);
    i += 2;
  }
  return new MappedText(value, starts, ends, e);
}

/** Hex digits of RFC 3597 generic RDATA decoded to octets, each with its document span. */
export interface MappedBytes {
  bytes: number[];
  starts: number[];
  ends: number[];
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}

/** Decode the hex tokens `[start, end)` pairs; stops at the first non-hex character. */
export function decodeHex(text: string, tokens: readonly { start: number; end: number }[]): MappedBytes {
  const out: MappedBytes = { bytes: [], starts: [], ends: [] };
  let high = -1;
  let highAt = 0;
  for (const t of tokens) {
    for (let i = t.start; i < t.end; i++) {
      const v = hexValue(text.charCodeAt(i));
      if (v < 0) return out;
      if (high < 0) {
        high = v;
        highAt = i;
      } else {
        out.bytes.push(high * 16 + v);
        out.starts.push(highAt);
        out.ends.push(i + 1);
        high = -1;
      }
    }
  }
  return out;
}

/** Split wire-format character-strings (length octet + data) out of decoded generic RDATA. */
export function wireStrings(data: MappedBytes, endOffset: number): MappedText[] {
  const result: MappedText[] = [];
  let i = 0;
  while (i < data.bytes.length) {
    const n = data.bytes[i];
    const from = i + 1;
    const to = Math.min(from + n, data.bytes.length);
    let value = '';
    for (let k = from; k < to; k++) value += String.fromCharCode(data.bytes[k]);
    const end = to < data.bytes.length ? data.starts[to] : endOffset;
    result.push(new MappedText(value, data.starts.slice(from, to), data.ends.slice(from, to), end));
    i = to;
  }
  return result;
}
