import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as A from './assumptions';
import type { IfaceRef } from './model';
import { parseRtx } from './parse';
import { TCP_FLAGS } from './ports';
import { describeDecision, evaluate, lanToInternet, logLine, simulateFlow, type Decision, type Packet } from './simulate';
import { CONFIG_A, CONFIG_B, withFilters, withOutList } from './testdata';

const PP1: IfaceRef = { kind: 'pp', id: 1 };
const LAN1: IfaceRef = { kind: 'if', name: 'lan1' };
const { SYN, FIN, RST, ACK } = TCP_FLAGS;

const tcp = (src: string, sport: number, dst: string, dport: number, tcpFlags: number = SYN): Packet => ({ src, dst, proto: 'tcp', sport, dport, tcpFlags });
const udp = (src: string, sport: number, dst: string, dport: number): Packet => ({ src, dst, proto: 'udp', sport, dport });
const icmp = (src: string, dst: string, icmpType: number, icmpCode = 0): Packet => ({ src, dst, proto: 'icmp', icmpType, icmpCode });

/** `pass@200099`, `reject@default`, `pass@session`, `pass@no-list`. */
function short(d: Decision): string {
  const by = d.reason === 'filter' ? String(d.filter!.num) : d.reason;
  return `${d.verdict}@${by}`;
}

const A_MODEL = parseRtx(CONFIG_A);
const B_MODEL = parseRtx(CONFIG_B);

test('§4.1 vector 1 and 2: web request passes OUT at 200099 and opens a www session; the reply passes IN by the session', () => {
  const out = evaluate(A_MODEL, PP1, 'out', tcp('192.168.100.10', 50000, '198.51.100.80', 80));
  assert.equal(short(out), 'pass@200099');
  assert.equal(out.session?.filter.num, 200082);
  assert.equal(out.session?.filter.application?.name, 'www');
  const reply = tcp('198.51.100.80', 80, '192.168.100.10', 50000, SYN | ACK);
  const back = evaluate(A_MODEL, PP1, 'in', reply, { sessions: [out.session!] });
  assert.equal(short(back), 'pass@session');
  assert.equal(back.sessionHit, out.session);
  // Without the session the reply would hit the implicit discard.
  assert.equal(short(evaluate(A_MODEL, PP1, 'in', reply)), 'reject@default');
});

test('§4.1 vector 3: SMB to the Internet is rejected at 200025 and logged', () => {
  const d = evaluate(A_MODEL, PP1, 'out', tcp('192.168.100.10', 50001, '198.51.100.9', 445));
  assert.equal(short(d), 'reject@200025');
  assert.equal(d.logged, true);
  assert.equal(d.session, undefined);
  assert.deepEqual(
    d.path.map((s) => `${s.entry.num}:${s.outcome}`),
    ['200013:no-match', '200020:no-match', '200021:no-match', '200022:no-match', '200023:no-match', '200024:no-match', '200025:match'],
  );
});

test('§4.1 vector 4: NetBIOS is rejected at 200022 (the source port hits first)', () => {
  assert.equal(short(evaluate(A_MODEL, PP1, 'out', udp('192.168.100.10', 137, '198.51.100.9', 137))), 'reject@200022');
});

test('§4.1 vector 5: anything addressed to the LAN is not sent out through PP (200013)', () => {
  assert.equal(short(evaluate(A_MODEL, PP1, 'out', udp('203.0.113.1', 5000, '192.168.100.20', 53))), 'reject@200013');
  assert.equal(short(evaluate(A_MODEL, PP1, 'out', icmp('192.168.100.10', '192.168.100.20', 8))), 'reject@200013');
});

test('§4.1 vector 6: a FIN to port 80 passes at restrict 200026 while connected, is rejected when not', () => {
  const fin = tcp('192.168.100.10', 50000, '198.51.100.80', 80, FIN | ACK);
  const d = evaluate(A_MODEL, PP1, 'out', fin);
  assert.equal(short(d), 'pass@200026');
  assert.equal(d.logged, false);
  const down = evaluate(A_MODEL, PP1, 'out', fin, { connected: () => false });
  assert.equal(short(down), 'reject@200026');
  assert.equal(down.logged, true); // restrict logs only when discarding
  assert.equal(short(evaluate(A_MODEL, PP1, 'out', tcp('192.168.100.10', 50000, '198.51.100.80', 119, RST))), 'pass@200027');
});

