import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MappedText } from '../text';
import { parseSpf } from './parse';
import { MACRO_LETTERS, MECHANISMS, MODIFIERS, QUALIFIERS, mechanismNamed, modifierNamed } from './terms';

test('every mechanism and modifier is documented, and its examples parse cleanly as that term', () => {
  for (const doc of [...Object.values(MECHANISMS), ...Object.values(MODIFIERS)]) {
    assert.match(doc.section, /^[5-6]\.\d$/, doc.name);
    assert.ok(doc.summary.length > 20 && doc.details.length > 20 && doc.syntax.startsWith(doc.name), doc.name);
    assert.ok(doc.examples.length > 0, doc.name);
    for (const ex of doc.examples) {
      const r = parseSpf(MappedText.contiguous(`v=spf1 ${ex}`, 0));
      assert.deepEqual(r.errors, [], ex);
      const t = r.terms[0];
      const name = t.kind === 'mechanism' ? t.mechanism : t.kind === 'modifier' ? t.modifier : undefined;
      assert.equal(name, doc.name, ex);
    }
  }
});

test('DNS cost per RFC 7208 §4.6.4', () => {
  const costly = [...Object.values(MECHANISMS), ...Object.values(MODIFIERS)].filter((d) => d.dnsLookup).map((d) => d.name);
  assert.deepEqual(costly.sort(), ['a', 'exists', 'include', 'mx', 'ptr', 'redirect']);
});

test('qualifiers, macro letters and lookups by name', () => {
  assert.deepEqual(
    Object.values(QUALIFIERS).map((q) => `${q.qualifier}${q.result}`),
    ['+pass', '-fail', '~softfail', '?neutral'],
  );
  assert.equal(Object.keys(MACRO_LETTERS).join(''), 'slodipvhcrt');
  assert.deepEqual(Object.values(MACRO_LETTERS).filter((m) => m.expOnly).map((m) => m.letter), ['c', 'r', 't']);
  assert.equal(mechanismNamed('INCLUDE')?.name, 'include');
  assert.equal(mechanismNamed('constructor'), undefined);
  assert.equal(modifierNamed('Redirect')?.name, 'redirect');
  assert.equal(modifierNamed('toString'), undefined);
});
