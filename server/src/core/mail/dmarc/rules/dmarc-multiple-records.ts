/**
 * dmarc-multiple-records: more than one `v=DMARC1` record at one `_dmarc` name. RFC 7489 §6.6.3:
 * when the lookup returns more than one DMARC record, receivers apply no policy at all. Range:
 * the RDATA of every record after the first; related information: the others.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { reportMultiple } from '../../multiple';

export const dmarcMultipleRecords: Rule<ZoneModel> = {
  meta: {
    id: 'dmarc-multiple-records',
    language: 'zone',
    severity: 'error',
    description: 'More than one DMARC record at one _dmarc name, so receivers apply no policy',
  },
  check(model, _ctx, report) {
    reportMultiple(model, 'dmarc', 'DMARC', 'receivers then apply no DMARC policy at all', 'RFC 7489 §6.6.3', report);
  },
};
