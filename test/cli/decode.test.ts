import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode, looksBinary } from '../../server/src/cli/files';

test('decode: BOMs, strict UTF-8, Shift_JIS fallback, never loses a byte', () => {
  assert.deepEqual(decode(Buffer.from([0xef, 0xbb, 0xbf, 0x61])), { text: 'a', encoding: 'utf-8-bom' });
  assert.deepEqual(decode(Buffer.from([0xff, 0xfe, 0x61, 0x00])), { text: 'a', encoding: 'utf-16le' });
  assert.deepEqual(decode(Buffer.from('説明', 'utf8')), { text: '説明', encoding: 'utf-8' });
  // "テスト" in Shift_JIS
  assert.deepEqual(decode(Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67])), { text: 'テスト', encoding: 'shift_jis' });
  const r = decode(Buffer.from([0x80, 0xff, 0xfe, 0x41]));
  assert.equal(r.text.length, 4);
});

test('looksBinary: a NUL byte in the head', () => {
  assert.equal(looksBinary(Buffer.from('abc\0def')), true);
  assert.equal(looksBinary(Buffer.from('abc def\n')), false);
});
