/**
 * mta-sts-syntax: an `_mta-sts` record that is not `v=STSv1; id=<1–32 letters and digits>[;
 * extensions]` (RFC 8461 §3.1): the version (near misses, not first, missing), the required `id`,
 * blanks around `=`, duplicate tags, malformed tag lists. Senders treat an invalid record as no
 * MTA-STS policy. Quick fix for the version: rewrite the tag.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { docRange, recordsOf } from '../../records';
import { reportVersionProblems, versionFixEdits, versionProblemAt } from '../../dmarc/common';
import { mtaStsProblems } from '../checks';

const ID = 'mta-sts-syntax';

export const mtaStsSyntax: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'An MTA-STS record that is not "v=STSv1; id=…", so senders ignore the domain\'s policy',
  },
  check(model, _ctx, report) {
    reportVersionProblems(model, 'mta-sts', report);
    for (const m of recordsOf(model, 'mta-sts')) {
      for (const p of mtaStsProblems(m, model)) report({ range: docRange(m, p.span), message: p.message });
    }
  },
  fix(model, finding) {
    const hit = versionProblemAt(model, ['mta-sts'], finding.range);
    if (!hit?.p.fix) return [];
    return [{ title: 'Replace with v=STSv1', rule: ID, edits: versionFixEdits(hit.m, hit.p), preferred: true }];
  },
};
