import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markers } from '../testing';
import type { ZoneModel, ZoneProblemCode, ZoneRecord } from './model';
import { parseZone } from './parser';

function summary(r: ZoneRecord): string {
  return `${r.owner} ${r.ttl ?? '-'} ${r.class} ${r.type} ${r.rdata.map((t) => t.text).join(' ')}`;
}

function records(text: string, origin?: string): string[] {
  return parseZone(text, { origin }).records.map(summary);
}

/** Parse a fixture whose `[[…]]` markers are the expected problem ranges, in order. */
function expectProblems(src: string, codes: ZoneProblemCode[], origin = 'example.com.'): ZoneModel {
  const { text, ranges } = markers(src);
  const model = parseZone(text, { origin });
  assert.deepEqual(
    model.problems.map((p) => ({ code: p.code, range: p.range })),
    codes.map((code, i) => ({ code, range: ranges[i] })),
    model.problems.map((p) => `${p.code} ${JSON.stringify(text.slice(p.range.start, p.range.end))}: ${p.message}`).join('\n'),
  );
  return model;
}

test('an empty or comment-only file has no records and no problems', () => {
  for (const text of ['', '\n\n', '; just a comment\n   ; indented comment\n', '\uFEFF']) {
    const m = parseZone(text);
    assert.equal(m.records.length, 0);
    assert.deepEqual(m.problems, []);
  }
});

test('a byte-order mark does not make the first line look indented', () => {
  const m = parseZone('\uFEFFwww A 192.0.2.1\n', { origin: 'example.com.' });
  assert.deepEqual(m.problems, []);
  assert.equal(m.records[0].owner, 'www.example.com.');
  assert.deepEqual(m.records[0].ownerRange, { start: 1, end: 4 });
});

test('$ORIGIN and $TTL apply to the records that follow', () => {
  const text = [
    '$ORIGIN Example.COM.',
    '$TTL 1h',
    '@ IN SOA ns1 hostmaster 1 2 3 4 5',
    'www A 192.0.2.1',
    '$ORIGIN sub',
    'host A 192.0.2.2',
    'abs.example.net. A 192.0.2.3',
  ].join('\n');
  const m = parseZone(text);
  assert.deepEqual(m.records.map(summary), [
    'example.com. 3600 IN SOA ns1 hostmaster 1 2 3 4 5',
    'www.example.com. 3600 IN A 192.0.2.1',
    'host.sub.example.com. 3600 IN A 192.0.2.2',
    'abs.example.net. 3600 IN A 192.0.2.3',
  ]);
  assert.deepEqual(m.problems, []);
  assert.deepEqual(
    m.directives.map((d) => d.kind),
    ['origin', 'ttl', 'origin'],
  );
  const second = m.directives[2];
  assert.equal(second.kind === 'origin' && second.name, 'sub.example.com.');
  assert.equal(second.recordIndex, 2);
  assert.equal(m.records[1].origin, 'example.com.');
  assert.equal(m.records[2].origin, 'sub.example.com.');
  assert.equal(m.records[0].ttlSource, 'default');
});

test('the origin given by the caller completes relative names; without one the root is used', () => {
  assert.deepEqual(records('www A 192.0.2.1\n@ NS ns1\n', 'example.org'), [
    'www.example.org. - IN A 192.0.2.1',
    'example.org. - IN NS ns1',
  ]);
  const m = parseZone('www A 192.0.2.1\n');
  assert.equal(m.records[0].owner, 'www.');
  assert.equal(m.originKnown, false);
  assert.equal(parseZone('', { origin: 'example.org' }).originKnown, true);
});

test('$INCLUDE is recorded with its file and origin, not read', () => {
  const m = parseZone('$ORIGIN example.com.\n$INCLUDE "sub zone.db" sub ; comment\n$INCLUDE other.db\nwww A 192.0.2.1\n');
  assert.deepEqual(m.problems, []);
  const [, inc1, inc2] = m.directives;
  assert.ok(inc1.kind === 'include' && inc2.kind === 'include');
  assert.equal(inc1.file, 'sub zone.db');
  assert.equal(inc1.origin, 'sub.example.com.');
  assert.equal(inc1.currentOrigin, 'example.com.');
  assert.equal(inc2.file, 'other.db');
  assert.equal(inc2.origin, undefined);
  assert.equal(m.records.length, 1);
});

