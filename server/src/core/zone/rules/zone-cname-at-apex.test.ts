import { test } from 'node:test';
import { expectFindings } from './testkit';

test('zone-cname-at-apex', () => {
  expectFindings('zone-cname-at-apex', '$ORIGIN example.com.\n$TTL 1h\n@ [[CNAME]] other.example.\nwww CNAME @\n');
});
