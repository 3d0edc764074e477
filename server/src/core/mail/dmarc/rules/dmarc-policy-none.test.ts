import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, zone } from '../testkit';

const RULE = 'dmarc-policy-none';

test('p=none is an info with the path to enforcement', () => {
  const { found } = expectRanges(zone(['_dmarc IN TXT "v=DMARC1; [[p=none]]; rua=mailto:d@example.jp"']), RULE);
  assert.equal(found[0].severity, 'info');
  assert.match(found[0].message, /read the aggregate reports.*then p=quarantine.*then p=reject/);
  const { found: noRua } = expectRanges(zone(['_dmarc IN TXT "v=DMARC1; [[p=None]]"']), RULE);
  assert.match(noRua[0].message, /add rua=mailto/);
});

test('enforcing policies are quiet', () => {
  expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=quarantine"', '_dmarc.a IN TXT "v=DMARC1; p=reject; sp=none"']), RULE);
});
