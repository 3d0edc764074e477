import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeBase64, encodeBase64, readKey } from './key';
import { ed25519Key, rsaKey } from './testdata';

const bytesOf = (b64: string): Uint8Array => new Uint8Array(Buffer.from(b64, 'base64'));

test('base64 decodes like Node, with whitespace anywhere, and encodes back', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 80 }), fc.array(fc.nat(), { maxLength: 4 }), (data, cuts) => {
      const b64 = Buffer.from(data).toString('base64');
      let spaced = b64;
      for (const c of cuts) {
        const at = c % (spaced.length + 1);
        spaced = `${spaced.slice(0, at)} \t${spaced.slice(at)}`;
      }
      const r = decodeBase64(spaced);
      assert.equal(r.problem, undefined, spaced);
      assert.deepEqual([...r.bytes], [...data]);
      assert.equal(encodeBase64(data), b64);
    }),
  );
});

test('base64 problems carry their position', () => {
  assert.deepEqual(decodeBase64('AB!C').problem?.start, 2);
  assert.equal(decodeBase64('AB_C').problem?.code, 'url-alphabet');
  assert.equal(decodeBase64('AB=C').problem?.code, 'data-after-padding');
  assert.deepEqual(decodeBase64('AB===').problem, { code: 'too-much-padding', start: 4, end: 5, message: decodeBase64('AB===').problem?.message });
  assert.equal(decodeBase64('ABCDE').problem?.code, 'partial-byte');
  assert.equal(decodeBase64('ABC').problem?.code, 'missing-padding');
  assert.equal(decodeBase64('ABC==').problem?.code, 'bad-padding');
  assert.equal(decodeBase64('AB\u00e9C').problem?.code, 'bad-char');
  assert.deepEqual([...decodeBase64('ABC').bytes], [0, 16]);
});

test('RSA keys: SPKI and bare RSAPublicKey give the modulus size', () => {
  for (const bits of [1024, 2048]) {
    assert.deepEqual(readKey(bytesOf(rsaKey(bits))), { shape: 'rsa', form: 'spki', bits, exponent: 65537, trailing: 0 });
    assert.deepEqual(readKey(bytesOf(rsaKey(bits, 'pkcs1'))), { shape: 'rsa', form: 'rsa-public-key', bits, exponent: 65537, trailing: 0 });
  }
});

test('Ed25519: raw 32 bytes, and the SPKI with the raw key inside', () => {
  const { raw, spki } = ed25519Key();
  assert.deepEqual(readKey(bytesOf(raw)), { shape: 'ed25519', trailing: 0 });
  const wrapped = readKey(bytesOf(spki));
  assert.equal(wrapped.shape, 'ed25519-spki');
  assert.equal(wrapped.shape === 'ed25519-spki' && encodeBase64(wrapped.raw), raw);
  // 32 bytes that happen to start like DER are still an Ed25519 key.
  const derLike = new Uint8Array(32).fill(7);
  derLike[0] = 0x30;
  derLike[1] = 0x1e;
  assert.deepEqual(readKey(derLike), { shape: 'ed25519', trailing: 0 });
});

test('every prefix of an RSA key is truncated or malformed, never a key', () => {
  const der = bytesOf(rsaKey(1024));
  for (let n = 1; n < der.length; n++) {
    const shape = readKey(der.subarray(0, n)).shape;
    assert.ok(shape === 'truncated' || shape === 'malformed' || (n === 32 && shape === 'ed25519'), `${n}: ${shape}`);
  }
  assert.deepEqual(readKey(der.subarray(0, 100)), { shape: 'truncated', need: der.length, have: 100 });
});

test('hand-made DER: even exponent, indefinite length, another algorithm', () => {
  const modulus = [0x00, 0xc0, ...new Array(127).fill(1)];
  const body = [0x02, 0x81, modulus.length, ...modulus, 0x02, 0x01, 0x04];
  const key = new Uint8Array([0x30, 0x81, body.length, ...body]);
  assert.deepEqual(readKey(key), { shape: 'rsa', form: 'rsa-public-key', bits: 1024, exponent: 4, trailing: 0 });
  assert.equal(readKey(new Uint8Array([0x30, 0x80, 0x02, 0x01, 0x01, 0x00, 0x00])).shape, 'malformed');
  const ec = new Uint8Array([0x30, 0x0d, 0x30, 0x09, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x03, 0x00]);
  assert.deepEqual(readKey(ec), { shape: 'other-algorithm', oid: '1.2.840.10045.2.1', name: 'elliptic-curve (ECDSA)' });
  assert.equal(readKey(new Uint8Array(0)).shape, 'malformed');
});

test('any bytes: readKey never throws and sizes stay within the data', () => {
  const der = bytesOf(rsaKey(1024));
  fc.assert(
    fc.property(
      fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        fc.tuple(fc.nat(der.length), fc.nat(255), fc.nat(der.length)).map(([at, v, cut]) => {
          const b = der.slice(0, Math.max(cut, at + 1));
          if (at < b.length) b[at] = v;
          return b;
        }),
      ),
      (b) => {
        const k = readKey(b);
        if (k.shape === 'rsa') assert.ok(k.bits <= b.length * 8 && k.trailing >= 0);
        if (k.shape === 'truncated') assert.ok(k.need > k.have);
      },
    ),
  );
});
