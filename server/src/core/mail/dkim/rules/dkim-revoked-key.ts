/**
 * dkim-revoked-key: `p=` is empty, which revokes the key (RFC 6376 §3.6.1): every signature made
 * with this selector fails as if the key did not exist. Right for a retired selector, a mistake
 * when the selector is still in use.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { docRange } from '../../records';
import { dkimRecords } from '../record';

export const dkimRevokedKey: Rule<ZoneModel> = {
  meta: {
    id: 'dkim-revoked-key',
    scope: 'record',
    language: 'zone',
    severity: 'info',
    description: 'A DKIM key record with an empty p=: the key is revoked and signatures with this selector fail',
  },
  check(model, _ctx, report) {
    for (const info of dkimRecords(model)) {
      const p = info.p;
      if (!p || p.value !== '') continue;
      const sel = info.mail.selector ? `selector '${info.mail.selector}'` : 'this selector';
      report({
        range: docRange(info.mail, p.span),
        message: `'p=' is empty: the key of ${sel} is revoked, and verifiers fail every signature made with it (RFC 6376 §3.6.1). Make sure no mail server still signs with it`,
      });
    }
  },
};
