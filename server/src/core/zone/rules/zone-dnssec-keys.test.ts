import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindings, HEAD } from './testkit';

const ID = 'zone-dnssec-keys';
const D32 = 'ab'.repeat(32);

test('DNSKEY protocol other than 3', () => {
  const [f] = expectFindings(ID, HEAD + '@ DNSKEY 256 3 13 AQIDBA==\n@ DNSKEY 257 [[5]] 13 AQIDBA==\n');
  assert.match(f.message, /has protocol 5: the protocol field of a DNSKEY must be 3/);
});

test('DS digest type 0 and digests of the wrong length', () => {
  const zone = HEAD + 'sub NS ns1\n';
  expectFindings(ID, zone + `sub DS 1 13 2 ${D32}\nsub DS 1 13 1 ${'cd'.repeat(20)}\nsub DS 1 13 9 ab\n`);
  const [f] = expectFindings(ID, zone + 'sub DS 1 13 [[0]] ab\n');
  assert.match(f.message, /digest type 0, which is reserved/);
  const [g] = expectFindings(ID, zone + `sub DS 1 13 4 [[${D32}]]\n`);
  assert.equal(g.message, 'DS at sub.example.com. (key tag 1): a digest of type 4 is 48 octets, this one is 32');
});

test('more than three apex DNSKEYs sharing a key tag', () => {
  // Swapping two 16-bit words of the key keeps the key tag (a sum of 16-bit words).
  const keys = ['AQIDBAUG', 'AwQBAgUG', 'BQYBAgME', 'AQIFBgME'];
  const three = keys.slice(0, 3).map((k) => `@ DNSKEY 256 3 13 ${k}\n`).join('');
  expectFindings(ID, HEAD + three);
  const [f] = expectFindings(ID, HEAD + three + `@ [[DNSKEY]] 256 3 13 ${keys[3]}\n`);
  assert.match(f.message, /4 DNSKEYs at example\.com\. share key tag \d+ and algorithm 13/);
});
