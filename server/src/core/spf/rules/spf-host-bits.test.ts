import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, findingsOf, spfErrors, zone } from './testkit';

const RULE = 'spf-host-bits';

test('host bits beyond the prefix: range is the network with its prefix', () => {
  const { found } = expectRanges(zone(['@ IN TXT "v=spf1 ip4:[[192.0.2.1/24]] ip6:[[2001:db8::1/64]] -all"']), RULE);
  assert.match(found[0].message, /whole network 192\.0\.2\.0\/24/);
  assert.equal(found[0].severity, 'warning');
  // Any address but 0.0.0.0 has bits beyond /0: the term matches everything.
  expectRanges(zone(['@ IN TXT "v=spf1 ip4:[[10.0.0.0/0]] -all"']), RULE);
  expectRanges(zone(['@ IN TXT "v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.1 ip4:192.0.2.1/32 ip6:2001:db8::/32 ip4:0.0.0.0/0 -all"']), RULE);
});

test('fixes: the network address (preferred) or the single address', () => {
  const text = zone(['@ IN TXT "v=spf1 ip4:192.0.2.77/26 -all"']);
  const net = applyFix(text, RULE, 'Write the network: 192.0.2.64/26');
  assert.equal(net, zone(['@ IN TXT "v=spf1 ip4:192.0.2.64/26 -all"']));
  assert.deepEqual(findingsOf(net, RULE), []);
  assert.deepEqual(spfErrors(net), []);
  const one = applyFix(text, RULE, 'Authorise only 192.0.2.77 (/32)');
  assert.equal(one, zone(['@ IN TXT "v=spf1 ip4:192.0.2.77 -all"']));
  assert.deepEqual(findingsOf(one, RULE), []);
  assert.deepEqual(spfErrors(one), []);
  const six = applyFix(zone(['@ IN TXT "v=spf1 ip6:2001:db8:0:0:1::5/48 -all"']), RULE, 'Write the network: 2001:db8::/48');
  assert.equal(six, zone(['@ IN TXT "v=spf1 ip6:2001:db8::/48 -all"']));
  assert.deepEqual(findingsOf(six, RULE), []);
  assert.deepEqual(spfErrors(six), []);
});
