import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { EditedDocument } from './document';

const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é', '𝄞'), { maxLength: 30 }).map((xs) => xs.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 12 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

/**
 * The reference: each change applied to the text by the positions of a document read afresh from
 * it (the reference's own incremental line count goes wrong when an edit joins a CR and an LF).
 */
function applied(text: string, c: TextDocumentContentChangeEvent): string {
  if (!('range' in c)) return c.text;
  const doc = TextDocument.create('file:///r', 'zone', 1, text);
  let [s, e] = [doc.offsetAt(c.range.start), doc.offsetAt(c.range.end)];
  if (s > e) [s, e] = [e, s];
  return text.slice(0, s) + c.text + text.slice(e);
}

/** Every answer of the document equals the reference's for `t`, offset by offset. */
function same(mine: EditedDocument, t: string, probe: boolean): void {
  const ref = TextDocument.create('file:///r', 'zone', 1, t);
  assert.equal(mine.length, t.length);
  assert.equal(mine.lineCount, ref.lineCount);
  for (let o = -1; o <= t.length + 1; o++) assert.deepEqual(mine.positionAt(o), ref.positionAt(o), `positionAt(${o}) of ${JSON.stringify(t)}`);
  for (let line = -1; line <= ref.lineCount; line++) {
    for (let character = 0; character < 8; character++) {
      assert.equal(mine.offsetAt({ line, character }), ref.offsetAt({ line, character }), `offsetAt(${line}:${character}) of ${JSON.stringify(t)}`);
    }
  }
  // Reading stretches before the pieces are joined, then the whole text.
  if (probe) for (let s = 0; s <= t.length; s += 3) assert.equal(mine.slice(s, s + 4), t.slice(s, s + 4));
  assert.equal(mine.getText(), t);
}

test('edits give the text, lines, positions and offsets the reference gives', () => {
  fc.assert(
    fc.property(text, fc.array(change, { maxLength: 8 }), fc.boolean(), (initial, wild, oneByOne) => {
      // Editors send lines that exist; characters past the end of a line stop at its end.
      let t = initial;
      const steps = wild.map((c) => {
        const lines = TextDocument.create('file:///r', 'zone', 1, t).lineCount;
        const fit = (p: { line: number; character: number }) => ({ line: Math.min(Math.max(p.line, 0), lines - 1), character: Math.max(p.character, 0) });
        const tame: TextDocumentContentChangeEvent = 'range' in c ? { range: { start: fit(c.range.start), end: fit(c.range.end) }, text: c.text } : c;
        t = applied(t, tame);
        return { change: tame, text: t };
      });
      const mine = new EditedDocument('file:///a.zone', 'zone', 1, initial);
      if (oneByOne) {
        steps.forEach((step, i) => {
          mine.update([step.change], i + 2);
          same(mine, step.text, i % 2 === 0);
        });
      } else {
        mine.update(steps.map((x) => x.change), 2);
        same(mine, t, true);
      }
      assert.equal(mine.version, oneByOne ? steps.length + 1 : 2);
    }),
    { numRuns: 3000, seed: 11 },
  );
});

test('a paste of many lines', () => {
  const doc = new EditedDocument('file:///a.zone', 'zone', 1, 'a\nb\n');
  const paste = 'x\r\n'.repeat(10000);
  doc.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: paste }], 2);
  assert.equal(doc.lineCount, 10003);
  assert.deepEqual(doc.positionAt(2 + paste.length), { line: 10001, character: 0 });
  assert.equal(doc.getText(), `a\n${paste}b\n`);
});

test('a range of the text, and stretches across many pieces', () => {
  const doc = new EditedDocument('file:///a.zone', 'zone', 1, 'one\ntwo\nthree\n');
  doc.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: 'TWO' }], 2);
  doc.update([{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: '!' }], 3);
  assert.equal(doc.slice(2, 9), 'e!\nTWO\n');
  assert.equal(doc.getText({ start: { line: 1, character: 1 }, end: { line: 2, character: 2 } }), 'WO\nth');
  assert.equal(doc.getText(), 'one!\nTWO\nthree\n');
});
