import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindings, HEAD } from './testkit';

test('zone-cname-and-other-data', () => {
  const [f] = expectFindings('zone-cname-and-other-data', HEAD + 'www [[CNAME]] @\nwww MX 10 ns1\nwww RRSIG A 13 2 3600 20260101000000 20250101000000 1 example.com. AAAA\n');
  assert.match(f.message, /other data \(MX\)/);
  assert.equal(f.related?.length, 1);
  expectFindings('zone-cname-and-other-data', HEAD + 'www CNAME @\nwww NSEC z A\n');
});
