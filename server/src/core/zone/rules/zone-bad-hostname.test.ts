import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-bad-hostname: owners of address records and host targets', () => {
  expectFindings(
    'zone-bad-hostname',
    HEAD + '[[under_score]] A 192.0.2.1\n*.w A 192.0.2.1\n[[-bad]] AAAA 2001:db8::1\n_dmarc TXT "v=DMARC1"\n@ MX 10 [[mx_1]]\nsrv SRV 0 0 1 ok-host\n',
  );
});