test('$GENERATE fields are parsed', () => {
  const m = parseZone('$ORIGIN example.com.\n$GENERATE 1-100/2 host-$ 300 IN A 192.0.2.${0,3,d}\n');
  assert.deepEqual(m.problems, []);
  const g = m.directives[1];
  assert.ok(g.kind === 'generate');
  assert.deepEqual(
    [g.start, g.stop, g.step, g.lhs?.text, g.ttl, g.class, g.type, g.rhs?.text, g.origin],
    [1, 100, 2, 'host-$', 300, 'IN', 'A', '192.0.2.${0,3,d}', 'example.com.'],
  );
  const noStep = parseZone('$GENERATE 0-7 $ PTR host$.example.com.\n').directives[0];
  assert.ok(noStep.kind === 'generate');
  assert.deepEqual([noStep.start, noStep.stop, noStep.step, noStep.type], [0, 7, 1, 'PTR']);
});

test('a line starting with blanks inherits the previous owner', () => {
  const text = 'www\tIN A 192.0.2.1\n\t    IN AAAA 2001:db8::1\n  MX 10 mail\nmail A 192.0.2.9\n\tTXT "x"\n';
  const m = parseZone(text, { origin: 'example.com.' });
  assert.deepEqual(
    m.records.map((r) => r.owner),
    ['www.example.com.', 'www.example.com.', 'www.example.com.', 'mail.example.com.', 'mail.example.com.'],
  );
  const inherited = m.records[1];
  const lineStart = text.indexOf('\t    IN AAAA');
  assert.deepEqual(inherited.ownerRange, { start: lineStart, end: lineStart });
  assert.equal(inherited.lineStart, lineStart);
  assert.deepEqual(inherited.range, { start: text.indexOf('IN AAAA'), end: text.indexOf('2001:db8::1') + 11 });
});

test('owners across $ORIGIN changes: inherited owners keep their name, repeated ones follow the origin', () => {
  const m = parseZone('$ORIGIN a.\nwww A 192.0.2.1\n$ORIGIN b.\n  A 192.0.2.2\nwww A 192.0.2.3\nwww A 192.0.2.4\n');
  assert.deepEqual(
    m.records.map((r) => `${r.owner} ${r.origin}`),
    ['www.a. a.', 'www.a. b.', 'www.b. b.', 'www.b. b.'],
  );
});

test('class and TTL in either order, each optional; the class and TTL carry over', () => {
  const text = [
    '$ORIGIN example.com.',
    'a 300 IN A 192.0.2.1',
    'b IN 300 A 192.0.2.2',
    'c CH TXT "x"',
    'd A 192.0.2.4',
    'e 1h30m A 192.0.2.5',
    'f in a 192.0.2.6',
  ].join('\n');
  assert.deepEqual(records(text), [
    'a.example.com. 300 IN A 192.0.2.1',
    'b.example.com. 300 IN A 192.0.2.2',
    'c.example.com. 300 CH TXT "x"',
    'd.example.com. 300 CH A 192.0.2.4',
    'e.example.com. 5400 CH A 192.0.2.5',
    'f.example.com. 5400 IN A 192.0.2.6',
  ]);
  const m = parseZone(text);
  const b = m.records[1];
  assert.deepEqual(b.classRange, { start: text.indexOf('b IN') + 2, end: text.indexOf('b IN') + 4 });
  assert.deepEqual(b.ttlRange, { start: text.indexOf('b IN') + 5, end: text.indexOf('b IN') + 8 });
  assert.equal(m.records[3].ttlSource, 'previous');
  assert.equal(m.records[3].classRange, undefined);
});

