import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAddrElem6, parseIPv6, formatIPv6 } from './address';
import { ifaceKey } from './command';
import type { RtxModel, StaticFilter } from './model';
import { parseRtx } from './parse';

function one6(line: string): { m: RtxModel; f: StaticFilter } {
  const m = parseRtx(`${line}\n`);
  assert.deepEqual(m.problems, [], line);
  const f = m.filters.v6.static.values().next().value as StaticFilter;
  assert.ok(f, line);
  return { m, f };
}

const problems = (src: string): { text: string; message: string }[] => {
  const m = parseRtx(src);
  return m.problems.map((p) => ({ text: m.text.slice(p.range.start, p.range.end), message: p.message }));
};

test('IPv6 address elements: literals, prefixes, ranges, learned prefixes, names', () => {
  assert.deepEqual(parseAddrElem6('2001:db8::/32'), { kind: 'cidr6', addr: parseIPv6('2001:db8::')!, prefix: 32 });
  assert.deepEqual(parseAddrElem6('2001:db8::1'), { kind: 'cidr6', addr: parseIPv6('2001:db8::1')!, prefix: 128 });
  assert.deepEqual(parseAddrElem6('ra-prefix@lan2::/64'), { kind: 'dynprefix', source: 'ra-prefix', iface: 'lan2', suffix: 0n, prefix: 64 });
  assert.deepEqual(parseAddrElem6('ra-prefix@lan2::1/64'), { kind: 'dynprefix', source: 'ra-prefix', iface: 'lan2', suffix: 1n, prefix: 64 });
  assert.deepEqual(parseAddrElem6('dhcp-prefix@lan2:10::/64'), { kind: 'dynprefix', source: 'dhcp-prefix', iface: 'lan2', suffix: parseIPv6('0:10::')!, prefix: 64 });
  assert.deepEqual(parseAddrElem6('2001:db8::1-2001:db8::9'), { kind: 'range6', from: parseIPv6('2001:db8::1')!, to: parseIPv6('2001:db8::9')! });
  assert.deepEqual(parseAddrElem6('www.example.jp'), { kind: 'fqdn', name: 'www.example.jp', suffix: false });
  assert.deepEqual(parseAddrElem6('map-e'), { kind: 'keyword', name: 'map-e' });
  assert.equal(formatIPv6(parseIPv6('2001:0db8:0000::0001')!), '2001:db8::1');
});

test('ipv6 filter lines: fields, protocols, a number space of their own', () => {
  const { f } = one6('ipv6 filter 101000 pass * * icmp6 * *');
  assert.equal(f.family, 6);
  assert.equal(f.portMode, 'icmp');
  assert.equal(f.proto.elems[0].kind === 'number' && f.proto.elems[0].proto, 58);
  assert.equal(one6('ipv6 filter 1 pass * * icmp 128').f.portMode, 'icmp'); // icmp = ICMPv6 here
  const v4 = one6('ipv6 filter 1 pass * * icmp4').f.proto.elems[0];
  assert.equal(v4.kind === 'number' && v4.proto, 1);
  const nd = one6('ipv6 filter 1 pass * * icmp-nd').f.proto.elems[0];
  assert.deepEqual(nd.kind === 'icmp-class' && [nd.types, nd.proto], [[133, 134, 135, 136], 58]);
  assert.equal(one6('ipv6 filter 101002 pass * * udp * 546').f.dport.elems[0].ports[0].from, 546);
  assert.equal(one6('ipv6 filter 200031 pass * * 4').f.portMode, 'ignored');
  assert.equal(one6('ipv6 filter 200039 reject *').f.src.any, true);
  const m = parseRtx('ip filter 200030 pass * * icmp\nipv6 filter 200030 pass * * icmp6 * *\nipv6 filter dynamic 101080 * * ftp syslog=off\n');
  assert.deepEqual(m.problems, []);
  assert.equal(m.filters.static.get(200030)?.family, 4);
  assert.equal(m.filters.v6.static.get(200030)?.family, 6);
  assert.equal(m.filters.v6.dynamic.get(101080)?.syslog, false);
  assert.equal(m.filters.dynamic.size, 0);
  const dyn = one6('ipv6 filter 1 pass ra-prefix@lan2::/64,2001:db8::/32 2001:db8:1::1-2001:db8:1::ff tcp * www');
  assert.deepEqual(dyn.f.src.elems.map((e) => e.kind), ['dynprefix', 'cidr6']);
});

test('ipv6 filter errors name the field; IPv4 forms and IPv4-only keywords are refused', () => {
  assert.deepEqual(problems('ipv6 filter 1 pass 192.168.1.1 *\n'), [{ text: '192.168.1.1', message: "source address: '192.168.1.1' looks like an IPv4 address; use an ip filter" }]);
  assert.deepEqual(problems('ipv6 filter 1 pass 2001:db8::/129 *\n'), [{ text: '2001:db8::/129', message: "source address: '129' is not a prefix length (0-128)" }]);
  assert.deepEqual(problems('ipv6 filter 1 pass 2001:db8:::1 *\n'), [{ text: '2001:db8:::1', message: "source address: '2001:db8:::1' is not an IPv6 address" }]);
  assert.deepEqual(problems('ipv6 filter 1 pass ra-prefix@lan2:xyz/64 *\n'), [{ text: 'ra-prefix@lan2:xyz/64', message: "source address: 'ra-prefix@lan2:xyz/64' is not a dynamic prefix (write e.g. ra-prefix@lan2::/64 or dhcp-prefix@lan2::1/64)" }]);
  assert.deepEqual(problems('ipv6 filter 1 pass * * tcp * * established\n'), [{ text: 'established', message: "too many parameters: an ipv6 filter line ends with the destination port; 'established' is extra" }]);
  assert.deepEqual(problems('ip filter 1 pass * * icmp-nd\n'), [{ text: 'icmp-nd', message: "protocol: 'icmp-nd' is only valid in ipv6 filters" }]);
  assert.deepEqual(problems('ipv6 lan2 secure filter name guests\n'), [{ text: 'name', message: "filter list: ipv6 secure filter has no filter-set ('name') form; list the ipv6 filter numbers" }]);
});

test('ip filter set: both directions, dynamic part, replacement, removal, errors', () => {
  const m = parseRtx(
    [
      'ip filter set guest in 1 2 3',
      'ip filter set guest out 4 dynamic 10',
      'ip filter set guest in 5',
      'ip filter set other in 6',
      'no ip filter set other',
      'ip lan1 secure filter name guest',
    ].join('\n'),
  );
  assert.deepEqual(m.problems, []);
  assert.deepEqual([...m.filters.sets.keys()], ['guest|in', 'guest|out']);
  assert.deepEqual(m.filters.sets.get('guest|in')!.list.map((e) => e.num), [5]);
  assert.deepEqual(m.filters.sets.get('guest|out')!.dynamic.map((e) => e.num), [10]);
  assert.deepEqual(m.bindings.map((b) => `${ifaceKey(b.iface)} ${b.dir} ${b.setName}`), ['lan1 in guest', 'lan1 out guest']);
  assert.deepEqual(problems('ip filter set\n'), [{ text: 'ip filter set', message: 'filter set: missing filter set name' }]);
  assert.deepEqual(problems('ip filter set g both 1\n'), [{ text: 'both', message: "direction: expected 'in' or 'out', not 'both'" }]);
  assert.deepEqual(problems('ip filter set g in 1 x\n'), [{ text: 'x', message: "filter list: 'x' is not a filter number" }]);
  assert.deepEqual(problems('ip filter set g in\n'), [{ text: 'in', message: 'filter list: no filter numbers' }]);
});
