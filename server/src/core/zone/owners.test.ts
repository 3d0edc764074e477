import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../engine';
import type { ZoneModel } from './model';
import { groupByOwner, recordsByOwner } from './owners';

const model = (text: string): ZoneModel => parseDocument('zone', text).model as ZoneModel;

test('groupByOwner keeps document order within a name, also when its records are apart', () => {
  const m = model('$ORIGIN example.com.\na A 192.0.2.1\na A 192.0.2.2\nb A 192.0.2.3\na TXT "x"\nb MX 10 a\n');
  const g = groupByOwner(m.records);
  assert.deepEqual([...g.keys()], ['a.example.com.', 'b.example.com.']);
  assert.deepEqual(g.get('a.example.com.')!.map((r) => `${r.type} ${r.range.start}`), m.records.filter((r) => r.owner === 'a.example.com.').map((r) => `${r.type} ${r.range.start}`));
  assert.deepEqual(g.get('b.example.com.')!.map((r) => r.type), ['A', 'MX']);
});

test('recordsByOwner groups one type and is shared per model and type', () => {
  const m = model('$ORIGIN example.com.\n@ MX 10 mx1\n@ MX 20 mx2\nsub MX 10 mx1\nmx1 A 192.0.2.1\n');
  const mx = recordsByOwner(m, 'MX');
  assert.equal(mx.get('example.com.')!.length, 2);
  assert.equal(mx.get('sub.example.com.')!.length, 1);
  assert.equal(mx.has('mx1.example.com.'), false);
  assert.equal(recordsByOwner(m, 'MX'), mx);
  assert.deepEqual([...recordsByOwner(m, 'A').keys()], ['mx1.example.com.']);
});