test('§4.1 vector 7: unsolicited SMTP to the router WAN address is rejected IN(default)', () => {
  const p = tcp('198.51.100.99', 40000, '203.0.113.1', 25);
  const d = evaluate(A_MODEL, PP1, 'in', p);
  assert.equal(short(d), 'reject@default');
  assert.equal(logLine(d, p), 'PP[01] Rejected at IN(default) filter: TCP 198.51.100.99:40000 > 203.0.113.1:25');
});

test('§4.1 vector 8: a LAN source arriving from the WAN is rejected at 200003', () => {
  assert.equal(short(evaluate(A_MODEL, PP1, 'in', udp('192.168.100.50', 53, '203.0.113.1', 53))), 'reject@200003');
  assert.equal(short(evaluate(A_MODEL, PP1, 'in', tcp('192.168.100.50', 80, '192.168.100.10', 50000, ACK))), 'reject@200003');
});

test('§4.1 vector 9 and 10: ICMP to a LAN host passes at 200030; to the router address hits default', () => {
  assert.equal(short(evaluate(A_MODEL, PP1, 'in', icmp('198.51.100.80', '192.168.100.10', 0))), 'pass@200030');
  assert.equal(short(evaluate(A_MODEL, PP1, 'in', icmp('198.51.100.99', '203.0.113.1', 8))), 'reject@default');
});

test('§4.1 vector 11: DNS query passes at 200099 and opens a domain session', () => {
  const d = evaluate(A_MODEL, PP1, 'out', udp('192.168.100.10', 53000, '8.8.8.8', 53));
  assert.equal(short(d), 'pass@200099');
  assert.equal(d.session?.filter.num, 200081);
});

test('§8.1 Config A: SMTP to any server and submission pass at 200099; no log', () => {
  for (const [dst, port, dyn] of [
    ['198.51.100.25', 25, 200083],
    ['203.0.113.10', 25, 200083],
    ['198.51.100.30', 587, 200085],
  ] as const) {
    const p = tcp('192.168.100.10', 50123, dst, port);
    const d = evaluate(A_MODEL, PP1, 'out', p);
    assert.equal(short(d), 'pass@200099', `${dst}:${port}`);
    assert.equal(d.session?.filter.num, dyn);
    assert.equal(logLine(d, p), undefined);
  }
});

test('§8.2 Config B: SMTP elsewhere rejected at OUT(42) with its log line; the designated server passes at 41', () => {
  const spam = tcp('192.168.100.10', 50123, '198.51.100.25', 25);
  const d = evaluate(B_MODEL, PP1, 'out', spam);
  assert.equal(short(d), 'reject@42');
  assert.equal(d.session, undefined);
  assert.equal(logLine(d, spam), 'PP[01] Rejected at OUT(42) filter: TCP 192.168.100.10:50123 > 198.51.100.25:25');
  const ok = evaluate(B_MODEL, PP1, 'out', tcp('192.168.100.10', 50123, '203.0.113.10', 25));
  assert.equal(short(ok), 'pass@41');
  assert.equal(ok.session?.filter.num, 200083);
  assert.equal(short(evaluate(B_MODEL, PP1, 'out', tcp('192.168.100.10', 50124, '198.51.100.30', 587))), 'pass@200099');
});

test('§8.2 variant: wrong order 42 41 rejects the designated server too (list order, not numbers)', () => {
  const m = parseRtx(CONFIG_B.replace('filter out 41 42 ', 'filter out 42 41 '));
  assert.equal(short(evaluate(m, PP1, 'out', tcp('192.168.100.10', 50123, '203.0.113.10', 25))), 'reject@42');
});

