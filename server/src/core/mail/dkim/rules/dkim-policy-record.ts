/**
 * dkim-policy-record: a sender-policy record of DKIM's predecessors that nothing reads any more —
 * a TXT record at `_domainkey.<domain>` itself (no selector), which held the outgoing-mail policy
 * of DomainKeys (RFC 4870, `o=~` / `o=-`), or at `_adsp._domainkey.<domain>` (Author Domain
 * Signing Practices, RFC 5617, `dkim=all`), declared historic in 2013. DMARC replaced both.
 * A key published at `_domainkey.<domain>` (`v=DKIM1; p=…`) is `dkim-misplaced`'s.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { mailRecordsOf } from '../../records';
import { rdataRange } from '../../../spf/edits';
import { isAdsp } from '../record';

export const dkimPolicyRecord: Rule<ZoneModel> = {
  meta: {
    id: 'dkim-policy-record',
    language: 'zone',
    severity: 'info',
    description: 'An obsolete DomainKeys policy (_domainkey.<domain>) or ADSP (_adsp._domainkey.<domain>) record that nothing reads',
  },
  check(model, _ctx, report) {
    const keys = new Set(
      mailRecordsOf(model, 'dkim')
        .filter((m) => !isAdsp(m))
        .map((m) => m.record),
    );
    for (const record of model.recordsOfType('TXT')) {
      if (keys.has(record)) continue;
      if (/^_adsp\._domainkey\./i.test(record.owner)) {
        report({
          range: rdataRange(record),
          message: `An ADSP record (RFC 5617) at ${record.owner}: ADSP was declared historic in 2013 and receivers ignore it. Publish a DMARC record at _dmarc instead, and remove this one`,
        });
      } else if (/^_domainkey(\.|$)/i.test(record.owner)) {
        report({
          range: rdataRange(record),
          message: `A TXT record at ${record.owner}, with no selector: the policy record of DomainKeys (RFC 4870), which DKIM verifiers and DMARC ignore. Publish a DMARC record at _dmarc instead, and remove this one`,
        });
      }
    }
  },
};
