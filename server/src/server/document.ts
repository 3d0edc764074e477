/**
 * The server's open documents. An editor sends each keystroke as a small change; rebuilding the
 * whole text for it copies the file (megabytes for a large zone) every time. Here a document keeps
 * its text as pieces (slices of the last whole text and the inserted strings) and joins them only
 * when the whole text is asked for; line starts are kept up to date on every change, so positions
 * and offsets convert without the text. `slice` reads a stretch without joining.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';

const LF = 10;
const CR = 13;

export class EditedDocument implements TextDocument {
  /** The text as pieces, in order; a single piece right after `getText`. */
  private pieces: string[];
  private size: number;
  /** Offsets where lines start; the first is 0. */
  private starts: number[];

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private _version: number,
    text: string,
  ) {
    this.pieces = [text];
    this.size = text.length;
    this.starts = [0, ...lineBreaksIn(text, 0)];
  }

  get version(): number {
    return this._version;
  }

  get length(): number {
    return this.size;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  getText(range?: Range): string {
    if (this.pieces.length > 1) this.pieces = [this.pieces.join('')];
    const text = this.pieces[0];
    if (!range) return text;
    return text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** The text of [start, end), read from the pieces without joining the whole text. */
  slice(start: number, end: number): string {
    start = clamp(start, 0, this.size);
    end = clamp(end, start, this.size);
    if (this.pieces.length === 1) return this.pieces[0].slice(start, end);
    const parts: string[] = [];
    let at = 0;
    for (const p of this.pieces) {
      const next = at + p.length;
      if (next > start && at < end) parts.push(p.slice(Math.max(0, start - at), Math.min(p.length, end - at)));
      if (next >= end) break;
      at = next;
    }
    return parts.join('');
  }

  positionAt(offset: number): Position {
    offset = clamp(offset, 0, this.size);
    const starts = this.starts;
    const lo = upperBound(starts, offset) - 1;
    // Between the CR and the LF of a line break is the end of the line.
    if (lo + 1 < starts.length && offset === starts[lo + 1] - 1 && offset > starts[lo] && this.charCodeAt(offset - 1) === CR) offset--;
    return { line: lo, character: offset - starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.size;
    if (position.line < 0) return 0;
    const lineStart = this.starts[position.line];
    let lineEnd = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.size;
    // A position past the end of its line stops before the line break (both characters of CRLF).
    if (lineEnd > lineStart && position.line + 1 < this.starts.length) {
      if (this.charCodeAt(lineEnd - 1) === LF) lineEnd--;
      if (lineEnd > lineStart && this.charCodeAt(lineEnd - 1) === CR) lineEnd--;
    }
    return clamp(lineStart + position.character, lineStart, lineEnd);
  }

  /** Apply the editor's changes, in order (each in the coordinates the previous ones left). */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change)) {
        this.pieces = [change.text];
        this.size = change.text.length;
        this.starts = [0, ...lineBreaksIn(change.text, 0)];
        continue;
      }
      const start = this.offsetAt(ordered(change.range).start);
      const end = Math.max(start, this.offsetAt(ordered(change.range).end));
      this.replace(start, end, change.text);
    }
    this._version = version;
  }

  private replace(start: number, end: number, text: string): void {
    const delta = text.length - (end - start);
    // Line starts. An offset x starts a line when the character before it is LF, or CR not
    // followed by LF at x: the starts in [start, end] depended on replaced characters and are
    // found again from the new ones and their two neighbours; later ones move by `delta`.
    const before = start > 0 ? String.fromCharCode(this.charCodeAt(start - 1)) : '';
    const after = end < this.size ? String.fromCharCode(this.charCodeAt(end)) : '';
    const around = before + text + after;
    const added: number[] = [];
    for (let x = Math.max(1, start); x <= start + text.length; x++) {
      const i = x - start + before.length;
      const c = around.charCodeAt(i - 1);
      if (c === LF || (c === CR && around.charCodeAt(i) !== LF)) added.push(x);
    }
    const starts = this.starts;
    const lo = upperBound(starts, Math.max(1, start) - 1);
    const hi = upperBound(starts, end);
    if (added.length > 4096) {
      // A paste of many lines: rebuilt (spreading that many arguments could overflow the stack).
      this.starts = starts.slice(0, lo).concat(added, starts.slice(hi).map((x) => x + delta));
    } else {
      starts.splice(lo, hi - lo, ...added);
      if (delta !== 0) for (let i = lo + added.length; i < starts.length; i++) starts[i] += delta;
    }

    // Pieces: those before `start`, the new text, those after `end`.
    const head: string[] = [];
    const tail: string[] = [];
    let at = 0;
    for (const p of this.pieces) {
      const next = at + p.length;
      if (at < start) head.push(next <= start ? p : p.slice(0, start - at));
      if (next > end) tail.push(at >= end ? p : p.slice(end - at));
      at = next;
    }
    this.pieces = [...head, text, ...tail].filter((p) => p !== '');
    if (this.pieces.length === 0) this.pieces = [''];
    this.size += delta;
  }

  private charCodeAt(offset: number): number {
    let at = 0;
    for (const p of this.pieces) {
      if (offset < at + p.length) return p.charCodeAt(offset - at);
      at += p.length;
    }
    return NaN;
  }
}

/** Offsets just after each line break (CR, LF or CRLF) in `text`, which starts at `base`. */
function lineBreaksIn(text: string, base: number): number[] {
  const out: number[] = [];
  if (text.indexOf('\r') < 0) {
    // The common case: only LF, found by `indexOf`, far faster than a loop over the characters.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(base + i + 1);
    return out;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    if (c === CR || c === LF) out.push(base + i + 1);
  }
  return out;
}

/** The index of the first element greater than `value` (the list ascends). */
function upperBound(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

function ordered(r: Range): Range {
  const { start, end } = r;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : r;
}
