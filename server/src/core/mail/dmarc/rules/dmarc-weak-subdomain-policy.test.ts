import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, zone } from '../testkit';

const RULE = 'dmarc-weak-subdomain-policy';

test('sp or np weaker than p is reported on the tag', () => {
  const { found } = expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=reject; [[sp=none]]; [[np=quarantine]]"']), RULE);
  assert.equal(found[0].severity, 'info');
  assert.match(found[0].message, /sp=none is weaker than p=reject/);
  assert.match(found[1].message, /non-existent subdomains/);
});

test('equal or stronger subdomain policies, and invalid values, are quiet', () => {
  expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=quarantine; sp=reject; np=quarantine"', '_dmarc.a IN TXT "v=DMARC1; p=foo; sp=none"', '_dmarc.b IN TXT "v=DMARC1; p=reject; sp=bogus"']), RULE);
});
