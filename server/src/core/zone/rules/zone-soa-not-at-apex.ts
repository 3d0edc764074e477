/** `zone-soa-not-at-apex`: the SOA's owner is not the zone's origin. */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';
import { ownerSpot } from './common';

export const zoneSoaNotAtApex: Rule<ZoneModel> = {
  meta: {
    id: 'zone-soa-not-at-apex',
    language: 'zone',
    severity: 'error',
    description: 'The SOA record is not at the zone apex (the origin).',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    if (!facts.apex) return;
    for (const soa of facts.ofType(6)) {
      if (soa.owner !== facts.apex) {
        report({ range: ownerSpot(soa), message: `The SOA is at ${soa.owner}, not at the zone apex ${facts.apex}` });
      }
    }
  },
};
