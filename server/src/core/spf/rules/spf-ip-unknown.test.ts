import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext } from '../../engine';
import { readSettings } from '../../settings';
import { applyFix, expectRanges, findingsOf, spfErrors, spfRules, withZones, zone } from './testkit';

const RULE = 'spf-ip-unknown';

test('ip terms holding an A/AAAA address of any name or an MX host are not reported', () => {
  expectRanges(
    zone([
      '@    IN TXT "v=spf1 ip4:203.0.113.25 ip4:203.0.113.0/28 ip4:192.0.0.0/2 ip4:0.0.0.0/0 ip6:2001:db8::/64 ip4:198.51.100.7 -all"',
      '@    IN MX 10 mail',
      'mail IN A 203.0.113.25',
      'www  IN A 203.0.113.9',
      'v6   IN AAAA 2001:db8::25',
    ]),
    RULE,
    withZones(zone(['relay IN A 198.51.100.7'], 'example.net')),
  );
});

test('an ip term matching no host and no provider is a hint with the exact term range', () => {
  const { found } = expectRanges(
    zone(['@    IN TXT "v=spf1 [[ip4:192.0.2.10]] mx [[ip6:2001:db8:1::/48]] -all"', '@ IN MX 10 mail', 'mail IN A 203.0.113.25']),
    RULE,
  );
  assert.equal(found[0].severity, 'hint');
  assert.match(found[0].message, /no address of a host in the zone files .* no known mail provider's published range/);
  assert.equal(found[0].data, undefined);
});

test('an ip term inside a provider range names the provider; the fix replaces it with the include', () => {
  const text = zone(['@ IN TXT "v=spf1 mx [[~ip4:209.85.128.0/17]] -all"', '@ IN MX 10 mail', 'mail IN A 203.0.113.25']);
  const { text: plain, found } = expectRanges(text, RULE);
  assert.match(found[0].message, /Google Workspace's published outbound range 209\.85\.128\.0\/17.*'include:_spf\.google\.com'/);
  const fixed = applyFix(plain, RULE, "Replace '~ip4:209.85.128.0/17' with '~include:_spf.google.com' (Google Workspace)");
  assert.equal(fixed, zone(['@ IN TXT "v=spf1 mx ~include:_spf.google.com -all"', '@ IN MX 10 mail', 'mail IN A 203.0.113.25']));
  assert.deepEqual(findingsOf(fixed, RULE), []);
  assert.deepEqual(spfErrors(fixed), []);
});

test('when the record already includes the provider, the fix removes the redundant term', () => {
  const { found } = expectRanges(
    zone(['@ IN TXT "v=spf1 include:spf.protection.outlook.com [[ip4:40.107.22.0/24]] [[ip6:2a01:111:f403::1]] -all"']),
    RULE,
  );
  assert.match(found[0].message, /Microsoft 365.*already authorises: the term is redundant/);
  const one = zone(['@ IN TXT "v=spf1 include:spf.protection.outlook.com ip4:40.107.22.0/24 -all"']);
  const fixed = applyFix(one, RULE, "Remove 'ip4:40.107.22.0/24' (already covered by 'include:spf.protection.outlook.com')");
  assert.equal(fixed, zone(['@ IN TXT "v=spf1 include:spf.protection.outlook.com -all"']));
  assert.deepEqual(findingsOf(fixed, RULE), []);
  assert.deepEqual(spfRules(fixed), []);
});

test('two terms of one provider: after the first fix the second is redundant and is removed', () => {
  const text = zone(['@ IN TXT "v=spf1 ip4:167.89.0.0/17 ip4:149.72.10.0/24 -all"']);
  const doc = findingsOf(text, RULE);
  assert.equal(doc.length, 2);
  const once = zone(['@ IN TXT "v=spf1 ip4:167.89.0.0/17 -all"']);
  const first = applyFix(once, RULE, "Replace 'ip4:167.89.0.0/17' with 'include:sendgrid.net' (Twilio SendGrid)");
  assert.equal(first, zone(['@ IN TXT "v=spf1 include:sendgrid.net -all"']));
  const again = zone(['@ IN TXT "v=spf1 include:sendgrid.net ip4:149.72.10.0/24 -all"']);
  assert.equal(
    applyFix(again, RULE, "Remove 'ip4:149.72.10.0/24' (already covered by 'include:sendgrid.net')"),
    zone(['@ IN TXT "v=spf1 include:sendgrid.net -all"']),
  );
});

test('a term in several character-strings is replaced within the record value', () => {
  const text = zone(['@ IN TXT "v=spf1 ip4:54.240." "0.0/18 -all"']);
  const fixed = applyFix(text, RULE, "Replace 'ip4:54.240.0.0/18' with 'include:amazonses.com' (Amazon SES)");
  assert.equal(fixed, zone(['@ IN TXT "v=spf1 include:amazonses.com" " -all"']));
  assert.deepEqual(spfErrors(fixed), []);
});

test('invalid, near-miss and type-99 records are left to their own rules', () => {
  expectRanges(zone(['@ IN TXT "v=spf1 ip4:192.0.2.300 ip4:192.0.2.0/33 -all"']), RULE);
  expectRanges(zone(['@ IN TXT "v=spf ip4:192.0.2.1 -all"']), RULE);
});

test('an address declared in senderGuard.mailServers is known', () => {
  const text = zone(['@ IN TXT "v=spf1 ip4:192.0.2.10 [[ip6:2001:db8::10]] -all"']);
  expectRanges(text, RULE, makeContext(readSettings({ mailServers: ['192.0.2.10', 'not-an-address'] })));
  expectRanges(zone(['@ IN TXT "v=spf1 ip4:192.0.2.10 ip6:2001:db8::10 -all"']), RULE, makeContext(readSettings({ mailServers: ['192.0.2.10', '2001:DB8:0::10'] })));
});

test('ip6 networks are matched bit by bit, and every record sharing a value is reported', () => {
  const { found } = expectRanges(
    zone([
      'a IN TXT "v=spf1 ip6:2001:db8:1230::/44 [[ip6:2001:db8:1240::/44]] ip6:2001:db8:1234::1 [[ip6:2001:db8:1234::2]] -all"',
      'b IN TXT "v=spf1 ip6:2001:db8:1230::/44 [[ip6:2001:db8:1240::/44]] ip6:2001:db8:1234::1 [[ip6:2001:db8:1234::2]] -all"',
      'h IN AAAA 2001:db8:1234::1',
    ]),
    RULE,
  );
  assert.equal(found.length, 4);
});
