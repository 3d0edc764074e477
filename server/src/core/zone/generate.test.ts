import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../engine';
import { expandGenerate, MAX_GENERATE } from './generate';
import type { GenerateDirective, ZoneModel } from './model';
import { zoneFacts } from './analysis';

function directive(text: string): GenerateDirective {
  const model = parseDocument('zone', `$ORIGIN example.com.\n${text}\n`).model as ZoneModel;
  return model.directives.find((d) => d.kind === 'generate') as GenerateDirective;
}

test('ranges and steps', () => {
  const x = expandGenerate(directive('$GENERATE 1-10/3 host-$ A 192.0.2.$'));
  assert.deepEqual(
    x.items.map((i) => [i.owner, i.rdata]),
    [
      ['host-1', '192.0.2.1'],
      ['host-4', '192.0.2.4'],
      ['host-7', '192.0.2.7'],
      ['host-10', '192.0.2.10'],
    ],
  );
});

test('reverse-zone style nibbles and a quoted template', () => {
  const x = expandGenerate(directive('$GENERATE 0-1 ${0,3,n} PTR "host$.example.com."'));
  assert.deepEqual(x.items.map((i) => i.owner), ['0.0', '1.0']);
  assert.equal(x.items[1].rdata, 'host1.example.com.');
});

test('a huge range is bounded: only the limit is built, and the rest is reported', () => {
  const d = directive('$GENERATE 0-4294967295 h$ A 192.0.2.1');
  const x = expandGenerate(d);
  assert.equal(x.items.length, MAX_GENERATE);
  assert.equal(x.requested, 4294967296);
  const model = parseDocument('zone', '$ORIGIN example.com.\n$GENERATE 0-4294967295 h$ A 192.0.2.1\n$GENERATE 0-4294967295 i$ A 192.0.2.1\n'.repeat(3)).model as ZoneModel;
  const facts = zoneFacts(model);
  // Over all directives of a file at most four times the per-directive limit is expanded.
  assert.ok(facts.records.length <= 4 * MAX_GENERATE);
  assert.equal(facts.generateProblems.length, 6);
});
