import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edit, expectFindings, rrsig, SIGNED } from './testkit';

const ID = 'zone-dnssec-signatures';

test('an RRset without RRSIG in a signed zone', () => {
  const [f] = expectFindings(ID, edit(SIGNED, `www ${rrsig('A', 3)}\n`, '').replace('www A 192', 'www [[A]] 192'));
  assert.match(f.message, /No RRSIG covers the A RRset at www\.example\.com\./);
});

test('the NSEC at a delegation is signed, its NS RRset and glue are not', () => {
  const deleg = 'sub NS ns.sub\nsub NSEC www NS RRSIG NSEC\nns.sub A 192.0.2.9\n';
  const base = edit(SIGNED, 'ns1 NSEC www A RRSIG NSEC', 'ns1 NSEC sub A RRSIG NSEC') + deleg;
  const [f] = expectFindings(ID, base.replace('sub NSEC www', 'sub [[NSEC]] www'));
  assert.match(f.message, /NSEC RRset at sub\.example\.com\./);
  const signedNs = base + `sub ${rrsig('NSEC', 3)}\nsub RRSIG [[NS]] 13 3 3600 20300101000000 20250101000000 2067 example.com. c2ln\n`;
  const [g] = expectFindings(ID, signedNs);
  assert.match(g.message, /not signed by the parent/);
});

test('RRSIG fields that do not fit the RRset or the keys', () => {
  const cases: [string, string, RegExp][] = [
    [rrsig('A', 3), 'RRSIG A 13 [[2]] 3600 20300101000000 20250101000000 2067 example.com. c2lnbmF0dXJl', /says 2 labels; www\.example\.com\. has 3/],
    [rrsig('A', 3), 'RRSIG A 13 3 [[600]] 20300101000000 20250101000000 2067 example.com. c2lnbmF0dXJl', /original TTL 600, but the A RRset's TTL is 3600/],
    [rrsig('A', 3), 'RRSIG A 13 3 3600 20300101000000 [[20310101000000]] 2067 example.com. c2lnbmF0dXJl', /inception 20310101000000 is after expiration/],
    [rrsig('A', 3), 'RRSIG A 13 3 3600 20300101000000 20250101000000 2067 [[example.net.]] c2lnbmF0dXJl', /signer example\.net\.; signatures of this zone are made by its apex/],
    [rrsig('A', 3), 'RRSIG A 13 3 3600 20300101000000 20250101000000 [[2068]] example.com. c2lnbmF0dXJl', /no apex DNSKEY has key tag 2068/],
    [rrsig('A', 3), 'RRSIG A 8 3 3600 20300101000000 20250101000000 [[2067]] example.com. c2lnbmF0dXJl', /no apex DNSKEY uses algorithm 8/],
  ];
  for (const [from, to, msg] of cases) {
    const text = edit(SIGNED, `www ${from}`, `www ${to}`);
    const [f] = expectFindings(ID, text);
    assert.match(f.message, msg);
  }
});

test('RRSIG over RRSIG, and RRSIG over a type the name lacks', () => {
  const [f] = expectFindings(ID, SIGNED + 'www RRSIG [[RRSIG]] 13 3 3600 20300101000000 20250101000000 2067 example.com. c2ln\n');
  assert.match(f.message, /covers RRSIG: RRSIG RRsets are never signed/);
  const [g] = expectFindings(ID, SIGNED + 'www RRSIG [[MX]] 13 3 3600 20300101000000 20250101000000 2067 example.com. c2ln\n');
  assert.match(g.message, /covers MX, but www\.example\.com\. has no MX records/);
});

test('a wildcard owner has one label fewer; an unsigned zone is not checked', () => {
  const wild = edit(SIGNED, 'www NSEC @ A RRSIG NSEC', 'www NSEC *.www A RRSIG NSEC') + `*.www A 192.0.2.3\n*.www ${rrsig('A', 3)}\n*.www NSEC @ A RRSIG NSEC\n*.www ${rrsig('NSEC', 3)}\n`;
  expectFindings(ID, wild);
  expectFindings(ID, '$ORIGIN example.com.\n$TTL 1h\n@ SOA ns1 hostmaster 1 2h 15m 1w 300\n@ NS ns1\nns1 A 192.0.2.1\n@ DNSKEY 256 3 13 AQIDBA==\n');
});
