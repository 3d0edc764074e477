/**
 * Targets that are aliases (RFC 2181 §10.3, RFC 2782): `zone-target-is-cname` for MX and SRV
 * (a warning: BIND warns, some mail servers refuse such an MX), `zone-ns-is-cname` for NS (an
 * error: BIND's integrity check refuses to load the zone).
 */
import type { Rule } from '../../rule';
import type { Report } from '../../types';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';
import { targets } from './common';

/** Reports each target of a record of `types` (type codes) that is a CNAME in the zone. */
function aliasTargets(model: ZoneModel, types: readonly number[], report: (r: Report) => void, why: string): void {
  const facts = zoneFacts(model);
  if (facts.ofType(5).length === 0) return;
  const byOwner = facts.byOwner();
  for (const t of targets(facts, model.text)) {
    if (!types.includes(t.record.typeCode)) continue;
    const alias = byOwner.get(t.name)?.find((r) => r.typeCode === 5);
    if (!alias) continue;
    report({
      range: t.token.range,
      message: `${t.record.type} target ${t.name} is a CNAME; it must name a host with address records (RFC 2181 §10.3)${why}`,
      related: [{ range: alias.typeRange, message: 'the CNAME' }],
    });
  }
}

export const zoneTargetIsCname: Rule<ZoneModel> = {
  meta: {
    id: 'zone-target-is-cname',
    language: 'zone',
    severity: 'warning',
    description: 'An MX or SRV record points at a name that is a CNAME.',
  },
  check(model, _ctx, report) {
    aliasTargets(model, [15, 33], report, '');
  },
};

export const zoneNsIsCname: Rule<ZoneModel> = {
  meta: {
    id: 'zone-ns-is-cname',
    language: 'zone',
    severity: 'error',
    description: 'An NS record points at a name that is a CNAME, so BIND refuses to load the zone.',
  },
  check(model, _ctx, report) {
    aliasTargets(model, [2], report, '; BIND refuses to load a zone whose NS records name an alias');
  },
};
