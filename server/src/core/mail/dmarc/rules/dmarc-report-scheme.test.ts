import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, zone } from '../testkit';

const RULE = 'dmarc-report-scheme';

test('non-mailto report URIs are warned about, each on itself', () => {
  const { found } = expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:d@example.jp, [[https://reports.example.jp/dmarc!10m]]; ruf=[[ftp://example.jp/x]]"']), RULE);
  assert.equal(found[0].severity, 'warning');
  assert.match(found[0].message, /"https:\/\/reports\.example\.jp\/dmarc".*most ignore https:/);
});

test('mailto and malformed URIs are not this rule', () => {
  expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:d@example.jp, d@example.jp"']), RULE);
});
