import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, zone } from '../../../spf/rules/testkit';
import { dkimFindings, ed25519Key } from '../testdata';

const RULE = 'dkim-revoked-key';

test('an empty p= is a revoked key (info), with no other DKIM finding', () => {
  const { text, found } = expectRanges(zone(['old._domainkey IN TXT "v=DKIM1; k=rsa; [[p=]]"']), RULE);
  assert.match(found[0].message, /selector 'old' is revoked/);
  assert.equal(found[0].severity, 'info');
  assert.deepEqual(dkimFindings(text), []);
  expectRanges(zone(['old._domainkey IN TXT "v=DKIM1; [[p =]] ; t=s"']), RULE);
});

test('a present key is not revoked', () => {
  expectRanges(zone([`new._domainkey IN TXT "k=ed25519; p=${ed25519Key().raw}"`]), RULE);
});
