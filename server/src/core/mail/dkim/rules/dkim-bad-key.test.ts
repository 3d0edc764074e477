import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { applyFix, expectRanges, findingsOf, zone } from '../../../spf/rules/testkit';
import { dkimFindings, ed25519Key, rsaKey, txt } from '../testdata';

const RULE = 'dkim-bad-key';
const { raw: ED, spki: ED_SPKI } = ed25519Key();
const line = (value: string): string => `sel._domainkey IN TXT "${value}"`;

test('real RSA (SPKI and bare RSAPublicKey) and Ed25519 keys are clean', () => {
  const text = zone([
    `a._domainkey IN TXT ${txt(`v=DKIM1; k=rsa; p=${rsaKey(2048)}`)}`,
    `b._domainkey IN TXT ${txt(`v=DKIM1; p=${rsaKey(2048, 'pkcs1')}`)}`,
    `c._domainkey IN TXT ${txt(`v=DKIM1; k=rsa; p=${rsaKey(3072)}`)}`,
    `d._domainkey IN TXT "v=DKIM1; k=ed25519; p=${ED}"`,
    `e._domainkey IN TXT "v=DKIM1; k=ed25519; p=${ED.slice(0, 11)} ${ED.slice(11, 30)}\t${ED.slice(30)}"`,
  ]);
  assert.deepEqual(findingsOf(text, RULE), []);
  assert.deepEqual(dkimFindings(text, ['error', 'warning', 'info']), []);
});

test('base64 errors point at the character', () => {
  const { found } = expectRanges(zone([line(`k=ed25519; p=${ED.slice(0, 10)}[[!]]${ED.slice(10)}`)]), RULE);
  assert.match(found[0].message, /'!' is not a base64 character/);
  const { found: url } = expectRanges(zone([line(`k=ed25519; p=${ED.slice(0, 10)}[[-]]${ED.slice(11)}`)]), RULE);
  assert.match(url[0].message, /URL-safe/);
  expectRanges(zone([line(`k=ed25519; p=${ED}[[A]]BC`)]), RULE);
  expectRanges(zone([line(`k=ed25519; p=${ED}=[[=]]`)]), RULE);
  const { found: pad } = expectRanges(zone([line(`k=ed25519; p=${ED.slice(0, 42)}[[=]]`)]), RULE);
  assert.match(pad[0].message, /wrong padding: 42 base64 characters are padded with 2 '=', not 1/);
  const { found: missing } = expectRanges(zone([line(`k=ed25519; p=${ED.slice(0, 42)}[[${ED[42]}]]`)]), RULE);
  assert.match(missing[0].message, /missing padding: 43 base64 characters need 1 '='/);
});

test('a bad character in the third string of a split key maps to the document', () => {
  const k = rsaKey(2048);
  const broken = `${k.slice(0, 300)}*${k.slice(301)}`;
  const text = zone([`sel._domainkey IN TXT "v=DKIM1; k=rsa; " "p=${broken.slice(0, 200)}" "${broken.slice(200)}"`]);
  const found = findingsOf(text, RULE);
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0].range.start, found[0].range.end), '*');
  assert.equal(found[0].range.start, text.indexOf('*'));
});

test('a key cut short is a truncated key, however the cut falls in the base64', () => {
  const k = rsaKey(2048);
  for (const n of [300, 301, 302, 303, 60]) {
    const value = `v=DKIM1; k=rsa; p=${k.slice(0, n)}`;
    const text = zone([`sel._domainkey IN TXT ${txt(value)}`]);
    const found = findingsOf(text, RULE);
    assert.equal(found.length, 1, `cut at ${n}`);
    assert.match(found[0].message, /^Truncated key: its DER encoding announces 294 bytes but the record holds \d+\. The record was probably cut when pasted/, `cut at ${n}`);
    const p = value.indexOf('p=') + 2;
    assert.equal(found[0].range.end - found[0].range.start, n + (n > 255 - p ? 3 : 0), `cut at ${n}: the range covers the key`);
  }
});

