import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex, MappedText } from './text';

test('LineIndex: LF, CRLF, CR and UTF-16 columns', () => {
  const text = 'ab\r\ncd\ref\n𝄞x';
  const li = new LineIndex(text);
  assert.equal(li.lineCount, 4);
  assert.deepEqual(li.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(li.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(li.positionAt(7), { line: 2, character: 0 });
  assert.deepEqual(li.positionAt(text.length), { line: 3, character: 3 });
  assert.equal(li.offsetAt({ line: 1, character: 99 }), 6, 'clamped to the line end');
  assert.equal(li.offsetAt({ line: 99, character: 0 }), text.length);
  assert.equal(li.lineEnd(0), 2);
  assert.equal(li.lineStart(3), 10);
  assert.deepEqual(li.positionAt(-5), { line: 0, character: 0 });
});

test('MappedText: escapes span several document characters; concat keeps the mapping', () => {
  // document: "a\066" "c"  -> value "aBc"
  const a = new MappedText('aB', [1, 2], [2, 6], 6);
  const c = MappedText.contiguous('c', 9);
  const m = MappedText.concat([a, c]);
  assert.equal(m.value, 'aBc');
  assert.deepEqual(m.docRange(1, 2), { start: 2, end: 6 });
  assert.deepEqual(m.docRange(0, 3), { start: 1, end: 10 });
  assert.deepEqual(m.docRange(3, 3), { start: 10, end: 10 });
  assert.equal(m.docOffset(2), 9);
});
