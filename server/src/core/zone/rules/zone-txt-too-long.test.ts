import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, quickFixes, validate } from '../../engine';
import { applyOnlyFix, expectFindings, HEAD } from './testkit';
import { expectFindingsUnder } from './testkit';

const R = 'zone-txt-too-long';

test('zone-txt-too-long reports the string and the fix splits it', () => {
  const long = 'a'.repeat(300);
  expectFindings(R, HEAD + `t TXT "ok" [["${long}"]]\n`);
  const fixed = applyOnlyFix(R, HEAD + `t TXT "ok" "${long}"\n`);
  assert.equal(fixed, HEAD + `t TXT "ok" "${'a'.repeat(255)}" "${'a'.repeat(45)}"\n`);
  expectFindings(R, fixed);
});

test('zone-txt-too-long: escapes count as one octet and are not cut', () => {
  const body = 'b'.repeat(254) + '\\034' + 'c'.repeat(10);
  const fixed = applyOnlyFix(R, HEAD + `t TXT "${body}"\n`);
  assert.equal(fixed, HEAD + `t TXT "${'b'.repeat(254)}\\034" "${'c'.repeat(10)}"\n`);
  const multi = 'é'.repeat(200);
  const fixed2 = applyOnlyFix(R, HEAD + `t TXT ${multi}\n`);
  assert.equal(fixed2, HEAD + `t TXT "${'é'.repeat(127)}" "${'é'.repeat(73)}"\n`);
});

test('no split fix for a type with a fixed number of strings (HINFO)', () => {
  const text = `$ORIGIN example.\n$TTL 3600\n@ IN SOA ns hm 1 2 3 4 5\n@ IN NS ns\nns IN A 192.0.2.1\nh IN HINFO "${'a'.repeat(256)}" "os"\n`;
  const doc = parseDocument('zone', text);
  const finding = validate(doc).find((f) => f.rule === 'zone-txt-too-long');
  assert.ok(finding, 'the over-long string is still reported');
  assert.deepEqual(quickFixes(doc, finding), []);
});

test('zone-txt-too-long: quiet for TXT under knot and powerdns (they split the string), not for other types', () => {
  const long = `"${'x'.repeat(256)}"`;
  const fixture = (mark: boolean) => HEAD + `t TXT ${long}\nh HINFO ${mark ? `[[${long}]]` : long} "os"\n`;
  expectFindingsUnder('bind', 'zone-txt-too-long', HEAD + `t TXT [[${long}]]\nh HINFO [[${long}]] "os"\n`);
  expectFindingsUnder('knot', 'zone-txt-too-long', fixture(true));
  expectFindingsUnder('powerdns', 'zone-txt-too-long', fixture(true));
});
