/**
 * Macro expansion (RFC 7208 §7): the letters, the transformers (`digits`, `r`, delimiters), the
 * escapes `%%` `%_` `%-`, URL-escaping of upper-case letters, and the post-processing of an
 * expanded domain-spec (trailing dot, 253-character truncation, §7.3 and §4.8).
 *
 * The macro-string has already been parsed (and rejected when malformed) by `parse.ts`; this
 * module only computes values.
 */
import type { MacroString } from './parse';

/** The values of the macro letters for one evaluation (RFC 7208 §7.2). */
export interface MacroValues {
  /** `<sender>`: local-part@domain (local-part `postmaster` when the sender has none). */
  s: string;
  l: string;
  o: string;
  /** The domain whose record is being evaluated. */
  d: string;
  /** Dotted IPv4, or IPv6 as 32 dot-separated nibbles. */
  i: string;
  /** `in-addr` or `ip6`. */
  v: string;
  h: string;
  /** The client IP in its readable form (exp only). */
  c: string;
  /** The receiving host's domain (exp only). */
  r: string;
  /** Seconds since the epoch (exp only). */
  t: string;
  /** The validated reverse-DNS name of the client (`unknown` when there is none); costs DNS queries. */
  p(): Promise<string>;
}

/** Longest expanded domain name RFC 7208 §7.3 allows; longer ones lose left-hand labels. */
export const MAX_EXPANDED_DOMAIN = 253;

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** URL-escapes every character outside RFC 3986 `unreserved`, as UTF-8 octets (RFC 7208 §7.3). */
export function urlEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    if (UNRESERVED.test(ch)) {
      out += ch;
      continue;
    }
    for (const b of utf8(ch)) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function utf8(ch: string): number[] {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x80) return [c];
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 63)];
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
  return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
}

/**
 * Applies the transformers of one macro (RFC 7208 §7.3): with no digits, no `r` and no
 * delimiters the value is used as is; otherwise it is split on the delimiters (`.` by default),
 * reversed when `r` is given, cut to the `digits` right-hand parts, and joined with `.`.
 */
export function transform(value: string, digits: number | undefined, reverse: boolean, delimiters: string): string {
  if (digits === undefined && !reverse && delimiters === '') return value;
  const delims = delimiters === '' ? '.' : delimiters;
  const parts: string[] = [];
  let cur = '';
  for (const ch of value) {
    if (delims.includes(ch)) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  if (reverse) parts.reverse();
  const kept = digits !== undefined && digits < parts.length ? parts.slice(parts.length - digits) : parts;
  return kept.join('.');
}

/** Expands a parsed macro-string. */
export async function expandMacroString(ms: MacroString, values: MacroValues): Promise<string> {
  let out = '';
  for (const part of ms.parts) {
    if (part.kind === 'literal') out += part.text;
    else if (part.kind === 'escape') out += part.text === '%%' ? '%' : part.text === '%_' ? ' ' : '%20';
    else {
      const letter = part.letter.toLowerCase();
      const raw = letter === 'p' ? await values.p() : valueOf(values, letter);
      const v = transform(raw, part.digits, part.reverse, part.delimiters);
      out += part.letter !== letter ? urlEscape(v) : v;
    }
  }
  return out;
}

function valueOf(values: MacroValues, letter: string): string {
  switch (letter) {
    case 's':
    case 'l':
    case 'o':
    case 'd':
    case 'i':
    case 'v':
    case 'h':
    case 'c':
    case 'r':
    case 't':
      return values[letter];
    default:
      return '';
  }
}

/**
 * An expanded domain-spec as a query name: a trailing dot is dropped, and a name longer than 253
 * characters loses labels from the left until it fits (RFC 7208 §7.3).
 */
export function finishDomain(expanded: string): string {
  let d = expanded.endsWith('.') ? expanded.slice(0, -1) : expanded;
  while (d.length > MAX_EXPANDED_DOMAIN) {
    const dot = d.indexOf('.');
    if (dot < 0) break;
    d = d.slice(dot + 1);
  }
  return d;
}
