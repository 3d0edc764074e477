import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';
import assert from 'node:assert/strict';
import { expectFindingsUnder } from './testkit';

test('zone-missing-ttl: leading records without any TTL', () => {
  expectFindings('zone-missing-ttl', '$ORIGIN example.com.\n@ [[NS]] ns1\nns1 [[A]] 192.0.2.1\nns2 60 A 192.0.2.2\nns3 A 192.0.2.3\n');
  expectFindings('zone-missing-ttl', HEAD);
  // Without $TTL, the SOA's minimum is the TTL.
  expectFindings('zone-missing-ttl', 'example.com. SOA ns1 hm 1 2 3 4 300\nexample.com. NS ns1\n');
});

test('zone-missing-ttl: quiet under knot (a default TTL), an error under powerdns', () => {
  const fixture = (mark: boolean) => `$ORIGIN example.com.\nwww ${mark ? '[[A]]' : 'A'} 192.0.2.1\n$TTL 1h\n@ SOA ns1 hostmaster 1 2h 15m 1w 300\n`;
  expectFindingsUnder('knot', 'zone-missing-ttl', fixture(false));
  expectFindingsUnder('powerdns', 'zone-missing-ttl', fixture(true));
  const [w] = expectFindingsUnder('knot', 'zone-portability', fixture(true));
  assert.match(w.message, /^BIND and PowerDNS refuse a record without any TTL .*; Knot DNS gives it the zone's default TTL/);
});
