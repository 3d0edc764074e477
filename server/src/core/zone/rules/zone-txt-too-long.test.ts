import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyOnlyFix, expectFindings, HEAD } from './testkit';

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
