import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-out-of-zone', () => {
  expectFindings('zone-out-of-zone', HEAD + '[[www.example.org.]] A 192.0.2.1\nwww A 192.0.2.2\n$ORIGIN example.net.\n[[x]] A 192.0.2.3\n');
});

test('zone-out-of-zone: nothing when the apex is unknown', () => {
  expectFindings('zone-out-of-zone', 'a.example. 3600 A 192.0.2.1\nb.example.org. 3600 A 192.0.2.1\n');
});
