/** `zone-missing-apex-ns`: no NS record at the apex (named-checkzone: "has no NS records"). */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';

export const zoneMissingApexNs: Rule<ZoneModel> = {
  meta: {
    id: 'zone-missing-apex-ns',
    language: 'zone',
    severity: 'error',
    description: 'The zone apex has no NS records.',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    const soa = facts.ofType(6)[0];
    if (!facts.apex || !soa) return;
    if (facts.ofType(2).some((r) => r.owner === facts.apex)) return;
    report({ range: soa.typeRange, message: `The zone apex ${facts.apex} has no NS records` });
  },
};
