import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, findingsOf, spfRules, zone } from './testkit';

const RULE = 'spf-permissive-all';

test('+all, bare all, ?all and a record without all are reported', () => {
  assert.match(expectRanges(zone(['@ IN TXT "v=spf1 mx [[+all]]"']), RULE).found[0].message, /every host on the internet/);
  expectRanges(zone(['@ IN TXT "v=spf1 mx [[all]]"']), RULE);
  assert.match(expectRanges(zone(['@ IN TXT "v=spf1 mx [[?all]]"']), RULE).found[0].message, /neutral/);
  assert.match(expectRanges(zone(['@ IN TXT "[[v=spf1]] mx ip4:192.0.2.1"']), RULE).found[0].message, /no "all"/);
});

test('~all, -all, a redirect and near misses are not reported', () => {
  expectRanges(zone(['@ IN TXT "v=spf1 mx ~all"', 'a IN TXT "v=spf1 -all"', 'b IN TXT "v=spf1 redirect=_spf.example.jp"', 'c IN TXT "v-spf1 +all"']), RULE);
});

test('fixes: change the qualifier, or end the record with ~all / -all', () => {
  const cases: [string, string, string][] = [
    ['mx +all', 'Change to -all', 'mx -all'],
    ['mx all', 'Change to ~all', 'mx ~all'],
    ['mx ?all', 'Change to -all', 'mx -all'],
    ['mx', 'End with ~all', 'mx ~all'],
    ['mx exp=why.example.jp', 'End with -all', 'mx exp=why.example.jp -all'],
  ];
  for (const [body, title, want] of cases) {
    const out = applyFix(zone([`@ IN TXT "v=spf1 ${body}"`, '@ IN MX 10 mail', 'mail IN A 192.0.2.1', 'why IN TXT "no"']), RULE, title);
    assert.equal(out, zone([`@ IN TXT "v=spf1 ${want}"`, '@ IN MX 10 mail', 'mail IN A 192.0.2.1', 'why IN TXT "no"']));
    assert.deepEqual(findingsOf(out, RULE), []);
    assert.deepEqual(spfRules(out), [], want);
  }
});
