import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { makeContext, parseDocument, validate } from '../../engine';
import { DEFAULT_SETTINGS, type Settings } from '../../settings';
import type { WorkspaceFacts } from '../../rule';
import type { Finding } from '../../types';

const ID = 'log-infected-host';

function ctx(mailServers: string[] = [], rules: Settings['rules'] = {}, workspace: WorkspaceFacts = {}) {
  return makeContext({ ...DEFAULT_SETTINGS, mailServers, rules }, workspace);
}

function findings(text: string, c = ctx()): Finding[] {
  return validate(parseDocument('rtxlog', text), c).filter((f) => f.rule === ID);
}

const covered = (text: string, f: Finding): string => text.slice(f.range.start, f.range.end);

function example(rel: string): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const p = path.join(dir, 'examples', rel);
    if (fs.existsSync(p)) return fs.readFileSync(p, 'utf8');
    if (path.dirname(dir) === dir) throw new Error(`examples/${rel} not found`);
  }
}

/** `n` rejected port-25 packets of `src`, cycling over `d` destinations, one per second from 09:00:00. */
function spam(src: string, n: number, d: number, firstSecond = 0): string[] {
  return Array.from({ length: n }, (_, i) => {
    const s = firstSecond + i;
    const t = `2026/11/27 09:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    return `${t}: PP[01] Rejected at OUT(42) filter: TCP ${src}:${40000 + i} > 198.51.100.${(i % d) + 1}:25`;
  });
}

test('the incident log: one warning on the infected PC\'s first line, with counts, times and the filter', () => {
  const text = example('broken/router-syslog.rtxlog');
  const [f, ...rest] = findings(text);
  assert.deepEqual(rest, []);
  assert.equal(f.severity, 'warning');
  const first = text.split('\n').find((l) => l.includes('192.168.100.37:') && l.includes(':25'))!;
  assert.equal(covered(text, f), first);
  assert.match(f.message, /^192\.168\.100\.37 is likely infected: \d+ attempts to 12 hosts on port 25 between 2026\/11\/27 09:07:05 and 2026\/11\/27 09:\d\d:\d\d \(rejected \d+× at PP\[01\] OUT\(42\)\)\.$/);
});

test('exact message and range; several hosts each get their own finding', () => {
  const lines = ['2026/11/27 08:59:59: PP[01] PPP/IPCP up  (Local: 203.0.113.1, Remote: 203.0.113.254)', ...spam('192.168.100.37', 12, 6), ...spam('192.168.100.38', 10, 5, 20)];
  const text = lines.join('\n');
  const fs2 = findings(text);
  assert.equal(fs2.length, 2);
  assert.equal(covered(text, fs2[0]), lines[1]);
  assert.equal(
    fs2[0].message,
    '192.168.100.37 is likely infected: 12 attempts to 6 hosts on port 25 between 2026/11/27 09:00:00 and 2026/11/27 09:00:11 (rejected 12× at PP[01] OUT(42)).',
  );
  assert.deepEqual(fs2[0].data, { host: '192.168.100.37', attempts: 12, destinations: 6, passed: 0 });
  assert.equal(covered(text, fs2[1]), lines[13]);
});

test('below the thresholds, a known mail server, or the rule turned off: nothing', () => {
  assert.deepEqual(findings(spam('192.168.100.37', 9, 9).join('\n')), []);
  assert.deepEqual(findings(spam('192.168.100.37', 20, 4).join('\n')), []);
  const text = spam('192.168.100.10', 30, 10).join('\n');
  assert.deepEqual(findings(text, ctx(['192.168.100.10'])), []);
  assert.deepEqual(findings(text, ctx([], {}, { mailServers: [{ address: '192.168.100.10', source: 'example.jp.zone' }] })), []);
  assert.deepEqual(findings(text, ctx([], { [ID]: 'off' })), []);
  assert.equal(findings(text, ctx([], { [ID]: 'error' }))[0].severity, 'error');
});

test('without timestamps the message names lines; passed packets are mentioned', () => {
  const lines = Array.from({ length: 10 }, (_, i) => `<13> PP[01] Passed at OUT(200099) filter: TCP 10.0.0.5:${5000 + i} > 203.0.113.${i + 1}:25`);
  const [f] = findings(lines.join('\n'));
  assert.equal(f.message, '10.0.0.5 is likely infected: 10 attempts to 10 hosts on port 25 between line 1 and line 10; 10 of them passed (passed 10× at PP[01] OUT(200099)).');
});
