/**
 * tls-rpt-multiple-records: more than one `v=TLSRPTv1` record at one `_smtp._tls` name. RFC 8460
 * §3: senders then assume the domain does not want TLS reports. Range: every record after the first.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { reportMultiple } from '../../multiple';

export const tlsRptMultipleRecords: Rule<ZoneModel> = {
  meta: {
    id: 'tls-rpt-multiple-records',
    language: 'zone',
    severity: 'error',
    description: 'More than one TLS-RPT record at one _smtp._tls name, so senders send no reports',
  },
  check(model, _ctx, report) {
    reportMultiple(model, 'tls-rpt', 'TLS-RPT', 'senders then act as if there were none', 'RFC 8460 §3', report);
  },
};
