/**
 * dmarc-multiple-records: more than one `v=DMARC1` record at one `_dmarc` name. RFC 7489 §6.6.3:
 * when the lookup returns more than one DMARC record, receivers apply no policy at all. Range:
 * the RDATA of every record after the first; related information: the others.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { mailRecordsOf, rdataDocRange, type MailRecord } from '../../records';
import { bare } from '../common';

export const dmarcMultipleRecords: Rule<ZoneModel> = {
  meta: {
    id: 'dmarc-multiple-records',
    language: 'zone',
    severity: 'error',
    description: 'More than one DMARC record at one _dmarc name, so receivers apply no policy',
  },
  check(model, _ctx, report) {
    const byOwner = new Map<string, MailRecord[]>();
    for (const m of mailRecordsOf(model, 'dmarc')) {
      if (m.ownerKind !== 'dmarc' || m.version.state !== 'ok') continue;
      const list = byOwner.get(m.record.owner) ?? [];
      list.push(m);
      byOwner.set(m.record.owner, list);
    }
    for (const [owner, list] of byOwner) {
      if (list.length < 2) continue;
      for (const m of list.slice(1)) {
        report({
          range: rdataDocRange(m),
          message: `${bare(owner)} has ${list.length} DMARC records: receivers then apply no DMARC policy at all (RFC 7489 §6.6.3). Keep one record`,
          related: list.filter((x) => x !== m).map((x) => ({ range: rdataDocRange(x), message: 'another DMARC record at this name' })),
        });
      }
    }
  },
};
