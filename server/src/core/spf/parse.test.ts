import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MappedText } from '../text';
import { isSpfRecord, parseSpf, type MacroPart, type SpfMechanism, type SpfModifier, type SpfRecord } from './parse';

/** Document offset of the value in these tests: ranges must be shifted by it. */
const AT = 100;

function parse(value: string): SpfRecord {
  return parseSpf(MappedText.contiguous(value, AT));
}

/** Value span of the `n`-th occurrence of `sub` in `value`. */
function span(value: string, sub: string, n = 0): { start: number; end: number } {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = value.indexOf(sub, i + 1);
    assert.ok(i >= 0, `'${sub}' not in '${value}'`);
  }
  return { start: i, end: i + sub.length };
}

function assertPart(value: string, p: { start: number; end: number; text: string; range: { start: number; end: number } } | undefined, sub: string, n = 0): void {
  assert.ok(p, `missing part '${sub}'`);
  const s = span(value, sub, n);
  assert.deepEqual({ start: p.start, end: p.end, text: p.text }, { ...s, text: sub });
  assert.deepEqual(p.range, { start: s.start + AT, end: s.end + AT });
}

function mech(r: SpfRecord, i: number): SpfMechanism {
  const t = r.terms[i];
  assert.equal(t.kind, 'mechanism', `term ${i} '${t.text}' is ${t.kind}`);
  return t as SpfMechanism;
}

function mod(r: SpfRecord, i: number): SpfModifier {
  const t = r.terms[i];
  assert.equal(t.kind, 'modifier', `term ${i} '${t.text}' is ${t.kind}`);
  return t as SpfModifier;
}

/** Errors as `code:text` with their exact spans checked against the value. */
function errors(value: string): string[] {
  const r = parse(value);
  return r.errors.map((e) => {
    assert.deepEqual(e.range, { start: e.start + AT, end: e.end + AT });
    return `${e.code}:${value.slice(e.start, e.end)}`;
  });
}

test('record selection (RFC 7208 §4.5): v=spf1 case-insensitively, then SP or the end', () => {
  for (const v of ['v=spf1', 'v=spf1 -all', 'V=SPF1 -all', 'v=SpF1 ~all', 'v=spf1 ']) assert.equal(isSpfRecord(v), true, v);
  for (const v of ['', 'v=spf1mx', 'v=spf10', ' v=spf1 -all', 'v=spf1\t-all', 'v-spf1 -all', 'spf2.0/pra -all', 'v=DKIM1; p=x']) {
    assert.equal(isSpfRecord(v), false, JSON.stringify(v));
  }
});

test('every term kind, with qualifiers, names and arguments', () => {
  const v =
    'v=spf1 +all -include:_spf.example.com ~a ?mx ptr ip4:192.0.2.0/24 ip6:2001:db8::/32 exists:%{i}.x.example.com redirect=_spf.example.com exp=explain.example.com foo=bar';
  const r = parse(v);
  assert.deepEqual(r.errors, []);
  assertPart(v, r.version, 'v=spf1');
  assert.deepEqual(
    r.terms.map((t) => [t.kind, t.kind === 'mechanism' ? t.mechanism : t.kind === 'modifier' ? t.modifier ?? `?${t.name.text}` : '', t.kind === 'mechanism' ? t.qualifier : '']),
    [
      ['mechanism', 'all', '+'],
      ['mechanism', 'include', '-'],
      ['mechanism', 'a', '~'],
      ['mechanism', 'mx', '?'],
      ['mechanism', 'ptr', '+'],
      ['mechanism', 'ip4', '+'],
      ['mechanism', 'ip6', '+'],
      ['mechanism', 'exists', '+'],
      ['modifier', 'redirect', ''],
      ['modifier', 'exp', ''],
      ['modifier', '?foo', ''],
    ],
  );
  const all = mech(r, 0);
  assertPart(v, all, '+all');
  assertPart(v, all.qualifierPart, '+');
  assertPart(v, all.name, 'all');
  const inc = mech(r, 1);
  assertPart(v, inc.qualifierPart, '-');
  assertPart(v, inc.name, 'include');
  assertPart(v, inc.argument, ':_spf.example.com');
  assertPart(v, inc.domain, '_spf.example.com');
  assert.equal(mech(r, 4).qualifierPart, undefined, 'ptr has no explicit qualifier');
  const ip4 = mech(r, 5);
  assertPart(v, ip4.network, '192.0.2.0');
  assertPart(v, ip4.cidr4, '/24');
  assert.equal(ip4.cidr4?.length, 24);
  const ip6 = mech(r, 6);
  assertPart(v, ip6.network, '2001:db8::');
  assertPart(v, ip6.cidr6, '/32');
  assert.equal(ip6.cidr6?.length, 32);
  assertPart(v, mech(r, 7).domain, '%{i}.x.example.com');
  const red = mod(r, 8);
  assertPart(v, red.name, 'redirect');
  assertPart(v, red.equals, '=', 1);
  assertPart(v, red.value, '_spf.example.com', 1);
  assertPart(v, mod(r, 9).value, 'explain.example.com');
  const foo = mod(r, 10);
  assertPart(v, foo.name, 'foo');
  assertPart(v, foo.value, 'bar');
});