test('TTL units are case-insensitive and add up', () => {
  const text = ['a 1W A 192.0.2.1', 'b 1w2D3h4M5s A 192.0.2.1', 'c 0 A 192.0.2.1', 'd 4294967295 A 192.0.2.1'].join('\n');
  assert.deepEqual(
    parseZone(text).records.map((r) => r.ttl),
    [604800, 604800 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5, 0, 4294967295],
  );
});

test('without $TTL the SOA minimum is used, then the last explicit TTL', () => {
  const m = parseZone('@ SOA ns1 host 1 2 3 4 1h\nwww A 192.0.2.1\nx 60 A 192.0.2.2\ny A 192.0.2.3\n', { origin: 'example.com' });
  assert.deepEqual(
    m.records.map((r) => [r.ttl, r.ttlSource]),
    [
      [3600, 'soa-minimum'],
      [3600, 'previous'],
      [60, 'explicit'],
      [60, 'previous'],
    ],
  );
  assert.equal(parseZone('www A 192.0.2.1\n').records[0].ttl, undefined);
});

test('parentheses span lines; comments inside them are skipped', () => {
  const text = [
    '@ IN SOA ns1.example.com. hostmaster.example.com. ( ; start',
    '        2024010101 ; serial',
    '',
    '        ; a whole comment line',
    '        1h 15m ( 1w ) ; nested parentheses',
    '        300 )',
    'www A 192.0.2.1',
  ].join('\n');
  const m = parseZone(text, { origin: 'example.com.' });
  assert.deepEqual(m.problems, []);
  assert.deepEqual(m.records.map(summary), [
    'example.com. 300 IN SOA ns1.example.com. hostmaster.example.com. 2024010101 1h 15m 1w 300',
    'www.example.com. 300 IN A 192.0.2.1',
  ]);
  assert.equal(m.records[0].range.end, text.indexOf('300 )') + 3);
});

test('quoted strings decode \\", \\\\, \\DDD and \\X, each character mapped to its document span', () => {
  const src = 'txt TXT "a\\"b\\\\c\\065\\x" plain\\032word ""\n';
  const m = parseZone(src, { origin: 'example.com.' });
  assert.deepEqual(m.problems, []);
  const strings = m.records[0].strings!;
  assert.deepEqual(
    strings.map((s) => s.value),
    ['a"b\\cAx', 'plain word', ''],
  );
  const open = src.indexOf('"a');
  const first = strings[0];
  // a  \"  b  \\  c  \065  \x
  const spans = [
    [1, 2],
    [2, 4],
    [4, 5],
    [5, 7],
    [7, 8],
    [8, 12],
    [12, 14],
  ].map(([s, e]) => ({ start: open + s, end: open + e }));
  assert.deepEqual(
    [...first.value].map((_, i) => first.docRange(i, i + 1)),
    spans,
  );
  const plain = strings[1];
  const at = src.indexOf('plain');
  assert.deepEqual(plain.docRange(5, 6), { start: at + 5, end: at + 9 });
  assert.deepEqual(plain.docRange(0, 10), { start: at, end: at + 13 });
  // An empty string maps to the position between its quotes.
  assert.equal(strings[2].docOffset(0), src.indexOf('""') + 1);
});

test('a quoted string keeps ; ( ) and blanks; an escaped quote does not end it', () => {
  const m = parseZone('t TXT "v=spf1 (a) ; \\" -all"\n');
  assert.deepEqual(m.problems, []);
  assert.equal(m.records[0].strings![0].value, 'v=spf1 (a) ; " -all');
});

test('strings are joined by MappedText.concat for SPF', async () => {
  const { MappedText } = await import('../text');
  const src = 'x TXT "v=spf1 " "-all"\n';
  const r = parseZone(src).records[0];
  const joined = MappedText.concat(r.strings!);
  assert.equal(joined.value, 'v=spf1 -all');
  assert.deepEqual(joined.docRange(7, 11), { start: src.indexOf('-all'), end: src.indexOf('-all') + 4 });
});

