import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alpnIds, httpAlpn } from './zone-svcb-dns';
import { expectFindings, HEAD } from './testkit';

const ID = 'zone-svcb-dns';

test('DNS-server SVCB records with what RFC 9461 requires give nothing', () => {
  expectFindings(
    ID,
    HEAD +
      '_dns SVCB 1 ns1 alpn=dot\n' +
      '_dns SVCB 2 ns1 alpn=h2,dot dohpath=/dns-query{?dns}\n' +
      '_443._dns SVCB 1 ns1 alpn="h3" dohpath="/q{?dns}"\n' +
      '_dns SVCB 0 other.example.\n' +
      'web SVCB 1 . alpn=h2\n',
  );
});

test('alpn missing, or an HTTP version without dohpath', () => {
  const [f] = expectFindings(ID, HEAD + '_dns [[SVCB]] 1 ns1 dohpath=/{?dns}\n');
  assert.match(f.message, /has no alpn/);
  const [g] = expectFindings(ID, HEAD + '_853._dns [[SVCB]] 1 ns1 alpn=dot,h3\n');
  assert.equal(g.message, 'SVCB for the DNS server _853._dns.example.com. offers h3 (DNS over HTTPS) but has no dohpath: RFC 9461 §5 requires the URI template, e.g. dohpath=/dns-query{?dns}');
  const [h] = expectFindings(ID, HEAD + '_dns [[SVCB]] 1 ns1 alpn=http/1.1\n');
  assert.match(h.message, /offers http\/1\.1/);
});

test('an escaped comma stays inside one protocol id, which named-checkzone still reads piece by piece', () => {
  assert.deepEqual(alpnIds('h1\\\\,h2'), ['h1,h2']);
  assert.deepEqual(alpnIds('dot,h2'), ['dot', 'h2']);
  assert.deepEqual(httpAlpn('dot,h2c,x'), [{ id: 'h2c' }]);
  assert.deepEqual(httpAlpn('h1\\\\,h2'), [{ id: 'h2', within: 'h1,h2' }]);
  assert.deepEqual(httpAlpn('h1\\\\,x2'), []);
  const [f] = expectFindings(ID, HEAD + '_dns [[SVCB]] 1 ns1 alpn=x1\\\\,h2\n');
  assert.equal(f.message, "SVCB for the DNS server _dns.example.com. offers h2 (DNS over HTTPS) but has no dohpath: RFC 9461 §5 requires the URI template, e.g. dohpath=/dns-query{?dns}; the protocol id 'x1,h2' has a comma in it, which named-checkzone reads as a list (no registered id has a comma: write the ids apart)");
  expectFindings(ID, HEAD + '_dns SVCB 1 ns1 alpn=x1\\\\,h2 dohpath=/q{?dns}\n');
});
