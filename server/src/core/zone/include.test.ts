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

test('an included file starts with the owner, TTLs and class in effect at the directive (BIND)', () => {
  const files: Record<string, string> = { inc: '\tNS ns1\n\tMX 10 mail\nsub 300 A 192.0.2.9\n', other: '$ORIGIN other.\n\tTXT "x"\n' };
  const reader: IncludeReader = (path) => ({ text: files[path], uri: `mem:${path}` });
  const text = '$ORIGIN example.\n$TTL 600\n@ 900 CH SOA ns1 h 1 2 3 4 5\n$INCLUDE inc\n$INCLUDE other sub.example.\nns1 A 192.0.2.1\n';
  const model = parseDocument('zone', text, { includeReader: reader, uri: 'mem:main' }).model as ZoneModel;
  const inc = model.includes?.[0].model;
  assert.deepEqual(
    inc?.records.map((r) => [r.owner, r.ttl, r.ttlSource, r.class, r.type, r.rdata.map((t) => t.text).join(' ')]),
    [
      ['example.', 600, 'default', 'CH', 'NS', 'ns1'],
      ['example.', 600, 'default', 'CH', 'MX', '10 mail'],
      ['sub.example.', 300, 'explicit', 'CH', 'A', '192.0.2.9'],
    ],
  );
  // The inherited owner is not written in the included file: its range is empty at the line start.
  assert.deepEqual(inc?.records[0].ownerRange, { start: 0, end: 0 });
  assert.deepEqual(inc?.problems, []);
  // The origin argument applies inside the file only; the owner is still the including file's last one.
  const other = model.includes?.[1].model;
  assert.deepEqual(other?.records.map((r) => [r.owner, r.origin]), [['example.', 'other.']]);
  assert.equal(model.records[1].owner, 'ns1.example.');
});

test('a file included before any record has no owner to inherit', () => {
  const reader: IncludeReader = () => ({ text: '\tA 192.0.2.1\n', uri: 'mem:inc' });
  const model = parseDocument('zone', '$ORIGIN example.\n$INCLUDE inc\n', { includeReader: reader }).model as ZoneModel;
  assert.deepEqual(model.includes?.[0].model?.records, []);
  assert.deepEqual(model.includes?.[0].model?.problems.map((p) => p.code), ['no-owner']);
});
