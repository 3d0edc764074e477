/** Applies LSP text edits to a string (for tests that compare the whole resulting text). */
import type { TextEdit } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/core/text';

export function applyLspEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const abs = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of abs) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
