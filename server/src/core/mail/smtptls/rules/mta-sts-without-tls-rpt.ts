/**
 * mta-sts-without-tls-rpt: a domain with MTA-STS but no TLS-RPT record (`_smtp._tls.<domain>`,
 * RFC 8460), so it never hears when senders fail to deliver over TLS under its policy. Quick fix:
 * add a starter record `v=TLSRPTv1; rua=mailto:tls-reports@<domain>`. Silent when the zone files
 * cannot tell.
 */
import type { Rule } from '../../../rule';
import { normalizeName } from '../../../spf/resolver';
import { zoneIndexFor } from '../../../spf/lookups';
import type { ZoneModel } from '../../../zone/model';
import { mailRecordsOf, rdataDocRange, type MailRecord } from '../../records';
import { insertRecordAfter, sameRange } from '../../dmarc/common';
import { ownerText } from '../../../spf/edits';
import { lacksTxt } from '../checks';
import type { RuleContext } from '../../../rule';

const ID = 'mta-sts-without-tls-rpt';

function lacking(model: ZoneModel, ctx: RuleContext): MailRecord[] {
  const records = mailRecordsOf(model, 'mta-sts').filter((m) => m.ownerKind === 'mta-sts' && m.version.state === 'ok');
  if (records.length === 0) return [];
  const index = zoneIndexFor(model, ctx);
  return records.filter((m) => lacksTxt(index, `_smtp._tls.${m.domain}`, /^v=TLSRPTv1(;|\s|$)/) === true);
}

export const mtaStsWithoutTlsRpt: Rule<ZoneModel> = {
  meta: {
    id: ID,
    language: 'zone',
    severity: 'info',
    description: 'A domain with MTA-STS but no TLS-RPT record, so TLS delivery failures go unreported',
  },
  check(model, ctx, report) {
    for (const m of lacking(model, ctx)) {
      const d = normalizeName(m.domain);
      report({
        range: rdataDocRange(m),
        message: `${d} has MTA-STS but no TLS-RPT record at _smtp._tls.${d}: senders that cannot deliver under the policy have nowhere to report it (RFC 8460). Add one, e.g. "v=TLSRPTv1; rua=mailto:tls-reports@${d}"`,
      });
    }
  },
  fix(model, finding, ctx) {
    const m = lacking(model, ctx).find((x) => sameRange(rdataDocRange(x), finding.range));
    if (!m) return [];
    const d = normalizeName(m.domain);
    const owner = `_smtp._tls.${m.domain}`;
    const edit = insertRecordAfter(model, m.record, (origin) => `${ownerText(owner, origin)} IN TXT "v=TLSRPTv1; rua=mailto:tls-reports@${d}"`);
    return [{ title: `Add a TLS-RPT record at _smtp._tls.${d} (reports to tls-reports@${d})`, rule: ID, edits: [edit] }];
  },
};
