import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, findingsOf, zone } from '../../../spf/rules/testkit';
import { dkimFindings, ed25519Key } from '../testdata';

const RULE = 'dkim-bad-tag-value';
const ED = ed25519Key().raw;
const line = (value: string): string => `sel._domainkey IN TXT "${value}"`;

test('an unknown key type is an error; a case variant is lower-cased by the fix', () => {
  const { found } = expectRanges(zone([line(`v=DKIM1; k=[[dsa]]; p=${ED}`)]), RULE);
  assert.match(found[0].message, /'k=dsa' is not a key type/);
  const { text, found: f2 } = expectRanges(zone([line(`v=DKIM1; k=[[Ed25519]]; p=${ED}`)]), RULE);
  assert.match(f2[0].message, /case-sensitive/);
  const fixed = applyFix(text, RULE, 'Write k=ed25519');
  assert.equal(fixed, zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
  assert.deepEqual(dkimFindings(fixed), []);
  expectRanges(zone([line(`v=DKIM1; [[k=]]; p=${ED}`)]), RULE);
});

test('h= with only sha1 or only unknown hashes makes the key unusable', () => {
  const { text, found } = expectRanges(zone([line(`v=DKIM1; h=[[sha1]]; k=ed25519; p=${ED}`)]), RULE);
  assert.match(found[0].message, /RFC 8301/);
  const fixed = applyFix(text, RULE, 'Replace with h=sha256');
  assert.equal(fixed, zone([line(`v=DKIM1; h=sha256; k=ed25519; p=${ED}`)]));
  assert.deepEqual(dkimFindings(fixed), []);
  expectRanges(zone([line(`v=DKIM1; h=[[sha512:md5]]; k=ed25519; p=${ED}`)]), RULE);
  // sha256 with others is usable (the others are dkim-sha1's and dkim-unknown-tag's).
  expectRanges(zone([line(`v=DKIM1; h=sha1:sha256:sha512; k=ed25519; p=${ED}`)]), RULE);
});

test('s= without email or * is an error; empty lists and items are errors', () => {
  expectRanges(zone([line(`v=DKIM1; s=[[tlsrpt]]; k=ed25519; p=${ED}`)]), RULE);
  expectRanges(zone([line(`v=DKIM1; s=tlsrpt:email; k=ed25519; p=${ED}`)]), RULE);
  expectRanges(zone([line(`v=DKIM1; s=*; k=ed25519; p=${ED}`)]), RULE);
  expectRanges(zone([line(`v=DKIM1; [[t=]]; k=ed25519; p=${ED}`)]), RULE);
  expectRanges(zone([line(`v=DKIM1; t=s[[:]]; k=ed25519; p=${ED}`)]), RULE);
  expectRanges(zone([line(`v=DKIM1; h=sha256[[:]]:sha1; k=ed25519; p=${ED}`)]), RULE);
});

test('the default key type needs no k=, and valid values are clean', () => {
  assert.deepEqual(findingsOf(zone([line(`v=DKIM1; h=sha256; s=email:*; t=s; k=ed25519; p=${ED}`)]), RULE), []);
});
