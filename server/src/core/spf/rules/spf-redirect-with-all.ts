/**
 * spf-redirect-with-all: a record with both `all` and `redirect=`. RFC 7208 §6.1: the redirect is
 * ignored when the record contains `all`. Range: the `redirect=` (tagged unnecessary). Quick
 * fixes: remove the redirect (no change in behaviour, preferred), or remove `all` so the redirect
 * takes effect.
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import { removeTerm } from '../edits';
import type { SpfMechanism, SpfModifier, SpfRecord } from '../parse';
import { candidateAt, spfRecords, shapeOf } from '../records';

const ID = 'spf-redirect-with-all';

function conflict(spf: SpfRecord): { all: SpfMechanism; redirect: SpfModifier } | undefined {
  const all = spf.terms.find((t): t is SpfMechanism => t.kind === 'mechanism' && t.mechanism === 'all');
  const redirect = spf.terms.find((t): t is SpfModifier => t.kind === 'modifier' && t.modifier === 'redirect');
  return all && redirect ? { all, redirect } : undefined;
}

export const spfRedirectWithAll: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'warning',
    description: 'An SPF record with both "all" and "redirect=": the redirect is ignored',
  },
  check(model, _ctx, report) {
    for (const c of spfRecords(model)) {
      if (!conflict(shapeOf(c))) continue;
      const k = conflict(c.spf);
      if (!k) continue;
      report({
        range: k.redirect.range,
        message: `'${k.redirect.text}' is ignored because the record contains '${k.all.text}' (RFC 7208 §6.1); remove one of them`,
        related: [{ range: k.all.range, message: `'${k.all.text}' decides for every sender not matched before` }],
        tags: ['unnecessary'],
      });
    }
  },
  fix(model, finding) {
    const c = candidateAt(model, finding.range);
    const k = c && conflict(c.spf);
    if (!c || !k || k.redirect.range.start !== finding.range.start) return [];
    return [
      { title: `Remove '${k.redirect.text}' (it has no effect)`, rule: ID, edits: removeTerm(c, k.redirect), preferred: true },
      { title: `Remove '${k.all.text}' so that the redirect applies`, rule: ID, edits: removeTerm(c, k.all) },
    ];
  },
};
