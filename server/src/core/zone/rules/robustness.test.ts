import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext, parseDocument, runCheck, validate } from '../../engine';
import type { ZoneModel } from '../model';
import { ZONE_CHECKS } from './index';
import { DEFAULT_SETTINGS } from '../../settings';
import { ZONE_SERVERS } from '../servers';
import type { IncludeReader } from '../../language';

/** Deterministic pseudo-random generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

const PIECES = [
  '@', '*', '*.a', 'a.*.b', 'www', '.', '..', 'x.', '\\#', '0', '65536', '-1', '1h', 'IN', 'CH', 'CLASS3', 'TYPE65534',
  'SOA', 'NS', 'MX', 'CNAME', 'DNAME', 'A', 'AAAA', 'TXT', 'SRV', 'SVCB', 'HTTPS', 'LOC', 'DS', 'RRSIG', 'NSEC3', 'CAA',
  'IPSECKEY', 'AMTRELAY', 'APL', 'NULL', 'SSHFP', 'L64', 'CDS', 'ZONEMD', 'TSIG', '22260101000000', '\r\n', '"', '"x"', '(', ')', ';c', '\\', '\\0', '\\999', 'alpn=', 'mandatory=key7',
  '192.0.2.1', '::1', 'AAAA==', 'ab', '-', '$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE', '0-100000', '${-5,3,n}', '$$', '\n', '\t', ' ',
];

test('no zone check throws or reports an internal error on random input', () => {
  const next = rng(20261128);
  const reader: IncludeReader = (path) => (path.length % 2 ? { error: 'missing' } : { text: '$INCLUDE again\nx A 192.0.2.1\n', uri: `mem:${path.length % 3}` });
  for (let round = 0; round < 300; round++) {
    let text = '';
    const n = 5 + Math.floor(next() * 80);
    for (let i = 0; i < n; i++) text += PIECES[Math.floor(next() * PIECES.length)] + (next() < 0.7 ? ' ' : '\n');
    // Under every target server (setting zone.server): each turns on other dialect checks.
    const server = ZONE_SERVERS[round % ZONE_SERVERS.length];
    const findings = validate(parseDocument('zone', text, { includeReader: reader, uri: 'mem:main' }), makeContext({ ...DEFAULT_SETTINGS, zone: { server } }));
    const internal = findings.filter((f) => f.message.startsWith('Internal error'));
    assert.deepEqual(internal, [], `${server}: ${text}`);
  }
});

test('zone checks stay linear on a large generated zone', () => {
  const lines = ['$ORIGIN example.com.', '$TTL 1h', '@ SOA ns1 hostmaster 1 2h 15m 1w 300', '@ NS ns1', 'ns1 A 192.0.2.1'];
  for (let i = 0; i < 40000; i++) lines.push(`h${i} A 192.0.2.${i % 250}`, `h${i} MX 10 h${i}`, `h${i} TXT "hello ${i}"`);
  const model = parseDocument('zone', lines.join('\n') + '\n').model as ZoneModel;
  const ctx = makeContext();
  const found: string[] = [];
  const t0 = Date.now();
  // The zone checks alone (other rules of the registry have their own tests).
  for (const rule of ZONE_CHECKS) runCheck(rule, model, ctx, (r) => found.push(`${rule.meta.id}: ${r.message}`));
  const elapsed = Date.now() - t0;
  assert.deepEqual(found, []);
  // 120 000 records: a generous bound that only a super-linear check would exceed.
  assert.ok(elapsed < 15000, `took ${elapsed} ms`);
});
