import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, findingsOf, zone } from '../../spf/rules/testkit';
import { dkimFindings, rsaKey } from './testdata';

// A key in one string over 255 octets is zone-txt-too-long's (with its split fix); the DKIM rules
// read the record all the same and do not report it a second time.
test('a 2048-bit key in one string: zone-txt-too-long splits it, and the split key validates clean', () => {
  const k = rsaKey(2048);
  const value = `v=DKIM1; k=rsa; p=${k}`;
  const { text, found } = expectRanges(zone([`sel._domainkey IN TXT [["${value}"]]`]), 'zone-txt-too-long');
  assert.match(found[0].message, /255/);
  assert.equal(found[0].severity, 'error');
  assert.deepEqual(dkimFindings(text, ['error', 'warning', 'info', 'hint']), []);
  const fixed = applyFix(text, 'zone-txt-too-long', 'Split into strings of at most 255 octets');
  assert.equal(fixed, zone([`sel._domainkey IN TXT "${value.slice(0, 255)}" "${value.slice(255)}"`]));
  assert.deepEqual(findingsOf(fixed, 'zone-txt-too-long'), []);
  assert.deepEqual(dkimFindings(fixed, ['error', 'warning', 'info', 'hint']), []);
});

test('a key split by hand across three strings, in parentheses over several lines, validates clean', () => {
  const k = rsaKey(2048);
  const text = zone([
    'sel._domainkey 3600 IN TXT ( "v=DKIM1; k=rsa; "',
    `    "p=${k.slice(0, 180)}"`,
    `    "${k.slice(180)}" )`,
  ]);
  assert.deepEqual(validateAll(text), []);
});

function validateAll(text: string): string[] {
  return dkimFindings(text, ['error', 'warning', 'info', 'hint']).concat(findingsOf(text, 'zone-txt-too-long').map((f) => f.message));
}
