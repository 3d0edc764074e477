import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges } from '../testkit';
import { zone } from '../testkit';

const RULE = 'dmarc-multiple-records';

test('every DMARC record after the first at one name is reported', () => {
  const { found } = expectRanges(
    zone(['_dmarc IN TXT "v=DMARC1; p=reject"', '_dmarc IN TXT [["v=DMARC1; p=none"]]', '_dmarc.shop IN TXT "v=DMARC1; p=none"', '_dmarc IN TXT [["v=DMARC1; p=quarantine"]]']),
    RULE,
  );
  assert.match(found[0].message, /example\.jp has 3 DMARC records.*no DMARC policy at all/);
  assert.equal(found[0].related?.length, 2);
  assert.equal(found[0].severity, 'error');
});

test('records receivers discard (near misses, other text) do not count', () => {
  expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=reject"', '_dmarc IN TXT "v=DMARC; p=none"', '_dmarc IN TXT "some note"']), RULE);
  expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=reject"', '@ IN TXT "v=DMARC1; p=reject"']), RULE);
});
