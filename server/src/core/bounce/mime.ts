/**
 * The small part of RFC 5322 / MIME (RFC 2045–2047) a bounce needs: header fields with folded
 * continuation lines, multipart bodies split at their boundaries, and text decoded from
 * quoted-printable, base64 and the usual charsets. Offsets are into the original text; a part
 * whose body had to be decoded says so (`exact: false`), and its characters then map to the
 * part's whole body range. Nothing here throws.
 */
import type { Range } from '../types';

export interface HeaderField {
  /** Lower-case field name. */
  name: string;
  /** The value, continuation lines unfolded (line breaks removed, whitespace kept). */
  value: string;
  /** Offset of the first character of the value (after the colon and leading blanks). */
  valueStart: number;
  /** Offset just after the last character of the field (before its line break). */
  end: number;
  /** Offsets where each physical line of the value starts, for mapping unfolded text back. */
  pieces: { at: number; text: string }[];
}

export interface HeaderBlock {
  fields: HeaderField[];
  /** Offset of the first body character (after the blank line), or `end` when there is none. */
  bodyStart: number;
}

/** A piece of decoded text with the way back to the input. */
export interface Segment {
  /** What the part holds. */
  kind: 'text' | 'delivery-status' | 'message' | 'other';
  text: string;
  /** The input range of the part's body. */
  range: Range;
  /** True when `range.start + i` is the input offset of `text[i]` (no decoding took place). */
  exact: boolean;
  /** The part's Content-Type (lower case), '' for a body without one. */
  contentType: string;
}

/** Limits that keep any input linear and bounded. */
export const MAX_PARTS = 200;
export const MAX_DEPTH = 8;
/** Header fields read per block; the rest of an overlong block is read as body. */
export const MAX_FIELDS = 2000;
/** Encoded bodies beyond this many characters are decoded only up to it. */
export const MAX_DECODE_CHARS = 2 * 1024 * 1024;

/** Field names as bounces use them (stricter than RFC 5322's printable ASCII, so "<a@b>:" is not one). */
const FIELD_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*:/;

/** End of the line that starts at `at` (offset of its line break or the end). */
function lineEnd(text: string, at: number, end: number): number {
  const nl = text.indexOf('\n', at);
  const e = nl < 0 || nl > end ? end : nl;
  return e > at && text.charCodeAt(e - 1) === 13 ? e - 1 : e;
}

function nextLine(text: string, at: number, end: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 || nl >= end ? end : nl + 1;
}

/**
 * Header fields from `start` up to the first empty line (or a line that is neither a field nor a
 * continuation, which ends the block as well: the body then starts there).
 */
export function parseHeaders(text: string, start: number, end: number): HeaderBlock {
  const fields: HeaderField[] = [];
  let at = start;
  let current: HeaderField | undefined;
  while (at < end) {
    const le = lineEnd(text, at, end);
    const line = text.slice(at, le);
    if (line.trim() === '') return { fields, bodyStart: nextLine(text, at, end) };
    if ((line[0] === ' ' || line[0] === '\t') && current) {
      // Values are kept up to 64 KiB; the field's end still follows every continuation line.
      if (current.value.length < 65536) {
        current.value += line;
        current.pieces.push({ at, text: line });
      }
      current.end = le;
    } else if (fields.length >= MAX_FIELDS) {
      return { fields, bodyStart: at };
    } else if (FIELD_NAME.test(line)) {
      const colon = line.indexOf(':');
      let v = colon + 1;
      while (v < line.length && (line[v] === ' ' || line[v] === '\t')) v++;
      current = { name: line.slice(0, colon).toLowerCase(), value: line.slice(v), valueStart: at + v, end: le, pieces: [{ at: at + v, text: line.slice(v) }] };
      fields.push(current);
    } else if (fields.length === 0 && /^From /.test(line)) {
      // An mbox separator line before the first field.
    } else {
      return { fields, bodyStart: at };
    }
    at = nextLine(text, at, end);
  }
  return { fields, bodyStart: end };
}

