import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, spfRules, zone } from './testkit';

const RULE = 'spf-multiple-records';

test('a second SPF record at the same name is reported on its tag, with the first as related info', () => {
  const { found } = expectRanges(zone(['@ IN TXT "v=spf1 mx -all"', '@ IN TXT "[[v=spf1]] include:_spf.example.net ~all"', 'www IN TXT "v=spf1 -all"']), RULE);
  assert.equal(found[0].related?.length, 1);
  // Near misses, type 99 records and other TXT records do not count.
  expectRanges(zone(['@ IN TXT "v=spf1 mx -all"', '@ IN TXT "v-spf1 a -all"', '@ IN SPF "v=spf1 mx -all"', '@ IN TXT "google-site-verification=x"']), RULE);
});

test('the fix merges into the first record and deletes the others', () => {
  const text = zone([
    '@ IN MX 10 mail',
    '@ IN TXT "v=spf1 mx include:_spf.example.net -all"',
    'mail IN A 192.0.2.25',
    '@ IN TXT "v=spf1 ip4:192.0.2.0/24 MX ~all exp=why.example.jp"',
    'why IN TXT "ask postmaster"',
  ]);
  const out = applyFix(text, RULE, 'Merge the 2 SPF records into one');
  assert.equal(
    out,
    zone([
      '@ IN MX 10 mail',
      '@ IN TXT "v=spf1 mx include:_spf.example.net ip4:192.0.2.0/24 -all exp=why.example.jp"',
      'mail IN A 192.0.2.25',
      'why IN TXT "ask postmaster"',
    ]),
  );
  assert.deepEqual(spfRules(out), []);
});

test('deleting a record keeps the owner of a following record that inherits it', () => {
  const text = zone(['mail IN TXT "v=spf1 a -all"', 'mail IN TXT "v=spf1 mx -all"', '     IN A 192.0.2.1', '     IN MX 10 mail']);
  const out = applyFix(text, RULE, 'Merge the 2 SPF records into one');
  assert.equal(out, zone(['mail IN TXT "v=spf1 a mx -all"', 'mail     IN A 192.0.2.1', '     IN MX 10 mail']));
  assert.deepEqual(spfRules(out), []);
});
