import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncludeReader } from '../language';
import { parseDocument } from '../engine';
import type { ZoneModel } from './model';
import { MAX_INCLUDE_DEPTH } from './include';

test('$INCLUDE nesting is bounded: a chain deeper than the limit is reported, not followed', () => {
  let reads = 0;
  const reader: IncludeReader = (path) => {
    reads++;
    const n = Number(path.slice(1));
    return { text: `$INCLUDE f${n + 1}\nh${n} A 192.0.2.1\n`, uri: `mem:${path}` };
  };
  const model = parseDocument('zone', '$ORIGIN example.com.\n$INCLUDE f0\n', { includeReader: reader, uri: 'mem:main' }).model as ZoneModel;
  assert.equal(reads, MAX_INCLUDE_DEPTH);
  let m: ZoneModel | undefined = model;
  let depth = 0;
  while (m?.includes?.[0]?.model) {
    m = m.includes[0].model;
    depth++;
  }
  assert.equal(m?.includes?.[0]?.error?.kind, 'depth');
  assert.equal(depth, MAX_INCLUDE_DEPTH);
});

test('an included file takes the origin argument, else the current origin', () => {
  const reader: IncludeReader = (path) => ({ text: 'www A 192.0.2.1\n', uri: `mem:${path}` });
  const model = parseDocument('zone', '$ORIGIN example.com.\n$INCLUDE a\n$INCLUDE b sub.example.com.\n', { includeReader: reader }).model as ZoneModel;
  assert.deepEqual(
    model.includes?.map((i) => i.model?.records[0].owner),
    ['www.example.com.', 'www.sub.example.com.'],
  );
});

test('a reader that throws is a missing file, not a crash', () => {
  const reader: IncludeReader = () => {
    throw new Error('denied: outside the workspace');
  };
  const model = parseDocument('zone', '$INCLUDE /etc/passwd\n', { includeReader: reader }).model as ZoneModel;
  assert.equal(model.includes?.[0].error?.kind, 'missing');
  assert.match(model.includes?.[0].error?.message ?? '', /denied/);
});
