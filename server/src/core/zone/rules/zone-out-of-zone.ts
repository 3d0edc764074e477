/** `zone-out-of-zone`: a record's owner is not the apex nor below it (named ignores such data). */
import type { Rule } from '../../rule';
import { inZone, zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';
import { ownerSpot } from './common';

export const zoneOutOfZone: Rule<ZoneModel> = {
  meta: {
    id: 'zone-out-of-zone',
    language: 'zone',
    severity: 'warning',
    description: 'A record is outside the zone (its owner is not the apex nor below it); servers ignore it.',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    const apex = facts.apex;
    if (!apex || apex === '.') return;
    for (const r of facts.records) {
      if (!inZone(r.owner, apex)) report({ range: ownerSpot(r), message: `${r.owner} is outside the zone ${apex}; this ${r.type} record is ignored` });
    }
  },
};
