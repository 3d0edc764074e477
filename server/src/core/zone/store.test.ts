import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZone } from './parser';

const owners = (text: string): string[] => parseZone(text).records.map((r) => r.owner);

test('an owner written again on the next record gives the same name', () => {
  const text = '$ORIGIN example.com.\n$TTL 300\nh1 IN A 192.0.2.1\nh1 IN AAAA 2001:db8::1\nh1 IN MX 10 mx\nc1 IN CNAME h1\n';
  const zone = parseZone(text);
  assert.deepEqual(
    zone.records.map((r) => r.owner),
    ['h1.example.com.', 'h1.example.com.', 'h1.example.com.', 'c1.example.com.'],
  );
  // Read in any order, the names stay right.
  const again = parseZone(text);
  assert.equal(again.records[3].owner, 'c1.example.com.');
  assert.equal(again.records[2].owner, 'h1.example.com.');
  assert.equal(again.records[1].owner, 'h1.example.com.');
});

test('same text under another origin, or other text, is a name of its own', () => {
  assert.deepEqual(owners('$ORIGIN a.example.\n$TTL 300\nwww IN A 192.0.2.1\n$ORIGIN b.example.\nwww IN A 192.0.2.2\n'), ['www.a.example.', 'www.b.example.']);
  assert.deepEqual(owners('$ORIGIN example.com.\n$TTL 300\nab IN A 192.0.2.1\nac IN A 192.0.2.2\nabc IN A 192.0.2.3\nab. IN A 192.0.2.4\n'), [
    'ab.example.com.',
    'ac.example.com.',
    'abc.example.com.',
    'ab.',
  ]);
});

test('case and escapes: written differently, the same canonical name', () => {
  assert.deepEqual(owners('$ORIGIN example.com.\n$TTL 300\nWWW IN A 192.0.2.1\nwww IN A 192.0.2.2\n\\119ww IN A 192.0.2.3\n'), [
    'www.example.com.',
    'www.example.com.',
    'www.example.com.',
  ]);
});

test('blank owners inherit, and an owner after them is read from its own text', () => {
  assert.deepEqual(owners('$ORIGIN example.com.\n$TTL 300\nh1 IN A 192.0.2.1\n   IN AAAA 2001:db8::1\nh1 IN MX 10 mx\nh2 IN MX 10 mx\n'), [
    'h1.example.com.',
    'h1.example.com.',
    'h1.example.com.',
    'h2.example.com.',
  ]);
});
