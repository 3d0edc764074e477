import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECT_POINTS, isZoneServer, refusers, refuses, reportingRule, serverList, targetServer, ZONE_SERVERS } from './servers';

test('dialect points: kebab-case ids, once each, every field filled', () => {
  const ids = DIALECT_POINTS.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const p of DIALECT_POINTS) {
    assert.match(p.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(p.description && p.rfc && p.evidence, p.id);
    assert.ok(p.refusedBy.length > 0 && p.refusedBy.length < ZONE_SERVERS.length, `${p.id}: some server refuses it, some accepts it`);
    // A point the RFC forbids is reported by a default rule, and BIND refuses it.
    if (p.reportedBy) assert.ok(p.refusedBy.includes('bind'), p.id);
    // Servers that accept what the RFC forbids say how they take it.
    if (p.reportedBy) for (const s of ZONE_SERVERS.filter((x) => !p.refusedBy.includes(x))) assert.ok(p.acceptedAs?.[s], `${p.id}: ${s}`);
  }
});

test('refuses / refusers / reportingRule: one rule per point and server, never two', () => {
  assert.equal(refuses('knot', 'crlf-line-ending'), true);
  assert.equal(refuses('bind', 'crlf-line-ending'), false);
  assert.deepEqual(refusers('loc-missing-altitude'), ['bind', 'knot']);
  assert.equal(reportingRule('bind', 'sshfp-empty-fingerprint'), 'zone-portability');
  assert.equal(reportingRule('knot', 'sshfp-empty-fingerprint'), 'zone-server-refuses');
  assert.equal(reportingRule('bind', 'txt-string-over-255'), 'zone-txt-too-long');
  assert.equal(reportingRule('powerdns', 'txt-string-over-255'), 'zone-portability');
  // Under the default, zone-server-refuses reports only what BIND refuses beyond the RFC checks.
  assert.deepEqual(
    DIALECT_POINTS.filter((p) => reportingRule('bind', p.id) === 'zone-server-refuses').map((p) => p.id),
    ['nsec3-hash-padding', 'nsec3-owner-padding', 'nsec3-sha1-hash-length', 'rdata-over-message'],
  );
  assert.equal(reportingRule('knot', 'nsec3-hash-padding'), 'zone-portability');
});

test('targetServer reads settings tolerantly; serverList joins names', () => {
  assert.equal(targetServer(undefined), 'bind');
  assert.equal(targetServer({ zone: { server: 'powerdns' } }), 'powerdns');
  assert.equal(targetServer({ zone: { server: 'djbdns' } }), 'bind');
  assert.equal(isZoneServer('knot'), true);
  assert.equal(serverList(['knot']), 'Knot DNS');
  assert.equal(serverList(['bind', 'knot', 'powerdns']), 'BIND, Knot DNS and PowerDNS');
});