export function field(block: HeaderBlock | HeaderField[], name: string): HeaderField | undefined {
  const list = Array.isArray(block) ? block : block.fields;
  return list.find((f) => f.name === name);
}

/** `type/subtype; a=b; c="d"` → the lower-case type and the parameters (names lower-cased). */
export function parseContentType(value: string | undefined): { type: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  if (!value) return { type: '', params };
  const semi = value.indexOf(';');
  const type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  const re = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g;
  for (const m of value.slice(Math.max(0, semi)).matchAll(re)) {
    params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
  }
  return { type, params };
}

// ----- decoding --------------------------------------------------------------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;
B64_INDEX['-'.charCodeAt(0)] = 62;
B64_INDEX['_'.charCodeAt(0)] = 63;

/** Base64 to bytes; characters outside the alphabet are skipped, a trailing partial group dropped. */
export function decodeBase64(s: string): Uint8Array {
  const out = new Uint8Array(Math.floor((s.length * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 61) break; // '=' padding ends the data
    const v = c < 128 ? B64_INDEX[c] : -1;
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

function pushUtf8(out: number[], code: number): void {
  if (code < 0x80) out.push(code);
  else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
  else out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Quoted-printable to bytes (`=XX`, soft line breaks); `underscore` for RFC 2047 Q encoding. */
export function decodeQuotedPrintable(s: string, underscore = false): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 61 /* = */) {
      const hex = s.slice(i + 1, i + 3);
      if (HEX.test(hex)) {
        out.push(parseInt(hex, 16));
        i += 2;
        continue;
      }
      // Soft line break: '=' then optional blanks then CRLF or LF.
      const m = /^[ \t]*\r?\n/.exec(s.slice(i + 1, i + 80));
      if (m) {
        i += m[0].length;
        continue;
      }
      out.push(c);
    } else if (underscore && c === 95 /* _ */) out.push(32);
    else pushUtf8(out, c);
  }
  return Uint8Array.from(out);
}

/** Bytes in a charset to text; unknown charsets fall back to UTF-8, then Latin-1. */
export function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
  const label = (charset ?? 'utf-8').trim().toLowerCase().replace(/\*.*$/, '') || 'utf-8';
  const Decoder = (globalThis as { TextDecoder?: new (label: string, o?: { fatal?: boolean }) => { decode(b: Uint8Array): string } }).TextDecoder;
  if (Decoder) {
    for (const l of [label === 'us-ascii' || label === 'ascii' ? 'utf-8' : label, 'utf-8']) {
      try {
        return new Decoder(l).decode(bytes);
      } catch {
        // unknown label: try the next
      }
    }
  }
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** Text to bytes the way the input holds it: Latin-1 code units as bytes, others as UTF-8. */
function rawBytes(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 256) out.push(c);
    else pushUtf8(out, c);
  }
  return Uint8Array.from(out);
}

/** RFC 2047 encoded words (`=?charset?B|Q?…?=`) decoded; blanks between adjacent words dropped. */
export function decodeEncodedWords(value: string): string {
  const re = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
  let out = '';
  let last = 0;
  let prevWasWord = false;
  for (const m of value.matchAll(re)) {
    const between = value.slice(last, m.index);
    if (!(prevWasWord && between.trim() === '')) out += between;
    const bytes = m[2].toLowerCase() === 'b' ? decodeBase64(m[3]) : decodeQuotedPrintable(m[3], true);
    out += decodeBytes(bytes, m[1]);
    last = (m.index ?? 0) + m[0].length;
    prevWasWord = true;
  }
  return out + value.slice(last);
}

// ----- entities --------------------------------------------------------------------------------

/** True when the text starts like a message: a header field (or an mbox `From ` line) first. */
export function looksLikeMessage(text: string): boolean {
  const first = text.slice(0, lineEnd(text, 0, Math.min(text.length, 1000)));
  return FIELD_NAME.test(first) || /^From \S/.test(first);
}

