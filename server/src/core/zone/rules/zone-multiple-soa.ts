/** `zone-multiple-soa`: more than one SOA record (named-checkzone: "multiple RRs of singleton type"). */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';
import { canonicalRdata } from './rrsets';

export const zoneMultipleSoa: Rule<ZoneModel> = {
  meta: {
    id: 'zone-multiple-soa',
    language: 'zone',
    severity: 'error',
    description: 'The zone has more than one SOA record.',
  },
  check(model, _ctx, report) {
    const soas = zoneFacts(model).ofType(6);
    const first = soas[0] ? `${soas[0].owner} ${canonicalRdata(soas[0], model.text)}` : '';
    for (let i = 1; i < soas.length; i++) {
      // The very same SOA again is a duplicate record (zone-duplicate-record), not a second SOA.
      if (`${soas[i].owner} ${canonicalRdata(soas[i], model.text)}` === first) continue;
      report({
        range: soas[i].typeRange,
        message: 'A zone has exactly one SOA record; this is another one',
        related: [{ range: soas[0].typeRange, message: 'first SOA' }],
      });
    }
  },
};
