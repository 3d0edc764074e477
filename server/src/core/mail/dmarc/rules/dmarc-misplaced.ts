/**
 * dmarc-misplaced: a `v=DMARC1` record at a name that is not `_dmarc.<domain>` (often the apex).
 * Receivers look only at `_dmarc.<From domain>` (RFC 7489 §6.1), so it does nothing there. Range:
 * the owner (the RDATA when the owner is inherited). Quick fix: move it to `_dmarc.<owner>` by
 * changing only the owner field; for an inherited owner, the record is written as a new line. When
 * `_dmarc.<owner>` has a DMARC record already, the fix deletes this one instead.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { deleteRecord } from '../../../spf/edits';
import { mailRecordsOf, rdataDocRange, type MailRecord } from '../../records';
import { moveRecord, sameRange } from '../common';
import { bare } from '../../records';
import { dmarcRecords } from '../policy';

const ID = 'dmarc-misplaced';

const misplaced = (model: ZoneModel): MailRecord[] => dmarcRecords(model).filter((m) => m.ownerKind === undefined);

function rangeOf(m: MailRecord) {
  const o = m.record.ownerRange;
  return o.end > o.start ? o : rdataDocRange(m);
}

export const dmarcMisplaced: Rule<ZoneModel> = {
  meta: {
    id: ID,
    language: 'zone',
    severity: 'error',
    description: 'A DMARC record published at a name other than _dmarc.<domain>, where receivers never look',
  },
  check(model, _ctx, report) {
    for (const m of misplaced(model)) {
      const owner = m.record.owner;
      report({
        range: rangeOf(m),
        message: `A DMARC record at ${bare(owner)}: receivers look for the policy of ${bare(owner)} only at _dmarc.${bare(owner)} (RFC 7489 §6.1), so this record has no effect`,
        data: { to: `_dmarc.${owner}` },
      });
    }
  },
  fix(model, finding) {
    const m = misplaced(model).find((x) => sameRange(rangeOf(x), finding.range));
    if (!m) return [];
    const to = `_dmarc.${m.record.owner}`;
    // The right name has a policy already: moving would make two (dmarc-multiple-records).
    if (mailRecordsOf(model, 'dmarc').some((x) => x.ownerKind === 'dmarc' && x.record.owner === to && x.version.state === 'ok')) {
      return [{ title: `Delete this record (${bare(to)} already has a DMARC record)`, rule: ID, edits: deleteRecord(model, m.record) }];
    }
    const { edits, newLine } = moveRecord(model, m.record, to);
    const title = newLine ? `Move to ${bare(to)} (as a new line with its own owner, since the owner here is inherited)` : `Move to ${bare(to)}`;
    return [{ title, rule: ID, edits, preferred: true }];
  },
};
