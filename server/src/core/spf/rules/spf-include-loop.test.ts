import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, withZones, zone } from './testkit';

const RULE = 'spf-include-loop';

test('a record that includes itself, and a redirect back to it', () => {
  const { found } = expectRanges(zone(['@ IN TXT "v=spf1 ip4:192.0.2.1 [[include:example.jp]] -all"']), RULE);
  assert.match(found[0].message, /example\.jp → example\.jp/);
  expectRanges(zone(['@ IN TXT "v=spf1 ip4:192.0.2.1 [[redirect=%{d}]]"']), RULE);
});

test('a loop through two records is reported on each record', () => {
  const { found } = expectRanges(
    zone(['@ IN TXT "v=spf1 [[include:_spf.example.jp]] -all"', '_spf IN TXT "v=spf1 a [[redirect=example.jp]]"']),
    RULE,
  );
  assert.deepEqual(found[0].data, { chain: ['example.jp', '_spf.example.jp', 'example.jp'] });
});

test('a loop through another zone file of the workspace; repeated includes without a cycle are fine', () => {
  const other = zone(['_spf IN TXT "v=spf1 include:example.jp -all"'], 'example.net');
  expectRanges(zone(['@ IN TXT "v=spf1 [[include:_spf.example.net]] -all"']), RULE, withZones(other));
  expectRanges(
    zone(['@ IN TXT "v=spf1 include:a.example.jp include:b.example.jp -all"', 'a IN TXT "v=spf1 include:c.example.jp"', 'b IN TXT "v=spf1 include:c.example.jp"', 'c IN TXT "v=spf1 ip4:192.0.2.1"']),
    RULE,
  );
});
