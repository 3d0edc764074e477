/**
 * `zone-ds-placement`: a DS record at the apex (it belongs in the parent zone) or at a name that is
 * not a delegation point (RFC 4035 §2.4; named-checkzone: "DS not at delegation point").
 */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';

export const zoneDsPlacement: Rule<ZoneModel> = {
  meta: {
    id: 'zone-ds-placement',
    language: 'zone',
    severity: 'error',
    description: 'A DS record is at the zone apex or at a name without NS records (not a delegation).',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    const dss = facts.ofType(43);
    if (dss.length === 0 || !facts.apex) return;
    const byOwner = facts.byOwner();
    for (const ds of dss) {
      if (ds.owner === facts.apex) {
        report({ range: ds.typeRange, message: `DS at the zone apex ${ds.owner}: DS records belong in the parent zone` });
      } else if (!(byOwner.get(ds.owner) ?? []).some((r) => r.typeCode === 2)) {
        report({ range: ds.typeRange, message: `DS at ${ds.owner}, which is not a delegation point (no NS records)` });
      }
    }
  },
};
