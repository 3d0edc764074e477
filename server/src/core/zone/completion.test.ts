import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completion, parseDocument } from '../engine';
import { markers } from '../testing';

function complete(src: string): { labels: string[]; range?: string } {
  const { text, cursor } = markers(src, { cursor: true });
  const out = completion(parseDocument('zone', text), cursor!);
  return { labels: out.map((e) => e.label), range: out[0] ? text.slice(out[0].range.start, out[0].range.end) : undefined };
}

test('directives at the start of a line', () => {
  const r = complete('$ORIGIN example.\n$TT|\nwww IN A 192.0.2.1\n');
  assert.deepEqual(r.labels, ['$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE']);
  assert.equal(r.range, '$TT');
  assert.deepEqual(complete('|').labels, ['$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE']);
  // Typing an owner name: nothing to offer.
  assert.deepEqual(complete('ww|').labels, []);
});

test('types and classes after the owner and TTL; only types after the class', () => {
  const afterOwner = complete('www 3600 |');
  assert.ok(afterOwner.labels.includes('A') && afterOwner.labels.includes('MX') && afterOwner.labels.includes('IN'));
  assert.ok(!afterOwner.labels.includes('OPT') && !afterOwner.labels.includes('ANY'), 'meta types are never offered');
  const afterClass = complete('www IN M|');
  assert.ok(afterClass.labels.includes('MX'));
  assert.ok(!afterClass.labels.includes('IN'));
  assert.equal(afterClass.range, 'M');
  const indented = complete('www IN A 192.0.2.1\n    IN |');
  assert.ok(indented.labels.includes('AAAA'));
});

test('nothing in the RDATA, in comments, in strings or on continuation lines', () => {
  assert.deepEqual(complete('www IN A 1|').labels, []);
  assert.deepEqual(complete('www IN A 192.0.2.1 ; IN |').labels, []);
  assert.deepEqual(complete('www IN TXT "a |').labels, []);
  assert.deepEqual(complete('@ IN SOA ns1 host (\n   |1 1h 15m 1w 1h )\n').labels, []);
  assert.deepEqual(complete('$TTL |').labels, []);
});

test('common types come first', () => {
  const { text, cursor } = markers('www IN |', { cursor: true });
  const out = completion(parseDocument('zone', text), cursor!).sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
  assert.deepEqual(out.slice(0, 4).map((e) => e.label), ['A', 'AAAA', 'CNAME', 'MX']);
});
