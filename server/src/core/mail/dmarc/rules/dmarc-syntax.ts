/**
 * dmarc-syntax: malformed tag lists (RFC 6376 §3.2 as used by RFC 7489 §6.4), values outside
 * their grammar (`p`/`sp`/`np`, `pct`, `adkim`/`aspf`, `fo`, `psd`, `t`), malformed `rua`/`ruf`
 * URIs (`mailto:` with an invalid address, a bad `!size`, no scheme), non-ASCII characters and a
 * missing `p`. Range: the offending spec, value or URI. Quick fixes: a policy word one or two
 * edits away (`rejct` → `reject`), `mailto:` before a bare address.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { docRange } from '../../records';
import { replacementFix } from '../common';
import { dmarcRecords, valueProblems } from '../policy';

const ID = 'dmarc-syntax';

export const dmarcSyntax: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'A DMARC record with a malformed tag list, an invalid tag value or report URI, or no p= tag',
  },
  check(model, _ctx, report) {
    for (const m of dmarcRecords(model)) {
      for (const e of m.errors) report({ range: docRange(m, e.span), message: `${e.message} (RFC 7489 §6.4)`, data: { code: e.code } });
      for (const p of valueProblems(m, model)) report({ range: docRange(m, p.span), message: p.message });
    }
  },
  fix(model, finding) {
    return replacementFix(dmarcRecords(model), (m) => valueProblems(m, model), finding.range, ID);
  },
};
