import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dsDigest } from './zone-cds';
import { keyInfo } from './dnssec';
import { parseDocument } from '../../engine';
import type { ZoneModel } from '../model';
import { expectFindings, HEAD } from './testkit';

const ID = 'zone-cds';
const KSK = '257 3 13 AQIDBA==';
const ZONE = HEAD + `@ DNSKEY ${KSK}\n@ DNSKEY 256 3 13 BQYHCA==\n`;

function digestOf(keyText: string): { tag: number; sha256: string } {
  const doc = parseDocument('zone', `$ORIGIN example.com.\n$TTL 1h\n@ DNSKEY ${keyText}\n`);
  const k = keyInfo((doc.model as ZoneModel).records[0], doc.text)!;
  return { tag: k.tag, sha256: dsDigest('example.com.', k, 2)! };
}

test('key tags follow RFC 4034 Appendix B', () => {
  // 0x0100 + 0x0300 + 0x0d + 0x0100 + 0x02 + 0x0300 + 0x04 for flags 256, protocol 3, algorithm 13, key 01 02 03 04.
  assert.equal(digestOf('256 3 13 AQIDBA==').tag, 2067);
  assert.equal(digestOf(KSK).tag, 2068);
});

test('CDS and CDNSKEY that match the DNSKEYs and each other give nothing', () => {
  const { tag, sha256 } = digestOf(KSK);
  expectFindings(ID, ZONE + `@ CDS ${tag} 13 2 ${sha256}\n@ CDNSKEY ${KSK}\n`);
  expectFindings(ID, ZONE + `@ CDS ${tag} 13 2 ${sha256}\n`);
  expectFindings(ID, ZONE + '@ CDS 0 0 0 00\n@ CDNSKEY 0 3 0 AA==\n');
});

test('CDS with a wrong digest or unknown key, CDNSKEY not among the DNSKEYs', () => {
  const { tag, sha256 } = digestOf(KSK);
  const bad = (sha256[0] === '0' ? '1' : '0') + sha256.slice(1);
  const [f] = expectFindings(ID, ZONE + `@ CDS [[${tag} 13 2 ${bad}]]\n`);
  assert.match(f.message, /the digest is not the digest of that DNSKEY/);
  const [g] = expectFindings(ID, ZONE + `@ CDS [[999 13 2 ${sha256}]]\n`);
  assert.match(g.message, /\(key tag 999, algorithm 13\) matches no DNSKEY of the zone/);
  const [h] = expectFindings(ID, ZONE + '@ CDNSKEY [[257 3 13 CQoLDA==]]\n');
  assert.match(h.message, /is not one of the zone's DNSKEY records/);
});

test('CDS and CDNSKEY that name different keys', () => {
  const { tag, sha256 } = digestOf(KSK);
  const [f, g] = expectFindings(ID, ZONE + `@ CDS [[${tag} 13 2 ${sha256}]]\n@ CDNSKEY [[256 3 13 BQYHCA==]]\n`);
  assert.match(f.message, /CDS at example\.com\. \(key tag 2068, algorithm 13\) has no matching CDNSKEY/);
  assert.match(g.message, /CDNSKEY at example\.com\. \(key tag \d+, algorithm 13\) has no matching CDS: when both are published/);
});

test('malformed or mixed delete requests; CDS below the apex is not read', () => {
  const [f] = expectFindings(ID, ZONE + '@ CDS [[0 0 0 01]]\n@ CDNSKEY 0 3 0 AA==\n');
  assert.match(f.message, /must read exactly '0 0 0 00'/);
  const [g] = expectFindings(ID, ZONE + '@ CDS 0 0 0 00\n@ CDNSKEY [[0 3 0 BA==]]\n');
  assert.match(g.message, /must read exactly '0 3 0 AA=='/);
  const { tag, sha256 } = digestOf(KSK);
  const [h] = expectFindings(ID, ZONE + `@ [[CDS]] 0 0 0 00\n@ CDS ${tag} 13 2 ${sha256}\n`);
  assert.match(h.message, /mixes a delete request with other CDS records/);
  // Below the apex a CDS is plain data: no parent reads it.
  expectFindings(ID, ZONE + 'www CDS 0 0 0 01\n');
});
