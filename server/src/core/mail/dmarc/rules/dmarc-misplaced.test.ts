import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, problems, ruleIds, zone } from '../testkit';

const RULE = 'dmarc-misplaced';

test('a DMARC record at the apex: the fix changes only the owner field', () => {
  const { text, found } = expectRanges(zone(['[[@]] IN TXT "v=DMARC1; p=reject"']), RULE);
  assert.match(found[0].message, /only at _dmarc\.example\.jp/);
  const out = applyFix(text, RULE, 'Move to _dmarc.example.jp');
  assert.equal(out, zone(['_dmarc IN TXT "v=DMARC1; p=reject"']));
  assert.deepEqual(problems(out, ['dmarc-']), []);
});

test('at a subdomain, written absolute or relative', () => {
  const { text } = expectRanges(zone(['[[shop]] 300 IN TXT "v=DMARC1; p=reject"']), RULE);
  assert.equal(applyFix(text, RULE, 'Move to _dmarc.shop.example.jp'), zone(['_dmarc.shop 300 IN TXT "v=DMARC1; p=reject"']));
  const abs = expectRanges(zone(['[[example.jp.]] IN TXT "v=DMARC1; p=reject"']), RULE);
  assert.equal(applyFix(abs.text, RULE, 'Move to _dmarc.example.jp'), zone(['_dmarc IN TXT "v=DMARC1; p=reject"']));
});

test('records that inherited the owner keep it', () => {
  const { text } = expectRanges(zone(['[[@]] IN TXT "v=DMARC1; p=reject"', '  IN MX 10 mail', 'mail IN A 192.0.2.25']), RULE);
  const out = applyFix(text, RULE, 'Move to _dmarc.example.jp');
  assert.equal(out, zone(['_dmarc IN TXT "v=DMARC1; p=reject"', '@  IN MX 10 mail', 'mail IN A 192.0.2.25']));
  assert.deepEqual(problems(out, ['dmarc-']), []);
});

test('an inherited owner: the record is written anew as a line of its own', () => {
  const title = 'Move to _dmarc.example.jp (as a new line with its own owner, since the owner here is inherited)';
  const last = expectRanges(zone(['@ IN MX 10 mail', '  IN TXT [["v=DMARC1; p=reject"]]', 'mail IN A 192.0.2.25']), RULE);
  const out = applyFix(last.text, RULE, title);
  assert.equal(out, zone(['@ IN MX 10 mail', '_dmarc  IN TXT "v=DMARC1; p=reject"', 'mail IN A 192.0.2.25']));
  assert.deepEqual(problems(out, ['dmarc-']), []);
  const middle = expectRanges(zone(['@ IN MX 10 mail', '  IN TXT [["v=DMARC1; p=reject"]]', '  IN TXT "v=spf1 mx -all"', 'mail IN A 192.0.2.25']), RULE);
  const out2 = applyFix(middle.text, RULE, title);
  assert.equal(out2, zone(['@ IN MX 10 mail', '  IN TXT "v=spf1 mx -all"', '_dmarc  IN TXT "v=DMARC1; p=reject"', 'mail IN A 192.0.2.25']));
  assert.deepEqual(problems(out2, ['dmarc-']), []);
});

test('when _dmarc has a record already, the fix deletes the misplaced one', () => {
  const { text } = expectRanges(zone(['[[@]] IN TXT "v=DMARC1; p=none"', '  IN MX 10 mail', '_dmarc IN TXT "v=DMARC1; p=reject"']), RULE);
  const out = applyFix(text, RULE, 'Delete this record (_dmarc.example.jp already has a DMARC record)');
  assert.equal(out, zone(['@  IN MX 10 mail', '_dmarc IN TXT "v=DMARC1; p=reject"']));
  assert.deepEqual(problems(out, ['dmarc-']), []);
});

test('records at _dmarc names, report authorisations and other TXT records are not misplaced', () => {
  expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=reject"', 'example.net._report._dmarc IN TXT "v=DMARC1"', '@ IN TXT "v=spf1 -all"', '@ IN TXT "verification=abc"']), RULE);
  // A misplaced near miss is both misplaced and mistyped.
  assert.deepEqual(ruleIds(zone(['@ IN TXT "v=DMARC; p=reject"']), ['dmarc-']).sort(), ['dmarc-misplaced', 'dmarc-version']);
});
