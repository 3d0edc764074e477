import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hover, makeContext, parseDocument, validate } from '../engine';
import { DEFAULT_SETTINGS } from '../settings';
import type { Range } from '../types';
import type { LogModel } from './model';
import { rng } from '../testing';


const CTX = makeContext({ ...DEFAULT_SETTINGS, mailServers: ['203.0.113.25', '2001:db8::25', 'not an address'] });

const SEEDS = [
  '2026/11/27 09:12:01: PP[01] Rejected at OUT(42) filter: TCP 192.168.100.37:63579 > 198.51.100.25:25',
  '<13> LAN2 Passed at IN(80) filter: UDP 203.0.113.53:53 > 192.168.1.253:10707 (DNS response)',
  '<189>[INSPECT] LAN2[out][101100] TCP 2001:db8::5.50000 > [2001:db8::25]:25 (2020/01/23 14:12:42)',
  'Nov 27 09:12:01 router1 <13>1 2026-11-27T09:12:01Z RTX - - - [a b="c\\]"] TUNNEL[1] Rejected at IN(300) filter: UDP 10.0.0.1:67 > 10.0.0.2:68',
  'same message repeated 3 times',
  'LAN1(port3) Rejected at IN(1) filter: 02:00:5e:10:00:01 > 02:00:5e:10:00:02 IP6',
  '[NAT(1000):LAN2] Released UDP 172.16.20.3.44249 <-> 192.168.20.254.10708 ==> 172.16.20.1.53',
];

const inside = (r: Range, len: number, what: string): void => {
  assert.ok(Number.isInteger(r.start) && Number.isInteger(r.end), `${what}: non-integer range`);
  assert.ok(0 <= r.start && r.start <= r.end && r.end <= len, `${what}: range ${r.start}-${r.end} outside 0-${len}`);
};

/** Parses, validates and hovers everywhere; nothing may throw and every range must be inside the text. */
function exercise(text: string): void {
  const doc = parseDocument('rtxlog', text);
  const m = doc.model as LogModel;
  for (const e of m.entries) {
    inside(e.range, text.length, 'entry');
    inside(e.message, text.length, 'message');
    for (const p of e.problems ?? []) inside(p.range, text.length, 'problem');
  }
  for (const f of validate(doc, CTX)) {
    inside(f.range, text.length, f.rule);
    assert.ok(!f.message.startsWith('Internal error'), f.message);
  }
  for (let o = 0; o <= text.length; o += Math.max(1, Math.floor(text.length / 200))) {
    const h = hover(doc, o, CTX);
    if (h) inside(h.range, text.length, 'hover');
  }
}

test('random mutations of real-shaped lines never throw and keep ranges inside the text', () => {
  const random = rng(25);
  const alphabet = ' \t\r\n[]<>():.,-/0123456789abcdefABCDEFxyzINOUTPL*"\\\u0000\u00e9\u3042\ud83d\ude00';
  for (let round = 0; round < 400; round++) {
    const lines: string[] = [];
    for (let k = 0; k < 1 + Math.floor(random() * 6); k++) {
      let s = SEEDS[Math.floor(random() * SEEDS.length)];
      for (let edits = Math.floor(random() * 6); edits > 0; edits--) {
        const at = Math.floor(random() * (s.length + 1));
        const op = random();
        if (op < 0.4) s = s.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + s.slice(at);
        else if (op < 0.8) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(random() * 5));
        else s = s.slice(0, at);
      }
      lines.push(s);
    }
    exercise(lines.join(random() < 0.5 ? '\n' : '\r\n'));
  }
});

test('random bytes never throw', () => {
  const random = rng(7);
  for (let round = 0; round < 200; round++) {
    let s = '';
    for (let i = 0; i < 200; i++) s += String.fromCharCode(Math.floor(random() * 0x80) + (random() < 0.1 ? 0xd800 : 0));
    exercise(s);
  }
});

test('pathological long lines are read in linear time', () => {
  const patterns = ['[', '<1', '<13>1 ', 'Rejected at ', 'PP[01] Rejected at OUT(1) filter: TCP ', ':', '2001:db8::', '[in][', '1.', ' ', '-', 'Nov 27 09:12:01 '];
  for (const p of patterns) {
    const text = p.repeat(Math.ceil(200000 / p.length));
    const t0 = performance.now();
    exercise(text);
    exercise(`${text}\n${text.slice(0, 1000)}\n${text}`);
    const ms = performance.now() - t0;
    assert.ok(ms < 5000, `'${p}' x ${text.length}: ${Math.round(ms)} ms`);
  }
});
