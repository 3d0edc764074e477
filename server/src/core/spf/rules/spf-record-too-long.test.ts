import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, findingsOf, spfErrors, zone } from './testkit';

const RULE = 'spf-record-too-long';

function ips(n: number, from = 0): string {
  return Array.from({ length: n }, (_, k) => `ip4:198.51.100.${k + from}`).join(' ');
}

test('a record over 450 octets is reported on its RDATA', () => {
  const strings = `"v=spf1 ${ips(13)} " "${ips(13, 13)} -all"`;
  const { found } = expectRanges(zone([`@ IN TXT [[${strings}]]`]), RULE);
  assert.match(found[0].message, /is \d+ octets long.*at most 450/);
  expectRanges(zone([`@ IN TXT "v=spf1 ${ips(10)} -all"`]), RULE);
});

test('a string over 255 octets is reported and split by the fix', () => {
  const value = `v=spf1 ${ips(16)} -all`;
  assert.ok(value.length > 255 && value.length <= 450);
  const text = zone([`@ IN TXT [["${value}"]]`]).replace(/\[\[|\]\]/g, '');
  expectRanges(zone([`@ IN TXT [["${value}"]]`]), RULE);
  const out = applyFix(text, RULE, 'Split into strings of at most 255 characters');
  assert.equal(out, zone([`@ IN TXT "${value.slice(0, 255)}" "${value.slice(255)}"`]));
  assert.deepEqual(findingsOf(out, RULE), []);
  assert.deepEqual(spfErrors(out), []);
});
