/**
 * mta-sts-no-mx: an MTA-STS record for a domain that has no MX record (or a null MX) in the zone
 * files. MTA-STS protects delivery to the domain's MX hosts (RFC 8461 §4.1); without MX records
 * the policy has nothing to match. Silent when the domain's zone is not known.
 */
import type { Rule } from '../../../rule';
import { normalizeName } from '../../../spf/resolver';
import { zoneIndexFor } from '../../../spf/lookups';
import type { ZoneModel } from '../../../zone/model';
import { mailRecordsOf, rdataDocRange } from '../../records';

export const mtaStsNoMx: Rule<ZoneModel> = {
  meta: {
    id: 'mta-sts-no-mx',
    language: 'zone',
    severity: 'warning',
    description: 'An MTA-STS record for a domain without MX records',
  },
  check(model, ctx, report) {
    const records = mailRecordsOf(model, 'mta-sts').filter((m) => m.ownerKind === 'mta-sts' && m.version.state === 'ok');
    if (records.length === 0) return;
    const index = zoneIndexFor(model, ctx);
    for (const m of records) {
      const d = normalizeName(m.domain);
      const res = index.lookup(d, 'MX');
      if ('error' in res && res.error !== 'nxdomain') continue;
      const mx = 'error' in res ? [] : res.records;
      const nullMx = mx.length > 0 && mx.every((x) => x.exchange === '');
      if (mx.length > 0 && !nullMx) continue;
      report({
        range: rdataDocRange(m),
        message: nullMx
          ? `${d} has a null MX (it accepts no mail), so its MTA-STS policy protects nothing (RFC 8461 §4.1)`
          : `${d} has no MX record: MTA-STS policies list the MX hosts that senders may deliver to (RFC 8461 §4.1), so add the MX records (and list them in the policy file) or remove this record`,
      });
    }
  },
};
