import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Range } from '../types';
import type { FilterHit, InspectHit, LogEntry } from './model';
import { isRtxLogLine, parseLine } from './parse';

const FILTER = 'PP[01] Rejected at OUT(42) filter: TCP 192.168.100.37:63579 > 198.51.100.25:25';

function parse(line: string, start = 0): LogEntry {
  const e = parseLine(line, 0, start);
  assert.ok(e, 'blank');
  return e;
}

/** The text a range covers, for a line parsed at offset `start`. */
const at = (line: string, r: Range | undefined, start = 0): string | undefined => (r ? line.slice(r.start - start, r.end - start) : undefined);

function hit(line: string): FilterHit {
  const e = parse(line);
  assert.equal(e.kind, 'filter', JSON.stringify(e.problems));
  return e as FilterHit;
}

test('a filter hit: every field with its exact range, at a document offset', () => {
  const line = `2026/11/27 09:12:01: ${FILTER}`;
  const e = parseLine(line, 7, 1000) as FilterHit;
  assert.equal(e.kind, 'filter');
  assert.equal(e.line, 7);
  assert.deepEqual(e.range, { start: 1000, end: 1000 + line.length });
  assert.equal(e.problems, undefined);
  assert.deepEqual(e.header.layers, ['show-log']);
  assert.equal(at(line, e.header.time?.range, 1000), '2026/11/27 09:12:01');
  assert.equal(e.header.time?.key, Date.UTC(2026, 10, 27, 9, 12, 1));
  assert.equal(at(line, e.message, 1000), FILTER);
  assert.deepEqual([e.iface?.kind, e.iface?.id, at(line, e.iface?.range, 1000)], ['pp', '01', 'PP[01]']);
  assert.deepEqual([e.verdict, at(line, e.verdictRange, 1000)], ['rejected', 'Rejected']);
  assert.deepEqual([e.direction, at(line, e.directionRange, 1000)], ['out', 'OUT']);
  assert.deepEqual([e.filter, at(line, e.filterRange, 1000)], [42, '42']);
  assert.equal(e.layer, 'ip');
  assert.equal(e.proto?.text, 'TCP');
  assert.deepEqual([e.src.address, e.src.port, at(line, e.src.addrRange, 1000), at(line, e.src.portRange, 1000)], ['192.168.100.37', 63579, '192.168.100.37', '63579']);
  assert.deepEqual([e.dst.address, e.dst.port, at(line, e.dst.range, 1000)], ['198.51.100.25', 25, '198.51.100.25:25']);
  assert.equal(e.annotation, undefined);
});

test('interfaces as the router names them; default filter; Passed; no interface at all', () => {
  const forms: [string, string, string | undefined, number | undefined][] = [
    ['PP[01]', 'pp', '01', undefined],
    ['TUNNEL[1]', 'tunnel', '1', undefined],
    ['LAN2', 'lan', '2', undefined],
    ['WAN1', 'wan', '1', undefined],
    ['LAN1(port3)', 'lan', '1', 3],
    ['VLAN10', 'vlan', '10', undefined],
  ];
  for (const [label, kind, id, port] of forms) {
    const e = hit(`${label} Passed at IN(default) filter: UDP 203.0.113.9:53 > 192.168.1.2:1000`);
    assert.deepEqual([e.iface?.text, e.iface?.kind, e.iface?.id, e.iface?.port], [label, kind, id, port]);
    assert.equal(e.verdict, 'passed');
    assert.equal(e.direction, 'in');
    assert.equal(e.filter, 'default');
  }
  const bare = hit('Rejected at OUT(42) filter: TCP 192.168.1.5:63579 > 198.51.100.4:25');
  assert.equal(bare.iface, undefined);
  assert.equal(bare.dst.port, 25);
});

