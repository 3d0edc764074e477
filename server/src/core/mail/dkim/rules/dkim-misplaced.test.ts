import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, zone } from '../../../spf/rules/testkit';
import { ed25519Key } from '../testdata';

const RULE = 'dkim-misplaced';
const ED = ed25519Key().raw;

test('a DKIM key at the apex or a misspelt _domainkey name is never looked up', () => {
  const { found } = expectRanges(zone([`@ IN TXT [["v=DKIM1; k=ed25519; p=${ED}"]]`, `sel._domainkeys IN TXT [["v=DKIM1; k=ed25519; p=${ED}"]]`]), RULE);
  assert.match(found[0].message, /at example\.jp\.: verifiers look keys up at <selector>\._domainkey\.<domain>/);
  assert.equal(found[0].severity, 'warning');
});

test('keys at selector names are in place, whatever they hold', () => {
  expectRanges(zone([`sel._domainkey IN TXT "v=DKIM1; k=ed25519; p=${ED}"`, `a.b._domainkey IN TXT "k=ed25519; p=${ED}"`]), RULE);
});
