import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRtx } from './parse';
import { completeRtx } from './completion';

const labels = (text: string, offset = text.length): string[] => completeRtx(parseRtx(text), offset).map((c) => c.label);

test('keywords from the catalog, filtered by the word being typed', () => {
  assert.ok(labels('').includes('ip'));
  assert.deepEqual(labels('ip lan1 sec'), ['secondary', 'secure']);
  assert.deepEqual(labels('ip lan1 secure filter '), ['name']);
  assert.deepEqual(labels('no ip filter dyn'), ['dynamic']);
  const entry = completeRtx(parseRtx('pp select 1\n pp auth my'), 'pp select 1\n pp auth my'.length)[0];
  assert.equal(entry.label, 'myname');
  assert.equal(entry.detail, 'pp auth myname ID PASSWORD');
  assert.deepEqual(entry.range, { start: 'pp select 1\n pp auth '.length, end: 'pp select 1\n pp auth my'.length });
});

test('nothing inside comments and here-documents', () => {
  assert.deepEqual(labels('# ip lan'), []);
  const text = 'embedded file x <<EOF\nip lan\nEOF\n';
  assert.deepEqual(labels(text, text.indexOf('ip lan') + 6), []);
});

test('folding: select blocks (as far as they are indented) and here-documents', async () => {
  const { foldRtx } = await import('./features');
  const text = 'pp select 1\n pp always-on on\n pp enable 1\nip filter 1 pass *\nembedded file x <<EOF\na\nEOF\n';
  const m = parseRtx(text);
  assert.deepEqual(
    foldRtx(m).map((r) => text.slice(r.start, r.end)),
    ['pp select 1\n pp always-on on\n pp enable 1', 'embedded file x <<EOF\na\nEOF'],
  );
});
