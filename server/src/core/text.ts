/** Offset <-> line/character conversion and offset-carrying strings. Pure, no IO. */

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code-unit column. */
  character: number;
}

/** Line starts of a text, computed once; positions are computed from offsets only at the edge. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of `line` (clamped). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line];
  }

  /** Offset just after the last character of `line`, before its line break (clamped). */
  lineEnd(line: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length - 1) return this.text.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line];
    return Math.min(start + Math.max(0, pos.character), this.lineEnd(pos.line));
  }
}

/**
 * A string value decoded from the document (e.g. the concatenated, unescaped strings of a TXT
 * record) that remembers where each of its characters came from, so that analyses of the value
 * can report ranges in the document. A character written as an escape (`\065`) spans several
 * document characters; `starts[i]`/`ends[i]` give that span.
 */
export class MappedText {
  constructor(
    readonly value: string,
    private readonly starts: readonly number[],
    private readonly ends: readonly number[],
    /** Document offset used for an empty value or a position at the very end. */
    private readonly endOffset: number,
  ) {}

  /** A mapped text whose characters sit one-to-one at `docStart…` in the document. */
  static contiguous(value: string, docStart: number): MappedText {
    const starts = new Array<number>(value.length);
    const ends = new Array<number>(value.length);
    for (let i = 0; i < value.length; i++) {
      starts[i] = docStart + i;
      ends[i] = docStart + i + 1;
    }
    return new MappedText(value, starts, ends, docStart + value.length);
  }

  /** Concatenation, as RFC 7208 §3.3 joins the character-strings of a TXT record. */
  static concat(parts: readonly MappedText[]): MappedText {
    if (parts.length === 1) return parts[0];
    let value = '';
    const starts: number[] = [];
    const ends: number[] = [];
    for (const p of parts) {
      value += p.value;
      for (let i = 0; i < p.value.length; i++) {
        starts.push(p.starts[i]);
        ends.push(p.ends[i]);
      }
    }
    const last = parts[parts.length - 1];
    return new MappedText(value, starts, ends, last ? last.endOffset : 0);
  }

  /** Document offset where the character at `index` starts (`index` may equal the length). */
  docOffset(index: number): number {
    if (index >= this.value.length) return this.endOffset;
    return this.starts[Math.max(0, index)];
  }

  /** Document range covering value characters `[start, end)`. */
  docRange(start: number, end: number): { start: number; end: number } {
    if (end <= start || start >= this.value.length) {
      const o = this.docOffset(start);
      return { start: o, end: o };
    }
    return { start: this.docOffset(start), end: this.ends[Math.min(end, this.value.length) - 1] };
  }
}