test('§8.2 variant: protocol * gotcha — ping from the LAN is rejected at 42; the seed filter 41 passes ICMP too', () => {
  const m = parseRtx(CONFIG_B.replace('ip filter 42 reject-log 192.168.100.0/24 * tcp * smtp', 'ip filter 42 reject-log 192.168.100.0/24 * * * smtp'));
  const ping = icmp('192.168.100.10', '8.8.8.8', 8);
  const d = evaluate(m, PP1, 'out', ping);
  assert.equal(short(d), 'reject@42');
  assert.equal(logLine(d, ping), 'PP[01] Rejected at OUT(42) filter: ICMP 192.168.100.10 > 8.8.8.8');
  assert.equal(short(evaluate(m, PP1, 'out', { src: '192.168.100.10', dst: '198.51.100.1', proto: 'gre' })), 'reject@42');
  assert.equal(short(evaluate(m, PP1, 'out', tcp('192.168.100.10', 50000, '198.51.100.80', 80))), 'pass@200099');
  const seed = parseRtx(
    withFilters(['ip filter 41 pass 192.168.0.0/16 203.0.113.10 * * smtp', 'ip filter 42 reject * * * * smtp'], withOutList('41 42 200099')),
  );
  assert.equal(short(evaluate(seed, PP1, 'out', icmp('192.168.100.10', '203.0.113.10', 8))), 'pass@41');
  assert.equal(short(evaluate(seed, PP1, 'out', udp('192.168.100.10', 5000, '203.0.113.10', 25))), 'pass@41');
  assert.equal(short(evaluate(seed, PP1, 'out', icmp('192.168.100.10', '198.51.100.1', 8))), 'reject@42');
});

test('§8.2 variant: filters defined but not listed have no effect', () => {
  const m = parseRtx(withFilters(['ip filter 41 pass 192.168.100.0/24 203.0.113.10 tcp * smtp', 'ip filter 42 reject-log 192.168.100.0/24 * tcp * smtp']));
  assert.equal(short(evaluate(m, PP1, 'out', tcp('192.168.100.10', 50123, '198.51.100.25', 25))), 'pass@200099');
});

test('§8.2 variant: removing 200099 sends 587 to the implicit discard', () => {
  const m = parseRtx(CONFIG_B.replace(' 200027 200099 dynamic', ' 200027 dynamic'));
  const p = tcp('192.168.100.10', 50124, '198.51.100.30', 587);
  const d = evaluate(m, PP1, 'out', p);
  assert.equal(short(d), 'reject@default');
  assert.equal(logLine(d, p), 'PP[01] Rejected at OUT(default) filter: TCP 192.168.100.10:50124 > 198.51.100.30:587');
});

test('§8.2 variant: 41/42 on lan1 IN work too, but a list without a pass-all rejects everything else', () => {
  const base = withFilters(['ip filter 41 pass 192.168.100.0/24 203.0.113.10 tcp * smtp', 'ip filter 42 reject-log 192.168.100.0/24 * tcp * smtp']);
  const onlyPair = parseRtx(base.replace('ip lan1 address 192.168.100.1/24\n', 'ip lan1 address 192.168.100.1/24\nip lan1 secure filter in 41 42\n'));
  const spam = lanToInternet(onlyPair, tcp('192.168.100.10', 50123, '198.51.100.25', 25));
  assert.equal(spam.length, 1);
  assert.equal(spam[0].verdict, 'reject');
  assert.equal(describeDecision(spam[0].decidedBy!), 'lan1 in: reject at IN(42)');
  const web = lanToInternet(onlyPair, tcp('192.168.100.10', 50000, '198.51.100.80', 80));
  assert.equal(describeDecision(web[0].decidedBy!), 'lan1 in: reject at IN(default) — no filter matched');
  const withPassAll = parseRtx(base.replace('ip lan1 address 192.168.100.1/24\n', 'ip lan1 address 192.168.100.1/24\nip lan1 secure filter in 41 42 200099\n'));
  const ok = lanToInternet(withPassAll, tcp('192.168.100.10', 50000, '198.51.100.80', 80))[0];
  assert.equal(ok.verdict, 'pass');
  assert.deepEqual(ok.hops.map(short), ['pass@200099', 'pass@200099']);
  assert.deepEqual(ok.hops.map((h) => `${h.iface.kind === 'if' ? h.iface.name : 'pp'} ${h.dir}`), ['lan1 in', 'pp out']);
});