test('mechanism names and macro letters are case-insensitive', () => {
  const r = parse('v=spf1 INCLUDE:_spf.%{D}.example.com Ip4:192.0.2.1 -ALL REDIRECT=x.example.com');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.terms.map((t) => (t.kind === 'mechanism' ? t.mechanism : t.kind === 'modifier' ? t.modifier : '')), ['include', 'ip4', 'all', 'redirect']);
});

test('separators: one or more spaces, trailing spaces, the empty record', () => {
  assert.deepEqual(parse('v=spf1   a    -all   ').terms.map((t) => t.text), ['a', '-all']);
  assert.deepEqual(parse('v=spf1   a    -all   ').errors, []);
  const empty = parse('v=spf1');
  assert.deepEqual([empty.terms, empty.errors], [[], []]);
});

test('dual-cidr-length of a and mx', () => {
  const v = 'v=spf1 a/24//64 a:example.com/24//64 mx//64 mx:mx.example.com/0 a//0 a:foo:bar/baz.example.com';
  const r = parse(v);
  assert.deepEqual(r.errors, []);
  const a = mech(r, 0);
  assertPart(v, a.cidr4, '/24');
  assertPart(v, a.cidr6, '//64');
  assert.deepEqual([a.cidr4?.length, a.cidr6?.length, a.domain], [24, 64, undefined]);
  const b = mech(r, 1);
  assertPart(v, b.domain, 'example.com');
  assertPart(v, b.cidr4, '/24', 1);
  assertPart(v, b.cidr6, '//64', 1);
  const m = mech(r, 2);
  assert.deepEqual([m.cidr4, m.cidr6?.length], [undefined, 64]);
  assert.equal(mech(r, 3).cidr4?.length, 0);
  assert.equal(mech(r, 4).cidr6?.length, 0);
  // `/` is a legal macro-literal: only a trailing /digits is a prefix length.
  const c = mech(r, 5);
  assertPart(v, c.domain, 'foo:bar/baz.example.com');
  assert.deepEqual([c.cidr4, c.cidr6], [undefined, undefined]);
});

test('bad prefix lengths of a and mx are cidr errors on the length', () => {
  assert.deepEqual(errors('v=spf1 a/33 -all'), ['cidr:/33']);
  assert.deepEqual(errors('v=spf1 mx//129 -all'), ['cidr://129']);
  assert.deepEqual(errors('v=spf1 a:example.com/024'), ['cidr:/024']);
  assert.deepEqual(errors('v=spf1 a:example.com/'), ['cidr:/']);
  assert.deepEqual(errors('v=spf1 mx//'), ['cidr://']);
  assert.deepEqual(errors('v=spf1 a/24/64 -all'), ['cidr:/24/64']);
  assert.deepEqual(errors('v=spf1 a///64'), ['cidr:/']);
});

