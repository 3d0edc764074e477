/** Shared helpers of the zone rule tests: findings of one rule, with `[[…]]` marking expected ranges. */
import assert from 'node:assert/strict';
import type { DocumentOptions } from '../../language';
import { parseDocument, quickFixes, validate } from '../../engine';
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
