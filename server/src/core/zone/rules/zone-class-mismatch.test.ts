import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-class-mismatch', () => {
  expectFindings('zone-class-mismatch', HEAD + 'a IN A 192.0.2.1\nb [[CH]] TXT "x"\n');
});
