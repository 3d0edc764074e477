import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachToken, TOK_QUOTED } from '../lexer';
import type { ZoneToken } from '../model';
import { validateRdata } from './validate';
import { parseDocument, validate } from '../../engine';
import type { DialectPointId } from '../servers';

function tokens(text: string): ZoneToken[] {
  const out: ZoneToken[] = [];
  forEachToken(text, 0, text.length, (start, end, flags) => out.push({ text: text.slice(start, end), range: { start, end }, quoted: (flags & TOK_QUOTED) !== 0 }));
  return out;
}

function problems(type: string, rdata: string): string[] {
  return validateRdata(type, tokens(rdata), 'example.com.', { start: 0, end: 0 }).map((p) => p.message);
}

const VALID: [string, string][] = [
  ['A', '192.0.2.1'],
  ['AAAA', '2001:db8::1'],
  ['AAAA', '::'],
  ['NS', 'ns1.example.net.'],
  ['SOA', 'ns1 hostmaster 2026112801 3h 15m 1w 1h'],
  ['MX', '0 .'],
  ['SRV', '10 60 5060 sip.example.com.'],
  ['CAA', '0 issuewild ";"'],
  ['TLSA', '3 1 1 ' + 'ab'.repeat(32)],
  ['SSHFP', '4 2 ' + 'ab'.repeat(32)],
  ['NAPTR', '100 10 "U" "E2U+sip" "!^.*$!sip:info@example.com!" .'],
  ['DS', '60485 RSASHA1 1 ' + 'ab'.repeat(20)],
  ['DNSKEY', '256 3 8 AwEAAcw5 QLr0Jf8Z xXUgAA=='],
  ['RRSIG', 'A 8 3 300 20260101000000 1700000000 1234 example.com. c2lnbmF0dXJl'],
  ['NSEC', 'next.example.com. A AAAA RRSIG NSEC TYPE65534'],
  ['NSEC3', '1 0 0 - 2vptu5timamqttgl4luu9kg21e0aor3s'],
  ['NSEC3PARAM', '1 0 10 aabbccdd'],
  ['HINFO', '"PC" "Linux"'],
  ['RP', 'admin.example.com. txt.example.com.'],
  ['LOC', '52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m'],
  ['LOC', '0 N 0 E 0'],
  ['URI', '10 1 "https://example.com/"'],
  ['SVCB', '1 . alpn=h2,h3 port=8443 ipv6hint=2001:db8::1 mandatory=alpn,port'],
  ['HTTPS', '0 svc.example.net.'],
  ['HTTPS', '1 . dohpath=/dns-query{?dns} alpn=h2'],
  ['OPENPGPKEY', 'mQINBFit2jsBEADr'],
  ['SMIMEA', '3 0 1 ' + 'cd'.repeat(32)],
  ['CERT', 'PGP 0 0 mQINBFit2jsBEADr'],
  ['AFSDB', '1 afs.example.com.'],
  ['KX', '10 kx.example.com.'],
  ['ZONEMD', '2026112801 1 1 ' + 'ab'.repeat(48)],
  ['IPSECKEY', '10 1 2 192.0.2.38 AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ=='],
  ['AMTRELAY', '10 0 3 relay.example.com.'],
  ['APL', '1:192.0.2.0/24 !2:2001:db8::/32'],
  ['EUI48', '00-00-5e-00-53-2a'],
  ['DNSKEY', '256 3 PRIVATEDNS A2FsZwdleGFtcGxlAGtleWRhdGE='],
  ['KEY', '0 3 254 CQYHKwYBBAGCN2tleQ=='],
  ['RKEY', '0 1 8 AwEAAQ=='],
  ['WKS', '192.0.2.1 tcp 25 smtp domain'],
  ['WKS', '192.0.2.1 17'],
  ['DELEG', 'server-ipv4=192.0.2.1,192.0.2.2 server-ipv6=2001:db8::1 mandatory=server-ipv4'],
  ['DELEG', 'server-name="ns1.example.net.,ns2" key9=anything'],
  ['DELEGPARAM', 'include-delegparam=config\\,1.example.net.'],
  ['NSEC3', '1 0 0 - ' + '0123456789abcdefghijklmnopqrstuv'.repeat(2).slice(0, 63)],
];

