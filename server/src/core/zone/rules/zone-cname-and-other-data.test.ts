import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindings, HEAD } from './testkit';

test('zone-cname-and-other-data', () => {
  const [f] = expectFindings('zone-cname-and-other-data', HEAD + 'www [[CNAME]] @\nwww MX 10 ns1\nwww RRSIG A 13 2 3600 20260101000000 20250101000000 1 example.com. AAAA\n');
  assert.match(f.message, /other data \(MX\)/);
  assert.equal(f.related?.length, 1);
  expectFindings('zone-cname-and-other-data', HEAD + 'www CNAME @\nwww NSEC z A\n');
});

test('one finding per name, on its first CNAME, also when its records are written apart', () => {
  const [f] = expectFindings('zone-cname-and-other-data', HEAD + 'a [[CNAME]] @\nb A 192.0.2.9\na CNAME ns1\na TXT "x"\nc CNAME @\n');
  assert.match(f.message, /a\.example\.com\. has a CNAME and other data \(TXT\)/);
});
