import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, zone } from '../../../spf/rules/testkit';
import { ed25519Key, rsaKey } from '../testdata';

const RULE = 'dkim-multiple-records';
const ED = ed25519Key().raw;

test('a second key record at the same selector is an error on every record after the first', () => {
  const { found } = expectRanges(
    zone([
      `sel._domainkey IN TXT "v=DKIM1; k=ed25519; p=${ED}"`,
      `sel._domainkey IN TXT [["v=DKIM1; k=rsa; p=${rsaKey(1024)}"]]`,
      `SEL._domainkey IN TXT [["v=DKIM1; p="]]`,
    ]),
    RULE,
  );
  assert.match(found[0].message, /^3 different TXT records at sel\._domainkey\.example\.jp\.: .*RFC 6376 §3\.6\.2\.2/);
  assert.equal(found[0].related?.length, 1);
  assert.equal(found[0].severity, 'error');
});

test('one record per selector, and records at other names, are fine', () => {
  expectRanges(
    zone([
      `a._domainkey IN TXT "v=DKIM1; k=ed25519; p=${ED}"`,
      `b._domainkey IN TXT "v=DKIM1; k=ed25519; p=${ED}"`,
      `@ IN TXT "v=DKIM1; k=ed25519; p=${ED}"`,
      `@ IN TXT "v=DKIM1; k=ed25519; p=${ED}"`,
      '_adsp._domainkey IN TXT "dkim=all"',
      // The same key twice (split differently): one key for verifiers.
      `c._domainkey IN TXT "v=DKIM1; k=ed25519; p=${ED}"`,
      `c._domainkey IN TXT "v=DKIM1; k=ed25519; " "p=${ED}"`,
    ]),
    RULE,
  );
});
