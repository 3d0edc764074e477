/**
 * Token scanning for master files (RFC 1035 §5.1). Works on offsets with `charCodeAt`; never
 * allocates per character. Tokens are unquoted character runs or `"quoted strings"`; both may
 * contain `\X` and `\DDD` escapes (an escaped line break belongs to the token, as in BIND).
 * Space, tab, line breaks, `;`, `(`, `)` and `"` end an unquoted token; a NUL byte ends it too
 * (and is reported). A quoted string ends at its closing quote or, unterminated, at the end of
 * the line.
 */
import type { ZoneProblem } from './model';
import { utf8Units } from './names';

export const TOK_QUOTED = 1;
export const TOK_UNTERMINATED = 2;
export const TOK_ESCAPES = 4;

/** Character classes of the ASCII range: 0 plain, 1 ends an unquoted token, 2 backslash. */
const CLASS = new Uint8Array(128);
for (const c of [0, 9, 10, 13, 32, 34, 40, 41, 59]) CLASS[c] = 1;
CLASS[92] = 2;

export function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Scans single tokens. After `unquoted`/`quoted`, `end`, `flags` and `bytes` (decoded length in
 * octets) describe the token. Problems inside tokens (bad escapes, NUL bytes, unterminated
 * quotes) go to `problems` when given; re-scans of already checked text pass `null`.
 */
export class Scanner {
  end = 0;
  flags = 0;
  bytes = 0;

  constructor(
    private readonly text: string,
    private readonly problems: ZoneProblem[] | null,
  ) {}

  /** Unquoted token starting at `pos` (which is not a delimiter). */
  unquoted(pos: number): void {
    const text = this.text;
    const len = text.length;
    let flags = 0;
    let bytes = 0;
    let i = pos;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        const k = CLASS[c];
        if (k === 0) {
          bytes++;
          i++;
          continue;
        }
        if (k === 1) break;
        flags |= TOK_ESCAPES;
        i = this.escape(i);
        bytes++;
        continue;
      }
      bytes += utf8Units(c);
      i++;
    }
    this.end = i;
    this.flags = flags;
    this.bytes = bytes;
  }

  /** Quoted string whose opening quote is at `pos`. */
  quoted(pos: number): void {
    const text = this.text;
    const len = text.length;
    let flags = TOK_QUOTED;
    let bytes = 0;
    let i = pos + 1;
    for (;;) {
      if (i >= len) {
        flags |= TOK_UNTERMINATED;
        break;
      }
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        break;
      }
      if (c === 10 || c === 13) {
        flags |= TOK_UNTERMINATED;
        break;
      }
      if (c === 92) {
        flags |= TOK_ESCAPES;
        i = this.escape(i);
        bytes++;
        continue;
      }
      if (c === 0) {
        const end = this.nul(i);
        bytes += end - i;
        i = end;
        continue;
      }
      bytes += c < 128 ? 1 : utf8Units(c);
      i++;
    }
    if (flags & TOK_UNTERMINATED) {
      this.problem('unterminated-quote', 'Unterminated quoted string: the closing " is missing on this line', pos, pos + 1);
    }
    this.end = i;
    this.flags = flags;
    this.bytes = bytes;
  }

  /** Report a run of NUL bytes starting at `pos`; returns the offset after the run. */
  nul(pos: number): number {
    let i = pos + 1;
    while (i < this.text.length && this.text.charCodeAt(i) === 0) i++;
    this.problem('nul-byte', 'Embedded NUL byte', pos, i);
    return i;
  }

  /** Escape at `i` (a backslash); checks it and returns the offset after it. */
  private escape(i: number): number {
    const text = this.text;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
    if (next === -1) {
      this.problem('bad-escape', 'Backslash at the end of the file escapes nothing', i, i + 1);
      return i + 1;
    }
    // As in BIND, an escaped line break is part of the token and the token goes on.
    if (next === 13 && text.charCodeAt(i + 2) === 10) return i + 3;
    if (!isDigit(next)) return i + 2;
    const d2 = i + 2 < text.length ? text.charCodeAt(i + 2) : -1;
    const d3 = i + 3 < text.length ? text.charCodeAt(i + 3) : -1;
    if (isDigit(d2) && isDigit(d3)) {
      const v = (next - 48) * 100 + (d2 - 48) * 10 + (d3 - 48);
      if (v > 255) this.problem('bad-escape', `Escape \\${text.slice(i + 1, i + 4)} is above 255`, i, i + 4);
      return i + 4;
    }
    const end = isDigit(d2) ? i + 3 : i + 2;
    this.problem('short-escape', 'A decimal escape needs exactly three digits (\\DDD)', i, end);
    return end;
  }

  private problem(code: ZoneProblem['code'], message: string, start: number, end: number): void {
    this.problems?.push({ code, message, range: { start, end } });
  }
}

/**
 * Every token of `text[from, to)`, ignoring line structure: line breaks, parentheses and comments
 * are skipped. Used to re-read the tokens of a record the parser already checked. `scanner`, a
 * quiet scanner of `text`, can be passed to avoid creating one.
 */
export function forEachToken(
  text: string,
  from: number,
  to: number,
  visit: (start: number, end: number, flags: number) => void,
  scanner: Scanner = new Scanner(text, null),
): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 40 || c === 41 || c === 0) {
      i++;
    } else if (c === 59) {
      while (i < to && !isLineBreak(text.charCodeAt(i))) i++;
    } else {
      if (c === 34) scanner.quoted(i);
      else scanner.unquoted(i);
      // Read the results before `visit`, which may scan the same text again.
      const end = scanner.end;
      visit(i, end, scanner.flags);
      i = end;
    }
  }
}