test('ip4 and ip6 values', () => {
  const ok = ['ip4:192.0.2.1', 'ip4:0.0.0.0/0', 'ip4:255.255.255.255/32', 'ip6:::FFFF:1.2.3.4', 'ip6:Cafe:Babe:8000::/33', 'ip6:::/0', 'ip6:2001:db8::1/128', 'ip6:::1.1.1.1/0', 'ip6:1a0a:cccc::/29'];
  for (const t of ok) assert.deepEqual(errors(`v=spf1 ${t}`), [], t);
  const bad: [string, string][] = [
    ['ip4:AAA.BBB.CCC.DDD', 'ip4-address:AAA.BBB.CCC.DDD'],
    ['ip4:192.0.2.300', 'ip4-address:192.0.2.300'],
    ['ip4:010.0.0.1', 'ip4-address:010.0.0.1'],
    ['ip4:10.1', 'ip4-address:10.1'],
    ['ip4:0x0a.0.0.1', 'ip4-address:0x0a.0.0.1'],
    ['ip4:1.2.3.4.5', 'ip4-address:1.2.3.4.5'],
    ['ip4:1.2.3.4:8080', 'ip4-address:1.2.3.4:8080'],
    ['ip4:2001:db8::1', 'ip4-address:2001:db8::1'],
    ['ip4:10.0.0.0/33', 'ip-prefix:/33'],
    ['ip4:10.0.0.0/032', 'ip-prefix:/032'],
    ['ip4:10.0.0.0/', 'ip-prefix:/'],
    ['ip4:1.2.3.4//32', 'ip-prefix://32'],
    ['ip6:2001:db8::/129', 'ip-prefix:/129'],
    ['ip6:::1.1.1.1//33', 'ip-prefix://33'],
    ['ip6::CAFE::BABE', 'ip6-address::CAFE::BABE'],
    ['ip6:2001:db8:::1', 'ip6-address:2001:db8:::1'],
    ['ip6:12345::', 'ip6-address:12345::'],
    ['ip6:fe80::1%eth0', 'ip6-address:fe80::1%eth0'],
    ['ip6:::ffff:010.0.0.1', 'ip6-address:::ffff:010.0.0.1'],
    ['ip6:192.0.2.1', 'ip6-address:192.0.2.1'],
  ];
  for (const [t, e] of bad) assert.deepEqual(errors(`v=spf1 ${t} -all`), [e], t);
  // Both problems at once are both reported.
  assert.deepEqual(errors('v=spf1 ip4:1.2.3/99'), ['ip4-address:1.2.3', 'ip-prefix:/99']);
  // An empty address points at the whole term.
  assert.deepEqual(errors('v=spf1 ip4:/24'), ['ip4-address:ip4:']);
});

test('ip error messages say what is wrong', () => {
  const msg = (v: string) => parse(v).errors[0]?.message ?? '';
  assert.match(msg('v=spf1 ip4:AAA.BBB.CCC.DDD'), /placeholder/);
  assert.match(msg('v=spf1 ip4:010.0.0.1'), /leading zero/);
  assert.match(msg('v=spf1 ip4:192.0.2.300'), /300, outside 0–255/);
  assert.match(msg('v=spf1 ip4:2001:db8::1'), /ip6:2001:db8::1/);
  assert.match(msg('v=spf1 ip6:192.0.2.1'), /ip4:192.0.2.1/);
  assert.match(msg('v=spf1 ip4:10.0.0.0/33'), /larger than 32/);
});

test('macro-strings: expansions, transformers, delimiters and escapes', () => {
  const v = 'v=spf1 exists:%{ir}.%{l1r-}.%{D2}.%{s.+,/_=}_spf.%{d} a:macro%%percent%_%_space%-url.example.com';
  const r = parse(v);
  assert.deepEqual(r.errors, []);
  const parts = mech(r, 0).domain!.parts;
  const macros = parts.filter((p): p is Extract<MacroPart, { kind: 'macro' }> => p.kind === 'macro');
  assert.deepEqual(
    macros.map((m) => [m.text, m.letter, m.digits, m.reverse, m.delimiters]),
    [
      ['%{ir}', 'i', undefined, true, ''],
      ['%{l1r-}', 'l', 1, true, '-'],
      ['%{D2}', 'D', 2, false, ''],
      ['%{s.+,/_=}', 's', undefined, false, '.+,/_='],
      ['%{d}', 'd', undefined, false, ''],
    ],
  );
  assertPart(v, macros[1], '%{l1r-}');
  assert.deepEqual(parts.map((p) => p.kind).join(','), 'macro,literal,macro,literal,macro,literal,macro,literal,macro');
  const esc = mech(r, 1).domain!.parts;
  assert.deepEqual(
    esc.map((p) => `${p.kind}:${p.text}`),
    ['literal:macro', 'escape:%%', 'literal:percent', 'escape:%_', 'escape:%_', 'literal:space', 'escape:%-', 'literal:url.example.com'],
  );
  assertPart(v, esc[6], '%-');
});

