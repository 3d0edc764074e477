import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-target-is-cname: MX, NS and SRV targets', () => {
  expectFindings('zone-target-is-cname', HEAD + 'mail CNAME ns1\n@ MX 10 [[mail]]\n@ MX 20 ns1\n_sip._tcp SRV 0 0 5060 [[mail.example.com.]]\n');
});