test('syslog shapes: <PRI> with and without space, RFC 3164, RFC 5424, daemon prefixes', () => {
  const cases: [string, string[], string | undefined, string | undefined][] = [
    [`<13> ${FILTER}`, ['pri'], undefined, undefined],
    [`<134>${FILTER}`, ['pri'], undefined, undefined],
    [`<13>Nov 27 09:12:01 RTX830 ${FILTER}`, ['pri', 'rfc3164'], 'Nov 27 09:12:01', 'RTX830'],
    [`<13>1 2026-11-27T09:12:01.123+09:00 RTX830 - - - - ${FILTER}`, ['pri', 'rfc5424'], '2026-11-27T09:12:01.123+09:00', 'RTX830'],
    [`<13>1 - - - - - [meta x="a\\]b"][y] \uFEFF${FILTER}`, ['pri', 'rfc5424'], undefined, undefined],
    [`Nov 27 09:12:01 router1 <13>${FILTER}`, ['daemon-rfc3164', 'pri'], 'Nov 27 09:12:01', 'router1'],
    [`Jun  7 09:12:01 192.0.2.1  ${FILTER}`, ['daemon-rfc3164'], 'Jun  7 09:12:01', '192.0.2.1'],
    [`Nov 27 09:12:01 ${FILTER}`, ['daemon-rfc3164'], 'Nov 27 09:12:01', undefined],
    [`2026-11-27T09:12:01+09:00 router1 ${FILTER}`, ['daemon-iso'], '2026-11-27T09:12:01+09:00', 'router1'],
    [`Nov 27 09:12:01 router1 rtx830[7]: ${FILTER}`, ['daemon-rfc3164'], 'Nov 27 09:12:01', 'router1'],
  ];
  for (const [line, layers, time, host] of cases) {
    const e = hit(line);
    assert.deepEqual(e.header.layers, layers, line);
    assert.equal(e.header.time?.text, time, line);
    assert.equal(e.header.host?.text, host, line);
    assert.equal(at(line, e.message), FILTER, line);
    assert.equal(e.problems, undefined, line);
  }
  assert.equal(hit(`<13>${FILTER}`).header.pri?.value, 13);
  // An explicit offset is applied; 3164 stamps have no year and so no key.
  assert.equal(hit(`2026-11-27T09:12:01+09:00 r ${FILTER}`).header.time?.key, Date.UTC(2026, 10, 27, 0, 12, 1));
  assert.equal(hit(`Nov 27 09:12:01 r ${FILTER}`).header.time?.key, undefined);
});

test('[INSPECT] sessions: interface, direction, dynamic filter, creation time', () => {
  const line = '<189>[INSPECT] LAN2[out][101100] TCP 192.168.20.3:54874 > 198.51.100.193:443 (2020/01/23 14:12:42)';
  const e = parse(line) as InspectHit;
  assert.equal(e.kind, 'inspect');
  assert.deepEqual([at(line, e.iface.range), e.iface.kind], ['LAN2', 'lan']);
  assert.deepEqual([e.direction, at(line, e.directionRange)], ['out', 'out']);
  assert.deepEqual([e.filter, at(line, e.filterRange)], [101100, '101100']);
  assert.equal(e.src.port, 54874);
  assert.equal(e.dst.port, 443);
  assert.deepEqual([at(line, e.created?.range), e.created?.key], ['2020/01/23 14:12:42', Date.UTC(2020, 0, 23, 14, 12, 42)]);
  const pp = parse('[INSPECT] PP[01][in][200080] TCP 198.51.100.2:20 > 192.168.1.9:50001 (2026/11/27 10:00:00)') as InspectHit;
  assert.deepEqual([pp.iface.text, pp.direction, pp.filter], ['PP[01]', 'in', 200080]);
});

