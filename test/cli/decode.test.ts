import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { decode, decodeFile, firstInvalidUtf8, looksBinary } from '../../server/src/cli/files';
import { ROOT } from '../support/lspClient';

test('decode: BOMs, strict UTF-8, Shift_JIS fallback, never loses a byte', () => {
  assert.deepEqual(decode(Buffer.from([0xef, 0xbb, 0xbf, 0x61])), { text: 'a', encoding: 'utf-8-bom' });
  assert.deepEqual(decode(Buffer.from([0xff, 0xfe, 0x61, 0x00])), { text: 'a', encoding: 'utf-16le' });
  assert.deepEqual(decode(Buffer.from('説明', 'utf8')), { text: '説明', encoding: 'utf-8' });
  // "テスト" in Shift_JIS
  assert.deepEqual(decode(Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67])), { text: 'テスト', encoding: 'shift_jis' });
  const r = decode(Buffer.from([0x80, 0xff, 0xfe, 0x41]));
  assert.equal(r.text.length, 4);
});

describe('UTF-16 by its byte-order mark', () => {
  const text = 'ns1 IN A 192.0.2.1\r\n; 説明 𝄞 é\n';
  test('little endian', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.deepEqual(decode(le), { text, encoding: 'utf-16le' });
  });
  test('big endian', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1];
      be[i + 1] = le[i];
    }
    assert.deepEqual(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), { text, encoding: 'utf-16be' });
  });
});

describe('the Latin-1 fallback is reported, with where the bytes went wrong', () => {
  // 0xFF is neither UTF-8 nor Shift_JIS (no lead byte); 0xE9 alone is Latin-1 "é".
  const bytes = Buffer.concat([Buffer.from('$ORIGIN example.\n; caf'), Buffer.from([0xe9]), Buffer.from(' \xff\n', 'latin1'), Buffer.from('ns1 IN A 192.0.2.1\n')]);

  test('decode gives the text, every byte kept, and the first invalid sequence at line 2, column 6', () => {
    const d = decode(bytes);
    assert.equal(d.encoding, 'latin1');
    assert.equal(d.text, '$ORIGIN example.\n; café ÿ\nns1 IN A 192.0.2.1\n');
    assert.equal(d.text.length, bytes.length);
    assert.deepEqual({ offset: d.problem?.offset, line: d.problem?.line, column: d.problem?.column }, { offset: 22, line: 2, column: 6 });
    assert.match(d.problem!.message, /not valid UTF-8 or Shift_JIS \(first invalid bytes: E9 20 FF 0A\); read as Latin-1/);
  });

  test('decodeFile warns once with file:line:column', () => {
    const lines: string[] = [];
    const d = decodeFile('zones/old.zone', bytes, (l) => lines.push(l));
    assert.equal(d.encoding, 'latin1');
    assert.deepEqual(lines, [`zones/old.zone:2:6: warning: ${d.problem!.message}`]);
  });

  test('UTF-8, Shift_JIS, BOM-marked and ASCII files give no warning', () => {
    for (const b of [Buffer.from('説明\n'), Buffer.from([0x83, 0x65, 0x83, 0x58]), Buffer.from([0xfe, 0xff, 0, 0x61]), Buffer.from('plain\n')]) {
      const lines: string[] = [];
      const d = decodeFile('f', b, (l) => lines.push(l));
      assert.equal(d.problem, undefined);
      assert.deepEqual(lines, []);
    }
  });

  test('senderguard check prints the warning on stderr and still checks the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-decode-'));
    try {
      const file = path.join(dir, 'old.zone');
      fs.writeFileSync(file, Buffer.concat([bytes, Buffer.from('@ IN TXT "v-spf1 -all"\n')]));
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', file], { encoding: 'utf8' });
      assert.match(r.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2:6: warning: not valid UTF-8 or Shift_JIS .*read as Latin-1`));
      assert.match(r.stdout, /spf-version-typo/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('firstInvalidUtf8: overlong forms, surrogates, out-of-range and truncated sequences', () => {
  const at = (...b: number[]): number => firstInvalidUtf8(Uint8Array.from(b));
  assert.equal(at(0x61, 0xe3, 0x81, 0x82, 0x62), 5); // valid: "aあb"
  assert.equal(at(0xf0, 0x9d, 0x84, 0x9e), 4); // valid: U+1D11E
  assert.equal(at(0x61, 0xc0, 0x80), 1); // overlong NUL
  assert.equal(at(0xe0, 0x80, 0x80), 0); // overlong three-byte
  assert.equal(at(0x61, 0x62, 0xed, 0xa0, 0x80), 2); // UTF-16 surrogate
  assert.equal(at(0xf4, 0x90, 0x80, 0x80), 0); // above U+10FFFF
  assert.equal(at(0xf5, 0x80, 0x80, 0x80), 0);
  assert.equal(at(0x61, 0xe3, 0x81), 1); // truncated at the end
  assert.equal(at(0xe3, 0x81, 0x41), 0); // continuation missing
  assert.equal(at(0x80), 0); // lone continuation byte
  // Agrees with the platform's strict decoder on random bytes.
  let seed = 7;
  for (let k = 0; k < 2000; k++) {
    const b = Uint8Array.from({ length: 1 + (k % 12) }, () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24) | (k % 3 === 0 ? 0x80 : 0));
    const i = firstInvalidUtf8(b);
    let strictOk = true;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      strictOk = false;
    }
    assert.equal(i === b.length, strictOk, Buffer.from(b).toString('hex'));
    if (i < b.length) assert.doesNotThrow(() => new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, i)), Buffer.from(b).toString('hex'));
  }
});

test('looksBinary: a NUL byte in the head', () => {
  assert.equal(looksBinary(Buffer.from('abc\0def')), true);
  assert.equal(looksBinary(Buffer.from('abc def\n')), false);
});
