/** Shared helpers of the SPF rule tests: fixtures with range markers, findings, applied fixes. */
import assert from 'node:assert/strict';
import { makeContext, parseDocument, quickFixes, validate } from '../../engine';
import type { RuleContext, WorkspaceFacts } from '../../rule';
import { DEFAULT_SETTINGS } from '../../settings';
import { markers } from '../../testing';
import type { Finding } from '../../types';
import { applyEdits } from '../../testing';
import type { ZoneModel } from '../../zone/model';

/** A zone file for `origin` with an SOA and the given lines. */
export function zone(lines: string[], origin = 'example.jp'): string {
  return [`$ORIGIN ${origin}.`, '$TTL 1h', '@ IN SOA ns1 hostmaster 1 3h 15m 1w 1h', ...lines, ''].join('\n');
}

/** A context whose workspace holds the given other zone files. */
export function withZones(...texts: string[]): RuleContext {
  const zones = texts.map((t) => parseDocument('zone', t).model as ZoneModel);
  return makeContext(DEFAULT_SETTINGS, { zones } as WorkspaceFacts & { zones: ZoneModel[] });
}

export function findingsOf(text: string, rule: string, ctx: RuleContext = makeContext()): Finding[] {
  return validate(parseDocument('zone', text), ctx).filter((f) => f.rule === rule);
}

/** Asserts that `rule` reports exactly the `[[…]]` ranges of the fixture; returns the text and findings. */
export function expectRanges(fixture: string, rule: string, ctx: RuleContext = makeContext()): { text: string; found: Finding[] } {
  const { text, ranges } = markers(fixture);
  const found = findingsOf(text, rule, ctx);
  assert.deepEqual(
    found.map((f) => f.range),
    ranges,
    `${rule}: ${found.map((f) => `${JSON.stringify(text.slice(f.range.start, f.range.end))} ${f.message}`).join(' | ')}`,
  );
  return { text, found };
}

/** Applies the quick fix titled `title` of the only finding of `rule`; returns the whole new text. */
export function applyFix(text: string, rule: string, title: string, ctx: RuleContext = makeContext()): string {
  const doc = parseDocument('zone', text);
  const found = validate(doc, ctx).filter((f) => f.rule === rule);
  assert.equal(found.length, 1, `${rule}: expected one finding, got ${found.length}`);
  const fixes = quickFixes(doc, found[0], ctx);
  const fix = fixes.find((f) => f.title === title);
  assert.ok(fix, `${rule}: no fix titled ${JSON.stringify(title)} (have ${fixes.map((f) => JSON.stringify(f.title)).join(', ')})`);
  assert.equal(fix.rule, rule);
  return applyEdits(text, fix.edits);
}

/** The error-severity SPF findings of a text: empty when every SPF record is valid. */
export function spfErrors(text: string, ctx: RuleContext = makeContext()): string[] {
  return validate(parseDocument('zone', text), ctx)
    .filter((f) => f.rule.startsWith('spf-') && f.severity === 'error')
    .map((f) => `${f.rule}: ${f.message}`);
}

/**
 * The SPF findings of a text, as `rule` ids (for re-validation after a fix). Hints (suggestions
 * such as spf-ip-unknown on documentation addresses) are left out: they are no problem to fix.
 */
export function spfRules(text: string, ctx: RuleContext = makeContext()): string[] {
  return validate(parseDocument('zone', text), ctx)
    .filter((f) => f.rule.startsWith('spf-') && f.severity !== 'hint')
    .map((f) => f.rule);
}