function kindOf(type: string): Segment['kind'] {
  if (type === 'message/delivery-status' || type === 'message/global-delivery-status') return 'delivery-status';
  if (type === 'message/rfc822' || type === 'message/global' || type === 'text/rfc822-headers' || type === 'message/global-headers') return 'message';
  if (type === '' || type.startsWith('text/')) return 'text';
  return 'other';
}

/** The body of a leaf part as text, decoded as its headers say. */
export function leafSegment(text: string, fields: HeaderField[], bodyStart: number, end: number, defaultType = 'text/plain'): Segment {
  const ct = parseContentType(field(fields, 'content-type')?.value);
  const type = ct.type || defaultType;
  const encoding = (field(fields, 'content-transfer-encoding')?.value ?? '').trim().toLowerCase();
  const range = { start: bodyStart, end };
  const kind = kindOf(type);
  const raw = text.slice(bodyStart, Math.min(end, bodyStart + MAX_DECODE_CHARS));
  const charset = ct.params.charset;
  if (encoding === 'base64') return { kind, text: decodeBytes(decodeBase64(raw), charset), range, exact: false, contentType: type };
  if (encoding === 'quoted-printable') return { kind, text: decodeBytes(decodeQuotedPrintable(raw), charset), range, exact: false, contentType: type };
  // 7bit / 8bit: the input's own characters, unless they are bytes of a stateful Japanese charset.
  if (charset && /^iso-2022-jp/i.test(charset) && raw.includes('\x1b')) {
    return { kind, text: decodeBytes(rawBytes(raw), charset), range, exact: false, contentType: type };
  }
  return { kind, text: text.slice(bodyStart, end), range, exact: true, contentType: type };
}

/** Offsets of the delimiter lines `--boundary` in [start, end). */
function delimiters(text: string, boundary: string, start: number, end: number): { at: number; next: number; close: boolean }[] {
  const found: { at: number; next: number; close: boolean }[] = [];
  const dash = '--' + boundary;
  let from = start;
  while (from < end && found.length <= MAX_PARTS) {
    const i = text.indexOf(dash, from);
    if (i < 0 || i >= end) break;
    const atLineStart = i === start || text[i - 1] === '\n';
    const after = text.slice(i + dash.length, i + dash.length + 2);
    const le = lineEnd(text, i, end);
    if (atLineStart) {
      const close = after === '--';
      // The rest of the line must be blanks (transport padding) for a delimiter.
      if (text.slice(i + dash.length + (close ? 2 : 0), le).trim() === '') found.push({ at: i, next: nextLine(text, i, end), close });
    }
    from = le + 1;
  }
  return found;
}

/**
 * Walks an entity (headers + body) and appends its leaf parts, depth-first, in document order.
 * A multipart whose boundary never occurs is read as one text part.
 */
export function walkEntity(text: string, start: number, end: number, out: Segment[], depth = 0, defaultType = 'text/plain'): HeaderBlock {
  const block = parseHeaders(text, start, end);
  const ct = parseContentType(field(block, 'content-type')?.value);
  const boundary = ct.params.boundary;
  if (ct.type.startsWith('multipart/') && boundary && depth < MAX_DEPTH) {
    const ds = delimiters(text, boundary, block.bodyStart, end);
    if (ds.length > 0) {
      for (let k = 0; k < ds.length && out.length < MAX_PARTS; k++) {
        if (ds[k].close) break;
        const partEnd = k + 1 < ds.length ? ds[k + 1].at : end;
        // The line break before the next delimiter belongs to the delimiter.
        let e = partEnd;
        if (e > ds[k].next && text[e - 1] === '\n') e--;
        if (e > ds[k].next && text[e - 1] === '\r') e--;
        walkEntity(text, ds[k].next, Math.max(ds[k].next, e), out, depth + 1, ct.type === 'multipart/digest' ? 'message/rfc822' : 'text/plain');
      }
      return block;
    }
  }
  if (out.length < MAX_PARTS) out.push(leafSegment(text, block.fields, block.bodyStart, end, ct.type ? ct.type : defaultType));
  return block;
}
