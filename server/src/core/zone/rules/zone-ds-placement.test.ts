import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

const D = 'ab'.repeat(32);
test('zone-ds-placement', () => {
  expectFindings('zone-ds-placement', HEAD + `@ [[DS]] 1 13 2 ${D}\nsub NS ns1\nsub DS 1 13 2 ${D}\nwww A 192.0.2.1\nwww [[DS]] 1 13 2 ${D}\n`);
});
