/** Offset <-> line/character conversion and offset-carrying strings. Pure, no IO. */

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code-unit column. */
  character: number;
}

/** Line starts of a text, computed once; positions are computed from offsets only at the edge. */
export class LineIndex {
  /** Offsets where lines start (ascending), in a typed array: a million lines cost 4 MB, no GC work. */
  private readonly starts: Int32Array;
  private readonly count: number;

  constructor(private readonly text: string) {
    let starts = new Int32Array(Math.max(16, (text.length >> 5) + 1));
    let n = 1;
    const add = (at: number): void => {
      if (n === starts.length) {
        const grown = new Int32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[n++] = at;
    };
    if (text.indexOf('\r') < 0) {
      // The common case: only LF. `indexOf` scans far faster than a loop over `charCodeAt`.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) add(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) add(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          add(i + 1);
        }
      }
    }
    this.starts = starts;
    this.count = n;
  }

  get lineCount(): number {
    return this.count;
  }

  /** Offset of the first character of `line` (clamped). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.count) return this.text.length;
    return this.starts[line];
  }

  /** Offset just after the last character of `line`, before its line break (clamped). */
  lineEnd(line: number): number {
    if (line < 0) return 0;
    if (line >= this.count - 1) return this.text.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.count - 1;
    const starts = this.starts;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.count) return this.text.length;
    const start = this.starts[pos.line];
    return Math.min(start + Math.max(0, pos.character), this.lineEnd(pos.line));
  }
}

/**
 * A string value decoded from the document (e.g. the concatenated, unescaped strings of a TXT
 * record) that remembers where each of its characters came from, so that analyses of the value
 * can report ranges in the document. A character written as an escape (`\065`) spans several
 * document characters; `starts[i]`/`ends[i]` give that span.
 *
 * Text written without escapes sits one-to-one in the document and is kept as just its start
 * offset, and a concatenation keeps its parts: neither builds per-character arrays.
 */
export class MappedText {
  /** Document offset of the first character when the text is contiguous in the document, else -1. */
  private from = -1;
  /** The parts of a concatenation, and the value index where each begins. */
  private parts: readonly MappedText[] | undefined;
  private partAt: Int32Array | undefined;

  constructor(
    readonly value: string,
    private readonly starts: readonly number[] | null,
    private readonly ends: readonly number[] | null,
    /** Document offset used for an empty value or a position at the very end. */
    private readonly endOffset: number,
  ) {}

  /** A mapped text whose characters sit one-to-one at `docStart…` in the document. */
  static contiguous(value: string, docStart: number): MappedText {
    const m = new MappedText(value, null, null, docStart + value.length);
    m.from = docStart;
    return m;
  }

  /** Concatenation, as RFC 7208 §3.3 joins the character-strings of a TXT record. */
  static concat(parts: readonly MappedText[]): MappedText {
    if (parts.length === 1) return parts[0];
    if (parts.length === 0) return new MappedText('', [], [], 0);
    let value = '';
    const at = new Int32Array(parts.length);
    for (let k = 0; k < parts.length; k++) {
      at[k] = value.length;
      value += parts[k].value;
    }
    const m = new MappedText(value, null, null, parts[parts.length - 1].endOffset);
    m.parts = parts.slice();
    m.partAt = at;
    return m;
  }

  /** The part holding value character `i` (0 ≤ i < length) of a concatenation. */
  private part(i: number): number {
    const at = this.partAt!;
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Document offset where value character `i` (0 ≤ i < length) starts. */
  private charStart(i: number): number {
    if (this.from >= 0) return this.from + i;
    if (this.parts) {
      const k = this.part(i);
      return this.parts[k].charStart(i - this.partAt![k]);
    }
    return this.starts![i];
  }

  /** Document offset just after value character `i` (0 ≤ i < length). */
  private charEnd(i: number): number {
    if (this.from >= 0) return this.from + i + 1;
    if (this.parts) {
      const k = this.part(i);
      return this.parts[k].charEnd(i - this.partAt![k]);
    }
    return this.ends![i];
  }

  /** Document offset where the character at `index` starts (`index` may equal the length). */
  docOffset(index: number): number {
    if (index >= this.value.length) return this.endOffset;
    return this.charStart(Math.max(0, index));
  }

  /** Document range covering value characters `[start, end)`. */
  docRange(start: number, end: number): { start: number; end: number } {
    if (end <= start || start >= this.value.length) {
      const o = this.docOffset(start);
      return { start: o, end: o };
    }
    return { start: this.docOffset(start), end: this.charEnd(Math.min(end, this.value.length) - 1) };
  }
}
