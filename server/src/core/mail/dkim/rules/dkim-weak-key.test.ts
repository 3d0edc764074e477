import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, zone } from '../../../spf/rules/testkit';
import { rsaKey, txt } from '../testdata';

const RULE = 'dkim-weak-key';

test('a 1024-bit RSA key is a warning on the key', () => {
  const { found } = expectRanges(zone([`sel._domainkey IN TXT "v=DKIM1; k=rsa; p=[[${rsaKey(1024)}]]"`]), RULE);
  assert.match(found[0].message, /1024 bits: RFC 8301 §3\.2 asks for at least 2048/);
  assert.equal(found[0].severity, 'warning');
  expectRanges(zone([`sel._domainkey IN TXT "v=DKIM1; p=[[${rsaKey(1536, 'pkcs1')}]]"`]), RULE);
});

test('2048 bits and more, under-1024 (an error elsewhere) and Ed25519 are not weak', () => {
  expectRanges(zone([`sel._domainkey IN TXT ${txt(`v=DKIM1; k=rsa; p=${rsaKey(2048)}`)}`]), RULE);
  expectRanges(zone([`sel._domainkey IN TXT "v=DKIM1; k=rsa; p=${rsaKey(512)}"`]), RULE);
});
