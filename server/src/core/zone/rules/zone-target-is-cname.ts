/** `zone-target-is-cname`: an NS, MX or SRV target is an alias (RFC 2181 §10.3, RFC 2782). */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';
import { targets } from './common';

export const zoneTargetIsCname: Rule<ZoneModel> = {
  meta: {
    id: 'zone-target-is-cname',
    language: 'zone',
    severity: 'warning',
    description: 'An NS, MX or SRV record points at a name that is a CNAME.',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    if (facts.ofType(5).length === 0) return;
    const byOwner = facts.byOwner();
    for (const t of targets(facts, model.text)) {
      const alias = byOwner.get(t.name)?.find((r) => r.typeCode === 5);
      if (!alias) continue;
      report({
        range: t.token.range,
        message: `${t.record.type} target ${t.name} is a CNAME; it must name a host with address records (RFC 2181 §10.3)`,
        related: [{ range: alias.typeRange, message: 'the CNAME' }],
      });
    }
  },
};
