import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, findingsOf, zone } from '../../../spf/rules/testkit';
import { dkimFindings, ed25519Key, rsaKey, txt } from '../testdata';

const RULE = 'dkim-syntax';
const ED = ed25519Key().raw;
const line = (value: string, owner = 'sel._domainkey'): string => `${owner} IN TXT "${value}"`;

test('well-formed records, with the key split across strings, are clean', () => {
  const k2048 = rsaKey(2048);
  const text = zone([
    `s1._domainkey IN TXT ${txt(`v=DKIM1; k=rsa; p=${k2048}`)}`,
    `s2._domainkey IN TXT "v=DKIM1; k=rsa; " "p=${k2048.slice(0, 200)}" "${k2048.slice(200)}"`,
    line(`k=ed25519; p=${ED}`, 's3._domainkey'),
    line(`v=DKIM1; h=sha256; k=ed25519; s=email; t=s; n=rotated=202024; p=${ED};`, 's4._domainkey'),
  ]);
  assert.deepEqual(findingsOf(text, RULE), []);
  assert.deepEqual(dkimFindings(text, ['error', 'warning', 'info']), []);
});

test('a missing ; between tags is reported on the run-in tag and the fix inserts it', () => {
  const fixture = zone([line(`v=DKIM1; k=ed25519 [[p=]]${ED}`)]);
  const { text, found } = expectRanges(fixture, RULE);
  assert.match(found[0].message, /'p=' runs into the value of 'k=': the ';' before it is missing/);
  const fixed = applyFix(text, RULE, "Insert the missing ';'");
  assert.equal(fixed, zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
  assert.deepEqual(dkimFindings(fixed), []);
});

test('a run-on at a string boundary gets its ; at the end of the first string', () => {
  const text = zone([`sel._domainkey IN TXT "v=DKIM1; k=ed25519" " p=${ED}"`]);
  const fixed = applyFix(text, RULE, "Insert the missing ';'");
  assert.equal(fixed, zone([`sel._domainkey IN TXT "v=DKIM1; k=ed25519;" " p=${ED}"`]));
  assert.deepEqual(dkimFindings(fixed), []);
});

test('commas instead of semicolons are each reported; the fix turns one into ;', () => {
  expectRanges(zone([line(`v=DKIM1[[,]] k=ed25519[[,]] p=${ED}`)]), RULE);
  const text = zone([line(`v=DKIM1; k=ed25519[[,]]p=${ED}`)]);
  const { text: plain } = expectRanges(text, RULE);
  const fixed = applyFix(plain, RULE, "Replace ',' with ';'");
  assert.equal(fixed, zone([line(`v=DKIM1; k=ed25519;p=${ED}`)]));
  assert.deepEqual(dkimFindings(fixed), []);
});

test('base64 whitespace and padding in p= are not run-ons, but a tag after the key is', () => {
  expectRanges(zone([line(`k=ed25519; p=${ED.slice(0, 20)} ${ED.slice(20)}`)]), RULE);
  expectRanges(zone([line(`k=ed25519; p=${ED} [[t=]]y`)]), RULE);
});

test('a tag given twice makes the record invalid; an identical repeat can be removed', () => {
  const { text, found } = expectRanges(zone([line(`v=DKIM1; k=ed25519; [[k=ed25519]]; p=${ED}`)]), RULE);
  assert.match(found[0].message, /given twice/);
  assert.equal(found[0].related?.length, 1);
  const fixed = applyFix(text, RULE, "Remove the repeated 'k=ed25519'");
  assert.equal(fixed, zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
  assert.deepEqual(dkimFindings(fixed), []);
  // Different values: which one is meant is unknown, so no fix.
  const other = zone([line(`k=ed25519; p=${ED}; [[p=]]`)]);
  const { found: f2 } = expectRanges(other, RULE);
  assert.match(f2[0].message, /'p=' is given twice/);
});

test('v= must be DKIM1 and first', () => {
  const { text } = expectRanges(zone([line(`v=[[DKIM2]]; k=ed25519; p=${ED}`)]), RULE);
  assert.equal(applyFix(text, RULE, 'Write v=DKIM1'), zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
  expectRanges(zone([line(`v=[[dkim1]]; k=ed25519; p=${ED}`)]), RULE);
  const { text: late } = expectRanges(zone([line(`k=ed25519; [[v=DKIM1]]; p=${ED}`)]), RULE);
  const moved = applyFix(late, RULE, 'Move v=DKIM1 to the front');
  assert.equal(moved, zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
  assert.deepEqual(dkimFindings(moved), []);
  const { text: last } = expectRanges(zone([line(`k=ed25519; p=${ED}; [[v=DKIM1]]`)]), RULE);
  assert.equal(applyFix(last, RULE, 'Move v=DKIM1 to the front'), zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
});

test('no p= at all is an error on the record data', () => {
  const { found } = expectRanges(zone([`sel._domainkey IN TXT [["v=DKIM1; k=rsa"]]`]), RULE);
  assert.match(found[0].message, /no 'p=' tag/);
  // An empty p= is a revoked key, not a missing one.
  expectRanges(zone([line('v=DKIM1; p=')]), RULE);
});

test('tag-list errors are reported with their spans', () => {
  const { found } = expectRanges(zone([line(`v=DKIM1; [[k rsa]]; p=${ED}`)]), RULE);
  assert.match(found[0].message, /not a tag/);
  expectRanges(zone([line(`v=DKIM1; [[1k]]=rsa; k=ed25519; p=${ED}`)]), RULE);
});

test('non-ASCII look-alikes are reported once and replaced by their ASCII character', () => {
  const { text, found } = expectRanges(zone([line(`v=DKIM1;[[\u00a0]]k=ed25519; p=${ED}`)]), RULE);
  assert.match(found[0].message, /no-break space \(U\+00A0\)/);
  const fixed = applyFix(text, RULE, "Replace a no-break space (U+00A0) with ' '");
  assert.equal(fixed, zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
  assert.deepEqual(dkimFindings(fixed), []);

  const { text: wide } = expectRanges(zone([line(`v=DKIM1; k=ed25519[[\uff1b]] p=${ED}`)]), RULE);
  const fixedWide = applyFix(wide, RULE, "Replace a full-width ';' (U+FF1B) with ';'");
  assert.equal(fixedWide, zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
  assert.deepEqual(dkimFindings(fixedWide), []);

  const { text: zw } = expectRanges(zone([line(`v=DKIM1; k=ed25519; p=${ED.slice(0, 10)}[[\u200b]]${ED.slice(10)}`)]), RULE);
  assert.equal(applyFix(zw, RULE, 'Delete a zero-width space (U+200B)'), zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
  // No ASCII stand-in: reported, no fix.
  expectRanges(zone([line(`v=DKIM1; n=caf[[é]]; k=ed25519; p=${ED}`)]), RULE);
});

test('only DKIM records are checked', () => {
  assert.deepEqual(findingsOf(zone(['@ IN TXT "k=rsa p=x"', '_dmarc IN TXT "v=DMARC1; p=none"']), RULE), []);
});

test('a key written without p= is reported as such, and the fix inserts p=', () => {
  const k = rsaKey(2048);
  const fixture = zone([`mail._domainkey IN TXT ( "v=DKIM1; k=rsa; "`, `    "[[${k.slice(0, 200)}"`, `    "${k.slice(200)}]]" )`]);
  const { text, found } = expectRanges(fixture, RULE);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /looks like the public key without 'p=' in front/);
  const fixed = applyFix(text, RULE, "Insert 'p=' before the key");
  assert.equal(fixed, zone([`mail._domainkey IN TXT ( "v=DKIM1; k=rsa; "`, `    "p=${k.slice(0, 200)}"`, `    "${k.slice(200)}" )`]));
  assert.deepEqual(dkimFindings(fixed, ['error', 'warning', 'info']), []);
});

test('in an unquoted string the inserted ; is escaped, so it does not start a comment', () => {
  const { text } = expectRanges(zone([`sel._domainkey IN TXT v=DKIM1\\;\\032k=ed25519\\032[[p=]]${ED}`]), RULE);
  const fixed = applyFix(text, RULE, "Insert the missing ';'");
  assert.equal(fixed, zone([`sel._domainkey IN TXT v=DKIM1\\;\\032k=ed25519\\;\\032p=${ED}`]));
  assert.deepEqual(dkimFindings(fixed), []);
});
