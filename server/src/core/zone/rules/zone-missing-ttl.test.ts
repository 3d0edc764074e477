import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-missing-ttl: leading records without any TTL', () => {
  expectFindings('zone-missing-ttl', '$ORIGIN example.com.\n@ [[NS]] ns1\nns1 [[A]] 192.0.2.1\nns2 60 A 192.0.2.2\nns3 A 192.0.2.3\n');
  expectFindings('zone-missing-ttl', HEAD);
  // Without $TTL, the SOA's minimum is the TTL.
  expectFindings('zone-missing-ttl', 'example.com. SOA ns1 hm 1 2 3 4 300\nexample.com. NS ns1\n');
});