test('LAN→Internet flow: no LAN list passes, then the WAN OUT list decides', () => {
  const [flow] = lanToInternet(A_MODEL, tcp('192.168.100.10', 50000, '198.51.100.25', 25));
  assert.equal(flow.verdict, 'pass');
  assert.deepEqual(flow.hops.map(short), ['pass@no-list', 'pass@200099']);
  assert.equal(flow.lan?.text, '192.168.100.0/24');
  assert.equal(flow.decidedBy?.filter?.num, 200099);
});

test('no list for an interface and direction passes everything', () => {
  const d = evaluate(A_MODEL, LAN1, 'out', tcp('198.51.100.1', 25, '192.168.100.10', 50000));
  assert.equal(short(d), 'pass@no-list');
});

test('an undefined number in a list is skipped and recorded', () => {
  const m = parseRtx(withOutList('41 200013 999 200099'));
  const d = evaluate(m, PP1, 'out', tcp('192.168.100.10', 50000, '198.51.100.25', 25));
  assert.equal(A.UNDEFINED_FILTER_IN_LIST_IS_SKIPPED, true);
  assert.equal(short(d), 'pass@200099');
  assert.deepEqual(d.undefinedFilters, [41, 999]);
  assert.deepEqual(
    d.path.map((s) => `${s.entry.num}:${s.outcome}`),
    ['41:undefined', '200013:no-match', '999:undefined', '200099:match'],
  );
});

test('a list with only dynamic filters discards nothing (configurable)', () => {
  const m = parseRtx('ip lan2 secure filter out dynamic 1\nip filter dynamic 1 * * tcp\n');
  const lan2: IfaceRef = { kind: 'if', name: 'lan2' };
  const p = tcp('192.168.1.10', 50000, '198.51.100.25', 25);
  const d = evaluate(m, lan2, 'out', p);
  assert.equal(short(d), 'pass@dynamic-only');
  assert.equal(d.session?.filter.num, 1);
  assert.equal(short(evaluate(m, lan2, 'out', p, { dynamicOnlyListPasses: false })), 'reject@default');
});

test('ports are compared only for TCP/UDP; icmp alone compares type/code', () => {
  const m = parseRtx(
    [
      'ip lan2 secure filter out 1 2 3 4',
      'ip filter 1 reject * * icmp 5 1', // redirect for host
      'ip filter 2 pass * * icmp 8 *',
      'ip filter 3 reject * * tcp,udp * 135',
      'ip filter 4 pass * * esp',
    ].join('\n'),
  );
  const lan2: IfaceRef = { kind: 'if', name: 'lan2' };
  assert.equal(short(evaluate(m, lan2, 'out', icmp('10.0.0.1', '10.0.0.2', 5, 1))), 'reject@1');
  assert.equal(short(evaluate(m, lan2, 'out', icmp('10.0.0.1', '10.0.0.2', 5, 0))), 'reject@default');
  assert.equal(short(evaluate(m, lan2, 'out', icmp('10.0.0.1', '10.0.0.2', 8, 0))), 'pass@2');
  assert.equal(short(evaluate(m, lan2, 'out', udp('10.0.0.1', 1000, '10.0.0.2', 135))), 'reject@3');
  assert.equal(short(evaluate(m, lan2, 'out', udp('10.0.0.1', 1000, '10.0.0.2', 136))), 'reject@default');
  assert.equal(short(evaluate(m, lan2, 'out', { src: '10.0.0.1', dst: '10.0.0.2', proto: 'esp' })), 'pass@4');
});

