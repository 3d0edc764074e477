import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-missing-apex-ns', () => {
  expectFindings('zone-missing-apex-ns', '$ORIGIN example.com.\n$TTL 1h\n@ [[SOA]] ns1 hm 1 2 3 4 5\nsub NS ns1.sub\nns1.sub A 192.0.2.1\n');
  expectFindings('zone-missing-apex-ns', HEAD);
});
