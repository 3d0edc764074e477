import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hover, makeContext, parseDocument, quickFixes, validate } from '../engine';
import { DEFAULT_SETTINGS } from '../settings';
import { applyEdits, rng } from '../testing';
import type { Range } from '../types';
import type { RtxModel } from './model';
import { CONFIG_A } from './testdata';


const CTX = makeContext({ ...DEFAULT_SETTINGS, mailServers: ['203.0.113.25', '2001:db8::25'] });

function inside(r: Range, len: number, what: string): void {
  assert.ok(Number.isInteger(r.start) && Number.isInteger(r.end), `${what}: non-integer range`);
  assert.ok(0 <= r.start && r.start <= r.end && r.end <= len, `${what}: range ${r.start}-${r.end} outside 0-${len}`);
}

/** Parses, validates, hovers and fixes; asserts nothing throws and every range is inside the text. */
function exercise(text: string, random: () => number = rng(1)): void {
  const doc = parseDocument('rtx', text);
  const m = doc.model as RtxModel;
  const len = text.length;
  for (const c of m.commands) {
    inside(c.range, len, 'command');
    inside(c.lineRange, len, 'line');
    for (const t of c.tokens) {
      inside(t.range, len, 'token');
      if (t.value.length) inside(t.map.docRange(0, t.value.length), len, 'token map');
    }
  }
  for (const p of m.problems) {
    inside(p.range, len, 'problem');
    assert.ok(!p.message.startsWith('internal parser error'), p.message);
    assert.ok(p.message.length < 400, `message too long: ${p.message.length}`);
  }
  for (const r of m.comments) inside(r, len, 'comment');
  for (const h of m.heredocs) inside(h.content, len, 'heredoc');
  const findings = validate(doc, CTX);
  for (const f of findings) {
    inside(f.range, len, `finding ${f.rule}`);
    assert.ok(!f.message.startsWith('Internal error'), f.message);
    for (const r of f.related ?? []) inside(r.range, len, 'related');
    for (const fix of quickFixes(doc, f, CTX)) {
      for (const e of fix.edits) inside(e.range, len, `edit of ${fix.title}`);
      applyEdits(text, fix.edits);
    }
  }
  const probes = [0, len, ...Array.from({ length: 40 }, () => Math.floor(random() * (len + 1)))];
  for (const o of probes) {
    const h = hover(doc, o, CTX);
    if (h) inside(h.range, len, 'hover');
  }
}

test('random bytes never throw and keep every range in the document', () => {
  const r = rng(42);
  for (let n = 0; n < 200; n++) {
    const bytes = Array.from({ length: Math.floor(r() * 600) }, () => Math.floor(r() * 256));
    exercise(String.fromCharCode(...bytes), r);
    exercise(new TextDecoder('utf-8').decode(new Uint8Array(bytes)), r);
  }
});

test('Shift_JIS-ish garbage mixed into config lines', () => {
  const r = rng(7);
  let decoder: { decode(b: Uint8Array): string };
  try {
    decoder = new TextDecoder('shift_jis');
  } catch {
    decoder = new TextDecoder('latin1');
  }
  for (let n = 0; n < 100; n++) {
    const bytes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const lead = r() < 0.5 ? 0x81 + Math.floor(r() * 0x1f) : 0xe0 + Math.floor(r() * 0x10);
      bytes.push(lead, 0x40 + Math.floor(r() * 0xbc));
      if (r() < 0.1) bytes.push(0x0d, 0x0a);
      if (r() < 0.05) bytes.push(0x5c, 0x22, 0x27, 0x23, 0x20); // \ " ' # space
    }
    const junk = decoder.decode(new Uint8Array(bytes));
    const lines = CONFIG_A.split('\n');
    const at = Math.floor(r() * lines.length);
    lines.splice(at, 0, junk, `description lan1 ${junk.slice(0, 40)}`, `ip filter 7 pass ${junk.slice(0, 20)} *`);
    exercise(lines.join(r() < 0.5 ? '\n' : '\r\n'), r);
  }
});

test('token soup of config words', () => {
  const words = [
    'ip', 'ipv6', 'filter', 'dynamic', 'pp', 'tunnel', 'select', 'none', 'anonymous', 'secure', 'in', 'out', 'name', 'no',
    'lan1', 'lan2', 'tunnel1', 'route', 'default', 'gateway', 'address', 'dhcp', 'nat', 'descriptor', 'type', 'masquerade',
    'pppoe', 'use', 'pass', 'reject-log', 'restrict', '*', '1', '41', '200099', '192.168.100.0/24', '10.*.1.1', '-1.2.3.4',
    'tcp,udp', 'icmp', 'tcpflag=0x2/0x17', 'smtp', 'ftp', 'netbios_ns-netbios_ssn', '1-', '-', ',', '"', "'", '\\', '#',
    '<<EOF', 'EOF', 'embedded', 'file', 'macro', 'scope', '192.168.100.2-192.168.100.191/24', 'syslog=on', 'timeout=x',
  ];
  const r = rng(99);
  for (let n = 0; n < 150; n++) {
    const lines: string[] = [];
    for (let l = 0; l < 40; l++) {
      const k = Math.floor(r() * 9);
      const indent = r() < 0.3 ? ' ' : '';
      lines.push(indent + Array.from({ length: k }, () => words[Math.floor(r() * words.length)]).join(r() < 0.9 ? ' ' : '\t'));
    }
    exercise(lines.join('\n'), r);
  }
});

test('5000-character lines and unknown commands', () => {
  const long = [
    `ip filter 1 pass ${'a,'.repeat(2500)} *`,
    `ip filter 2 pass * * tcp ${'-'.repeat(5000)} smtp`,
    `ip filter 3 pass * * ${'tcp,'.repeat(1250)}`,
    `ip lan1 secure filter in ${'1 '.repeat(2500)}`,
    `description 1 "${'x'.repeat(5000)}`,
    `frobnicate ${'y'.repeat(5000)}`,
    `pp select ${'9'.repeat(5000)}`,
    `${'\\'.repeat(5000)}`,
  ];
  exercise([CONFIG_A, ...long, 'quux on', 'ip filter 4 pass * * tcp * smtp'].join('\n'));
  for (const l of long) exercise(l);
});

test('large inputs stay linear', () => {
  const big = CONFIG_A.repeat(400); // ~22k lines
  const t0 = Date.now();
  const doc = parseDocument('rtx', big);
  validate(doc, CTX);
  assert.ok(Date.now() - t0 < 10_000, `took ${Date.now() - t0} ms`);
  const line = `ip filter 5 pass * * tcp * ${'-,'.repeat(200_000)}`;
  const t1 = Date.now();
  validate(parseDocument('rtx', line), CTX);
  assert.ok(Date.now() - t1 < 5_000, `long line took ${Date.now() - t1} ms`);
});