test('IPv6 endpoints: address.port (assumed router form) and [address]:port; bare IPv6 has no port', () => {
  const dotted = hit('LAN2 Rejected at IN(11) filter: TCP 2001:db8::5.50000 > 2001:DB8:0:1::25.25');
  assert.deepEqual([dotted.src.address, dotted.src.port, dotted.dst.address, dotted.dst.port], ['2001:db8::5', 50000, '2001:db8:0:1::25', 25]);
  const bracket = hit('LAN2 Rejected at OUT(11) filter: TCP [2001:db8::5]:50000 > [2001:db8::25]:25');
  assert.deepEqual([bracket.src.address, bracket.src.port, bracket.dst.address, bracket.dst.port], ['2001:db8::5', 50000, '2001:db8::25', 25]);
  const line = 'LAN2 Rejected at OUT(11) filter: TCP [2001:db8::5]:50000 > [2001:db8::25]:25';
  assert.equal(at(line, bracket.dst.addrRange), '2001:db8::25');
  assert.equal(at(line, bracket.dst.portRange), '25');
  const icmp = hit('LAN2 Rejected at IN(11) filter: ICMP6 fe80::1 > ::ffff:192.0.2.1');
  assert.deepEqual([icmp.src.address, icmp.src.port, icmp.dst.address, icmp.dst.port], ['fe80::1', undefined, '::ffff:c000:201', undefined]);
  assert.equal(icmp.problems, undefined);
});

test('port-less protocols, the NAT dotted port form, annotations, MAC filter lines', () => {
  const icmp = hit('PP[01] Rejected at IN(200030) filter: ICMP 198.51.100.1 > 192.168.100.2');
  assert.deepEqual([icmp.src.port, icmp.dst.port, icmp.problems], [undefined, undefined, undefined]);
  const natForm = hit('PP[01] Rejected at OUT(42) filter: TCP 192.168.1.5.63579 > 198.51.100.4.25');
  assert.deepEqual([natForm.src.address, natForm.src.port, natForm.dst.port], ['192.168.1.5', 63579, 25]);
  const note = 'LAN2 Passed at IN(80) filter: UDP 203.0.113.53:53 > 192.168.1.253:10707 (DNS response)';
  assert.equal(hit(note).annotation?.text, '(DNS response)');
  const mac = hit('LAN1(port3) Rejected at IN(1) filter: 00:A0:DE:00:00:01 > 00:a0:de:00:00:02 IP6');
  assert.equal(mac.layer, 'ethernet');
  assert.deepEqual([mac.src.address, mac.src.mac, mac.dst.address, mac.proto?.text], ['00:a0:de:00:00:01', true, '00:a0:de:00:00:02', 'IP6']);
});

test('repeat lines and other lines keep their tag', () => {
  const rep = parse('2026/11/27 09:12:05: same message repeated 12 times');
  assert.deepEqual(rep.kind === 'repeat' && [rep.count, at('2026/11/27 09:12:05: same message repeated 12 times', rep.countRange)], [12, '12']);
  const last = parse('Nov 27 09:12:05 router1 last message repeated 1 time');
  assert.equal(last.kind === 'repeat' && last.count, 1);
  const tags: [string, string | undefined][] = [
    ['[IKE] initiate IPsec phase to 198.51.100.8', 'IKE'],
    ['[IKE][1] DPD: send R-U-THERE', 'IKE'],
    ['<190>[NAT(1000):LAN2] Released UDP 172.16.20.3.44249 <-> 192.168.20.254.10708 ==> 172.16.20.1.53', 'NAT(1000):LAN2'],
    ['[DHCPD] LAN1(port10) Allocates 192.168.1.27: 02:00:00:00:00:01', 'DHCPD'],
    ['2015/04/24 12:01:34: PP[01] PPP/IPCP up  (Local: None, Remote: 203.0.113.2)', 'PP[01]'],
    ['IP Tunnel[1] Up', undefined],
  ];
  for (const [line, tag] of tags) {
    const e = parse(line);
    assert.equal(e.kind, 'other', line);
    assert.equal(e.kind === 'other' ? e.tag?.text : '', tag, line);
    assert.equal(e.problems, undefined, line);
  }
  assert.equal(parseLine('   \t', 0, 0), undefined);
  assert.equal(parseLine('', 0, 0), undefined);
});

