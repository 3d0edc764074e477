import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, zone } from '../../dmarc/testkit';

const RULE = 'bimi-without-enforcement';
const BIMI = 'default._bimi IN TXT [["v=BIMI1; l=https://example.jp/logo.svg"]]';

test('BIMI under a DMARC policy that does not enforce is warned about', () => {
  const { found } = expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=none"', BIMI]), RULE);
  assert.equal(found[0].severity, 'warning');
  assert.match(found[0].message, /policy for example\.jp has p=none/);
  assert.equal(found[0].related?.length, 1);
  const pct = expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=quarantine; pct=50"', BIMI]), RULE);
  assert.match(pct.found[0].message, /pct=50/);
  const t = expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=reject; t=y"', BIMI]), RULE);
  assert.match(t.found[0].message, /t=y/);
});

test('a subdomain takes the organisational domain\'s sp', () => {
  const { found } = expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=reject; sp=none"', 'default._bimi.shop IN TXT [["v=BIMI1; l=https://example.jp/logo.svg"]]']), RULE);
  assert.match(found[0].message, /shop\.example\.jp \(from _dmarc\.example\.jp\) has sp=none/);
  expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=none"', '_dmarc.shop IN TXT "v=DMARC1; p=reject"', 'default._bimi.shop IN TXT "v=BIMI1; l=https://example.jp/logo.svg"']), RULE);
});

test('quiet at enforcement, for declination records, and without a DMARC record in the zone', () => {
  expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=quarantine; pct=100"', BIMI.replace(/\[\[|\]\]/g, '')]), RULE);
  expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=none"', 'default._bimi IN TXT "v=BIMI1; l=; a="']), RULE);
  expectRanges(zone([BIMI.replace(/\[\[|\]\]/g, '')]), RULE);
});