test('generic type and RDATA (RFC 3597)', () => {
  const src = 'a TYPE16 \\# 6 0568656C6C6F\nb TYPE65534 \\# 3 ( 01 0203 )\nc CLASS1 TYPE1 \\# 4 c0000201\n';
  const m = parseZone(src, { origin: 'example.com.' });
  assert.deepEqual(m.problems, []);
  assert.deepEqual(
    m.records.map((r) => [r.type, r.typeCode, r.class, r.generic]),
    [
      ['TXT', 16, 'IN', true],
      ['TYPE65534', 65534, 'IN', true],
      ['A', 1, 'IN', true],
    ],
  );
  const hello = m.records[0].strings!;
  assert.deepEqual(
    hello.map((s) => s.value),
    ['hello'],
  );
  const hex = src.indexOf('68656C');
  assert.deepEqual(hello[0].docRange(0, 1), { start: hex, end: hex + 2 });
});

test('owner names: lower-cased, escapes kept canonical, wildcards', () => {
  const m = parseZone('WWW.Example.COM. A 192.0.2.1\n*.Wild A 192.0.2.2\na\\.b\\065 A 192.0.2.3\n\\046x\\032y. A 192.0.2.4\n', {
    origin: 'Example.com',
  });
  assert.deepEqual(m.problems, []);
  assert.deepEqual(
    m.records.map((r) => r.owner),
    ['www.example.com.', '*.wild.example.com.', 'a\\.ba.example.com.', '\\.x\\ y.'],
  );
});

test('records of one type, and the record count, without materialising every record', () => {
  const m = parseZone('a A 192.0.2.1\nb TXT "x"\nc A 192.0.2.3\nd TYPE16 \\# 0\n', { origin: 'example.com.' });
  assert.equal(m.recordCount, 4);
  assert.deepEqual(
    m.recordsOfType('A').map((r) => r.owner),
    ['a.example.com.', 'c.example.com.'],
  );
  assert.deepEqual(
    m.recordsOfType('txt').map((r) => r.owner),
    ['b.example.com.', 'd.example.com.'],
  );
  assert.equal(m.recordsOfType(1)[0], m.records[0], 'the same record objects');
});

test('the record at an offset', () => {
  const text = 'a A 192.0.2.1 ; note\n\tTXT ( "x"\n  "y" )\n';
  const m = parseZone(text);
  assert.equal(m.recordAt(0)?.type, 'A');
  assert.equal(m.recordAt(text.indexOf('; note')), undefined, 'comments are outside records');
  assert.equal(m.recordAt(text.indexOf('"y"'))?.type, 'TXT');
  assert.equal(m.recordAt(text.indexOf('\tTXT')), undefined, 'the indentation is outside the record');
  assert.equal(m.recordAt(text.length), undefined);
});

test('error: unterminated quote is reported at the opening quote; the record keeps its text', () => {
  const m = expectProblems('txt TXT [["]]v=spf1 mx -all\nwww A 192.0.2.1\n', ['unterminated-quote']);
  assert.deepEqual(
    m.records.map((r) => r.owner),
    ['txt.example.com.', 'www.example.com.'],
  );
  assert.equal(m.records[0].strings![0].value, 'v=spf1 mx -all');
});

test('recovery: after an unterminated quote, lines that cannot start a record are skipped', () => {
  const m = expectProblems('a TXT [["]]v=spf1\n  include:x -all"\n\nb A 192.0.2.1\n\tAAAA 2001:db8::1\n', ['unterminated-quote']);
  assert.deepEqual(
    m.records.map((r) => `${r.owner} ${r.type}`),
    ['a.example.com. TXT', 'b.example.com. A', 'b.example.com. AAAA'],
  );
});

test('error: unclosed parenthesis at the opening char; the following records are still parsed', () => {
  const m = expectProblems(
    '@ SOA ns1 host [[(]] 1 2 3\n    4 5\nwww A 192.0.2.1\nmail A 192.0.2.2\n',
    ['unclosed-paren'],
  );
  assert.deepEqual(
    m.records.map((r) => `${r.owner} ${r.type} ${r.rdata.length}`),
    ['example.com. SOA 7', 'www.example.com. A 1', 'mail.example.com. A 1'],
  );
});

