import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, parseDocument, quickFixes, validate } from './engine';
import { collectFixAll } from './fixAll';
import { applyEdits } from './testing';

test('fix all repairs every auto-fixable SPF problem in one go and leaves the rest', () => {
  const text = [
    '$ORIGIN example.jp.',
    '@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5',
    '@ IN NS ns1',
    'ns1 IN A 192.0.2.1',
    '@ IN TXT "v-spf1 inlude:_spf.example.net ip4:AAA.BBB.CCC.DDD -all"',
    '',
  ].join('\n');
  const doc = parseDocument('zone', text);
  const ctx = makeContext();
  const { edits, fixed } = collectFixAll(doc, validate(doc, ctx), ctx, quickFixes);
  assert.deepEqual(fixed.map((f) => f.rule).sort(), ['spf-unknown-term', 'spf-version-typo']);
  const out = applyEdits(text, edits);
  assert.equal(out, text.replace('"v-spf1 inlude:', '"v=spf1 include:'));
  assert.deepEqual(validate(parseDocument('zone', out), ctx).map((f) => f.rule), ['sender-requirements', 'spf-invalid-ip']);
});
