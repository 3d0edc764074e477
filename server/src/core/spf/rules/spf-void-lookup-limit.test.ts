import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, zone } from './testkit';

const RULE = 'spf-void-lookup-limit';

test('two void lookups are allowed; the third is reported where it happens', () => {
  expectRanges(zone(['@ IN TXT "v=spf1 a:old.example.jp mx:gone.example.jp -all"']), RULE);
  const { found } = expectRanges(zone(['@ IN TXT "v=spf1 a:old.example.jp mx:gone.example.jp ip4:192.0.2.1 [[exists:nope.example.jp]] -all"']), RULE);
  assert.match(found[0].message, /3 terms look up names that have no records/);
  assert.deepEqual(
    found[0].related?.map((r) => r.message),
    ["'a:old.example.jp': void lookup (old.example.jp has no records)", "'mx:gone.example.jp': void lookup (gone.example.jp has no records)"],
  );
});

test('names with records, names outside the zone files and macro names are not void', () => {
  expectRanges(
    zone([
      '@ IN TXT "v=spf1 a:host.example.jp mx a:other.example.net exists:%{i}.bl.example.jp a:v6.example.jp -all"',
      '@ IN MX 10 host',
      'host IN A 192.0.2.1',
      'v6 IN AAAA 2001:db8::1',
    ]),
    RULE,
  );
});

test('void lookups inside an included record count for the including record', () => {
  const text = zone([
    '@ IN TXT "v=spf1 a:x1.example.jp [[include:_spf.example.jp]] -all"',
    '_spf IN TXT "v=spf1 a:x2.example.jp a:x3.example.jp ?all"',
  ]);
  const { found } = expectRanges(text, RULE);
  assert.match(found[0].message, /'a:x2\.example\.jp' \(in _spf\.example\.jp\)/);
});
