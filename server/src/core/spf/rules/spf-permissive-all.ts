/**
 * spf-permissive-all: the record does not reject unlisted senders. `+all` (or a bare `all`)
 * authorises every host on the internet; `?all` says nothing about them; a record without
 * `all` and without `redirect=` ends in `neutral`. Range: the `all`, or the version tag when
 * there is none. Quick fixes: `~all` (softfail) or `-all` (fail).
 */
import type { Rule } from '../../rule';
import type { QuickFix } from '../../types';
import type { ZoneModel } from '../../zone/model';
import { appendTerm } from '../edits';
import type { SpfMechanism, SpfRecord } from '../parse';
import { candidateAt, replaceInValue, spfRecords, type SpfCandidate, shapeOf } from '../records';

const ID = 'spf-permissive-all';

type Problem = { kind: 'all'; all: SpfMechanism } | { kind: 'missing' };

/** `spf` is the candidate's own parse, or its shared one (`shapeOf`) to decide without document ranges. */
function problemOf(c: SpfCandidate, spf: SpfRecord = c.spf): Problem | undefined {
  if (c.typo) return undefined;
  const all = spf.terms.find((t): t is SpfMechanism => t.kind === 'mechanism' && t.mechanism === 'all');
  if (all) return all.qualifier === '+' || all.qualifier === '?' ? { kind: 'all', all } : undefined;
  if (spf.terms.some((t) => t.kind === 'modifier' && t.modifier === 'redirect')) return undefined;
  return { kind: 'missing' };
}

export const spfPermissiveAll: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'warning',
    description: 'An SPF record that ends in +all, ?all or no "all" at all, so it does not reject unlisted senders',
  },
  check(model, _ctx, report) {
    for (const c of spfRecords(model)) {
      if (!problemOf(c, shapeOf(c))) continue;
      const p = problemOf(c);
      if (!p) continue;
      if (p.kind === 'missing') {
        report({
          range: c.spf.version.range,
          message: 'The record has no "all" and no "redirect=": every sender not listed gets neutral, as if there were no SPF. End it with ~all or -all',
          data: { kind: 'missing' },
        });
      } else if (p.all.qualifier === '+') {
        report({
          range: p.all.range,
          message: `'${p.all.text}' authorises every host on the internet to send mail for this domain. Use ~all or -all`,
          data: { kind: 'pass' },
        });
      } else {
        report({
          range: p.all.range,
          message: `'${p.all.text}' makes every unlisted sender neutral: receivers treat forged mail as if there were no SPF. Use ~all or -all`,
          data: { kind: 'neutral' },
        });
      }
    }
  },
  fix(model, finding) {
    const c = candidateAt(model, finding.range);
    const p = c && problemOf(c);
    if (!c || !p) return [];
    return (['~', '-'] as const).map((q): QuickFix => {
      const title = `Change to ${q}all`;
      if (p.kind === 'missing') return { title: `End with ${q}all`, rule: ID, edits: appendTerm(c, `${q}all`) };
      const edits = p.all.qualifierPart
        ? replaceInValue(c, p.all.qualifierPart.start, p.all.qualifierPart.end, q)
        : replaceInValue(c, p.all.start, p.all.start, q);
      return { title, rule: ID, edits };
    });
  },
};
