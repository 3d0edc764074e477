import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-duplicate-record: same data written differently', () => {
  expectFindings('zone-duplicate-record', HEAD + '@ MX 10 mail\n[[@ MX 010 MAIL.example.com.]]\n@ MX 20 mail\nt TXT "a b"\n[[t TXT "a b"]]\nt TXT "a" "b"\n');
});
