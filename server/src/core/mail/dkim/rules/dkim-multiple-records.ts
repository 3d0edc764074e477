/**
 * dkim-multiple-records: more than one TXT record at one selector name. RFC 6376 §3.6.2.2: the TXT
 * records of a selector must be unique, and with several the result is undefined — verifiers pick
 * one, so signatures pass or fail by chance (often a new key published beside the old one instead
 * of replacing it). Reported on every record after the first that holds a different value, with the
 * first as related.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { rdataDocRange } from '../../records';
import { dkimRecords, type DkimInfo } from '../record';

export const dkimMultipleRecords: Rule<ZoneModel> = {
  meta: {
    id: 'dkim-multiple-records',
    language: 'zone',
    severity: 'error',
    description: 'More than one TXT record at a DKIM selector: verifiers pick one, and signatures pass or fail by chance',
  },
  check(model, _ctx, report) {
    const byOwner = new Map<string, DkimInfo[]>();
    for (const info of dkimRecords(model)) {
      if (info.mail.ownerKind !== 'dkim') continue;
      const owner = info.mail.record.owner.toLowerCase();
      const list = byOwner.get(owner);
      if (list) list.push(info);
      else byOwner.set(owner, [info]);
    }
    for (const [owner, list] of byOwner) {
      // Records with the same value (even split differently) give verifiers the same key: that is
      // zone-duplicate-record's concern, not an undefined result.
      const values = new Set(list.map((i) => i.mail.text.value));
      if (values.size < 2) continue;
      const first = list[0].mail;
      const seen = new Set([first.text.value]);
      for (const info of list.slice(1)) {
        if (seen.has(info.mail.text.value)) continue;
        seen.add(info.mail.text.value);
        report({
          range: rdataDocRange(info.mail),
          message: `${values.size} different TXT records at ${owner}: a selector holds one key record, and with several the result is undefined (RFC 6376 §3.6.2.2) — verifiers pick one at random. Publish a new key under a new selector instead`,
          related: [{ range: rdataDocRange(first), message: 'the first record at this selector' }],
        });
      }
    }
  },
};
