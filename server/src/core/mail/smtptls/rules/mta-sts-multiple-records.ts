/**
 * mta-sts-multiple-records: more than one `v=STSv1` record at one `_mta-sts` name. RFC 8461 §3.1:
 * senders then assume the domain has no MTA-STS policy. Range: every record after the first.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { reportMultiple } from '../../multiple';

export const mtaStsMultipleRecords: Rule<ZoneModel> = {
  meta: {
    id: 'mta-sts-multiple-records',
    language: 'zone',
    severity: 'error',
    description: 'More than one MTA-STS record at one _mta-sts name, so senders use no policy',
  },
  check(model, _ctx, report) {
    reportMultiple(model, 'mta-sts', 'MTA-STS', 'senders then act as if there were none', 'RFC 8461 §3.1', report);
  },
};
