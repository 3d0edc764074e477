import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-target-no-address: in-zone targets need A or AAAA', () => {
  expectFindings('zone-target-no-address', HEAD + '@ MX 10 [[mail]]\n@ MX 20 mx.other.example.\n@ NS ns2\n_x._tcp SRV 0 0 1 [[srv]]\nns3 AAAA 2001:db8::53\n@ NS ns3\n@ MX 0 .\n');
});

test('zone-target-no-address: names below a delegation are left to the glue check', () => {
  expectFindings('zone-target-no-address', HEAD + 'sub NS ns.sub\n@ MX 10 mx.sub\n');
});
