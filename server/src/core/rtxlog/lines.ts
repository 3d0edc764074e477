/**
 * Splits text that arrives in chunks into lines, the way `LineIndex` does for a whole text: a
 * line ends at `\n`, `\r\n` or a lone `\r`, also when the break straddles two chunks. Offsets are
 * UTF-16 code units from the start of the text. A line longer than `maxLineChars` is delivered
 * cut at that length (with its full length), so memory stays bounded even without line breaks.
 */
import { MAX_LINE_CHARS } from './assumptions';

export interface SplitLine {
  /** The line without its break (at most `maxLineChars` characters). */
  text: string;
  /** 0-based line number. */
  line: number;
  /** Offset of the line's first character. */
  start: number;
  /** Length of the whole line as written (more than `text.length` when it was cut). */
  length: number;
}

export class LineSplitter {
  private pending = '';
  /** Characters of the current line dropped beyond the cap. */
  private dropped = 0;
  private lineStart = 0;
  private offset = 0;
  private lineNo = 0;
  private afterCR = false;

  constructor(
    private readonly emit: (l: SplitLine) => void,
    private readonly maxLineChars = MAX_LINE_CHARS,
  ) {}

  push(chunk: string): void {
    if (chunk.length === 0) return;
    let i = 0;
    if (this.afterCR) {
      this.afterCR = false;
      if (chunk.charCodeAt(0) === 10) {
        i = 1;
        this.offset++;
        this.lineStart = this.offset;
      }
    }
    const n = chunk.length;
    // Next \n and \r at or after i (n when none); each is searched again only once passed, so a
    // chunk is scanned in linear time.
    let lf = -1;
    let cr = -1;
    while (i < n) {
      if (lf < i) lf = indexOrEnd(chunk, '\n', i);
      if (cr < i) cr = indexOrEnd(chunk, '\r', i);
      const j = Math.min(lf, cr);
      this.append(chunk, i, j);
      this.offset += j - i;
      if (j >= n) return;
      this.flush();
      if (chunk.charCodeAt(j) === 13) {
        if (j + 1 >= n) {
          this.afterCR = true;
          this.offset++;
          this.lineStart = this.offset;
          return;
        }
        if (chunk.charCodeAt(j + 1) === 10) {
          this.offset += 2;
          i = j + 2;
        } else {
          this.offset += 1;
          i = j + 1;
        }
      } else {
        this.offset += 1;
        i = j + 1;
      }
      this.lineStart = this.offset;
    }
  }

  /** Delivers the last line (when the text does not end with a break). */
  end(): void {
    if (this.pending.length > 0 || this.dropped > 0) this.flush();
    this.afterCR = false;
  }

  private append(chunk: string, from: number, to: number): void {
    if (to <= from) return;
    const room = this.maxLineChars - this.pending.length;
    if (room >= to - from) this.pending += from === 0 && to === chunk.length ? chunk : chunk.slice(from, to);
    else {
      if (room > 0) this.pending += chunk.slice(from, from + room);
      this.dropped += to - from - Math.max(0, room);
    }
  }

  private flush(): void {
    const text = this.pending;
    this.emit({ text, line: this.lineNo, start: this.lineStart, length: text.length + this.dropped });
    this.pending = '';
    this.dropped = 0;
    this.lineNo++;
  }
}

function indexOrEnd(s: string, c: string, from: number): number {
  const k = s.indexOf(c, from);
  return k < 0 ? s.length : k;
}

/** All lines of a whole text (same lines and offsets as `LineIndex`, minus a final empty line). */
export function splitLines(text: string, each: (l: SplitLine) => void, maxLineChars = MAX_LINE_CHARS): void {
  const s = new LineSplitter(each, maxLineChars);
  s.push(text);
  s.end();
}
