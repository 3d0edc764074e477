import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, parseTtl, TTL_RANGE, TTL_SYNTAX } from './ttl';

const ttl = (s: string): number => parseTtl(s, 0, s.length);

test('plain seconds and unit forms', () => {
  assert.equal(ttl('0'), 0);
  assert.equal(ttl('3600'), 3600);
  assert.equal(ttl('1h30m'), 5400);
  assert.equal(ttl('1W'), 604800);
  assert.equal(ttl('1w1D1h1m1S'), 694861);
  assert.equal(ttl('1s1m1m'), 121);
  assert.equal(ttl('4294967295'), 4294967295);
});

test('malformed TTLs', () => {
  for (const s of ['', 'h', '1h30', '1x', '-1', '1.5h', 'abc', '1 h']) assert.equal(ttl(s), TTL_SYNTAX, s);
  for (const s of ['4294967296', '100000000W', '4294967295s1w', '99999999999999999999']) assert.equal(ttl(s), TTL_RANGE, s);
});

test('parseTtl reads only its slice of the text', () => {
  assert.equal(parseTtl('x 2d y', 2, 4), 172800);
});

test('durations in human units', () => {
  assert.equal(formatDuration(0), '0 seconds');
  assert.equal(formatDuration(1), '1 second');
  assert.equal(formatDuration(3600), '1 hour');
  assert.equal(formatDuration(5400), '1 hour 30 minutes');
  assert.equal(formatDuration(694861), '1 week 1 day 1 hour 1 minute 1 second');
  assert.equal(formatDuration(1209600 + 7200), '2 weeks 2 hours');
});
