import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument, validate } from '../../engine';
import { applyFix, expectRanges, spfRules, zone } from './testkit';

const RULE = 'spf-missing-record';

test('names with MX and no SPF record are reported once, on the owner', () => {
  expectRanges(zone(['[[@]] IN MX 10 mail', '  IN MX 20 backup', '[[sub]] IN MX 10 mail', 'mail IN A 192.0.2.1']), RULE);
  // Inherited owner: the range is the type.
  expectRanges(zone(['@ IN A 192.0.2.1', '  IN [[MX]] 10 mail']), RULE);
});

test('names with an SPF record, a near miss or a type 99 record are left to other rules', () => {
  expectRanges(zone(['@ IN MX 10 mail', '@ IN TXT "v=spf1 mx -all"', 'a IN MX 10 mail', 'a IN TXT "v-spf1 mx -all"', 'b IN MX 10 mail', 'b IN SPF "v=spf1 mx -all"']), RULE);
});

test('fix: add "v=spf1 mx -all" after the MX records (relative owner)', () => {
  const text = zone(['@ IN MX 10 mail', '@ IN MX 20 mail2', 'mail IN A 192.0.2.1', 'mail2 IN A 192.0.2.2']);
  const out = applyFix(text, RULE, 'Add "v=spf1 mx -all"');
  assert.equal(out, zone(['@ IN MX 10 mail', '@ IN MX 20 mail2', '@ IN TXT "v=spf1 mx -all"', 'mail IN A 192.0.2.1', 'mail2 IN A 192.0.2.2']));
  assert.deepEqual(spfRules(out), []);
  const sub = applyFix(zone(['shop IN MX 10 mail.example.jp.', 'mail IN A 192.0.2.1']), RULE, 'Add "v=spf1 mx -all"');
  assert.equal(sub, zone(['shop IN MX 10 mail.example.jp.', 'shop IN TXT "v=spf1 mx -all"', 'mail IN A 192.0.2.1']));
});

test('a null MX gets "v=spf1 -all"', () => {
  const out = applyFix(zone(['nomail IN MX 0 .']), RULE, 'Add "v=spf1 -all"');
  assert.equal(out, zone(['nomail IN MX 0 .', 'nomail IN TXT "v=spf1 -all"']));
  assert.deepEqual(spfRules(out), []);
});

test('a name with a CNAME is left to zone-cname-and-other-data (no TXT would be legal there)', () => {
  const text = '$ORIGIN example.\n$TTL 3600\n@ IN SOA ns hm 1 2 3 4 5\n@ IN NS ns\n@ IN TXT "v=spf1 -all"\nns IN A 192.0.2.1\nbad IN CNAME ns\nbad IN MX 10 ns\n';
  const rules = validate(parseDocument('zone', text)).map((f) => f.rule);
  assert.ok(!rules.includes('spf-missing-record'), rules.join());
  assert.ok(rules.includes('zone-cname-and-other-data'));
});
