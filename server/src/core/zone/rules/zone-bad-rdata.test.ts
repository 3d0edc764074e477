import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindings } from './testkit';
import { expectFindingsUnder, HEAD as RHEAD } from './testkit';

const R = 'zone-bad-rdata';
const Z = (body: string): string => `$ORIGIN example.com.\n$TTL 1h\n${body}\n`;

test('MX preference out of range names the field', () => {
  const [f] = expectFindings(R, Z('@ MX [[-1]] mail'));
  assert.equal(f.message, "MX preference: '-1' is not a number 0–65535");
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.data, { field: 'preference' });
});

test('addresses', () => {
  expectFindings(R, Z('a A [[192.0.2.256]]\nb A 192.0.2.1\nc AAAA [[2001:db8::g]]\nd AAAA 2001:db8::1\ne AAAA ::ffff:192.0.2.1'));
  expectFindings(R, Z('a A [[AAA.BBB.CCC.DDD]]\nb AAAA [[1::2::3]]'));
});

test('missing and extra fields', () => {
  const [f] = expectFindings(R, Z('@ MX [[10]]\n@ A 192.0.2.1 [[192.0.2.2]]'));
  assert.match(f.message, /MX exchange: missing/);
  expectFindings(R, Z('@ SOA ns1 hm 1 2h 15m 1w [[300x]]\n@ SOA ns1 hm 1 2h 15m 1w 1h'));
});

test('SRV, CAA, TLSA, SSHFP, DS, DNSKEY, RRSIG', () => {
  expectFindings(R, Z('_sip._tcp SRV 10 5 [[70000]] sip\n_x._tcp SRV 0 0 443 host'));
  expectFindings(R, Z('@ CAA 0 issue "letsencrypt.org"\n@ CAA [[256]] [[is-sue]] "x"'));
  expectFindings(R, Z('_443._tcp TLSA 3 1 1 ab12\n_25._tcp TLSA 3 1 1 [[ab1]]'));
  expectFindings(R, Z('h SSHFP 4 2 [[abcd]]\nh SSHFP 1 1 ' + 'ab'.repeat(20)));
  expectFindings(R, Z('sub DS 12345 RSASHA256 2 ' + 'ab'.repeat(32) + '\nsub DS 12345 8 2 [[abcd]]\nsub DS 1 [[FOO]] 1 ' + 'ab'.repeat(20)));
  expectFindings(R, Z('@ DNSKEY 257 3 13 AwEAAa==\n@ DNSKEY 257 3 13 [[AwE!]]'));
  expectFindings(R, Z('@ RRSIG A 13 2 3600 20260101000000 [[20261301000000]] 1234 example.com. AAAA'));
});

test('NSEC, NSEC3, NSEC3PARAM, LOC, SVCB', () => {
  expectFindings(R, Z('@ NSEC a.example.com. A NS [[BOGUS]] RRSIG'));
  expectFindings(R, Z('@ NSEC3PARAM 1 0 0 -\n@ NSEC3PARAM 1 0 0 [[abc]]'));
  expectFindings(R, Z('x NSEC3 1 1 12 aabbccdd 2vptu5timamqttgl4luu9kg21e0aor3s A RRSIG\ny NSEC3 1 1 12 - [[zz!]]'));
  expectFindings(R, Z('l LOC 52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m\nm LOC [[91]] 0 0 N 0 0 0 E 0m'));
  expectFindings(R, Z('s SVCB 1 . alpn=h2,h3 port=443 ipv4hint=192.0.2.1\nt HTTPS 1 . [[port=99999]] [[bogus=1]] alpn=h2 [[alpn=h3]]'));
  expectFindings(R, Z('s HTTPS 1 . alpn="h2,h3" no-default-alpn'));
});

test('generic data is not checked field by field; NULL needs it', () => {
  expectFindings(R, Z('a A \\# 4 c0000201\nn NULL [[abc]]\nn NULL \\# 0'));
});

test('zone-bad-rdata: what the target accepts beyond the RFC is left to zone-portability', () => {
  const text = (marks: [boolean, boolean, boolean]) =>
    RHEAD +
    `l LOC 32 7 19 S 116 2 25 ${marks[0] ? '[[E]]' : 'E'}\n` +
    `s SVCB 1 ns1 ${marks[1] ? '[[no-default-alpn]]' : 'no-default-alpn'}\n` +
    `z ZONEMD 1 1 1 ${marks[2] ? `[[${'AB'.repeat(20)}]]` : 'AB'.repeat(20)}\n` +
    'a A [[192.0.2.256]]\n';
  expectFindingsUnder('bind', 'zone-bad-rdata', text([true, true, true]));
  expectFindingsUnder('knot', 'zone-bad-rdata', text([true, false, true]));
  expectFindingsUnder('powerdns', 'zone-bad-rdata', text([false, false, false]));
});