test('malformed lines are kept, with a problem on the part that is wrong', () => {
  const cases: [string, string, string, RegExp][] = [
    ['PP[01] Rejected at IN(2000) filter: TCP 198.51.100.77:999', 'cut-short', '', /'> destination' is missing/],
    ['PP[01] Rejected at OUT(42) filter: TCP 192.168.100.37:63579 > 198.51.10', 'bad-address', '198.51.10', /destination: '198.51.10' is not an IPv4 address/],
    ['PP[01] Rejected at OUT(42) filter: TCP 192.168.100.37:63579 > 198.51.100.2', 'cut-short', '198.51.100.2', /destination port is missing/],
    ['PP[01] Rejected at OUT(4', 'cut-short', 'PP[01] Rejected at OUT(4', /cut short/],
    ['PP[01] Rejected at OUT(42) filter:', 'cut-short', '', /protocol, source and destination/],
    ['PP[01] Rejected at OUT(42) filter: ICMP 192.168.1.x > 192.168.1.y', 'bad-address', '192.168.1.x', /source: '192.168.1.x' is not an IPv4 address/],
    ['PP[01] Rejected at OUT(42) filter: TCP 192.168.1.5:99999 > 198.51.100.4:25', 'bad-port', '99999', /not a port number/],
    ['PP[01] Rejected at OUT(42) filter: TCP 192.168.1.5:1 < 198.51.100.4:25', 'bad-field', '<', /expected '>'/],
    ['<999>PP[01] PPP/IPCP up', 'bad-header', '<999>', /out of range/],
    ['2026/13/45 09:12:01: PP[01] PPP/IPCP up', 'bad-date', '2026/13/45 09:12:01', /not a valid date/],
    ['[INSPECT] PP[01][sideways][1] TCP 1.2.3.4:1 > 5.6.7.8:2', 'bad-field', 'PP[01][sideways][1]', /INTERFACE\[in\|out\]/],
    ['<13>1 2026-11-27T09:12:01Z RTX830', 'bad-header', '2026-11-27T09:12:01Z RTX830', /incomplete/],
    ['PP[01] PPP\u0000 up', 'control-chars', '\u0000', /control character/],
  ];
  for (const [line, code, covered, message] of cases) {
    const e = parse(line);
    const p = e.problems?.find((x) => x.code === code);
    assert.ok(p, `${line}: no ${code} problem in ${JSON.stringify(e.problems)}`);
    assert.equal(at(line, p.range), covered, line);
    assert.match(p.message, message, line);
  }
  // A cut-short filter line is kept as "other" with its interface.
  const cut = parse('PP[01] Rejected at IN(2000) filter: TCP 198.51.100.77:999');
  assert.equal(cut.kind === 'other' && cut.tag?.text, 'PP[01]');
  // A line only partly delivered (too long) says so at the cut.
  const long = parseLine('PP[01] PPP', 3, 50, 70000);
  assert.equal(long?.problems?.[0].code, 'too-long');
  assert.deepEqual(long?.problems?.[0].range, { start: 60, end: 60 });
  assert.deepEqual(long?.range, { start: 50, end: 70050 });
});

test('isRtxLogLine recognises Yamaha lines in every header shape, and not prose', () => {
  for (const line of [
    FILTER,
    `<13> ${FILTER}`,
    '2026/11/27 09:12:01: PP[01] PPP/IPCP up',
    'Jun  7 18:54:51 192.0.2.1  [IKE][1] DPD: send R-U-THERE',
    '2026-11-27T09:12:01+09:00 router1 [DHCPD] Extends 192.168.1.28: 02:00:00:00:00:01',
    '[INSPECT] PP[01][out][101] TCP 192.0.2.5:50000 > 198.51.100.80:80 (2016/02/23 10:59:24)',
  ]) {
    assert.ok(isRtxLogLine(line), line);
  }
  for (const line of ['# Title', 'Some text here', 'Nov 27 09:12:01 host sshd[12]: Accepted publickey', '[section]']) {
    assert.ok(!isRtxLogLine(line), line);
  }
});
