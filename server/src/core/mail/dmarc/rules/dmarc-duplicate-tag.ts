/**
 * dmarc-duplicate-tag: a tag given twice in a DMARC record. RFC 6376 §3.2 (which RFC 7489 §6.4
 * builds on): a tag list with a duplicate tag is invalid, so receivers may ignore the whole record.
 * Range: the repeated tag. Quick fix: remove it (the first occurrence stays).
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { docRange } from '../../records';
import { duplicateTags } from '../../tagList';
import { removeTag, sameRange } from '../common';
import { dmarcRecords } from '../policy';

const ID = 'dmarc-duplicate-tag';

export const dmarcDuplicateTag: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'A DMARC record that gives a tag twice, which makes the record invalid',
  },
  check(model, _ctx, report) {
    for (const m of dmarcRecords(model)) {
      for (const t of duplicateTags(m.tags)) {
        const first = m.tags.find((x) => x.name === t.name)!;
        report({
          range: docRange(m, t.span),
          message: `The tag ${t.name}= appears twice; a tag list with a repeated tag is invalid (RFC 6376 §3.2, RFC 7489 §6.4), so receivers may ignore the whole record`,
          related: [{ range: docRange(m, first.span), message: `first ${t.name}=` }],
        });
      }
    }
  },
  fix(model, finding) {
    for (const m of dmarcRecords(model)) {
      for (const t of duplicateTags(m.tags)) {
        if (!sameRange(docRange(m, t.span), finding.range)) continue;
        return [{ title: `Remove the repeated ${t.name}=${t.value}`, rule: ID, edits: removeTag(m, t), preferred: true }];
      }
    }
    return [];
  },
};
