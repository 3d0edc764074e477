import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, spfRules, zone } from './testkit';

const RULE = 'spf-type99';

test('type SPF records are reported on the type, tagged deprecated', () => {
  const { found } = expectRanges(zone(['@ IN [[SPF]] "v=spf1 mx -all"', 'a IN [[SPF]] "v=spf1 -all"', 'a IN TXT "v=spf1 -all"']), RULE);
  assert.match(found[0].message, /no SPF record at all/);
  assert.match(found[1].message, /Delete this one/);
  assert.ok(found.every((f) => f.tags?.includes('deprecated')));
  expectRanges(zone(['@ IN TXT "v=spf1 -all"', 'x IN SPF "not spf"']), RULE);
});

test('fix: change the type to TXT when it is the only record', () => {
  const out = applyFix(zone(['@ IN SPF "v=spf1 -all"']), RULE, 'Change the type to TXT');
  assert.equal(out, zone(['@ IN TXT "v=spf1 -all"']));
  assert.deepEqual(spfRules(out), []);
});

test('fix: delete it when a TXT record exists', () => {
  const out = applyFix(zone(['@ IN TXT "v=spf1 -all"', '@ IN SPF "v=spf1 -all"', 'www IN A 192.0.2.1']), RULE, 'Delete the type SPF record');
  assert.equal(out, zone(['@ IN TXT "v=spf1 -all"', 'www IN A 192.0.2.1']));
  assert.deepEqual(spfRules(out), []);
});
