import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../text';
import { DEFAULT_VERDICT_OPTIONS, LogAggregator, summarizeHosts, type AggregateOptions, type HostReport, type VerdictOptions } from './analysis';
import { parseLog } from './document';
import { LineSplitter } from './lines';

const T = (s: number): string => `2026/11/27 09:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
const rej = (s: number, src: string, dst: string, port = 25, proto = 'TCP', filter = '42'): string =>
  `${T(s)}: PP[01] Rejected at OUT(${filter}) filter: ${proto} ${src}:50000 > ${dst}:${port}`;
const pass = (s: number, src: string, dst: string, port = 25): string => `${T(s)}: PP[01] Passed at OUT(200099) filter: TCP ${src}:50001 > ${dst}:${port}`;

function reports(text: string, opts: Partial<VerdictOptions> = {}, agg: AggregateOptions = {}): HostReport[] {
  const model = parseLog(text, new LineIndex(text), agg);
  return summarizeHosts(model.analysis, { ...DEFAULT_VERDICT_OPTIONS, ...opts });
}

function host(list: HostReport[], addr: string): HostReport {
  const r = list.find((h) => h.host === addr);
  assert.ok(r, `${addr} not among ${list.map((h) => h.host).join(', ')}`);
  return r;
}

const dests = (n: number): string[] => Array.from({ length: n }, (_, i) => `198.51.100.${i + 1}`);

test('port-25 attempts, distinct destinations, repeat lines, 465/587 apart; non-SMTP and local traffic ignored', () => {
  const lines = [
    ...dests(6).map((d, i) => rej(i, '192.168.100.37', d)),
    `${T(7)}: same message repeated 4 times`,
    rej(8, '192.168.100.37', '198.51.100.1'),
    rej(9, '192.168.100.37', '198.51.100.50', 25, 'UDP'), // UDP is not SMTP
    rej(10, '192.168.100.37', '192.168.100.5'), // LAN mail server: not the internet
    rej(11, '192.168.100.37', '100.64.0.1'), // CGN shared space: not the internet
    rej(12, '192.168.100.37', '198.51.100.9', 465),
    rej(13, '192.168.100.37', '198.51.100.9', 465),
    rej(14, '192.168.100.37', '198.51.100.9', 587),
    rej(15, '192.168.100.37', '198.51.100.9', 443),
    `${T(16)}: PP[01] Rejected at IN(200021) filter: TCP 198.51.100.66:51515 > 192.168.100.37:25`, // inbound: source not LAN
  ];
  const r = host(reports(lines.join('\n')), '192.168.100.37');
  assert.equal(r.attempts, 6 + 4 + 1);
  assert.equal(r.rejected, 11);
  assert.equal(r.passed, 0);
  assert.equal(r.destinations, 6);
  assert.equal(r.smtps, 2);
  assert.equal(r.submission, 1);
  assert.equal(r.hits, lines.length - 1 + 4 - 1);
  assert.deepEqual(
    r.filters.map((f) => [f.label, f.verdict, f.count]),
    [['PP[01] OUT(42)', 'rejected', 11]],
  );
  assert.equal(r.firstSeen?.time, T(0));
  assert.equal(r.lastSeen?.time, T(8));
  assert.equal(r.firstLine?.line, 0);
  assert.equal(r.likelyInfected, true);
  assert.equal(r.smtpPassed, false);
});

test('thresholds: at least N attempts to at least M destinations', () => {
  const text = (n: number, d: number) => Array.from({ length: n }, (_, i) => rej(i, '10.0.0.7', dests(d)[i % d])).join('\n');
  assert.equal(reports(text(10, 5))[0].likelyInfected, true);
  assert.equal(reports(text(9, 5))[0].likelyInfected, false);
  assert.equal(reports(text(10, 4))[0].likelyInfected, false);
  assert.equal(reports(text(9, 4), { minAttempts: 9, minDestinations: 4 })[0].likelyInfected, true);
});

test('passed SMTP: pass-log lines and [INSPECT] sessions; mail servers are expected destinations and sources', () => {
  const lines = [
    pass(0, '192.168.100.20', '198.51.100.25'),
    `${T(1)}: [INSPECT] PP[01][out][200083] TCP 192.168.100.20:50002 > 198.51.100.26:25 (2026/11/27 09:00:01)`,
    pass(2, '192.168.100.21', '203.0.113.25'), // to the ISP mail server
    ...dests(12).map((d, i) => pass(3 + i, '192.168.100.10', d)), // the office mail server itself
  ];
  const text = lines.join('\n');
  const none = reports(text);
  const a = host(none, '192.168.100.20');
  assert.deepEqual([a.attempts, a.passed, a.passedDestinations, a.smtpPassed], [2, 2, 2, true]);
  assert.equal(a.firstPassed?.line, 0);
  assert.deepEqual(
    a.filters.map((f) => f.label),
    ['PP[01] OUT dynamic(200083)', 'PP[01] OUT(200099)'],
  );
  assert.equal(host(none, '192.168.100.21').smtpPassed, true);
  assert.equal(host(none, '192.168.100.10').likelyInfected, true);

  const known = reports(text, { mailServers: ['203.0.113.25', '192.168.100.10'] });
  const b = host(known, '192.168.100.21');
  assert.deepEqual([b.attempts, b.passed, b.toMailServers, b.destinations, b.smtpPassed], [0, 0, 1, 0, false]);
  const m = host(known, '192.168.100.10');
  assert.deepEqual([m.mailServer, m.likelyInfected, m.smtpPassed], [true, false, false]);
  // Prefixes work as mail-server entries too.
  assert.equal(host(reports(text, { mailServers: ['203.0.113.0/24'] }), '192.168.100.21').smtpPassed, false);
});

test('first/last seen: by timestamp when every line is dated (show log reverse), else by line order', () => {
  const reversed = [rej(50, '10.1.1.1', '198.51.100.1'), rej(20, '10.1.1.1', '198.51.100.2'), rej(35, '10.1.1.1', '198.51.100.3')].join('\n');
  const r = reports(reversed)[0];
  assert.deepEqual([r.firstSeen?.time, r.lastSeen?.time, r.firstLine?.line], [T(20), T(50), 0]);
  const yearless = [
    'Nov 27 09:00:50 rtx PP[01] Rejected at OUT(42) filter: TCP 10.1.1.1:1 > 198.51.100.1:25',
    'Nov 27 09:00:20 rtx PP[01] Rejected at OUT(42) filter: TCP 10.1.1.1:1 > 198.51.100.2:25',
  ].join('\n');
  const y = reports(yearless)[0];
  assert.deepEqual([y.firstSeen?.time, y.lastSeen?.time], ['Nov 27 09:00:50', 'Nov 27 09:00:20']);
  const undated = ['PP[01] Rejected at OUT(42) filter: TCP 10.1.1.1:1 > 198.51.100.1:25', '', 'PP[01] Rejected at OUT(42) filter: TCP 10.1.1.1:1 > 198.51.100.2:25'].join('\n');
  const u = reports(undated)[0];
  assert.deepEqual([u.firstSeen?.line, u.lastSeen?.line, u.firstSeen?.time], [0, 2, undefined]);
});

test('memory stays bounded: destinations and hosts are capped, counts go on', () => {
  const many = dests(10).map((d, i) => rej(i, '192.168.1.2', d)).join('\n');
  const r = reports(many, {}, { maxDestinationsPerHost: 3 })[0];
  assert.deepEqual([r.attempts, r.destinations, r.destinationsCapped], [10, 4, true]);
  const hosts = ['192.168.1.2', '192.168.1.3', '192.168.1.4'].map((h, i) => rej(i, h, '198.51.100.1')).join('\n');
  const model = parseLog(hosts, new LineIndex(hosts), { maxHosts: 2 });
  assert.equal(model.analysis.hosts.size, 2);
  assert.equal(model.analysis.stats.hostsDropped, 1);
});

test('LAN prefixes: listed public LANs and IPv6 unique-local hosts are LAN hosts', () => {
  const text = [
    rej(0, '203.0.113.40', '198.51.100.1'),
    rej(1, '203.0.113.40', '203.0.113.41'), // inside the listed LAN: not the internet
    `${T(2)}: LAN2 Rejected at OUT(7) filter: TCP fd00::37.50000 > 2001:db8::25.25`,
    `${T(3)}: LAN2 Rejected at OUT(7) filter: TCP 2001:db8:aa::37.50000 > 2001:db8::25.25`,
  ].join('\n');
  assert.deepEqual(
    reports(text).map((r) => r.host),
    ['fd00::37'],
  );
  const listed = reports(text, {}, { lanPrefixes: ['203.0.113.0/24', '2001:db8:aa::/48'] });
  assert.deepEqual(
    listed.map((r) => [r.host, r.attempts]),
    [
      ['203.0.113.40', 1],
      ['2001:db8:aa::37', 1],
      ['fd00::37', 1],
    ],
  );
});

test('several files: line numbers per file, a repeat line does not reach back into the previous file', () => {
  const agg = new LogAggregator();
  agg.beginFile('a.log');
  agg.addLine(rej(0, '10.0.0.9', '198.51.100.1'), 0, 0);
  agg.beginFile('b.log');
  agg.addLine('same message repeated 5 times', 0, 0);
  agg.addLine(rej(9, '10.0.0.9', '198.51.100.2'), 1, 30);
  const r = summarizeHosts(agg.result())[0];
  assert.equal(r.attempts, 2);
  assert.deepEqual([r.firstSeen?.file, r.lastSeen?.file, r.lastSeen?.line], ['a.log', 'b.log', 1]);
  assert.deepEqual(agg.result().stats, { lines: 3, blank: 0, filterHits: 2, inspectHits: 0, repeats: 1, other: 0, malformed: 0, hostsDropped: 0 });
});

test('streaming in arbitrary chunks gives exactly the whole-text analysis', () => {
  const text = [
    ...dests(7).map((d, i) => rej(i, '192.168.100.37', d)),
    'same message repeated 3 times',
    '<13> PP[01] Rejected at OUT(42) filter: TCP 192.168.100.38:1 > 198.51.100.7:2',
    'PP[01] Rejected at OUT(42) filter: TCP 192.168.100.38:1 > 198.51.1',
    pass(30, '192.168.100.20', '198.51.100.25'),
  ].join('\r\n');
  const whole = reports(text);
  for (const size of [1, 7, 64, 1000]) {
    const agg = new LogAggregator();
    const split = new LineSplitter((l) => agg.addLine(l.text, l.line, l.start, l.length));
    for (let i = 0; i < text.length; i += size) split.push(text.slice(i, i + size));
    split.end();
    assert.deepEqual(summarizeHosts(agg.result()), whole, `chunk size ${size}`);
    assert.equal(agg.result().stats.malformed, 1);
    assert.equal(agg.result().problems[0].line, 9);
  }
});
