import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, zone } from '../../../spf/rules/testkit';
import { dkimFindings, ed25519Key } from '../testdata';

const RULE = 'dkim-sha1';
const ED = ed25519Key().raw;
const line = (value: string): string => `sel._domainkey IN TXT "${value}"`;

test('sha1 next to sha256 is a warning; the fix removes it with its colon', () => {
  const { text, found } = expectRanges(zone([line(`v=DKIM1; h=[[sha1]]:sha256; k=ed25519; p=${ED}`)]), RULE);
  assert.match(found[0].message, /RFC 8301/);
  const fixed = applyFix(text, RULE, 'Remove sha1 from h=');
  assert.equal(fixed, zone([line(`v=DKIM1; h=sha256; k=ed25519; p=${ED}`)]));
  assert.deepEqual(dkimFindings(fixed), []);
  const { text: last } = expectRanges(zone([line(`v=DKIM1; h=sha256 : [[sha1]]; k=ed25519; p=${ED}`)]), RULE);
  assert.equal(applyFix(last, RULE, 'Remove sha1 from h='), zone([line(`v=DKIM1; h=sha256; k=ed25519; p=${ED}`)]));
});

test('sha1 alone is dkim-bad-tag-value, not a second finding here', () => {
  expectRanges(zone([line(`v=DKIM1; h=sha1; k=ed25519; p=${ED}`)]), RULE);
  expectRanges(zone([line(`v=DKIM1; h=sha256; k=ed25519; p=${ED}`)]), RULE);
});
