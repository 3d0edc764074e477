import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, spfRules, zone } from './testkit';

const RULE = 'spf-duplicate-modifier';

test('a repeated redirect= or exp= is reported on each repetition', () => {
  expectRanges(zone(['@ IN TXT "v=spf1 redirect=a.example.jp [[redirect=b.example.jp]]"']), RULE);
  expectRanges(zone(['@ IN TXT "v=spf1 -all exp=a.example.jp [[exp=b.example.jp]] [[EXP=c.example.jp]]"']), RULE);
  expectRanges(zone(['@ IN TXT "v=spf1 -all exp=a.example.jp foo=1 foo=2"']), RULE);
});

test('the fix removes the repetition; the record is then valid', () => {
  const text = zone(['@ IN TXT "v=spf1 ip4:192.0.2.1 exp=a.example.jp -all exp=b.example.jp"', 'a IN TXT "not allowed"']);
  const out = applyFix(text, RULE, "Remove the repeated 'exp=b.example.jp'");
  assert.equal(out, zone(['@ IN TXT "v=spf1 ip4:192.0.2.1 exp=a.example.jp -all"', 'a IN TXT "not allowed"']));
  assert.deepEqual(spfRules(out), []);
});
