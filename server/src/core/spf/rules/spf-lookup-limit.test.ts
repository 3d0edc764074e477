import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, withZones, zone } from './testkit';

const RULE = 'spf-lookup-limit';

test('exactly 10 lookups is fine; the 11th is reported on the term that makes it', () => {
  expectRanges(zone(['@ IN TXT "v=spf1 a mx a mx a mx a mx a mx -all"']), RULE);
  const { found } = expectRanges(zone(['@ IN TXT "v=spf1 a mx a mx a mx a mx a mx [[ptr]] -all"']), RULE);
  assert.match(found[0].message, /needs 11 DNS lookups.*'ptr' is lookup number 11/);
  assert.deepEqual(found[0].data, { total: 11, limit: 10 });
});

test('includes in the same file are expanded; the include that crosses carries the range, related info names the costly ones', () => {
  const text = [
    '@     IN TXT "v=spf1 include:_spf.example.jp [[include:_big.example.jp]] -all"',
    '_spf  IN TXT "v=spf1 a:x.example.jp a:y.example.jp a:z.example.jp -all"',
    '_big  IN TXT "v=spf1 mx include:_more.example.jp ?all"',
    '_more IN TXT "v=spf1 a a a a a ptr"',
    'x IN A 192.0.2.1',
    'y IN A 192.0.2.2',
    'z IN A 192.0.2.3',
    '_more IN A 192.0.2.4',
    '@ IN MX 10 x',
    '_big IN MX 10 x',
  ];
  const { found } = expectRanges(zone(text), RULE);
  const f = found[0];
  assert.match(f.message, /needs 13 DNS lookups/);
  assert.match(f.message, /lookup number 11 is 'a' in the record of _more\.example\.jp \(via 'include:_big\.example\.jp' → 'include:_more\.example\.jp'\)/);
  assert.deepEqual(
    f.related?.map((r) => r.message),
    [
      "'include:_spf.example.jp' costs 4 lookups (1 + 3 in the record of _spf.example.jp)",
      "'include:_big.example.jp' costs 9 lookups (1 + 8 in the record of _big.example.jp)",
    ],
  );
});

test('external includes count as one lookup each; other workspace zone files are expanded', () => {
  const provider = zone(['_spf IN TXT "v=spf1 a a a a a a a ip4:198.51.100.0/24 -all"', '_spf IN A 198.51.100.1'], 'example.net');
  const mine = zone(['@ IN TXT "v=spf1 include:_spf.google.example include:mail.example.org include:_spf.example.net -all"']);
  // Without the provider's zone, three lookups; with it, 1 + 1 + 8 = 10: still fine.
  expectRanges(mine, RULE);
  expectRanges(mine, RULE, withZones(provider));
  const more = zone(['@ IN TXT "v=spf1 mx include:_spf.google.example include:mail.example.org [[include:_spf.example.net]] -all"', '@ IN MX 10 mail']);
  expectRanges(more, RULE, withZones(provider));
});

test('terms after all and a redirect next to all are never evaluated, so not counted', () => {
  expectRanges(zone(['@ IN TXT "v=spf1 a a a a a a a a a a -all a a redirect=x.example.jp"']), RULE);
});

test('near misses are not evaluated by receivers and not counted', () => {
  expectRanges(zone(['@ IN TXT "v-spf1 a mx a mx a mx a mx a mx a -all"']), RULE);
});
