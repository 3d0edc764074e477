import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, parseDocument, validate } from '../../engine';
import { DEFAULT_SETTINGS, type Settings } from '../../settings';
import type { Finding } from '../../types';

const ID = 'log-smtp-passed';

function findings(text: string, mailServers: string[] = [], rules: Settings['rules'] = {}): Finding[] {
  return validate(parseDocument('rtxlog', text), makeContext({ ...DEFAULT_SETTINGS, mailServers, rules })).filter((f) => f.rule === ID);
}

const LINES = [
  '2026/11/27 10:00:00: [INSPECT] PP[01][out][200082] TCP 192.168.100.20:50100 > 198.51.100.80:443 (2026/11/27 10:00:00)',
  '2026/11/27 10:00:05: PP[01] Passed at OUT(41) filter: TCP 192.168.100.20:50101 > 203.0.113.25:25',
  '2026/11/27 10:02:11: [INSPECT] PP[01][out][200083] TCP 192.168.100.20:50102 > 198.51.100.25:25 (2026/11/27 10:02:11)',
  '2026/11/27 10:02:12: same message repeated 2 times',
  '2026/11/27 10:03:00: PP[01] Rejected at OUT(42) filter: TCP 192.168.100.37:50103 > 198.51.100.26:25',
];
const TEXT = LINES.join('\n');

test('SMTP that passed to an internet host: one warning on the first passed line of the host', () => {
  const f = findings(TEXT);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(TEXT.slice(f[0].range.start, f[0].range.end), LINES[1]);
  assert.equal(
    f[0].message,
    'SMTP from 192.168.100.20 to the internet passed the router: 4 packets to 2 hosts on port 25, first at 2026/11/27 10:00:05 (passed 3× at PP[01] OUT dynamic(200083), passed 1× at PP[01] OUT(41)). 192.168.100.20 is not a known mail server; only mail servers should reach port 25 on the internet.',
  );
  assert.deepEqual(f[0].data, { host: '192.168.100.20', passed: 4 });
});

test('passes to a known mail server are expected; the range moves to the first other one', () => {
  const f = findings(TEXT, ['203.0.113.25']);
  assert.equal(f.length, 1);
  assert.equal(TEXT.slice(f[0].range.start, f[0].range.end), LINES[2]);
  assert.match(f[0].message, /3 packets to 1 host on port 25, first at 2026\/11\/27 10:02:11 /);
  assert.deepEqual(findings(TEXT, ['203.0.113.25', '198.51.100.25']), []);
  // The host itself being a mail server.
  assert.deepEqual(findings(TEXT, ['192.168.100.20']), []);
});

test('only rejections, or the rule off: nothing', () => {
  assert.deepEqual(findings(LINES[4]), []);
  assert.deepEqual(findings(TEXT, [], { [ID]: 'off' }), []);
  assert.equal(findings(TEXT, [], { [ID]: 'info' })[0].severity, 'info');
});