test('an Ed25519 key under k=rsa (or no k=) gets k=ed25519 from the fix', () => {
  const { text, found } = expectRanges(zone([line(`v=DKIM1; p=[[${ED}]]`)]), RULE);
  assert.match(found[0].message, /size of an Ed25519 key, but the record has no k= \(so rsa, the default\)/);
  const fixed = applyFix(text, RULE, 'Set k=ed25519');
  assert.equal(fixed, zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
  assert.deepEqual(dkimFindings(fixed), []);
  const { text: rsa } = expectRanges(zone([line(`v=DKIM1; k=rsa; p=[[${ED}]]`)]), RULE);
  assert.equal(applyFix(rsa, RULE, 'Set k=ed25519'), zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
});

test('an SPKI-wrapped Ed25519 key is unwrapped by the fix', () => {
  const { text, found } = expectRanges(zone([line(`v=DKIM1; k=ed25519; p=[[${ED_SPKI}]]`)]), RULE);
  assert.match(found[0].message, /wrapped in a SubjectPublicKeyInfo/);
  const fixed = applyFix(text, RULE, 'Publish the raw 32-byte Ed25519 key');
  assert.equal(fixed, zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
  assert.deepEqual(dkimFindings(fixed), []);
  const { text: noK } = expectRanges(zone([line(`v=DKIM1; p=[[${ED_SPKI}]]`)]), RULE);
  const both = applyFix(noK, RULE, 'Set k=ed25519 and publish the raw 32-byte key');
  assert.equal(both, zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
});

test('an RSA key under k=ed25519 gets k=rsa from the fix', () => {
  const k = rsaKey(1024);
  const { text, found } = expectRanges(zone([line(`v=DKIM1; k=ed25519; p=[[${k}]]`)]), RULE);
  assert.match(found[0].message, /1024-bit RSA key but the record says k=ed25519/);
  const fixed = applyFix(text, RULE, 'Set k=rsa');
  assert.equal(fixed, zone([line(`v=DKIM1; k=rsa; p=${k}`)]));
  assert.deepEqual(findingsOf(fixed, RULE), []);
});

test('RSA keys under 1024 bits are errors (RFC 8301)', () => {
  for (const bits of [512, 768]) {
    const { found } = expectRanges(zone([line(`v=DKIM1; k=rsa; p=[[${rsaKey(bits)}]]`)]), RULE);
    assert.match(found[0].message, new RegExp(`only ${bits} bits`));
  }
});

test('wrong sizes, other algorithms and trailing bytes', () => {
  const short = Buffer.from(ED, 'base64').subarray(0, 31).toString('base64');
  const { found } = expectRanges(zone([line(`v=DKIM1; k=ed25519; p=[[${short}]]`)]), RULE);
  assert.match(found[0].message, /exactly 32 bytes.*31 bytes/);
  const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const { found: f2 } = expectRanges(zone([line(`v=DKIM1; p=[[${ec}]]`)]), RULE);
  assert.match(f2[0].message, /elliptic-curve \(ECDSA\) key \(algorithm 1\.2\.840\.10045\.2\.1\)/);
  const k = rsaKey(1024);
  const { found: f3 } = expectRanges(zone([line(`v=DKIM1; p=[[${k}AAAA]]`)]), RULE);
  assert.match(f3[0].message, /3 bytes follow the end of the RSA key/);
  const { found: f4 } = expectRanges(zone([line('v=DKIM1; p=[[SGVsbG8gd29ybGQ=]]')]), RULE);
  assert.match(f4[0].message, /not an RSA public key/);
});

test('a p= with a syntax problem, an unknown k= or a revoked key is left to the other rules', () => {
  expectRanges(zone([line(`v=DKIM1; k=ed25519; p=${ED.slice(0, 5)}\u00e9${ED.slice(5)}`)]), RULE);
  expectRanges(zone([line(`v=DKIM1; k=dsa; p=${ED}`)]), RULE);
  expectRanges(zone([line('v=DKIM1; k=rsa; p=')]), RULE);
});