test('recovery: a second unclosed parenthesis is cut at the next record-like line too', () => {
  const m = expectProblems('a TXT [[(]] "x"\nb TXT [[(]] "y"\nc A 192.0.2.1\n', ['unclosed-paren', 'unclosed-paren']);
  assert.deepEqual(
    m.records.map((r) => r.owner),
    ['a.example.com.', 'b.example.com.', 'c.example.com.'],
  );
});

test('error: unbalanced closing parenthesis', () => {
  expectProblems('a A 192.0.2.1 [[)]]\n', ['unbalanced-paren']);
});

test('error: unknown type on the type token; an error on line 3 does not hide line 5', () => {
  const m = expectProblems(
    '$TTL 300\na A 192.0.2.1\nb IN [[AAA]] 2001:db8::1\nc A 192.0.2.3\nd A 192.0.2.4\n',
    ['unknown-type'],
  );
  assert.deepEqual(
    m.records.map((r) => r.owner),
    ['a.example.com.', 'c.example.com.', 'd.example.com.'],
  );
});

test('error: missing type, meta type, misplaced directive', () => {
  expectProblems('a 300 [[IN]]\nb [[AXFR]] x\n  [[$TTL]] 300\n', ['missing-type', 'meta-type', 'misplaced-directive']);
});

test('error: bad TTLs (unit missing, unknown unit, negative, out of range), duplicates', () => {
  expectProblems(
    'a [[1h30]] A 192.0.2.1\nb [[1x]] A 192.0.2.1\nc [[-1]] A 192.0.2.1\nd [[4294967296]] A 192.0.2.1\ne 1 IN [[2]] A 192.0.2.1\nf IN [[CH]] A 192.0.2.1\n',
    ['bad-ttl', 'bad-ttl', 'bad-ttl', 'bad-ttl', 'duplicate-ttl', 'duplicate-class'],
  );
});

test('error: class ANY or NONE in zone data', () => {
  expectProblems('a [[ANY]] A 192.0.2.1\n', ['bad-class']);
});

test('error: no owner for the first record', () => {
  const m = expectProblems('   [[IN]] A 192.0.2.1\nwww A 192.0.2.2\n', ['no-owner']);
  assert.equal(m.records.length, 1);
});

test('error: owner that is a quoted string', () => {
  expectProblems('[["www"]] A 192.0.2.1\n', ['bad-owner']);
});

test('error: name and label length limits, empty labels', () => {
  const label64 = 'x'.repeat(64);
  const long = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}`;
  expectProblems(
    `[[${label64}]].example.com. A 192.0.2.1\na.[[.]]b A 192.0.2.1\n[[.]]a A 192.0.2.1\n[[${long}]] A 192.0.2.1\n`,
    ['label-too-long', 'empty-label', 'empty-label', 'name-too-long'],
  );
  // 63 octets written with an escape, and 255 octets exactly, are fine.
  const max = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}.`;
  const ok = parseZone(`${'x'.repeat(62)}\\046 A 192.0.2.1\n${max} A 192.0.2.1\n`);
  assert.deepEqual(ok.problems, []);
});

test('error: bad escapes and NUL bytes', () => {
  expectProblems(
    'a TXT "[[\\25]]x" [[\\256]]\nb TXT x[[\\]]',
    ['short-escape', 'bad-escape', 'bad-escape'],
  );
  expectProblems('www A 192.0.2.1[[\0\0]]extra\nt TXT "a[[\0\0\0]]b"\n', ['nul-byte', 'nul-byte']);
});

test('error: RDATA missing, unknown type without generic form, string longer than 255', () => {
  const long = 'x'.repeat(256);
  expectProblems(`a [[A]]\nb TYPE65534 [[abc def]]\nc TXT "ok" [["${long}"]]\nd APL\n`, ['missing-rdata', 'generic-required', 'string-too-long']);
});

