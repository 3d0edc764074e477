/**
 * dkim-misplaced: a DKIM key record (`v=DKIM1…`) at a name that is not
 * `<selector>._domainkey.<domain>` — at the apex, at `_domainkey.<domain>` without a selector, or
 * with the `_domainkey` label misspelt. Verifiers look the key up at the selector name (RFC 6376
 * §3.6.2.1) and never find this one, so every signature with it fails.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { mailRecordsOf, rdataDocRange } from '../../records';

export const dkimMisplaced: Rule<ZoneModel> = {
  meta: {
    id: 'dkim-misplaced',
    language: 'zone',
    severity: 'warning',
    description: 'A DKIM key record at a name other than <selector>._domainkey.<domain>, where verifiers never look',
  },
  check(model, _ctx, report) {
    for (const mail of mailRecordsOf(model, 'dkim')) {
      if (mail.ownerKind === 'dkim') continue;
      const owner = mail.record.owner;
      const bare = /^_domainkey\./i.test(owner);
      report({
        range: rdataDocRange(mail),
        message: bare
          ? `A DKIM key at ${owner} has no selector: verifiers look it up at <selector>.${owner} (the s= of the signature) and never here (RFC 6376 §3.6.2.1)`
          : `A DKIM key record at ${owner}: verifiers look keys up at <selector>._domainkey.<domain> (RFC 6376 §3.6.2.1), so they never find this one`,
      });
    }
  },
};