test('bad macros are reported on the macro', () => {
  assert.deepEqual(errors('v=spf1 a:%{a}.example.com'), ['macro:%{a}']);
  assert.deepEqual(errors('v=spf1 a:%{d0}.example.com'), ['macro:%{d0}']);
  assert.deepEqual(errors('v=spf1 a:%{}.example.com'), ['macro:%{}']);
  assert.deepEqual(errors('v=spf1 a:%{d2x}.example.com'), ['macro:%{d2x}']);
  assert.deepEqual(errors('v=spf1 exists:%(ir).sbl.example.com'), ['macro:%(']);
  assert.deepEqual(errors('v=spf1 exists:foo%.sbl.example.com'), ['macro:%.']);
  assert.deepEqual(errors('v=spf1 -all foo=%abc'), ['macro:%a']);
  assert.deepEqual(errors('v=spf1 -all foo=abc%'), ['macro:%']);
  assert.deepEqual(errors('v=spf1 exists:%{d.example.com'), ['macro:%{d.example.com']);
  // Unterminated before the next macro: the next one is still parsed.
  assert.deepEqual(errors('v=spf1 exists:%{d%{z}.example.com'), ['macro:%{d', 'macro:%{z}']);
});

test('c, r and t are allowed only in explanation text, not in domain-specs', () => {
  assert.deepEqual(errors('v=spf1 -all exp=%{r}.example.com'), ['macro:%{r}']);
  assert.deepEqual(errors('v=spf1 exists:%{c}.example.com'), ['macro:%{c}']);
  assert.deepEqual(errors('v=spf1 redirect=%{t}.example.com'), ['macro:%{t}']);
  // Unknown modifiers are not expanded: any macro letter is fine there.
  assert.deepEqual(errors('v=spf1 -all note=%{c}%{r}%{t}'), []);
});

test('domain-end: "." toplabel [ "." ] or a macro', () => {
  for (const d of ['foo.example.com', 'foo.example.com.', '%{d}', 'foo.%{d}', 'foo.example.xn--zckzah', '.com', '%{d}.example.com', 'foo%-']) {
    assert.deepEqual(errors(`v=spf1 a:${d}`), [], d);
  }
  const bad: [string, string][] = [
    ['a:museum', 'domain-end:museum'],
    ['a:museum.', 'domain-end:museum.'],
    ['a:abc.123', 'domain-end:abc.123'],
    ['a:111.222.33.44', 'domain-end:111.222.33.44'],
    ['a:example.-com', 'domain-end:example.-com'],
    ['a:example.com:8080', 'domain-end:example.com:8080'],
    ['a:foo-bar', 'domain-end:foo-bar'],
    ['redirect=-all', 'domain-end:-all'],
    ['exp=-all', 'domain-end:-all'],
    ['include:foo.example.com/24', 'unexpected-argument:/24'],
    ['exists:mail.example.com/24', 'unexpected-argument:/24'],
  ];
  for (const [t, e] of bad) assert.deepEqual(errors(`v=spf1 ${t} -all`), [e], t);
  assert.match(parse('v=spf1 a:111.222.33.44').errors[0].message, /ip4:111\.222\.33\.44/);
});

test('missing, empty and unexpected arguments', () => {
  const cases: [string, string][] = [
    ['include', 'missing-argument:include'],
    ['exists', 'missing-argument:exists'],
    ['-ip4', 'missing-argument:-ip4'],
    ['ip6', 'missing-argument:ip6'],
    ['include:', 'empty-domain:include:'],
    ['~exists:', 'empty-domain:~exists:'],
    ['a:', 'empty-domain:a:'],
    ['mx:/24', 'empty-domain:mx:/24'],
    ['ptr:', 'empty-domain:ptr:'],
    ['redirect=', 'empty-domain:redirect='],
    ['exp=', 'empty-domain:exp='],
    ['-all.', 'unexpected-argument:.'],
    ['-all:foobar', 'unexpected-argument::foobar'],
    ['-all/8', 'unexpected-argument:/8'],
    ['ptr/0', 'unexpected-argument:/0'],
    ['include.example.com', 'missing-argument:.example.com'],
    ['a.example.com', 'missing-argument:.example.com'],
    ['ip4.192.0.2.1', 'missing-argument:.192.0.2.1'],
  ];
  for (const [t, e] of cases) assert.deepEqual(errors(`v=spf1 ${t}`), [e], t);
  // An unknown modifier may have an empty value.
  assert.deepEqual(errors('v=spf1 foo= -all'), []);
});

