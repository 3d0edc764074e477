/** Any input gives a result: no exceptions, ranges inside the document, linear time. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hover, parseDocument, quickFixes, validate } from '../engine';
import { MappedText } from '../text';
import { detectVersionTypo } from './nearMiss';
import { parseSpf, type Part } from './parse';
import { rng } from '../testing';


const PIECES = [
  'v=spf1', 'V=SPF1', 'v-spf1', ' ', ' ', '  ', '\t', '\n', '\u3000', '\u0000', '\u0080', 'é', '😀',
  '+', '-', '~', '?', 'all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists', 'redirect', 'exp', 'foo', 'inlude',
  ':', '=', '/', '//', '.', '%', '%{', '}', '%{d}', '%{ir}', '%%', '%_', '%-', '{', '1', '24', '33', '129', '0', '010',
  'example.com', '192.0.2.1', '2001:db8::', '::', 'AAA', '"', '\\', ';', 'spf2.0/pra',
];

function randomValue(next: () => number): string {
  const n = Math.floor(next() * 30);
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)];
  if (next() < 0.5) s = 'v=spf1 ' + s;
  return s;
}

function assertPart(p: Part, len: number, docLen: number): void {
  assert.ok(p.start >= 0 && p.start <= p.end && p.end <= len, `span ${p.start}-${p.end} of ${len}`);
  assert.ok(p.range.start >= 0 && p.range.start <= p.range.end && p.range.end <= docLen);
}

test('random values: the parser and the near-miss detector never throw, spans stay in bounds', () => {
  const next = rng(7208);
  for (let k = 0; k < 3000; k++) {
    const v = randomValue(next);
    const text = MappedText.contiguous(v, 5);
    const docLen = v.length + 5;
    const typo = detectVersionTypo(v);
    const r = parseSpf(text, typo?.bodyStart);
    assertPart(r.version, v.length, docLen);
    for (const t of r.terms) {
      assertPart(t, v.length, docLen);
      if (t.kind !== 'invalid') assertPart(t.name, v.length, docLen);
      if (t.kind === 'mechanism') {
        for (const p of [t.qualifierPart, t.argument, t.domain, t.network, t.cidr4, t.cidr6]) if (p) assertPart(p, v.length, docLen);
        for (const p of t.domain?.parts ?? []) assertPart(p, v.length, docLen);
      }
      if (t.kind === 'modifier') for (const p of t.value.parts) assertPart(p, v.length, docLen);
    }
    for (const e of r.errors) assertPart({ ...e, text: '' }, v.length, docLen);
  }
});

test('random TXT records through the engine: no internal errors in validate, fixes and hover', () => {
  const next = rng(4408);
  for (let k = 0; k < 300; k++) {
    const v = randomValue(next).replace(/["\\]/g, '').replace(/[\n\t]/g, ' ');
    const text = `$ORIGIN example.jp.\n@ IN TXT "${v}"\nwww IN TXT "${v.slice(0, 10)}" "${v.slice(10)}"\n`;
    const doc = parseDocument('zone', text);
    const findings = validate(doc);
    for (const f of findings) {
      assert.doesNotMatch(f.message, /Internal error/, f.message);
      for (const q of quickFixes(doc, f)) {
        for (const e of q.edits) assert.ok(e.range.start >= 0 && e.range.end <= text.length && e.range.start <= e.range.end);
      }
    }
    for (let o = 0; o <= text.length; o += 3) hover(doc, o);
  }
});

test('pathological long records parse in linear time', () => {
  const inputs = [
    'v=spf1 ' + 'a/'.repeat(50000),
    'v=spf1 exists:' + '%{'.repeat(50000),
    'v=spf1 exists:' + '%{d'.repeat(40000) + '}',
    'v=spf1 a:' + '/1'.repeat(50000),
    'v=spf1 ' + '/'.repeat(100000) + '1',
    'v=spf1 ' + 'a '.repeat(50000),
    'v=spf1 ' + 'redirect=x.example.com '.repeat(5000),
    'v=spf1 ' + 'moo '.repeat(30000),
    'v=spf1 include:' + 'x.'.repeat(50000) + '/24',
    'v=spf1 ' + '%'.repeat(100000),
    'v-spf1 ' + 'ip4:1.2.3.4/'.repeat(10000),
    ' '.repeat(100000) + 'v-spf1',
  ];
  const started = Date.now();
  for (const v of inputs) {
    const typo = detectVersionTypo(v);
    parseSpf(MappedText.contiguous(v, 0), typo?.bodyStart);
  }
  // Quadratic behaviour on these inputs would take minutes; linear takes well under a second.
  assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
});
