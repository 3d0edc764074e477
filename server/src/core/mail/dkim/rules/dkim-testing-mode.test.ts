import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, zone } from '../../../spf/rules/testkit';
import { dkimFindings, ed25519Key } from '../testdata';

const RULE = 'dkim-testing-mode';
const ED = ed25519Key().raw;
const line = (value: string): string => `sel._domainkey IN TXT "${value}"`;

test('t=y alone: the fix removes the whole tag with one separator', () => {
  const { text, found } = expectRanges(zone([line(`v=DKIM1; t=[[y]]; k=ed25519; p=${ED}`)]), RULE);
  assert.match(found[0].message, /testing mode/);
  const fixed = applyFix(text, RULE, 'Turn off testing mode (remove t=y)');
  assert.equal(fixed, zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
  assert.deepEqual(dkimFindings(fixed, ['error', 'warning', 'info']), []);
});

test('t=y as the last tag, and as the only tag besides p', () => {
  const { text } = expectRanges(zone([line(`v=DKIM1; k=ed25519; p=${ED}; t=[[y]]`)]), RULE);
  assert.equal(applyFix(text, RULE, 'Turn off testing mode (remove t=y)'), zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
  const { text: first } = expectRanges(zone([line(`t=[[y]]; k=ed25519; p=${ED}`)]), RULE);
  assert.equal(applyFix(first, RULE, 'Turn off testing mode (remove t=y)'), zone([line(`k=ed25519; p=${ED}`)]));
});

test('t=y with other flags: only the y and one colon go', () => {
  const { text } = expectRanges(zone([line(`v=DKIM1; t=[[y]]:s; k=ed25519; p=${ED}`)]), RULE);
  const fixed = applyFix(text, RULE, 'Turn off testing mode (remove t=y)');
  assert.equal(fixed, zone([line(`v=DKIM1; t=s; k=ed25519; p=${ED}`)]));
  assert.deepEqual(dkimFindings(fixed, ['error', 'warning', 'info']), []);
  const { text: after } = expectRanges(zone([line(`v=DKIM1; t=s:[[y]]; k=ed25519; p=${ED}`)]), RULE);
  assert.equal(applyFix(after, RULE, 'Turn off testing mode (remove t=y)'), zone([line(`v=DKIM1; t=s; k=ed25519; p=${ED}`)]));
});

test('t=s and no t= are not testing mode; the flag is case-sensitive', () => {
  expectRanges(zone([line(`v=DKIM1; t=s; k=ed25519; p=${ED}`)]), RULE);
  expectRanges(zone([line(`v=DKIM1; t=Y; k=ed25519; p=${ED}`)]), RULE);
});

test('the tag in an unquoted string split across two lines of parentheses', () => {
  const text = zone([`sel._domainkey IN TXT ( "v=DKIM1; t=y; "`, `  "k=ed25519; p=${ED}" )`]);
  const fixed = applyFix(text, RULE, 'Turn off testing mode (remove t=y)');
  assert.equal(fixed, zone([`sel._domainkey IN TXT ( "v=DKIM1; "`, `  "k=ed25519; p=${ED}" )`]));
});