test('error: malformed generic RDATA', () => {
  expectProblems(
    'a TYPE1 [[\\#]]\nb TYPE1 \\# [[x]] 00\nc TYPE1 \\# [[4]] c00002\nd TYPE1 \\# 1 [[zz]]\ne TYPE1 \\# 1 [[0 0 0]]\n',
    ['bad-generic-rdata', 'bad-generic-rdata', 'bad-generic-rdata', 'bad-generic-rdata', 'bad-generic-rdata'],
  );
});

test('error: directives without or with extra arguments, unknown directive', () => {
  expectProblems(
    '[[$ORIGIN]]\n[[$TTL]] ; none\n$TTL 300 [[extra]]\n$ORIGIN a. [[b. c.]]\n[[$FOO]] bar\n$TTL [[1y]]\n[[$INCLUDE]]\n',
    ['missing-argument', 'missing-argument', 'extra-argument', 'extra-argument', 'unknown-directive', 'bad-ttl', 'missing-argument'],
  );
});

test('error: $GENERATE range and templates', () => {
  expectProblems(
    [
      '$GENERATE [[9--10]] host$ A 192.0.2.$',
      '$GENERATE [[5-4]] host$ A 192.0.2.$',
      '$GENERATE [[0-4/0]] host$ A 192.0.2.$',
      '$GENERATE 0-7 host$ A 1.2.3.[[${1,0,dgarbage}]]',
      '$GENERATE 0-7 host$ A 1.2.3.[[${1000]]',
      '$GENERATE 0-7 host$ [[TKEY]] x',
      '$GENERATE 0-7 host$ [[A]]',
    ].join('\n'),
    ['bad-generate', 'bad-generate', 'bad-generate', 'bad-generate', 'bad-generate', 'meta-type', 'missing-argument'],
  );
  assert.deepEqual(parseZone('$GENERATE 1024-1026 ${-2000,0,n} AAAA 2001:db8::${0,4,x}\n').problems, []);
});

test('CRLF and lone CR line breaks', () => {
  const m = parseZone('a A 192.0.2.1\r\nb A 192.0.2.2\rc ( A\r\n 192.0.2.3 )\r\n', { origin: 'example.com.' });
  assert.deepEqual(m.problems, []);
  assert.deepEqual(
    m.records.map((r) => r.owner + ' ' + r.rdata.map((t) => t.text).join(' ')),
    ['a.example.com. 192.0.2.1', 'b.example.com. 192.0.2.2', 'c.example.com. 192.0.2.3'],
  );
});

test('an escaped line break continues the token, as in BIND', () => {
  const m = parseZone('t TXT "line one\\\nline two"\nnext A 192.0.2.1\n');
  assert.deepEqual(m.problems, []);
  assert.equal(m.records[0].strings![0].value, 'line one\nline two');
  assert.equal(m.records[1].owner, 'next.');
});

test('error: TXT data over 65535 octets (RDLENGTH is 16 bits); up to 65535 is valid, over 65512 noted for BIND', () => {
  // 257 strings of 254 octets: 257 × 255 = 65535 octets with their length octets.
  const fits = Array(257).fill(`"${'y'.repeat(254)}"`).join(' ');
  expectProblems(`a TXT ( [[${fits}]] )\n`, ['rdata-over-message']);
  // 256 such strings and one of 231 octets: 65512 octets, what a DNS message can carry.
  expectProblems(`a TXT ( ${Array(256).fill(`"${'y'.repeat(254)}"`).join(' ')} "${'z'.repeat(231)}" )\n`, []);
  const over = `[[${fits} "z"]]`;
  const m = expectProblems(`a TXT ( ${over} )\n`, ['rdata-too-long']);
  assert.match(m.problems[0].message, /The TXT data is 65537 octets; a record holds at most 65535/);
});

test('a stray quote in an owner breaks its own line only (BIND: the quote ends the owner)', () => {
  const m = expectProblems('a[["]]\tNS\t@\na[["]]b\tNS @\n[["]]b NS @\nc NS @\n\tNS @\n', ['unterminated-quote', 'unterminated-quote', 'unterminated-quote']);
  assert.deepEqual(
    m.records.map((r) => r.owner),
    ['c.example.com.', 'c.example.com.'],
  );
});
