/**
 * Domain names as written in master files (RFC 1035 §5.1): `@`, relative and absolute names,
 * `\X` and `\DDD` escapes. Names are returned absolute, with a trailing dot, in a canonical
 * presentation form: ASCII letters lower-cased (also when written as escapes), a dot inside a label
 * written `\.`, characters that cannot stand unescaped in a token written `\X`, control and
 * escaped 8-bit octets written `\DDD`. Literal non-ASCII characters are kept as they are (their
 * UTF-8 octets count towards the length limits).
 */

export const MAX_LABEL = 63;
export const MAX_NAME = 255;

export interface NameProblem {
  code: 'empty-label' | 'label-too-long' | 'name-too-long';
  message: string;
  start: number;
  end: number;
}

/** UTF-8 octets of one UTF-16 code unit (a surrogate pair counts 2 + 2). */
export function utf8Units(c: number): number {
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdfff) return 2;
  return 3;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Reads names. One instance is reused for a whole parse; after each `check` or `read` the fields
 * `problem`, `wire` and `absolute` describe the name just seen (no allocation unless there is a
 * problem). `check` validates without building the string, so the parser can defer that.
 */
export class NameReader {
  /** First problem of the last name read, if any. */
  problem: NameProblem | undefined;
  /** Wire-format length of the last name read (including the root label). */
  wire = 0;
  /** The last name was written absolute (trailing dot, or `.`). */
  absolute = false;

  /**
   * Read `text[s, e)` as a name relative to `origin` (absolute, canonical) whose wire length is
   * `originWire`. Always returns a name; problems are left in `this.problem`.
   */
  read(text: string, s: number, e: number, origin: string, originWire: number): string {
    this.check(text, s, e, origin, originWire);
    return buildName(text, s, e, origin);
  }

  /** Validate `text[s, e)` as a name (label and name lengths, empty labels) without building it. */
  check(text: string, s: number, e: number, origin: string, originWire: number): void {
    this.problem = undefined;
    if (e - s === 1) {
      const c = text.charCodeAt(s);
      if (c === 64) {
        this.wire = originWire;
        this.absolute = false;
        return;
      }
      if (c === 46) {
        this.wire = 1;
        this.absolute = true;
        return;
      }
    }
    let wire = 0;
    let labelLen = 0;
    let labelStart = s;
    let absolute = false;
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c === 46) {
        if (labelLen === 0) {
          this.note('empty-label', 'Empty label in domain name (two dots in a row, or a leading dot)', i, i + 1);
        } else if (labelLen > MAX_LABEL) {
          this.note('label-too-long', `Label is ${labelLen} octets long (at most ${MAX_LABEL})`, labelStart, i);
        }
        wire += labelLen + 1;
        labelLen = 0;
        labelStart = i + 1;
        if (i === e - 1) absolute = true;
      } else if (c === 92) {
        i = escapeEnd(text, i, e) - 1;
        labelLen++;
      } else {
        labelLen += c < 0x80 ? 1 : utf8Units(c);
      }
    }
    if (!absolute) {
      if (labelLen > MAX_LABEL) {
        this.note('label-too-long', `Label is ${labelLen} octets long (at most ${MAX_LABEL})`, labelStart, e);
      }
      // The origin's wire length already counts its root label.
      wire += labelLen + 1 + originWire;
    } else {
      wire += 1;
    }
    if (wire > MAX_NAME && !this.problem) {
      this.note(
        'name-too-long',
        absolute
          ? `Domain name is ${wire} octets long (at most ${MAX_NAME})`
          : `Domain name is ${wire} octets long after appending the origin '${origin}' (at most ${MAX_NAME})`,
        s,
        e,
      );
    }
    this.wire = wire;
    this.absolute = absolute;
  }

  private note(code: NameProblem['code'], message: string, start: number, end: number): void {
    if (!this.problem) this.problem = { code, message, start, end };
  }
}

/** Offset after the escape whose backslash is at `i` (`\DDD` or `\X`). */
function escapeEnd(text: string, i: number, e: number): number {
  if (i + 3 < e && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3))) return i + 4;
  return i + 1 < e ? i + 2 : i + 1;
}

/** The absolute, canonical name written as `text[s, e)` under `origin`. */
export function buildName(text: string, s: number, e: number, origin: string): string {
  if (e - s === 1) {
    const c = text.charCodeAt(s);
    if (c === 64) return origin;
    if (c === 46) return '.';
  }
  let upper = false;
  let rewrite = false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c < 33 || c >= 127 || c === 92) {
      rewrite = true;
      break;
    }
  }
  let rel: string;
  if (rewrite) rel = canonical(text, s, e);
  else if (upper) rel = text.slice(s, e).toLowerCase();
  else rel = text.slice(s, e);
  if (isAbsolute(text, s, e)) return rel;
  return origin === '.' ? rel + '.' : rel + '.' + origin;
}

/** Ends with a dot that is not escaped. */
function isAbsolute(text: string, s: number, e: number): boolean {
  if (e <= s || text.charCodeAt(e - 1) !== 46) return false;
  let backslashes = 0;
  for (let i = e - 2; i >= s && text.charCodeAt(i) === 92; i--) backslashes++;
  // `\\.` ends with an escaped backslash and a real dot; `\.` is an escaped dot. Also `\046.`
  // style escapes end in a digit, never in a dot, so counting backslashes is enough.
  return backslashes % 2 === 0;
}

/** Canonical presentation of one octet (or literal character) of a label. */
function unit(v: number, fromEscape: boolean): string {
  if (v >= 65 && v <= 90) return String.fromCharCode(v + 32);
  if (v < 32 || v === 127 || (fromEscape && v >= 128 && v <= 255)) return '\\' + String(v).padStart(3, '0');
  if (v === 32 || v === 34 || v === 40 || v === 41 || v === 59 || v === 92) return '\\' + String.fromCharCode(v);
  if (v === 46) return fromEscape ? '\\.' : '.';
  return String.fromCharCode(v);
}

/** Slow path: rewrite a name token with escapes, control or non-ASCII characters. */
function canonical(text: string, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c !== 92) {
      out += c >= 0x80 ? text[i] : unit(c, false);
      continue;
    }
    if (i + 3 < e && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3))) {
      const v = (text.charCodeAt(i + 1) - 48) * 100 + (text.charCodeAt(i + 2) - 48) * 10 + (text.charCodeAt(i + 3) - 48);
      out += v > 255 ? text.slice(i, i + 4) : unit(v, true);
      i += 3;
    } else if (i + 1 < e) {
      const n = text.charCodeAt(i + 1);
      out += n >= 0x80 ? text[i + 1] : unit(n, true);
      i += 1;
    } else {
      out += '\\\\';
    }
  }
  return out;
}
