import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markers } from '../testing';
import { parseAddrElem } from './address';
import { ifaceKey } from './command';
import { listLimit, parsePortElem } from './filter';
import type { AddrSpec, PortSpec, ProtoSpec, RtxModel, StaticFilter } from './model';
import { parseRtx } from './parse';

function one(line: string): { m: RtxModel; f: StaticFilter } {
  const m = parseRtx(`${line}\n`);
  assert.deepEqual(m.problems, [], line);
  const f = m.filters.static.values().next().value as StaticFilter;
  assert.ok(f, line);
  return { m, f };
}

const addr = (s: AddrSpec): string => (s.any ? '*' : s.elems.map((e) => e.text).join(','));
const proto = (s: ProtoSpec): string => (s.any ? '*' : s.elems.map((e) => (e.kind === 'number' ? String(e.proto) : e.text)).join(','));
const ports = (s: PortSpec): string => (s.any ? '*' : s.elems.flatMap((e) => e.ports.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`))).join(','));

/** Parses one line and returns its problems as `[field text, message]`. */
function problems(src: string): { text: string; message: string }[] {
  const m = parseRtx(src);
  return m.problems.map((p) => ({ text: m.text.slice(p.range.start, p.range.end), message: p.message }));
}

test('parse examples of reference §2.8', () => {
  const rows: [string, string, string, string, string, string][] = [
    ['ip filter 200000 reject 10.0.0.0/8 * * * *', '10.0.0.0/8', '*', '*', '*', '*'],
    ['ip filter 200022 reject * * udp,tcp netbios_ns-netbios_ssn *', '*', '*', '17,6', '137-139', '*'],
    ['ip filter 200026 restrict * * tcpfin * www,21,nntp', '*', '*', 'tcpfin', '*', '80,21,119'],
    ['ip filter 200030 pass * 192.168.100.0/24 icmp * *', '*', '192.168.100.0/24', '1', '*', '*'],
    ['ip filter 200033 pass * 192.168.100.0/24 tcp ftpdata *', '*', '192.168.100.0/24', '6', '20', '*'],
    ['ip filter 200039 reject *', '*', '*', '*', '*', '*'],
    ['ip filter 101110 pass * 192.168.62.13 tcp * ftpdata,21,9333,55536-56559', '*', '192.168.62.13', '6', '*', '20,21,9333,55536-56559'],
    ['ip filter 41 pass 192.168.0.0/16 203.0.113.10 * * smtp', '192.168.0.0/16', '203.0.113.10', '*', '*', '25'],
  ];
  for (const [line, src, dst, pr, sp, dp] of rows) {
    const { f } = one(line);
    assert.deepEqual([addr(f.src), addr(f.dst), proto(f.proto), ports(f.sport), ports(f.dport)], [src, dst, pr, sp, dp], line);
  }
});

test('actions: all nine forms, with verdict and logging', () => {
  const expected: Record<string, [string, string]> = {
    pass: ['pass', 'default'],
    'pass-log': ['pass', 'log'],
    'pass-nolog': ['pass', 'nolog'],
    reject: ['reject', 'default'],
    'reject-log': ['reject', 'log'],
    'reject-nolog': ['reject', 'nolog'],
    restrict: ['restrict', 'default'],
    'restrict-log': ['restrict', 'log'],
    'restrict-nolog': ['restrict', 'nolog'],
  };
  for (const [name, [verdict, log]] of Object.entries(expected)) {
    const { f } = one(`ip filter 1 ${name.toUpperCase()} *`);
    assert.deepEqual([f.action.name, f.action.verdict, f.action.log], [name, verdict, log]);
  }
});

test('address elements: wildcards, ranges, masks, lists, FQDN, keywords', () => {
  assert.deepEqual(parseAddrElem('192.168.*.*'), { kind: 'octets', octets: [192, 168, '*', '*'] });
  assert.deepEqual(parseAddrElem('192.168.1.10-192.168.1.20'), { kind: 'range', from: 0xc0a8010a, to: 0xc0a80114 });
  assert.deepEqual(parseAddrElem('-192.168.1.20'), { kind: 'range', to: 0xc0a80114 });
  assert.deepEqual(parseAddrElem('192.168.1.10-'), { kind: 'range', from: 0xc0a8010a });
  const cidr = { kind: 'cidr', base: 0xc0a80000, mask: 0xffff0000, prefix: 16 };
  assert.deepEqual(parseAddrElem('192.168.0.0/16'), cidr);
  assert.deepEqual(parseAddrElem('192.168.0.0/255.255.0.0'), cidr);
  assert.deepEqual(parseAddrElem('192.168.0.0/0xffff0000'), cidr);
  assert.deepEqual(parseAddrElem('10.1.2.3'), { kind: 'cidr', base: 0x0a010203, mask: 0xffffffff, prefix: 32 });
  assert.deepEqual(parseAddrElem('www.example.co.jp'), { kind: 'fqdn', name: 'www.example.co.jp', suffix: false });
  assert.deepEqual(parseAddrElem('*.Example.co.jp'), { kind: 'fqdn', name: 'example.co.jp', suffix: true });
  assert.deepEqual(parseAddrElem('map-e'), { kind: 'keyword', name: 'map-e' });
  assert.deepEqual(parseAddrElem('hb46pp'), { kind: 'keyword', name: 'hb46pp' });
  assert.deepEqual(parseAddrElem('@m365'), { kind: 'app', name: 'm365' });
  const { f } = one('ip filter 5 pass 192.168.100.0/24,192.168.10.0/24,10.*.1.1 *');
  assert.equal(f.src.elems.length, 3);
  assert.deepEqual(
    f.src.elems.map((e) => e.kind),
    ['cidr', 'cidr', 'octets'],
  );
});

test('address errors point at the bad element and name the field', () => {
  const src = 'ip filter 5 pass 192.168.1.0/24,[[192.168.1.300]] [[YOUR_LOCAL_NETWORK]]\n';
  const { text, ranges } = markers(src);
  const p = problems(text);
  assert.deepEqual(
    p.map((x) => x.text),
    ranges.map((r) => text.slice(r.start, r.end)),
  );
  assert.deepEqual(
    p.map((x) => x.message),
    [
      "source address: '192.168.1.300' is not an IPv4 address",
      "destination address: 'YOUR_LOCAL_NETWORK' is not an address, range, network or host name",
    ],
  );
  assert.match(problems('ip filter 1 pass 10.0.0.1-10.0.0.0 *')[0].message, /^source address: range start 10.0.0.1 is above its end/);
  assert.match(problems('ip filter 1 pass 10.0.*.0/24 *')[0].message, /cannot carry a mask/);
  assert.match(problems('ip filter 1 pass 10.0.0.0/33 *')[0].message, /is not a mask/);
  assert.match(problems('ip filter 1 pass 2001:db8::1 *')[0].message, /use an ipv6 filter/);
  assert.match(problems('ip filter 1 pass 10.0.0.0/8,,10.1.0.0/16 *')[0].message, /source address: empty element/);
});

test('protocol field: numbers, mnemonics, lists and special keywords', () => {
  assert.equal(proto(one('ip filter 1 pass * * 4').f.proto), '4');
  assert.equal(proto(one('ip filter 1 pass * * tcp,udp,gre,esp,ah,icmp6,ipv6').f.proto), '6,17,47,50,51,58,41');
  for (const kw of ['tcpsyn', 'tcpfin', 'tcprst', 'established', 'icmp-error', 'icmp-info']) {
    assert.equal(one(`ip filter 1 pass * * ${kw}`).f.proto.elems[0].text, kw);
  }
  const e = one('ip filter 1 pass * * tcpflag=0x0002/0x0017').f.proto.elems[0];
  assert.deepEqual(e.kind === 'tcpflag' && [e.value, e.mask, e.negate], [2, 0x17, false]);
  const n = one('ip filter 1 pass * * tcpflag!=0x0010/0x0010').f.proto.elems[0];
  assert.deepEqual(n.kind === 'tcpflag' && [n.value, n.mask, n.negate], [0x10, 0x10, true]);
});

test('protocol errors: message names the field, range is the element', () => {
  const { text, ranges } = markers('ip filter 1 pass * * udp,[[tpc]] * smtp\n');
  const p = problems(text);
  assert.deepEqual(p, [{ text: text.slice(ranges[0].start, ranges[0].end), message: "protocol: unknown protocol 'tpc'" }]);
  assert.equal(problems('ip filter 1 pass * * 256')[0].message, 'protocol: protocol number 256 is out of range 0-255');
  assert.match(problems('ip filter 1 pass * * tcpflag=2/17')[0].message, /^protocol: 'tcpflag=2\/17' must be written tcpflag=0xVALUE\/0xMASK/);
});

test('port fields: mnemonics (ftp = 20,21), ranges with mnemonics, open ranges, lists', () => {
  assert.deepEqual(parsePortElem('ftp'), { ports: [{ from: 20, to: 20 }, { from: 21, to: 21 }] });
  assert.deepEqual(parsePortElem('smtp'), { ports: [{ from: 25, to: 25 }] });
  assert.deepEqual(parsePortElem('netbios_ns-netbios_ssn'), { ports: [{ from: 137, to: 139 }] });
  assert.deepEqual(parsePortElem('1024-65535'), { ports: [{ from: 1024, to: 65535 }] });
  assert.deepEqual(parsePortElem('-1023'), { ports: [{ from: 0, to: 1023 }] });
  assert.deepEqual(parsePortElem('1024-'), { ports: [{ from: 1024, to: 65535 }] });
  assert.deepEqual(parsePortElem('ms-rpc'), { ports: [{ from: 135, to: 135 }] });
  assert.deepEqual(parsePortElem('ms-rpc-netbios_ssn'), { ports: [{ from: 135, to: 139 }] });
  assert.equal(ports(one('ip filter 1 pass * * tcp * ftp,smtp,submission').f.dport), '20,21,25,587');
});

test('port errors: unknown name, out of range, more than 10 elements, reversed range', () => {
  const { text, ranges } = markers('ip filter 1 pass * * tcp [[smpt]] 25,[[70000]]\n');
  const p = problems(text);
  assert.deepEqual(
    p.map((x) => x.text),
    ranges.map((r) => text.slice(r.start, r.end)),
  );
  assert.deepEqual(
    p.map((x) => x.message),
    ["source port: unknown port name 'smpt'", 'destination port: port 70000 is out of range 0-65535'],
  );
  const eleven = problems('ip filter 1 pass * * tcp * 1,2,3,4,5,6,7,8,9,10,11\n');
  assert.deepEqual(eleven, [{ text: '1,2,3,4,5,6,7,8,9,10,11', message: 'destination port: 11 elements; at most 10 are allowed' }]);
  assert.equal(problems('ip filter 1 pass * * tcp * 200-100')[0].message, 'destination port: range start 200 is above its end 100');
});

test('icmp alone: port fields are ICMP type and code', () => {
  const { f } = one('ip filter 1 reject * * icmp 5 1');
  assert.equal(f.portMode, 'icmp');
  assert.equal(ports(f.sport), '5');
  assert.equal(problems('ip filter 1 reject * * icmp 300 *')[0].message, 'source port: ICMP type 300 is out of range 0-255');
  assert.equal(one('ip filter 1 pass * * icmp,tcp * smtp').f.portMode, 'tcp-udp');
  assert.equal(one('ip filter 1 pass * * esp').f.portMode, 'ignored');
  assert.equal(one('ip filter 1 pass * * icmp-error').f.portMode, 'ignored');
  assert.equal(one('ip filter 1 pass * * * * smtp').f.portMode, 'tcp-udp');
});

test('filter number, action and arity errors', () => {
  assert.deepEqual(problems('ip filter 41 pas * *'), [{ text: 'pas', message: "action: unknown action 'pas' (pass, pass-log, pass-nolog, reject, reject-log, reject-nolog, restrict, restrict-log, restrict-nolog)" }]);
  assert.deepEqual(problems('ip filter 41'), [{ text: 'ip filter 41', message: 'action: missing (pass, pass-log, pass-nolog, reject, reject-log, reject-nolog, restrict, restrict-log, restrict-nolog)' }]);
  assert.deepEqual(problems('ip filter 41 pass'), [{ text: 'ip filter 41 pass', message: 'source address: missing (write * for any address)' }]);
  assert.deepEqual(problems('ip filter 4l pass *'), [{ text: '4l', message: "filter number: '4l' is not a number" }]);
  assert.deepEqual(problems('ip filter 0 pass *'), [{ text: '0', message: 'filter number: 0 is out of range 1-2147483647' }]);
  assert.deepEqual(problems('ip filter 600 pass * * tcp * * established'), [
    { text: 'established', message: "too many parameters: an ip filter line ends with the destination port; 'established' is extra" },
  ]);
  // Settings of the `ip filter` family are not filter definitions.
  assert.deepEqual(problems('ip filter source-route on\nip filter directed-broadcast off\nip filter dynamic timer tcp-syn-timeout=30\n'), []);
});

test('a malformed filter is not defined; redefinition replaces; no ip filter removes', () => {
  const m = parseRtx('ip filter 1 pass *\nip filter 1 reject * * tpc\nip filter 2 pass *\nip filter 2 reject-log *\nip filter 3 pass *\nno ip filter 3\n');
  assert.equal(m.filters.static.get(1)?.action.name, 'pass');
  assert.equal(m.filters.static.get(2)?.action.name, 'reject-log');
  assert.equal(m.filters.static.has(3), false);
  assert.equal(m.filters.staticDefs.length, 5);
  assert.equal(m.filters.staticDefs[1].valid, false);
});

test('dynamic filters: application form and filter/in/out form, options', () => {
  const m = parseRtx(
    [
      'ip filter dynamic 200080 * * ftp',
      'ip filter dynamic 200083 * * smtp syslog=off timeout=60',
      'ip filter dynamic 10 192.168.0.0/16 * filter 100 101 in 200 out 300 301',
      'ip filter 200099 pass * * * * *',
    ].join('\n'),
  );
  assert.deepEqual(m.problems, []);
  assert.equal(m.filters.dynamic.get(200080)?.application?.name, 'ftp');
  const smtp = m.filters.dynamic.get(200083)!;
  assert.deepEqual([smtp.syslog, smtp.timeout], [false, 60]);
  const f = m.filters.dynamic.get(10)!;
  assert.deepEqual([f.trigger, f.inFilters, f.outFilters], [[100, 101], [200], [300, 301]]);
  // Static and dynamic numbers are separate name spaces.
  assert.equal(m.filters.static.get(200099)?.action.name, 'pass');
  assert.equal(m.filters.dynamic.has(200099), false);
});

test('dynamic filter errors', () => {
  assert.deepEqual(problems('ip filter dynamic 1 * * smpt'), [{ text: 'smpt', message: "application: unknown application 'smpt'" }]);
  assert.deepEqual(problems('ip filter dynamic 6 192.168.1.0/24 * smtp syslog on'), [
    { text: 'syslog', message: "option: unexpected 'syslog' (syslog=on|off, timeout=SECONDS)" },
    { text: 'on', message: "option: unexpected 'on' (syslog=on|off, timeout=SECONDS)" },
  ]);
  assert.deepEqual(problems('ip filter dynamic 1 *'), [{ text: 'ip filter dynamic 1 *', message: 'destination address: missing (write * for any address)' }]);
  assert.deepEqual(problems('ip filter dynamic'), [{ text: 'ip filter dynamic', message: 'filter number: missing dynamic filter number' }]);
});

test('secure filter lists bind to the selected pp / tunnel and keep written order', () => {
  const m = parseRtx(
    [
      'ip lan1 secure filter in 100000 100099',
      'pp select 2',
      ' ip pp secure filter out 42 41 200099 dynamic 200080 200081',
      'tunnel select 1',
      ' ip tunnel secure filter in 200028 200099',
      'tunnel select none',
      'ipv6 lan2 secure filter in 101000 101002',
      'ip lan2 secure filter name myset',
    ].join('\n'),
  );
  assert.deepEqual(m.problems, []);
  assert.deepEqual(
    m.bindings.map((b) => `${b.family} ${ifaceKey(b.iface)} ${b.dir}: ${b.list.map((e) => e.num).join(' ')}${b.dynamic.length ? ` dynamic ${b.dynamic.map((e) => e.num).join(' ')}` : ''}${b.setName ? `name ${b.setName}` : ''}`),
    [
      '4 lan1 in: 100000 100099',
      '4 pp 2 out: 42 41 200099 dynamic 200080 200081',
      '4 tunnel 1 in: 200028 200099',
      '6 lan2 in: 101000 101002',
      '4 lan2 in: name myset',
      '4 lan2 out: name myset',
    ],
  );
  const pp = m.bindings[1];
  assert.equal(m.text.slice(pp.list[1].token.range.start, pp.list[1].token.range.end), '41');
});

test('secure filter: last line wins, no form removes', () => {
  const m = parseRtx('ip lan1 secure filter in 1 2\nip lan1 secure filter in 3\nip lan1 secure filter out 4\nno ip lan1 secure filter out\n');
  assert.deepEqual(
    m.bindings.map((b) => `${b.dir}:${b.list.map((e) => e.num).join(',')}`),
    ['in:3'],
  );
});

test('secure filter errors', () => {
  assert.deepEqual(problems('ip pp secure filter in 1\n'), [
    { text: 'pp', message: "interface: 'ip pp secure filter' applies to the selected pp; use it after 'pp select N'" },
  ]);
  assert.deepEqual(problems('tunnel select 1\n ip tunnel1 secure filter in 1\n'), [
    { text: 'tunnel1', message: "interface: 'tunnel1' is not accepted; select it with 'tunnel select 1' and write 'ip tunnel secure filter …'" },
  ]);
  assert.deepEqual(problems('ip lanx secure filter in 1\n'), [{ text: 'lanx', message: "interface: unknown interface 'lanx'" }]);
  assert.deepEqual(problems('ip lan1 secure filter both 1\n'), [{ text: 'both', message: "direction: expected 'in' or 'out', not 'both'" }]);
  assert.deepEqual(problems('ip lan1 secure filter in 1 x 3\n'), [{ text: 'x', message: "filter list: 'x' is not a filter number" }]);
  assert.deepEqual(problems('ip lan1 secure filter in 1 dynamic 2 dynamic 3\n'), [{ text: 'dynamic', message: "filter list: 'dynamic' appears twice" }]);
  assert.deepEqual(problems('ip null secure filter in 1\n'), [{ text: 'in', message: "direction: the null interface has no 'in' direction" }]);
  assert.deepEqual(problems('ip loopback1 secure filter in 1 dynamic 2\n'), [{ text: 'dynamic', message: 'filter list: loopback1 cannot use dynamic filters' }]);
  assert.deepEqual(problems('ip lan1 secure filter in\n'), [{ text: 'in', message: 'filter list: no filter numbers' }]);
  const many = Array.from({ length: 130 }, (_, i) => i + 1).join(' ');
  const p = problems(`# RTX830 Rev.15.02.30 (x)\nip lan1 secure filter in ${many}\n`);
  assert.equal(p.length, 1);
  assert.equal(p[0].message, 'filter list: 130 entries; at most 129 are allowed on RTX830');
  assert.equal(p[0].text, many);
  assert.equal(listLimit('RTX5000'), 300);
});

test('a broken line does not hide problems on later lines', () => {
  const p = problems('ip filter 1 pas *\nip filter 2 pass * * tpc\nip filter 3 pass * * tcp * smpt\n');
  assert.deepEqual(
    p.map((x) => x.message),
    ["action: unknown action 'pas' (pass, pass-log, pass-nolog, reject, reject-log, reject-nolog, restrict, restrict-log, restrict-nolog)", "protocol: unknown protocol 'tpc'", "destination port: unknown port name 'smpt'"],
  );
});
