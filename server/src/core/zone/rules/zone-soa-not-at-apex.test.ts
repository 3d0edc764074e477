import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-soa-not-at-apex: SOA owner differs from $ORIGIN', () => {
  expectFindings('zone-soa-not-at-apex', '$ORIGIN example.com.\n$TTL 1h\n[[sub]] SOA ns1 hm 1 2 3 4 5\n');
  expectFindings('zone-soa-not-at-apex', HEAD);
  // Without $ORIGIN the SOA owner is the apex.
  expectFindings('zone-soa-not-at-apex', 'example.org. 3600 SOA ns1.example.org. hm.example.org. 1 2 3 4 5\n');
});

test('zone-soa-not-at-apex: origin given by the caller', () => {
  expectFindings('zone-soa-not-at-apex', '$TTL 1h\n[[example.org.]] SOA ns1 hm 1 2 3 4 5\n', { origin: 'example.com.' });
});
