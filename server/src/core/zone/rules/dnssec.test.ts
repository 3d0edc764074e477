import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base32hex, base64Bytes, canonicalKey, labelCount, nsec3Hash, sha1, sha256, sortCanonical, toHex } from './dnssec';
import { validate, parseDocument } from '../../engine';
import { DNSSEC_RULES } from './dnssec';
import { SIGNED } from './testkit';

const bytes = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

test('SHA-1 and SHA-256 give the FIPS 180 example digests', () => {
  assert.equal(toHex(sha1(bytes('abc'))), 'a9993e364706816aba3e25717850c26c9cd0d89d');
  assert.equal(toHex(sha256(bytes('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(toHex(sha1([])), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
  // Two blocks of padding.
  assert.equal(toHex(sha256(bytes('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
});

test('NSEC3 hashes of RFC 5155 Appendix A (salt aabbccdd, 12 iterations)', () => {
  const salt = [0xaa, 0xbb, 0xcc, 0xdd];
  assert.equal(nsec3Hash('example.', salt, 12), '0p9mhaveqvm6t7vbl5lop2u3t2rp3tom');
  assert.equal(nsec3Hash('a.example.', salt, 12), '35mthgpgcu1qg68fab165klnsnk3dpvl');
  assert.equal(nsec3Hash('A.EXAMPLE.'.toLowerCase(), salt, 12), '35mthgpgcu1qg68fab165klnsnk3dpvl');
});

test('encodings', () => {
  assert.deepEqual(base64Bytes('AQIDBA=='), [1, 2, 3, 4]);
  assert.equal(base64Bytes('A*=='), undefined);
  assert.equal(base32hex([0xff, 0xff, 0xff, 0xff, 0xff]), 'vvvvvvvv');
  assert.equal(base32hex([0]), '00');
});

test('canonical order (RFC 4034 §6.1 example order)', () => {
  const order = ['example.', 'a.example.', 'yljkjljk.a.example.', 'z.a.example.', 'zabc.a.example.', 'z.example.', '\\001.z.example.', '*.z.example.', '\\200.z.example.'];
  const shuffled = [...order].reverse();
  assert.deepEqual(sortCanonical(shuffled), order);
  assert.ok(canonicalKey('Z.example.') === canonicalKey('z.example.'));
  assert.equal(labelCount('a\\.b.example.'), 2);
});

test('an unsigned zone gives no DNSSEC findings and a clean signed zone none either', () => {
  const unsigned = '$ORIGIN example.com.\n$TTL 1h\n@ SOA ns1 hostmaster 1 2h 15m 1w 300\n@ NS ns1\nns1 A 192.0.2.1\n';
  for (const text of [unsigned, SIGNED]) {
    const found = validate(parseDocument('zone', text)).filter((f) => DNSSEC_RULES.includes(f.rule));
    assert.deepEqual(found.map((f) => f.message), []);
  }
});
