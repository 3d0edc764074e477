import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, spfRules, zone } from './testkit';

const RULE = 'spf-all-not-last';

test('mechanisms after all: reported on the all, related info on each dead mechanism', () => {
  const { found } = expectRanges(zone(['@ IN TXT "v=spf1 mx [[-all]] ip4:192.0.2.1 include:_spf.example.net exp=x.example.jp"']), RULE);
  assert.equal(found[0].related?.length, 2);
  assert.match(found[0].message, /'ip4:192\.0\.2\.1', 'include:_spf\.example\.net'\) are never evaluated/);
  expectRanges(zone(['@ IN TXT "v=spf1 mx -all exp=x.example.jp foo=bar"']), RULE);
});

test('the fix moves all to the end, also across character-strings', () => {
  const out = applyFix(zone(['@ IN TXT "v=spf1 ~all ip4:192.0.2.1 mx"', '@ IN MX 10 mail', 'mail IN A 192.0.2.2']), RULE, "Move '~all' to the end");
  assert.equal(out, zone(['@ IN TXT "v=spf1 ip4:192.0.2.1 mx ~all"', '@ IN MX 10 mail', 'mail IN A 192.0.2.2']));
  assert.deepEqual(spfRules(out), []);
  const split = applyFix(zone(['@ IN TXT "v=spf1 -all " "ip4:192.0.2.1"']), RULE, "Move '-all' to the end");
  assert.equal(split, zone(['@ IN TXT "v=spf1 " "ip4:192.0.2.1 -all"']));
  assert.deepEqual(spfRules(split), []);
});
