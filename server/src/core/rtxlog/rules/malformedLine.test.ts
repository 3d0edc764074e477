import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, parseDocument, validate } from '../../engine';
import { DEFAULT_SETTINGS } from '../../settings';
import { markers } from '../../testing';

const ID = 'log-malformed-line';

function check(src: string): void {
  const { text, ranges } = markers(src);
  const f = validate(parseDocument('rtxlog', text)).filter((x) => x.rule === ID);
  assert.deepEqual(
    f.map((x) => x.range),
    ranges,
    f.map((x) => x.message).join(' | '),
  );
  for (const x of f) assert.equal(x.severity, 'hint');
}

test('a cut-short filter line, bad fields and a broken header: hints on the bad parts, later lines still read', () => {
  check(
    [
      '2026/11/27 09:00:00: PP[01] Rejected at IN(2000) filter: TCP 198.51.100.77:999[[]]',
      '2026/11/27 09:00:01: PP[01] Rejected at OUT(42) filter: ICMP [[192.168.1.x]] > [[192.168.1.y]]',
      '2026/11/27 09:00:02: PP[01] Rejected at OUT(42) filter: TCP 192.168.1.5:[[70000]] > 198.51.100.4:25',
      '[[<300>]]PP[01] PPP/IPCP up',
      '[[2026/02/30 23:00:00]]: PP[01] PPP/IPCP up',
      '2026/11/27 09:00:03: [[PP[01] Rejected at OU]]',
      '2026/11/27 09:00:04: PP[01] Rejected at OUT(42) filter: TCP 192.168.1.5:1 > 198.51.100.4:25',
    ].join('\n'),
  );
});

test('clean lines of every kind give no hint', () => {
  check(
    [
      '2026/11/27 09:00:00: PP[01] PPP/IPCP up  (Local: 203.0.113.1, Remote: 203.0.113.254)',
      '<13> [INSPECT] PP[01][out][101] TCP 192.0.2.5:50000 > 198.51.100.80:80 (2016/02/23 10:59:24)',
      'Jun  7 18:54:51 192.0.2.1  [IKE][1] DPD: send R-U-THERE',
      'same message repeated 2 times',
      '',
      'free text the router might print',
    ].join('\n'),
  );
});

test('the rule can be turned off', () => {
  const text = 'PP[01] Rejected at IN(2000) filter: TCP 198.51.100.77:999';
  const ctx = makeContext({ ...DEFAULT_SETTINGS, rules: { [ID]: 'off' } });
  assert.deepEqual(validate(parseDocument('rtxlog', text), ctx), []);
});
