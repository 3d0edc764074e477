import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, zone } from '../../../spf/rules/testkit';
import { ed25519Key } from '../testdata';

test('a DomainKeys policy record at _domainkey is a note', () => {
  const { found } = expectRanges(zone(['_domainkey IN TXT [["o=~; r=postmaster@example.jp"]]']), 'dkim-policy-record');
  assert.match(found[0].message, /DomainKeys \(RFC 4870\)/);
  assert.equal(found[0].severity, 'info');
  expectRanges(zone(['_domainkey.mail IN TXT [["t=y; o=-"]]']), 'dkim-policy-record');
});

test('a key at _domainkey is dkim-misplaced, not a policy record; keys under selectors are neither', () => {
  const ED = ed25519Key().raw;
  expectRanges(zone([`_domainkey IN TXT "v=DKIM1; k=ed25519; p=${ED}"`]), 'dkim-policy-record');
  const { found } = expectRanges(zone([`_domainkey IN TXT [["v=DKIM1; k=ed25519; p=${ED}"]]`]), 'dkim-misplaced');
  assert.match(found[0].message, /has no selector/);
  expectRanges(zone([`sel._domainkey IN TXT "v=DKIM1; k=ed25519; p=${ED}"`]), 'dkim-policy-record');
});

test('an ADSP record is a note too, and is not read as a key', () => {
  const text = zone(['_adsp._domainkey IN TXT [["dkim=all"]]']);
  const { found, text: plain } = expectRanges(text, 'dkim-policy-record');
  assert.match(found[0].message, /ADSP record \(RFC 5617\).*historic/);
  for (const rule of ['dkim-syntax', 'dkim-unknown-tag', 'dkim-bad-tag-value']) expectRanges(plain, rule);
});
