/**
 * spf-duplicate-modifier: `redirect=` or `exp=` written more than once; RFC 7208 §6 makes the
 * record a permerror. Owns the parser code `duplicate-modifier`. Range: each repeated modifier.
 * Quick fix: remove that repetition (the first one stays).
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import { removeTerm } from '../edits';
import type { SpfErrorCode } from '../parse';
import { candidateAt, errorAt, spfRecords, errorsOf } from '../records';

export const DUPLICATE_MODIFIER_CODES: ReadonlySet<SpfErrorCode> = new Set<SpfErrorCode>(['duplicate-modifier']);

const ID = 'spf-duplicate-modifier';

export const spfDuplicateModifier: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'redirect= or exp= appears more than once in an SPF record, which makes it a permerror',
  },
  check(model, _ctx, report) {
    for (const c of spfRecords(model)) {
      for (const e of errorsOf(c)) if (DUPLICATE_MODIFIER_CODES.has(e.code)) report({ range: e.range, message: e.message });
    }
  },
  fix(model, finding) {
    const c = candidateAt(model, finding.range);
    const e = c && errorAt(c, finding.range, DUPLICATE_MODIFIER_CODES);
    const term = e && c.spf.terms.find((t) => t.start === e.start && t.end === e.end);
    if (!c || !term) return [];
    return [{ title: `Remove the repeated '${term.text}'`, rule: ID, edits: removeTerm(c, term), preferred: true }];
  },
};
