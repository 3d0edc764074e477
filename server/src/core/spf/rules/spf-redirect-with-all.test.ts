import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, spfRules, zone } from './testkit';

const RULE = 'spf-redirect-with-all';

test('redirect= next to all is reported on the redirect, tagged unnecessary', () => {
  const { found } = expectRanges(zone(['@ IN TXT "v=spf1 ip4:192.0.2.1 [[redirect=_spf.example.jp]] ~all"']), RULE);
  assert.deepEqual(found[0].tags, ['unnecessary']);
  expectRanges(zone(['@ IN TXT "v=spf1 ip4:192.0.2.1 redirect=_spf.example.jp"']), RULE);
});

test('fixes: drop the redirect, or drop all so that it applies', () => {
  const text = zone(['@ IN TXT "v=spf1 ip4:192.0.2.1 redirect=_spf.example.jp ~all"', '_spf IN TXT "v=spf1 -all"']);
  const a = applyFix(text, RULE, "Remove 'redirect=_spf.example.jp' (it has no effect)");
  assert.equal(a, zone(['@ IN TXT "v=spf1 ip4:192.0.2.1 ~all"', '_spf IN TXT "v=spf1 -all"']));
  assert.deepEqual(spfRules(a), []);
  const b = applyFix(text, RULE, "Remove '~all' so that the redirect applies");
  assert.equal(b, zone(['@ IN TXT "v=spf1 ip4:192.0.2.1 redirect=_spf.example.jp"', '_spf IN TXT "v=spf1 -all"']));
  assert.deepEqual(spfRules(b), []);
});
