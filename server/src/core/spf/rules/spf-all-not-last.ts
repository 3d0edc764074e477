/**
 * spf-all-not-last: mechanisms written after `all`. Evaluation stops at `all` (it always
 * matches), so they are never evaluated. Range: the `all`; related information: the dead
 * mechanisms. Quick fix: move `all` to the end of the record.
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import { appendTerm, removeTerm } from '../edits';
import type { SpfMechanism, SpfRecord } from '../parse';
import { candidateAt, spfRecords, shapeOf } from '../records';

const ID = 'spf-all-not-last';

function deadAfterAll(spf: SpfRecord): { all: SpfMechanism; dead: SpfMechanism[] } | undefined {
  const i = spf.terms.findIndex((t) => t.kind === 'mechanism' && t.mechanism === 'all');
  if (i < 0) return undefined;
  const dead = spf.terms.slice(i + 1).filter((t): t is SpfMechanism => t.kind === 'mechanism');
  return dead.length > 0 ? { all: spf.terms[i] as SpfMechanism, dead } : undefined;
}

export const spfAllNotLast: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'warning',
    description: 'Mechanisms after "all" in an SPF record are never evaluated',
  },
  check(model, _ctx, report) {
    for (const c of spfRecords(model)) {
      if (!deadAfterAll(shapeOf(c))) continue;
      const d = deadAfterAll(c.spf);
      if (!d) continue;
      const names = d.dead.map((t) => `'${t.text}'`).join(', ');
      report({
        range: d.all.range,
        message: `'${d.all.text}' always matches, so the mechanism${d.dead.length === 1 ? '' : 's'} after it (${names}) ${d.dead.length === 1 ? 'is' : 'are'} never evaluated; 'all' belongs at the end`,
        related: d.dead.map((t) => ({ range: t.range, message: `'${t.text}' is never evaluated` })),
      });
    }
  },
  fix(model, finding) {
    const c = candidateAt(model, finding.range);
    const d = c && deadAfterAll(c.spf);
    if (!c || !d || d.all.range.start !== finding.range.start) return [];
    return [{ title: `Move '${d.all.text}' to the end`, rule: ID, edits: [...removeTerm(c, d.all), ...appendTerm(c, d.all.text)], preferred: true }];
  },
};