const INVALID: [string, string, RegExp][] = [
  ['A', '192.0.2', /A address: '192\.0\.2' is not an IPv4 address/],
  ['A', '01.2.3.4.5', /not an IPv4 address/],
  ['AAAA', '2001:db8:::1', /AAAA address/],
  ['AAAA', '1:2:3:4:5:6:7:8:9', /AAAA address/],
  ['NS', '"ns1"', /NS name server: a quoted string is not allowed/],
  ['MX', '65536 mail', /MX preference: '65536' is not a number 0–65535/],
  ['MX', 'ten mail', /MX preference/],
  ['SOA', 'ns1 hm 4294967296 1 2 3 4', /SOA serial/],
  ['SOA', 'ns1 hm 1 2 3', /SOA expire: missing/],
  ['SRV', '1 2 3', /SRV target: missing/],
  ['CAA', '0 issue', /CAA value: missing/],
  ['TLSA', '3 1 1 xyz', /TLSA certificate association data: is not hexadecimal/],
  ['DS', '1 8 2 ' + 'ab'.repeat(20), /digest type 2 needs 32 octets, not 20/],
  ['SSHFP', '4 2', /SSHFP fingerprint: fingerprint type 2 needs 32 octets, not 0/],
  ['SSHFP', '1 1', /fingerprint type 1 needs 20 octets, not 0/],
  ['DNSKEY', '257 3 8 AwE', /public key: is not valid base64/],
  ['RRSIG', 'BOGUS 8 3 300 20260101000000 20250101000000 1 example.com. AAAA', /RRSIG type covered: 'BOGUS' is not a record type/],
  ['RRSIG', 'A 8 3 300 20260230000000 20250101000000 1 example.com. AAAA', /RRSIG expiration/],
  ['NSEC3', '1 0 0 - 2vptu5timamqttgl4luu9kg21e0aor3s!', /next hashed owner/],
  ['NSEC3PARAM', '1 0 70000 -', /iterations/],
  ['HINFO', '"PC"', /HINFO OS: missing/],
  ['LOC', '52 22 23.000 X 4 53 32.000 E 0m', /LOC latitude/],
  ['LOC', '52 22 23 N 4 53 32 E', /LOC altitude: missing/],
  ['SVCB', '1 . port', /port: '' is not a port number/],
  ['SVCB', '1 . mandatory=mandatory', /mandatory/],
  ['SVCB', '1 . alpn=h2,,h3', /alpn/],
  ['SVCB', '1 . PORT=1', /'PORT' is not a parameter key/],
  ['HTTPS', '1 . dohpath=/no-variable', /dohpath/],
  ['HTTPS', '1 . ipv4hint=192.0.2.1,2001:db8::1', /ipv4hint/],
  ['ZONEMD', '1 1 1 ' + 'ab'.repeat(20), /hash algorithm 1 needs 48 octets/],
  ['IPSECKEY', '10 1 2 2001:db8::1', /IPSECKEY gateway: '2001:db8::1' is not an IPv4 address/],
  ['AMTRELAY', '10 0 1 relay.example.com.', /AMTRELAY relay/],
  ['APL', '1:192.0.2.0/33', /prefix length 33/],
  ['EUI64', '00-00-5e-00-53-2a', /EUI-64/],
  ['NULL', 'abcd', /generic form/],
  ['UNSPEC', '^# 1 00', /UNSPEC data can only be written in the generic form/],
  ['UINFO', '"someone"', /UINFO data can only be written in the generic form/],
  ['UID', '1000', /UID data can only be written in the generic form/],
  ['GID', '1000', /GID data can only be written in the generic form/],
  ['DNSKEY', '256 3 253 wAxrZXlkYXRhIQ==', /uncompressed domain name \(PRIVATEDNS\)/],
  ['KEY', '0 3 PRIVATEOID CQYHKwYBBAGCt2tleQ==', /object identifier/],
  ['KEY', '0 3 254 AGtleQ==', /object identifier/],
  ['RKEY', '1 1 8 AwEAAQ==', /RKEY flags: no flags are defined/],
  ['DELEG', 'server-ipv4=192.0.2.1,', /DELEG parameter server-ipv4: '192\.0\.2\.1,' is not a list of IPv4 addresses/],
  ['DELEG', 'Server-IPv4=192.0.2.1', /'Server-IPv4' is not a parameter key/],
  ['DELEGPARAM', 'server-name', /server-name: '' is not a list of domain names/],
  ['DELEGPARAM', 'server-name=ns1,,ns2', /not a list of domain names/],
  ['DELEG', `server-name=${'a'.repeat(64)}.example.`, /DELEG parameter server-name: .*63/],
  ['DELEG', 'mandatory=server-name server-ipv4=192.0.2.1', /mandatory: lists server-name, which is not given/],
  ['DELEG', 'mandatory=mandatory', /cannot list mandatory/],
  ['DELEG', 'server-ipv6=2001:db8::1 server-ipv6=2001:db8::2', /is given twice/],
  ['WKS', '192.0.2 6', /WKS address/],
  ['WKS', '192.0.2.1 6 "smtp"', /WKS services/],
  ['NSEC3', '1 0 0 - ' + '0123456789abcdefghijklmnopqrstuv'.repeat(2), /is 40 octets; a hashed owner name label holds at most 39/],
];

test('valid RDATA of each described type has no problem', () => {
  for (const [type, rdata] of VALID) assert.deepEqual(problems(type, rdata), [], `${type} ${rdata}`);
});

