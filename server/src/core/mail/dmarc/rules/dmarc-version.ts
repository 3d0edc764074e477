/**
 * dmarc-version: a DMARC record (or an external-report authorisation) whose first tag is not
 * exactly `v=DMARC1` (RFC 7489 §6.3: the value must match precisely and come first; §6.6.3:
 * other records are discarded). Near misses (`v=dmarc1`, `v=DMARC`, `v:DMARC1`, `v = DMARC1`,
 * `v=DMARC1 p=none`), `v` not first and `v` missing at `_dmarc`. Quick fix: rewrite the tag.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { mailRecords } from '../../records';
import { versionFixEdits, versionProblem, versionProblemAt } from '../common';

const ID = 'dmarc-version';
const KINDS = ['dmarc', 'dmarc-report-auth'] as const;

export const dmarcVersion: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'A DMARC record whose first tag is not exactly "v=DMARC1", so receivers ignore it',
  },
  check(model, _ctx, report) {
    for (const m of mailRecords(model)) {
      if (!(KINDS as readonly string[]).includes(m.kind)) continue;
      const p = versionProblem(m);
      if (p) report({ range: p.range, message: p.message, data: { state: m.version.state } });
    }
  },
  fix(model, finding) {
    const hit = versionProblemAt(model, KINDS, finding.range);
    if (!hit?.p.fix) return [];
    const title = hit.m.version.state === 'not-first' ? 'Move v=DMARC1 to the front' : hit.m.version.state === 'missing' ? 'Insert v=DMARC1 as the first tag' : 'Replace with v=DMARC1';
    return [{ title, rule: ID, edits: versionFixEdits(hit.m, hit.p), preferred: true }];
  },
};
