import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, findingsOf, spfErrors, zone } from './testkit';

const RULE = 'spf-unauthorised-host';

test('MX hosts and the apex address the record does not authorise are reported (info)', () => {
  const { found } = expectRanges(
    zone([
      '@    IN TXT "v=spf1 ip4:203.0.113.25 ~all"',
      '@    IN MX 10 mail',
      '@    IN MX 20 [[mail2]]',
      '@    IN A [[203.0.113.80]]',
      'mail IN A 203.0.113.25',
      'mail2 IN A 203.0.113.26',
    ]),
    RULE,
  );
  assert.equal(found[0].severity, 'info');
  assert.match(found[0].message, /mail2\.example\.jp \(203\.0\.113\.26\), an MX host of example\.jp, is not authorised.*softfail.*add ip4:203\.0\.113\.26 or mx/);
  assert.match(found[1].message, /example\.jp's own address 203\.0\.113\.80/);
});

test('authorised hosts, and records whose outcome depends on names outside the zones, are not reported', () => {
  expectRanges(zone(['@ IN TXT "v=spf1 mx a -all"', '@ IN MX 10 mail', '@ IN A 203.0.113.80', 'mail IN A 203.0.113.25']), RULE);
  expectRanges(zone(['@ IN TXT "v=spf1 include:_spf.example.net -all"', '@ IN MX 10 mail', 'mail IN A 203.0.113.25']), RULE);
  expectRanges(
    zone(['@ IN TXT "v=spf1 include:_spf.example.jp -all"', '_spf IN TXT "v=spf1 ip4:203.0.113.0/24 -all"', '@ IN MX 10 mail', 'mail IN A 203.0.113.25']),
    RULE,
  );
});

test('fix: authorise the address before all', () => {
  const text = zone(['@ IN TXT "v=spf1 ip4:203.0.113.25 -all"', '@ IN MX 10 mail2', 'mail2 IN A 203.0.113.26']);
  const out = applyFix(text, RULE, 'Authorise 203.0.113.26 (add ip4:203.0.113.26)');
  assert.equal(out, zone(['@ IN TXT "v=spf1 ip4:203.0.113.25 ip4:203.0.113.26 -all"', '@ IN MX 10 mail2', 'mail2 IN A 203.0.113.26']));
  assert.deepEqual(findingsOf(out, RULE), []);
  assert.deepEqual(spfErrors(out), []);
});
