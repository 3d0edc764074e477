/**
 * spf-version-typo: a TXT record evidently meant as SPF whose version tag is not `v=spf1`
 * (RFC 7208 §4.5), so receivers ignore it. Quick fix: replace the tag with `v=spf1`.
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import { describeVersionTypo } from '../nearMiss';
import { replaceInValue, spfRecords, spfRecordsInSteps } from '../records';

export const spfVersionTypo: Rule<ZoneModel> = {
  meta: {
    id: 'spf-version-typo',
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'A TXT record meant as SPF has a mistyped version tag (not "v=spf1"), so receivers ignore it',
  },
  // In steps: the first SPF rule, it reads the zone's SPF records for the others.
  *check(model, _ctx, report) {
    for (const c of yield* spfRecordsInSteps(model)) {
      if (!c.typo) continue;
      report({
        range: c.text.docRange(c.typo.start, c.typo.end),
        message: describeVersionTypo(c.typo),
        data: { issue: c.typo.issue, written: c.typo.written },
      });
    }
  },
  fix(model, finding) {
    const c = spfRecords(model).find((x) => {
      if (!x.typo) return false;
      const r = x.text.docRange(x.typo.start, x.typo.end);
      return r.start === finding.range.start && r.end === finding.range.end;
    });
    if (!c?.typo) return [];
    return [
      {
        title: 'Replace with v=spf1',
        rule: 'spf-version-typo',
        edits: replaceInValue(c, c.typo.start, c.typo.end, c.typo.replacement),
        preferred: true,
      },
    ];
  },
};
