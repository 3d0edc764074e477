import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ZoneModel } from './model';
import { parseZone } from './parser';
import { rng } from '../testing';


function assertSane(text: string, m: ZoneModel): void {
  for (const p of m.problems) {
    assert.ok(p.range.start >= 0 && p.range.start <= p.range.end && p.range.end <= text.length, `${p.code} ${JSON.stringify(p.range)}`);
    assert.ok(p.message.length > 0);
  }
  for (const r of m.records) {
    for (const range of [r.range, r.ownerRange, r.typeRange, ...r.rdata.map((t) => t.range)]) {
      assert.ok(range.start >= 0 && range.start <= range.end && range.end <= text.length);
    }
    assert.ok(r.owner.endsWith('.'));
    for (const s of r.strings ?? []) {
      for (let i = 0; i < s.value.length; i++) {
        const d = s.docRange(i, i + 1);
        assert.ok(d.start >= 0 && d.end <= text.length);
      }
    }
  }
}

const ALPHABET = ' \t\n\r;()"\\$@.*-_0123456789aAbBhHmMsSwWdD#xXINTXSOAMPRCH\u0000\u00e9\u{1F600}';

test('random bytes never throw and every range lies inside the document', () => {
  const next = rng(20240101);
  for (let round = 0; round < 300; round++) {
    const len = Math.floor(next() * 400);
    let text = '';
    for (let i = 0; i < len; i++) {
      text += next() < 0.7 ? ALPHABET[Math.floor(next() * ALPHABET.length)] : String.fromCharCode(Math.floor(next() * 0x10000));
    }
    assertSane(text, parseZone(text));
  }
});

test('mutated valid zones never throw', () => {
  const base = [
    '$ORIGIN example.com.',
    '$TTL 1h',
    '@ IN SOA ns1 hostmaster ( 1 2h 15m 1w 300 ) ; soa',
    '  IN NS ns1',
    'ns1 A 192.0.2.1',
    'txt TXT "v=spf1 ip4:192.0.2.0/24 \\"q\\" -all" more',
    '$GENERATE 1-4 h$ A 192.0.2.$',
    'g TYPE65534 \\# 2 abcd',
  ].join('\n');
  const next = rng(7);
  for (let round = 0; round < 300; round++) {
    const chars = [...base];
    const edits = 1 + Math.floor(next() * 5);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(next() * chars.length);
      const op = next();
      if (op < 0.33) chars.splice(at, 1);
      else if (op < 0.66) chars.splice(at, 0, ALPHABET[Math.floor(next() * ALPHABET.length)]);
      else chars[at] = ALPHABET[Math.floor(next() * ALPHABET.length)];
    }
    const text = chars.join('');
    assertSane(text, parseZone(text));
  }
});

test('NUL bytes and binary-looking content', () => {
  const text = 'www A 192.0.2.1\u0000extra\n$T@\u0000 \u0001\u00ed 6\u00b6\u0000\u0000CNAME\u0000\n\u0013siARE  v\u00ff\n';
  const m = parseZone(text);
  assertSane(text, m);
  assert.ok(m.problems.some((p) => p.code === 'nul-byte'));
});

test('a 1 MB single line, a long run of parentheses and many unclosed quotes finish', () => {
  const line = 'a TXT ' + '"abcdefgh" '.repeat(100_000);
  assertSane(line, parseZone(line));
  const parens = 'a TXT ' + '('.repeat(200_000) + ')'.repeat(100_000);
  assertSane(parens, parseZone(parens));
  const quotes = 'a TXT "x\n'.repeat(50_000);
  const m = parseZone(quotes);
  assert.equal(m.problems.length, 50_000);
  const unclosed = 'a TXT ( "x"\n'.repeat(50_000);
  const u = parseZone(unclosed);
  assert.equal(u.records.length, 50_000);
  assert.equal(u.problems.length, 50_000);
});
