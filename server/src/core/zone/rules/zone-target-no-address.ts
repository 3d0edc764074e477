/**
 * `zone-target-no-address`: an MX or SRV target inside the zone (and not below a delegation) has
 * no A or AAAA record (named-checkzone warns: "has no address records (A or AAAA)"). Name servers
 * without addresses are `zone-missing-glue`.
 */
import type { Rule } from '../../rule';
import { delegations, hasAddress, inZone, zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';
import { looksLikeAddress, targets } from './common';

export const zoneTargetNoAddress: Rule<ZoneModel> = {
  meta: {
    id: 'zone-target-no-address',
    language: 'zone',
    severity: 'warning',
    description: 'An MX or SRV target in the zone has no A or AAAA record.',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    const apex = facts.apex;
    if (!apex) return;
    const cuts = delegations(facts);
    const byOwner = facts.byOwner();
    for (const t of targets(facts, model.text)) {
      if (t.record.typeCode === 2 || !inZone(t.name, apex) || looksLikeAddress(t.token.text)) continue;
      if (cuts.cutAbove(t.name) !== undefined) continue;
      if (hasAddress(facts, t.name)) continue;
      if (byOwner.get(t.name)?.some((r) => r.typeCode === 5)) continue;
      report({ range: t.token.range, message: `${t.record.type} target ${t.name} is in this zone but has no A or AAAA record` });
    }
  },
};
