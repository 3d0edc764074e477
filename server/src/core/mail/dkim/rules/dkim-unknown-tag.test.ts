import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, zone } from '../../../spf/rules/testkit';
import { dkimFindings, ed25519Key } from '../testdata';

const RULE = 'dkim-unknown-tag';
const ED = ed25519Key().raw;
const line = (value: string): string => `sel._domainkey IN TXT "${value}"`;

test('unknown tags are reported on their names; g= is obsolete', () => {
  const { found } = expectRanges(zone([line(`v=DKIM1; [[x]]=1; k=ed25519; [[g=*]]; p=${ED}`)]), RULE);
  assert.match(found[0].message, /not a DKIM key record tag/);
  assert.match(found[1].message, /removed by RFC 6376/);
});

test('a tag name in the wrong case is renamed by the fix', () => {
  const { text, found } = expectRanges(zone([line(`v=DKIM1; [[K]]=ed25519; p=${ED}`)]), RULE);
  assert.match(found[0].message, /case-sensitive/);
  const fixed = applyFix(text, RULE, "Rename to 'k='");
  assert.equal(fixed, zone([line(`v=DKIM1; k=ed25519; p=${ED}`)]));
  assert.deepEqual(dkimFindings(fixed, ['error', 'warning', 'info']), []);
});

test('unknown hashes, service types and flags next to known ones are ignored', () => {
  expectRanges(zone([line(`v=DKIM1; h=sha256:[[sha512]]; s=email:[[x-foo]]; t=s:[[Y]]; k=ed25519; p=${ED}`)]), RULE);
  // A list with nothing known is dkim-bad-tag-value's.
  expectRanges(zone([line(`v=DKIM1; h=sha512; k=ed25519; p=${ED}`)]), RULE);
});

test('notes must be quoted-printable', () => {
  expectRanges(zone([line(`v=DKIM1; n=a=3Db; k=ed25519; p=${ED}`)]), RULE);
  expectRanges(zone([line(`v=DKIM1; n=a[[=]]b; k=ed25519; p=${ED}`)]), RULE);
});
