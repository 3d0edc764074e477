/**
 * "Fix all auto-fixable problems": for every finding that has exactly one quick fix, or a
 * preferred one (leaving out `manual` fixes, which need the user's judgement), apply it — skipping fixes whose edits overlap an edit already taken, so the
 * result is always a consistent set of edits (run again to pick up the rest).
 */
import type { ParsedDocument } from './engine';
import type { RuleContext } from './rule';
import type { Finding, QuickFix, TextEdit } from './types';

export function chooseFix(all: QuickFix[]): QuickFix | undefined {
  const fixes = all.filter((f) => !f.manual);
  if (fixes.length === 1) return fixes[0];
  const preferred = fixes.filter((f) => f.preferred);
  return preferred.length === 1 ? preferred[0] : undefined;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === a.range.end && b.range.start === b.range.end) return a.range.start === b.range.start;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

export function collectFixAll(
  doc: ParsedDocument,
  findings: Finding[],
  ctx: RuleContext,
  fixesFor: (doc: ParsedDocument, f: Finding, ctx: RuleContext) => QuickFix[],
): { edits: TextEdit[]; fixed: Finding[] } {
  const edits: TextEdit[] = [];
  const fixed: Finding[] = [];
  for (const f of findings) {
    const fix = chooseFix(fixesFor(doc, f, ctx));
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((e) => edits.some((t) => overlaps(e, t)))) continue;
    edits.push(...fix.edits);
    fixed.push(f);
  }
  edits.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { edits, fixed };
}
