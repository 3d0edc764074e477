import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-wildcard', () => {
  expectFindings('zone-wildcard', HEAD + '*.w A 192.0.2.1\n[[a.*.w]] TXT "x"\n[[foo*]] TXT "y"\n*.d [[NS]] ns1\n');
});
