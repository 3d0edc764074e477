import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-missing-soa: records without SOA', () => {
  expectFindings('zone-missing-soa', '$ORIGIN example.com.\n@ 3600 [[NS]] ns1\nns1 3600 A 192.0.2.1\n');
  expectFindings('zone-missing-soa', HEAD);
  expectFindings('zone-missing-soa', '; empty\n');
});
