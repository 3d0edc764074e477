import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-multiple-soa: the second SOA is reported', () => {
  expectFindings('zone-multiple-soa', HEAD + '@ [[SOA]] ns1 hostmaster 2 2h 15m 1w 300\n');
  expectFindings('zone-multiple-soa', HEAD);
});
