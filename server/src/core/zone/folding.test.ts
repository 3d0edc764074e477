import assert from 'node:assert/strict';
import { test } from 'node:test';
import { folding, parseDocument } from '../engine';
import type { FoldingRegion } from '../features';

function lines(text: string, f: FoldingRegion[]): string[] {
  const lineOf = (o: number): number => text.slice(0, o).split('\n').length - 1;
  return f.map((r) => `${r.kind ?? 'record'} ${lineOf(r.start)}-${lineOf(r.end)}`);
}

test('multi-line records, comment runs, $ORIGIN blocks and $INCLUDE runs fold', () => {
  const text = [
    '; zone of example.com', // 0
    '; second comment line', // 1
    '$ORIGIN example.com.', // 2
    '@ IN SOA ns1 hostmaster (', // 3
    '      2024010101 ; serial', // 4
    '      1h 15m 1w 1h', // 5
    '  )', // 6
    '   ; one comment line only', // 7
    'www IN A 192.0.2.1', // 8
    '$INCLUDE a.zone', // 9
    '$INCLUDE b.zone', // 10
    '$ORIGIN sub.example.com.', // 11
    'x IN TXT ( "a"', // 12
    '   "b" )', // 13
    '',
  ].join('\n');
  const doc = parseDocument('zone', text);
  assert.deepEqual(lines(text, folding(doc)), ['comment 0-1', 'region 2-8', 'record 3-6', 'imports 9-10', 'region 11-13', 'record 12-13']);
});

test('single-line records and single comments give nothing', () => {
  const text = 'www IN A 192.0.2.1\n; c\nmail IN A 192.0.2.2\n';
  assert.deepEqual(folding(parseDocument('zone', text)), []);
});