test('invalid RDATA names the type and the field', () => {
  for (const [type, rdata, re] of INVALID) {
    const found = problems(type, rdata);
    assert.ok(found.some((m) => re.test(m)), `${type} ${rdata}: ${found.join(' | ') || 'no problem'}`);
  }
});

test('the range of a problem is the offending field', () => {
  const text = '10 mail.example.com. extra';
  const [p] = validateRdata('MX', tokens(text), 'example.com.', { start: 0, end: 0 });
  assert.equal(text.slice(p.range.start, p.range.end), 'extra');
  assert.equal(p.field, 'data');
});

test('the reserved types UINFO, UID, GID and UNSPEC (100–103) take only the generic form, by name or number', () => {
  const head = '$ORIGIN example.\n$TTL 300\n@ SOA ns h 1 2 3 4 5\n@ NS ns\nns A 192.0.2.1\n';
  const badRdata = (line: string): string[] =>
    validate(parseDocument('zone', head + line + '\n'))
      .filter((f) => f.rule === 'zone-bad-rdata' || f.rule === 'zone-syntax')
      .map((f) => `${f.rule}: ${f.message}`);
  for (const line of ['x UNSPEC \\# 1 00', 'x TYPE103 \\# 1 00', 'x UINFO \\# 0', 'x TYPE102 \\# 4 000003e8']) assert.deepEqual(badRdata(line), [], line);
  assert.deepEqual(badRdata('x TYPE103 ^# 1 00'), ['zone-bad-rdata: UNSPEC data: UNSPEC data can only be written in the generic form \\# <length> <hex>']);
  assert.deepEqual(badRdata('x UID 1000'), ['zone-bad-rdata: UID data: UID data can only be written in the generic form \\# <length> <hex>']);
});

test('an SSHFP without fingerprint is data only for a fingerprint type of unknown length', () => {
  assert.deepEqual(problems('SSHFP', '0 0'), []);
  assert.deepEqual(problems('SSHFP', '4 3'), []);
  const text = '4 2';
  const [p] = validateRdata('SSHFP', tokens(text), 'example.com.', { start: 0, end: 0 });
  assert.equal(text.slice(p.range.start, p.range.end), '2');
});

test('validateRdata marks the problems some server accepts with their dialect point, and checks on past tolerated ones', () => {
  const at = { start: 0, end: 0 };
  const points = (type: string, text: string, tolerated?: (p: DialectPointId) => boolean) => validateRdata(type, tokens(text), 'example.com.', at, tolerated).map((p) => [p.point ?? '-', p.message]);
  assert.deepEqual(points('LOC', '32 7 19 S 116 2 25 E'), [['loc-missing-altitude', 'LOC altitude: missing']]);
  assert.deepEqual(points('LOC', '51 11 60.000 N 2 12 5.080 W 0m'), [['loc-seconds-60', "LOC latitude: seconds '60.000' are not 0–59.999"]]);
  assert.deepEqual(points('LOC', '51 11 61 N 2 12 5.080 W 0m'), [['-', "LOC latitude: seconds '61' are not 0–59.999"]]);
  assert.deepEqual(points('LOC', '90 59 59.999 N 180 W 0m'), [['loc-latitude-over-90', 'LOC latitude: is beyond 90 degrees']]);
  assert.deepEqual(points('LOC', '91 N 180 W 0m'), [['-', "LOC latitude: degrees '91' are not 0–90"]]);
  // Tolerated: listed, and the check goes on (the bad size after it is found).
  assert.deepEqual(points('LOC', '51 11 60.000 N 2 12 5.080 W 0m x', (p) => p === 'loc-seconds-60'), [
    ['loc-seconds-60', "LOC latitude: seconds '60.000' are not 0–59.999"],
    ['-', "LOC size: 'x' is not a distance in metres"],
  ]);
  assert.deepEqual(points('IPSECKEY', '255 0 0'), [['ipseckey-missing-gateway', 'IPSECKEY gateway: missing']]);
  assert.deepEqual(points('IPSECKEY', '255 0 1 AQID', () => true), [['ipseckey-missing-gateway', 'IPSECKEY gateway: must be . for gateway type 0']]);
  assert.deepEqual(points('IPSECKEY', '255 0 1 . AQID'), []);
  assert.deepEqual(points('SVCB', `1 . mandatory=port alpn=${'x'.repeat(256)} dohpath=path`).map(([p]) => p), ['svcb-alpn-id-over-255', 'svcb-dohpath-unchecked', 'svcb-mandatory-absent-key']);
  assert.deepEqual(points('SVCB', '1 . no-default-alpn').map(([p]) => p), ['svcb-no-default-alpn-alone']);
  assert.deepEqual(points('ZONEMD', `1 1 1 ${'AB'.repeat(20)}`).map(([p]) => p), ['zonemd-digest-length']);
  assert.deepEqual(points('SVCB', '1 . alpn=').map(([p]) => p), ['-']);
});
