import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseDocument, reparseDocument, symbols } from '../engine';
import type { OutlineSymbol } from '../features';
import { DETAILED_RECORDS } from './symbols';

const ZONE = `$ORIGIN example.com.
$TTL 1h
@   IN SOA ns1 hostmaster ( 2024010101 1h 15m 1w 1h )
    IN NS  ns1
    IN NS  ns2
    IN MX  10 mail
www IN A   192.0.2.1
    IN A   192.0.2.2
    IN TXT "hello"
mail IN A  192.0.2.25
`;

function shape(s: OutlineSymbol): unknown {
  return s.children ? { [`${s.kind} ${s.name}`]: s.children.map(shape) } : `${s.kind} ${s.name}: ${s.detail}`;
}

test('owners with their RRsets, directives at the top level', () => {
  const doc = parseDocument('zone', ZONE);
  const out = symbols(doc);
  assert.deepEqual(out.map(shape), [
    'key $ORIGIN: example.com.',
    'key $TTL: 1h',
    {
      'namespace @': [
        'field SOA: ns1 hostmaster 2024010101 1h 15m 1w 1h',
        'field NS: 2 records',
        'field MX: 10 mail',
      ],
    },
    { 'namespace www': ['field A: 2 records', 'field TXT: "hello"'] },
    { 'namespace mail': ['field A: 192.0.2.25'] },
  ]);
});

test('ranges nest: each RRset lies inside its owner, selection inside range', () => {
  const doc = parseDocument('zone', ZONE);
  for (const s of symbols(doc)) {
    assert.ok(s.range.start <= s.selectionRange.start && s.selectionRange.end <= s.range.end);
    for (const c of s.children ?? []) {
      assert.ok(s.range.start <= c.range.start && c.range.end <= s.range.end, `${c.name} outside ${s.name}`);
      assert.ok(c.range.start <= c.selectionRange.start && c.selectionRange.end <= c.range.end);
    }
  }
  const www = symbols(doc).find((s) => s.name === 'www')!;
  assert.equal(ZONE.slice(www.selectionRange.start, www.selectionRange.end), 'www');
  assert.equal(ZONE.slice(www.range.start, www.range.end), 'www IN A   192.0.2.1\n    IN A   192.0.2.2\n    IN TXT "hello"');
});

test('without a known origin, names are shown absolute; a broken file still gives an outline', () => {
  const doc = parseDocument('zone', 'host.example. 300 IN A 192.0.2.9\nbad IN NOPE x\nother.example. CH TXT "x"\n');
  assert.deepEqual(symbols(doc).map((s) => s.name), ['host.example.', 'other.example.']);
  assert.deepEqual(symbols(parseDocument('zone', '')), []);
});

test('a large zone: owners without their RRsets, the types in the detail', () => {
  const lines = ['$ORIGIN example.com.', '$TTL 1h', '@ SOA ns1 hostmaster 1 1h 15m 1w 1h', '  NS ns1'];
  for (let i = 0; lines.length < DETAILED_RECORDS + 10; i++) lines.push(`h${i} A 192.0.2.${i % 250}`, `  TXT "v=spf1 -all"`);
  const out = symbols(parseDocument('zone', lines.join('\n') + '\n'));
  assert.ok(out.every((s) => s.children === undefined));
  assert.deepEqual(out.slice(2, 4).map((s) => `${s.name}: ${s.detail}`), ['@: 2 records: SOA, NS', 'h0: 2 records: A, TXT']);
});

test('property: the outline of a version parsed from an earlier one equals the outline built afresh', () => {
  // Symbols are asked for some versions only: each edit is made on the latest version, the
  // outline read after some of them, and always compared with the outline of a whole parse.
  const base = `${ZONE}$ORIGIN sub.example.com.\nhost A 192.0.2.9\n  TXT "v=spf1 -all"\n$TTL 5m\nlast A 10.0.0.2\nlast AAAA 2001:db8::2\n`;
  const pieces = ['', ' ', '\n', 'x', 'IN ', ' A 192.0.2.1', 'TXT "q"', 'www', '@', '  ', '\t', 'new A 192.0.2.7\n', ';'];
  let reused = 0;
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(1000), fc.nat(8), fc.constantFrom(...pieces), fc.boolean()), { minLength: 1, maxLength: 6 }), (edits) => {
      let doc = parseDocument('zone', base);
      symbols(doc);
      for (const [at, span, insert, ask] of edits) {
        const start = at % (doc.text.length + 1);
        const end = Math.min(doc.text.length, start + (span > 5 ? 0 : span));
        const text = doc.text.slice(0, start) + insert + doc.text.slice(end);
        const next = reparseDocument(doc, text, { start, oldEnd: end, newEnd: start + insert.length });
        if (next.model !== doc.model && ask) {
          const fresh = symbols(parseDocument('zone', text));
          assert.deepEqual(symbols(next), fresh, `after ${JSON.stringify(edits)}`);
          reused++;
        }
        doc = next;
      }
      assert.deepEqual(symbols(doc), symbols(parseDocument('zone', doc.text)));
    }),
    { numRuns: 400, seed: 3 },
  );
  assert.ok(reused > 100, `${reused} outlines compared`);
});

test('an outline carried over an edit joins the runs the edit joins', () => {
  const text = '$ORIGIN example.com.\nwww A 192.0.2.1\n  A 192.0.2.2\nmail A 192.0.2.25\nlast A 10.0.0.2\n';
  const edited = (at: number, end: number, insert: string): void => {
    const doc = parseDocument('zone', text);
    symbols(doc);
    const next = text.slice(0, at) + insert + text.slice(end);
    const carried = symbols(reparseDocument(doc, next, { start: at, oldEnd: end, newEnd: at + insert.length }));
    assert.deepEqual(carried, symbols(parseDocument('zone', next)));
  };
  // A record without an owner added above 'mail' belongs to www's run.
  const mail = text.indexOf('mail');
  edited(mail, mail, '  A 192.0.2.3\n');
  // 'mail' renamed 'last' joins the run below it.
  edited(mail, mail + 4, 'last');
});
