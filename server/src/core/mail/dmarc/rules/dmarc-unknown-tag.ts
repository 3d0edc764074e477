/**
 * dmarc-unknown-tag: a tag that neither RFC 7489 nor DMARCbis defines. Receivers ignore unknown
 * tags (RFC 7489 §6.3), so a misspelt tag silently does nothing. Range: the tag name. Quick fix:
 * the known tag one edit away (or the same in lower case), when there is exactly one.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { docRange } from '../../records';
import { didYouMean, replaceInMail, sameRange } from '../common';
import { DMARC_TAGS, dmarcRecords } from '../policy';

const ID = 'dmarc-unknown-tag';
const KNOWN: readonly string[] = DMARC_TAGS;

export const dmarcUnknownTag: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'warning',
    description: 'A DMARC record with a tag receivers do not know (and ignore)',
  },
  check(model, _ctx, report) {
    for (const m of dmarcRecords(model)) {
      for (const t of m.tags) {
        if (KNOWN.includes(t.name)) continue;
        const hint = didYouMean(t.name, KNOWN);
        report({
          range: docRange(m, t.nameSpan),
          message: `Unknown DMARC tag "${t.name}": receivers ignore it (RFC 7489 §6.3)${hint ? `. Did you mean "${hint}"?${hint === t.name.toLowerCase() ? ' Tag names are case-sensitive.' : ''}` : ''}`,
          data: hint ? { suggestion: hint } : undefined,
        });
      }
    }
  },
  fix(model, finding) {
    for (const m of dmarcRecords(model)) {
      for (const t of m.tags) {
        if (KNOWN.includes(t.name) || !sameRange(docRange(m, t.nameSpan), finding.range)) continue;
        const hint = didYouMean(t.name, KNOWN);
        if (!hint) return [];
        return [{ title: `Change to ${hint}=`, rule: ID, edits: replaceInMail(m, t.nameSpan.start, t.nameSpan.end, hint), preferred: true }];
      }
    }
    return [];
  },
};
