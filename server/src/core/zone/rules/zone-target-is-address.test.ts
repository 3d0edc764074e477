import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-target-is-address', () => {
  expectFindings('zone-target-is-address', HEAD + '@ MX 10 [[192.0.2.25]]\n@ MX 10 ns1\nsub NS [[192.0.2.53.]]\n');
});