test('unknown mechanisms, invalid terms and qualified modifiers', () => {
  const cases: [string, string[]][] = [
    ['moo', ['unknown-mechanism:moo']],
    ['-inlude:_spf.example.com', ['unknown-mechanism:inlude']],
    ['ip:192.0.2.1', ['unknown-mechanism:ip']],
    ['redirect:example.com', ['unknown-mechanism:redirect']],
    ['moo.cow/far_out=man:dog/cat', ['unknown-mechanism:moo.cow']],
    ['1up=foo', ['invalid-term:1up=foo']],
    ['=all', ['invalid-term:=all']],
    ['+', ['invalid-term:+']],
    ['%{d}', ['invalid-term:%{d}']],
    ['-redirect=example.com', ['qualified-modifier:-']],
  ];
  for (const [t, e] of cases) assert.deepEqual(errors(`v=spf1 ${t} -all`), e, t);
  // A legal unknown modifier with odd characters in its value.
  assert.deepEqual(errors('v=spf1 moo.cow-far_out=man:dog/cat ip4:1.2.3.4 -all'), []);
  const q = parse('v=spf1 -redirect=example.com');
  assert.equal(q.terms[0].kind, 'modifier');
  assert.equal((q.terms[0] as SpfModifier).modifier, 'redirect');
});

test('redirect= and exp= at most once (RFC 7208 §6)', () => {
  assert.deepEqual(errors('v=spf1 redirect=a.example.com -all redirect=b.example.com'), ['duplicate-modifier:redirect=b.example.com']);
  assert.deepEqual(errors('v=spf1 exp=a.example.com exp=b.example.com exp=c.example.com'), [
    'duplicate-modifier:exp=b.example.com',
    'duplicate-modifier:exp=c.example.com',
  ]);
  assert.deepEqual(errors('v=spf1 foo=1 foo=2 -all'), []);
});

test('whitespace other than SP separates terms but is an error; bad characters are one error per term', () => {
  const r = parse('v=spf1 ip4:192.0.2.5\n include:_spf.example.com\t~all');
  assert.deepEqual(r.terms.map((t) => t.text), ['ip4:192.0.2.5', 'include:_spf.example.com', '~all']);
  assert.deepEqual(errors('v=spf1 ip4:192.0.2.5\n include:_spf.example.com\t~all'), ['separator:\n', 'separator:\t']);
  assert.deepEqual(errors('v=spf1 a\u3000-all'), ['separator:\u3000']);
  assert.deepEqual(errors('v=spf1 a:foo.example.com\u0000'), ['invalid-character:\u0000']);
  assert.deepEqual(errors('v=spf1 \u0080a:example.net -all'), ['invalid-character:\u0080']);
  assert.deepEqual(errors('v=spf1 a:\u00ef\u00bb\u00bfgarbage.example.net -all'), ['invalid-character:\u00ef\u00bb\u00bf']);
  assert.deepEqual(errors('v=spf1 a:example.net \u0096all'), ['invalid-character:\u0096']);
});

test('positions map through escapes and across character-strings', () => {
  // "v=spf1 ip4:1.2" at 10…, ".3.4 -al\108" at 30… (the last char written as an escape).
  const a = MappedText.contiguous('v=spf1 ip4:1.2', 10);
  const b = MappedText.contiguous('.3.4 -al', 30);
  const l = new MappedText('l', [38], [42], 43);
  const r = parseSpf(MappedText.concat([a, b, l]));
  assert.equal(r.text.value, 'v=spf1 ip4:1.2.3.4 -all');
  assert.deepEqual(r.errors, []);
  const ip = r.terms[0] as SpfMechanism;
  assert.deepEqual(ip.network!.range, { start: 21, end: 34 });
  const all = r.terms[1] as SpfMechanism;
  assert.deepEqual(all.range, { start: 35, end: 42 });
  assert.deepEqual(all.name.range, { start: 36, end: 42 });
});

test('a near miss is parsed from the end of its tag', () => {
  const v = 'v-spf1 +ip4:AAA.BBB.CCC.DDD +mx -all';
  const r = parseSpf(MappedText.contiguous(v, AT), 6);
  assertPart(v, r.version, 'v-spf1');
  assert.deepEqual(r.terms.map((t) => t.text), ['+ip4:AAA.BBB.CCC.DDD', '+mx', '-all']);
  assert.deepEqual(r.errors.map((e) => `${e.code}:${v.slice(e.start, e.end)}`), ['ip4-address:AAA.BBB.CCC.DDD']);
});
