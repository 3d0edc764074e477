import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../text';
import { LineSplitter, splitLines, type SplitLine } from './lines';

function chunked(chunks: string[], max?: number): SplitLine[] {
  const out: SplitLine[] = [];
  const s = new LineSplitter((l) => out.push(l), max);
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

function whole(text: string): SplitLine[] {
  const out: SplitLine[] = [];
  splitLines(text, (l) => out.push(l));
  return out;
}

test('lines and offsets agree with LineIndex for \\n, \\r\\n and lone \\r', () => {
  const text = 'a\nbb\r\nccc\rdddd\n\neee';
  const lines = whole(text);
  const idx = new LineIndex(text);
  assert.deepEqual(
    lines.map((l) => l.text),
    ['a', 'bb', 'ccc', 'dddd', '', 'eee'],
  );
  for (const l of lines) {
    assert.equal(l.start, idx.lineStart(l.line));
    assert.equal(l.start + l.length, idx.lineEnd(l.line));
  }
});

test('every way of cutting the text into chunks gives the same lines', () => {
  const text = 'first\r\nsecond\rthird\n\r\nfifth';
  const expected = whole(text);
  for (let i = 0; i <= text.length; i++) {
    for (let j = i; j <= text.length; j++) {
      assert.deepEqual(chunked([text.slice(0, i), text.slice(i, j), text.slice(j)]), expected, `cut at ${i}/${j}`);
    }
  }
});

test('a break at the very end gives no extra empty line; an empty text gives none', () => {
  assert.deepEqual(
    whole('a\n').map((l) => l.text),
    ['a'],
  );
  assert.deepEqual(
    whole('a\r').map((l) => l.text),
    ['a'],
  );
  assert.deepEqual(whole(''), []);
});

test('an overlong line is cut to the cap but keeps its length and the next line its offset', () => {
  const lines = chunked(['x'.repeat(7), 'y'.repeat(5), '\nnext'], 8);
  assert.equal(lines[0].text, 'xxxxxxxy');
  assert.equal(lines[0].length, 12);
  assert.deepEqual({ text: lines[1].text, start: lines[1].start, line: lines[1].line }, { text: 'next', start: 13, line: 1 });
});
