/**
 * dmarc-report-scheme: a `rua`/`ruf` URI whose scheme is not `mailto:`. RFC 7489 §6.3 makes
 * mailto the only scheme receivers must support; others (https:, …) are widely ignored, so the
 * reports are lost. Range: the URI.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { docRange } from '../../records';
import { dmarcRecords, reportUris } from '../policy';

export const dmarcReportScheme: Rule<ZoneModel> = {
  meta: {
    id: 'dmarc-report-scheme',
    scope: 'record',
    language: 'zone',
    severity: 'warning',
    description: 'A DMARC report URI that is not mailto:, which most receivers do not support',
  },
  check(model, _ctx, report) {
    for (const m of dmarcRecords(model)) {
      for (const t of m.tags) {
        if (t.name !== 'rua' && t.name !== 'ruf') continue;
        for (const u of reportUris(t)) {
          if (u.problem || !u.scheme || u.scheme === 'mailto') continue;
          report({
            range: docRange(m, u.span),
            message: `"${u.uri}": receivers must support only mailto: report URIs (RFC 7489 §6.3) and most ignore ${u.scheme}:, so these reports are likely lost`,
          });
        }
      }
    }
  },
};
