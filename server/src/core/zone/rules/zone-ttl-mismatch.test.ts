import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-ttl-mismatch', () => {
  expectFindings('zone-ttl-mismatch', HEAD + 'www 300 A 192.0.2.1\nwww [[600]] A 192.0.2.2\nwww AAAA 2001:db8::1\nftp 300 A 192.0.2.1\n');
});
