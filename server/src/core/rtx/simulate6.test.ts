import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IfaceRef } from './model';
import { parseRtx } from './parse';
import { evaluate, lanToInternet, logLine, type Decision, type Packet } from './simulate';
import { CONFIG_A, replaceOnce } from './testdata';

const LAN2: IfaceRef = { kind: 'if', name: 'lan2' };
const short = (d: Decision): string => `${d.verdict}@${d.reason === 'filter' ? d.filter!.num : d.reason}`;
const tcp6 = (src: string, sport: number, dst: string, dport: number, flags = 0x02): Packet => ({ src, dst, proto: 'tcp', sport, dport, tcpFlags: flags });

const NGN = [
  'ipv6 prefix 1 ra-prefix@lan2::/64',
  'ipv6 lan1 address ra-prefix@lan2::1/64',
  'ipv6 lan1 rtadv send 1 o_flag=on',
  'ipv6 lan2 dhcp service client ir=on',
  'ipv6 lan2 secure filter in 101000 101001 101002',
  'ipv6 lan2 secure filter out 101099 dynamic 101080 101081 101098 101099',
  'ipv6 filter 101000 pass * * icmp6 * *',
  'ipv6 filter 101001 pass * ra-prefix@lan2::/64 tcp * ident',
  'ipv6 filter 101002 pass * * udp * 546',
  'ipv6 filter 101099 pass * * * * *',
  'ipv6 filter dynamic 101080 * * ftp',
  'ipv6 filter dynamic 101081 * * domain',
  'ipv6 filter dynamic 101098 * * tcp',
  'ipv6 filter dynamic 101099 * * udp',
].join('\n');
const M6 = parseRtx(NGN);

test('IPv6 network facts: NGN uplink lan2, LAN prefix learned on lan2', () => {
  assert.deepEqual(M6.network.internetEgress6.map((w) => w.iface), [LAN2]);
  assert.deepEqual(M6.network.lans6.map((l) => `${l.text}@${l.iface && l.iface.kind === 'if' ? l.iface.name : '?'}`), ['ra-prefix@lan2::/64@lan1']);
});

test('IPv6 packets: OUT passes and opens a session; the reply passes IN by it; unsolicited inbound is rejected', () => {
  const out = evaluate(M6, LAN2, 'out', tcp6('2001:db8:ff02::10', 50000, '2001:db8:c0de::80', 443));
  assert.equal(short(out), 'pass@101099');
  assert.equal(out.session?.filter.num, 101098);
  const reply = tcp6('2001:db8:c0de::80', 443, '2001:db8:ff02::10', 50000, 0x12);
  assert.equal(short(evaluate(M6, LAN2, 'in', reply, { sessions: [out.session!] })), 'pass@session');
  assert.equal(short(evaluate(M6, LAN2, 'in', reply)), 'reject@default');
  // ICMPv6 and DHCPv6 pass inbound; `icmp` in a packet of IPv6 is ICMPv6.
  assert.equal(short(evaluate(M6, LAN2, 'in', { src: 'fe80::1', dst: 'fe80::2', proto: 'icmp', icmpType: 134 })), 'pass@101000');
  assert.equal(short(evaluate(M6, LAN2, 'in', { src: 'fe80::1', dst: 'fe80::2', proto: 'udp', sport: 547, dport: 546 })), 'pass@101002');
  const p = tcp6('2001:db8:9::1', 40000, '2001:db8:ff02::10', 22);
  const d = evaluate(M6, LAN2, 'in', p);
  assert.equal(logLine(d, p), 'LAN2 Rejected at IN(default) filter: TCP [2001:db8:9::1]:40000 > [2001:db8:ff02::10]:22');
});

test('learned prefixes: documentation prefixes by default, the caller\'s when given', () => {
  const ident = tcp6('2001:db8:9::1', 40000, '2001:db8:ff02::10', 113);
  assert.equal(short(evaluate(M6, LAN2, 'in', ident)), 'pass@101001');
  const real = (source: string, iface: string) => (source === 'ra-prefix' && iface === 'lan2' ? { base: 0x24090010_20300000n << 64n, len: 64 } : undefined);
  assert.equal(short(evaluate(M6, LAN2, 'in', ident, { prefixes: real })), 'reject@default');
  assert.equal(short(evaluate(M6, LAN2, 'in', tcp6('2001:db8:9::1', 40000, '2409:10:2030::10', 113), { prefixes: real })), 'pass@101001');
});

test('LAN → Internet over IPv6 picks the IPv6 uplink; the IPv4 lists are not consulted', () => {
  const both = parseRtx(`${CONFIG_A}${NGN}\n`);
  const [flow] = lanToInternet(both, tcp6('2001:db8:ff02::10', 50000, '2001:db8:c0de::25', 25));
  assert.equal(flow.verdict, 'pass');
  assert.deepEqual(flow.hops.map((h) => `${h.iface.kind === 'if' ? h.iface.name : 'pp'} ${h.dir} ${short(h)}`), ['lan1 in pass@no-list', 'lan2 out pass@101099']);
  assert.throws(() => evaluate(both, LAN2, 'out', { src: '192.168.100.10', dst: '2001:db8::1', proto: 'tcp' }), /different IP versions/);
});

test('filter sets are evaluated for their direction; an unknown set name filters nothing', () => {
  const m = parseRtx(
    [
      'ip lan1 secure filter name guest',
      'ip lan3 secure filter name nosuch',
      'ip filter set guest in 1 2',
      'ip filter set guest out 3',
      'ip filter 1 reject * * tcp * smtp',
      'ip filter 2 pass * *',
      'ip filter 3 reject * *',
    ].join('\n'),
  );
  const lan1: IfaceRef = { kind: 'if', name: 'lan1' };
  const smtp = evaluate(m, lan1, 'in', { src: '192.168.1.5', dst: '198.51.100.25', proto: 'tcp', sport: 50000, dport: 25 });
  assert.equal(short(smtp), 'reject@1');
  assert.equal(smtp.set?.name, 'guest');
  assert.equal(short(evaluate(m, lan1, 'in', { src: '192.168.1.5', dst: '198.51.100.25', proto: 'tcp', sport: 50000, dport: 80 })), 'pass@2');
  assert.equal(short(evaluate(m, lan1, 'out', { src: '198.51.100.25', dst: '192.168.1.5', proto: 'udp', sport: 53, dport: 5000 })), 'reject@3');
  assert.equal(short(evaluate(m, { kind: 'if', name: 'lan3' }, 'in', { src: '10.0.0.1', dst: '10.0.0.2', proto: 'udp', sport: 1, dport: 2 })), 'pass@filter-set');
});

test('restrict follows the connected flag per interface', () => {
  const m = parseRtx(replaceOnce(CONFIG_A, 'ip filter 200099 pass * * * * *', 'ip filter 200099 restrict * * * * *'));
  const pp1: IfaceRef = { kind: 'pp', id: 1 };
  const web = { src: '192.168.100.10', dst: '198.51.100.80', proto: 'tcp', sport: 50000, dport: 80 } as Packet;
  assert.equal(short(evaluate(m, pp1, 'out', web)), 'pass@200099');
  const down = evaluate(m, pp1, 'out', web, { connected: (i) => i.kind !== 'pp' });
  assert.equal(short(down), 'reject@200099');
  assert.equal(down.session, undefined); // no session after a discard
});
