import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-missing-glue', () => {
  expectFindings('zone-missing-glue', HEAD + '@ NS [[ns2]]\nsub NS [[ns.sub]]\nsub NS ns1\nsub NS sub\nsub NS ns.other.example.\nok NS ns.ok\nns.ok A 192.0.2.9\n');
});
