import { test } from 'node:test';
import { expectFindings, HEAD } from './testkit';

test('zone-dname-conflict', () => {
  expectFindings(
    'zone-dname-conflict',
    HEAD + 'old DNAME new.example.\nold [[DNAME]] other.example.\n[[x.old]] A 192.0.2.1\n@ MX 10 [[mx.old]]\nnew A 192.0.2.2\n',
  );
});

test('zone-dname-conflict: the same DNAME written twice is one record (RFC 2181 §5), not a second DNAME', () => {
  expectFindings('zone-dname-conflict', HEAD + 'old DNAME new.example.\nold DNAME NEW.example.\nold [[DNAME]] other.example.\nold DNAME other.example.\n');
});
