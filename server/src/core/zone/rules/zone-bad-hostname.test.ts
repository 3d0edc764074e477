import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindings, HEAD } from './testkit';
import { isHostname } from './zone-bad-hostname';

test('zone-bad-hostname: owners of address records and host targets', () => {
  expectFindings(
    'zone-bad-hostname',
    HEAD + '[[under_score]] A 192.0.2.1\n*.w A 192.0.2.1\n[[-bad]] AAAA 2001:db8::1\n_dmarc TXT "v=DMARC1"\n@ MX 10 [[mx_1]]\nsrv SRV 0 0 1 ok-host\n',
  );
});

const REVERSE_HEAD = '$ORIGIN 2.0.192.in-addr.arpa.\n$TTL 1h\n@ SOA ns1.example.com. hostmaster.example.com. 1 2h 15m 1w 300\n@ NS ns1.example.com.\n';

test('zone-bad-hostname: PTR targets in reverse zones must be host names', () => {
  expectFindings(
    'zone-bad-hostname',
    REVERSE_HEAD +
      '1 PTR mail.example.com.\n' +
      '2 PTR [[!@#3.]]\n' +
      '3 PTR [[_svc.example.com.]]\n' +
      '4 PTR [[host-.example.com.]]\n' +
      '5 PTR [[*.example.com.]]\n' +
      '6 PTR relative-host\n' +
      '7 PTR .\n',
  );
});

test('zone-bad-hostname: ip6.arpa. and ip6.int. are reverse trees too; other PTRs are not checked', () => {
  expectFindings(
    'zone-bad-hostname',
    '$ORIGIN 8.b.d.0.1.0.0.2.ip6.arpa.\n$TTL 1h\n1.0 PTR [[a_b.example.]]\n' +
      '$ORIGIN 8.b.d.0.1.0.0.2.ip6.int.\n1.0 PTR [[a_b.example.]]\n' +
      '$ORIGIN example.com.\n_http._tcp PTR web_server._http._tcp\n' +
      '$ORIGIN in-addr.arpa.example.\nx PTR a_b.example.\n',
  );
});

test('zone-bad-hostname: DNS-SD domain enumeration PTRs (RFC 6763 §11) are exempt in reverse zones', () => {
  expectFindings(
    'zone-bad-hostname',
    REVERSE_HEAD +
      'b._dns-sd._udp PTR !@#3.\ndb._dns-sd._udp PTR !@#3.\nr._dns-sd._udp PTR !@#3.\ndr._dns-sd._udp PTR !@#3.\nlb._dns-sd._udp PTR !@#3.\n' +
      // Not one of the five prefixes: checked.
      'lb._dns-sd._tcp PTR [[!@#3.]]\nb._fail._udp PTR [[!@#3.]]\nx.b._dns-sd._udp PTR [[!@#3.]]\n',
  );
});

test('zone-bad-hostname: PTR records of another class are not checked', () => {
  expectFindings('zone-bad-hostname', '$ORIGIN 2.0.192.in-addr.arpa.\n$TTL 1h\n1 CH PTR !@#3.\n2 IN PTR [[!@#3.]]\n');
});

test('zone-bad-hostname: the gc._msdcs and _spf exceptions hold for owners only, not for host targets', () => {
  expectFindings(
    'zone-bad-hostname',
    HEAD +
      'gc._msdcs A 192.0.2.2\na._spf A 192.0.2.2\na._spf_rate A 192.0.2.2\na._spf_verify A 192.0.2.2\nx.y._spf.sub A 192.0.2.2\n' +
      '[[a._spfx]] A 192.0.2.2\n[[gc._msdcs.bad_label]] A 192.0.2.2\n' +
      'sub NS [[gc._msdcs.example.com.]]\n@ MX 10 [[a._spf.example.com.]]\n',
  );
});

test('isHostname agrees with the label-by-label definition', () => {
  // The definition: split into labels, each letters/digits/hyphens without a hyphen at either end.
  const reference = (name: string, wildcard: boolean): boolean =>
    name === '.' ||
    name
      .slice(0, -1)
      .split('.')
      .every((l, i) => (i === 0 && wildcard && l === '*') || /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i.test(l));
  const names = ['.', '*.', 'a.', 'www.example.com.', '*.example.com.', '**.example.com.', 'a*.b.', '-a.b.', 'a-.b.', 'a--b.c.', 'a..b.', '.a.', 'x_y.example.', 'A1.B2.', 'a\\.b.c.', 'a.b', '*', '*.a', 'é.example.', '1.2.3.4.in-addr.arpa.', 'a.-.b.', 'xn--bcher-kva.example.'];
  for (const n of names) for (const w of [false, true]) assert.equal(isHostname(n, w), reference(n, w), `${n} wildcard=${w}`);
});
