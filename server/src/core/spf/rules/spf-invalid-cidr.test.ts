import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, findingsOf, spfErrors, zone } from './testkit';

const RULE = 'spf-invalid-cidr';

test('bad prefix lengths of a, mx, ip4, ip6: range is the prefix', () => {
  for (const rdata of [
    '"v=spf1 a[[/33]] -all"',
    '"v=spf1 mx[[//129]] -all"',
    '"v=spf1 a[[/24/64]] -all"',
    '"v=spf1 a:mail.example.jp[[/]] -all"',
    '"v=spf1 ip4:10.0.0.0[[/33]] -all"',
    '"v=spf1 ip4:10.0.0.0[[/032]] -all"',
    '"v=spf1 ip4:10.0.0.0[[//8]] -all"',
    '"v=spf1 ip6:2001:db8::[[/129]] -all"',
    '"v=spf1 ip4:1.2.3[[/99]] -all"',
  ]) {
    expectRanges(zone([`@ IN TXT ${rdata}`]), RULE);
  }
  expectRanges(zone(['@ IN TXT "v=spf1 a/24//64 mx//0 ip4:0.0.0.0/0 ip6:::/0 -all"']), RULE);
});

test('fixes where the intent is clear; the fixed record is valid', () => {
  const cases: [string, string, string][] = [
    ['ip4:192.0.2.0/024', "Change '/024' to '/24'", 'ip4:192.0.2.0/24'],
    ['ip4:192.0.2.0//24', "Change '//24' to '/24'", 'ip4:192.0.2.0/24'],
    ['ip6:2001:db8::/064', "Change '/064' to '/64'", 'ip6:2001:db8::/64'],
    ['a/24/64', "Change '/24/64' to '/24//64'", 'a/24//64'],
    ['mx//064', "Change '//064' to '//64'", 'mx//64'],
  ];
  for (const [term, title, want] of cases) {
    const text = zone([`@ IN TXT "v=spf1 ${term} -all"`]);
    const out = applyFix(text, RULE, title);
    assert.equal(out, zone([`@ IN TXT "v=spf1 ${want} -all"`]));
    assert.deepEqual(findingsOf(out, RULE), []);
    assert.deepEqual(spfErrors(out), [], want);
  }
});

test('no fix when the value is out of range', () => {
  const text = zone(['@ IN TXT "v=spf1 ip4:192.0.2.0/33 -all"']);
  assert.throws(() => applyFix(text, RULE, 'anything'), /no fix titled/);
});