test('TCP flag keywords and tcpflag=V/M', () => {
  const m = parseRtx(
    [
      'ip lan2 secure filter in 1 2 3',
      'ip filter 1 pass * * tcpflag=0x0002/0x0017', // connection-opening SYN
      'ip filter 2 reject * * established',
      'ip filter 3 pass * * tcpflag!=0x0004/0x0004', // anything without RST
    ].join('\n'),
  );
  const lan2: IfaceRef = { kind: 'if', name: 'lan2' };
  assert.equal(short(evaluate(m, lan2, 'in', tcp('1.1.1.1', 1, '2.2.2.2', 2, SYN))), 'pass@1');
  assert.equal(short(evaluate(m, lan2, 'in', tcp('1.1.1.1', 1, '2.2.2.2', 2, SYN | ACK))), 'reject@2');
  assert.equal(short(evaluate(m, lan2, 'in', tcp('1.1.1.1', 1, '2.2.2.2', 2, FIN))), 'pass@3');
  assert.equal(short(evaluate(m, lan2, 'in', tcp('1.1.1.1', 1, '2.2.2.2', 2, RST))), 'reject@default');
  assert.equal(short(evaluate(m, lan2, 'in', udp('1.1.1.1', 1, '2.2.2.2', 2))), 'reject@default');
});

test('address elements match as documented; unresolved FQDNs never match', () => {
  const m = parseRtx(
    [
      'ip lan2 secure filter out 1 2 3 4 5',
      'ip filter 1 reject 10.*.1.1 *',
      'ip filter 2 reject 172.16.0.10-172.16.0.20 *',
      'ip filter 3 reject -10.0.0.5 *',
      'ip filter 4 reject mail.example.jp,192.168.0.0/0xffff0000 *',
      'ip filter 5 pass * *',
    ].join('\n'),
  );
  const lan2: IfaceRef = { kind: 'if', name: 'lan2' };
  const from = (src: string, opts = {}): string => short(evaluate(m, lan2, 'out', udp(src, 1, '198.51.100.1', 2), opts));
  assert.equal(from('10.77.1.1'), 'reject@1');
  assert.equal(from('10.77.1.2'), 'pass@5');
  assert.equal(from('10.0.0.5'), 'reject@3');
  assert.equal(from('0.0.0.1'), 'reject@3');
  assert.equal(from('172.16.0.15'), 'reject@2');
  assert.equal(from('172.16.0.21'), 'pass@5');
  assert.equal(from('192.168.3.3'), 'reject@4');
  assert.equal(from('203.0.113.9'), 'pass@5');
  assert.equal(from('203.0.113.9', { resolve: (e: { kind: string; name: string }) => (e.name === 'mail.example.jp' ? [0xcb007109] : undefined) }), 'reject@4');
});

test('simulateFlow stops at the first rejecting hop', () => {
  const r = simulateFlow(B_MODEL, [{ iface: LAN1, dir: 'in' }, { iface: PP1, dir: 'out' }, { iface: PP1, dir: 'out' }], tcp('192.168.100.10', 50123, '198.51.100.25', 25));
  assert.equal(r.verdict, 'reject');
  assert.equal(r.hops.length, 2);
  assert.equal(short(r.decidedBy!), 'reject@42');
});

test('log lines: LAN interfaces, tunnels and pass-log', () => {
  const m = parseRtx('ip lan2 secure filter in 1\nip filter 1 pass-log * * udp\ntunnel select 1\n ip tunnel secure filter in 300\nip filter 300 reject * * udp\n');
  const p = udp('198.51.100.1', 67, '198.51.100.2', 68);
  assert.equal(logLine(evaluate(m, { kind: 'if', name: 'lan2' }, 'in', p), p), 'LAN2 Passed at IN(1) filter: UDP 198.51.100.1:67 > 198.51.100.2:68');
  assert.equal(logLine(evaluate(m, { kind: 'tunnel', id: 1 }, 'in', p), p), 'TUNNEL[1] Rejected at IN(300) filter: UDP 198.51.100.1:67 > 198.51.100.2:68');
  assert.throws(() => evaluate(m, { kind: 'if', name: 'lan2' }, 'in', { src: 'x', dst: '1.1.1.1', proto: 'tcp' }));
});
