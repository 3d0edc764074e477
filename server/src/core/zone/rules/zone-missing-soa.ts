/** `zone-missing-soa`: the zone has records but no SOA record (named-checkzone: "has no SOA record"). */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';

export const zoneMissingSoa: Rule<ZoneModel> = {
  meta: {
    id: 'zone-missing-soa',
    language: 'zone',
    severity: 'error',
    description: 'The zone has no SOA record; a zone cannot be loaded without one.',
  },
  check(model, _ctx, report) {
    if (model.recordCount === 0) return;
    const facts = zoneFacts(model);
    if (facts.ofType(6).length > 0) return;
    const first = model.records[0];
    report({ range: first.typeRange, message: 'The zone has no SOA record (RFC 1035 §5.2: every zone starts with one)' });
  },
};
