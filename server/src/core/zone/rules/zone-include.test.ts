import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncludeReader } from '../../language';
import { expectFindings, HEAD } from './testkit';
import { parseDocument, validate } from '../../engine';

const files: Record<string, string> = {
  'file:///z/hosts': 'www A 192.0.2.80\nmail A 192.0.2.25\n',
  'file:///z/loop': '$INCLUDE loop\n',
  'file:///z/broken': 'x A\n',
  'file:///z/sub': 'host A 192.0.2.7\n',
};
const reader: IncludeReader = (path, from) => {
  const uri = new URL(path, from ?? 'file:///z/').href;
  const text = files[uri];
  return text === undefined ? { error: 'no such file' } : { text, uri };
};
const opts = { includeReader: reader, uri: 'file:///z/main.zone' };

test('zone-include: missing, cyclic and broken files are reported on the directive', () => {
  expectFindings('zone-include', HEAD + '$INCLUDE [[missing]]\n$INCLUDE hosts\n$INCLUDE [[loop]]\n$INCLUDE [[broken]]\n', opts);
});

test('included records take part in the zone checks, with their own origin', () => {
  const text = HEAD + '@ MX 10 mail\n$INCLUDE hosts\n$INCLUDE sub other.example.\n';
  const doc = parseDocument('zone', text, opts);
  const found = validate(doc);
  assert.deepEqual(found.filter((f) => f.rule === 'zone-target-no-address'), []);
  const out = found.filter((f) => f.rule === 'zone-out-of-zone');
  assert.equal(out.length, 1);
  assert.equal(text.slice(out[0].range.start, out[0].range.end), '$INCLUDE sub other.example.');
  assert.match(out[0].message, /host\.other\.example\./);
  // Without a reader the directive is only recorded.
  const noReader = validate(parseDocument('zone', text));
  assert.equal(noReader.filter((f) => f.rule === 'zone-include').length, 0);
});
