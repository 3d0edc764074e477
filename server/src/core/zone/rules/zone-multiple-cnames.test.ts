import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-multiple-cnames', () => {
  expectFindings('zone-multiple-cnames', HEAD + 'www CNAME a\nwww [[CNAME]] b\nftp CNAME a\n');
});
