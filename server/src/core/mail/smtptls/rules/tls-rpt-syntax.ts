/**
 * tls-rpt-syntax: an `_smtp._tls` record that is not `v=TLSRPTv1; rua=<mailto: or https: URIs>`
 * (RFC 8460 §3): the version (near misses, not first, missing), the required `rua` and its URIs,
 * blanks around `=`, duplicate tags, malformed tag lists. Quick fixes: rewrite the version; put
 * `mailto:` before a bare address.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { docRange, recordsOf } from '../../records';
import { replaceInMail, sameRange, reportVersionProblems, versionFixEdits, versionProblemAt } from '../../dmarc/common';
import { tlsRptProblems } from '../checks';

const ID = 'tls-rpt-syntax';

export const tlsRptSyntax: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'A TLS-RPT record that is not "v=TLSRPTv1; rua=…" with mailto: or https: URIs',
  },
  check(model, _ctx, report) {
    reportVersionProblems(model, 'tls-rpt', report);
    for (const m of recordsOf(model, 'tls-rpt')) {
      for (const p of tlsRptProblems(m, model)) report({ range: docRange(m, p.span), message: p.message });
    }
  },
  fix(model, finding) {
    const hit = versionProblemAt(model, ['tls-rpt'], finding.range);
    if (hit?.p.fix) return [{ title: 'Replace with v=TLSRPTv1', rule: ID, edits: versionFixEdits(hit.m, hit.p), preferred: true }];
    for (const m of recordsOf(model, 'tls-rpt')) {
      for (const p of tlsRptProblems(m, model)) {
        if (p.replacement === undefined || !sameRange(docRange(m, p.span), finding.range)) continue;
        return [{ title: `Change to ${p.replacement}`, rule: ID, edits: replaceInMail(m, p.span.start, p.span.end, p.replacement), preferred: true }];
      }
    }
    return [];
  },
};
