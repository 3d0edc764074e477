/** Shared helpers of the zone rule tests: findings of one rule, with `[[…]]` marking expected ranges. */
import assert from 'node:assert/strict';
import type { DocumentOptions } from '../../language';
import { makeContext, parseDocument, quickFixes, validate } from '../../engine';
import { DEFAULT_SETTINGS } from '../../settings';
import type { ZoneServer } from '../servers';
import type { Finding } from '../../types';
import { applyEdits, markers } from '../../testing';

/** Findings of `rule` in the fixture; asserts their ranges are exactly the marked ones. */
export function expectFindings(rule: string, fixture: string, options?: DocumentOptions): Finding[] {
  const { text, ranges } = markers(fixture);
  const found = validate(parseDocument('zone', text, options)).filter((f) => f.rule === rule);
  assert.deepEqual(
    found.map((f) => f.range),
    ranges,
    `${rule}: ${found.map((f) => f.message).join(' | ') || 'no findings'}\n${text}`,
  );
  return found;
}

/** `expectFindings` with the target server (setting `zone.server`) set. */
export function expectFindingsUnder(server: ZoneServer, rule: string, fixture: string): Finding[] {
  const { text, ranges } = markers(fixture);
  const found = validate(parseDocument('zone', text), makeContext({ ...DEFAULT_SETTINGS, zone: { server } })).filter((f) => f.rule === rule);
  assert.deepEqual(found.map((f) => f.range), ranges, `${rule} under ${server}: ${found.map((f) => f.message).join(' | ') || 'no findings'}\n${text}`);
  return found;
}

/** Applies the first quick fix of the only finding of `rule` and returns the new text. */
export function applyOnlyFix(rule: string, text: string): string {
  const doc = parseDocument('zone', text);
  const found = validate(doc).filter((f) => f.rule === rule);
  assert.equal(found.length, 1, found.map((f) => f.message).join(' | '));
  const fixes = quickFixes(doc, found[0]);
  assert.ok(fixes.length >= 1);
  return applyEdits(text, fixes[0].edits);
}

/** A minimal valid zone head for `example.com.` (SOA, apex NS with address). */
export const HEAD = '$ORIGIN example.com.\n$TTL 1h\n@ SOA ns1 hostmaster 1 2h 15m 1w 300\n@ NS ns1\nns1 A 192.0.2.1\n';

/**
 * A small signed zone for `example.com.` (one ECDSA key, `AQIDBA==`, key tag 2067; NSEC chain
 * `@` → `ns1` → `www` → `@`). Signatures are placeholders: the checks do not verify them.
 */
export function rrsig(type: string, labels: number, ttl = 3600, tag = 2067, signer = 'example.com.'): string {
  return `RRSIG ${type} 13 ${labels} ${ttl} 20300101000000 20250101000000 ${tag} ${signer} c2lnbmF0dXJl`;
}

export const SIGNED =
  '$ORIGIN example.com.\n$TTL 3600\n' +
  '@ SOA ns1 hostmaster 1 7200 900 604800 300\n' +
  `@ ${rrsig('SOA', 2)}\n` +
  '@ NS ns1\n' +
  `@ ${rrsig('NS', 2)}\n` +
  '@ DNSKEY 256 3 13 AQIDBA==\n' +
  `@ ${rrsig('DNSKEY', 2)}\n` +
  '@ NSEC ns1 NS SOA RRSIG NSEC DNSKEY\n' +
  `@ ${rrsig('NSEC', 2)}\n` +
  'ns1 A 192.0.2.1\n' +
  `ns1 ${rrsig('A', 3)}\n` +
  'ns1 NSEC www A RRSIG NSEC\n' +
  `ns1 ${rrsig('NSEC', 3)}\n` +
  'www A 192.0.2.2\n' +
  `www ${rrsig('A', 3)}\n` +
  'www NSEC @ A RRSIG NSEC\n' +
  `www ${rrsig('NSEC', 3)}\n`;

/** `text` with the first occurrence of `find` replaced by `repl` (asserting it is there). */
export function edit(text: string, find: string, repl: string): string {
  assert.ok(text.includes(find), `fixture lacks ${JSON.stringify(find)}`);
  return text.replace(find, repl);
}
