/** `zone-cname-at-apex`: a CNAME at the zone apex, where SOA and NS must be (RFC 1912 §2.4). */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';

export const zoneCnameAtApex: Rule<ZoneModel> = {
  meta: {
    id: 'zone-cname-at-apex',
    language: 'zone',
    severity: 'error',
    description: 'The zone apex has a CNAME record (the apex must have SOA and NS records, which a CNAME excludes).',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    if (!facts.apex) return;
    for (const c of facts.ofType(5)) {
      if (c.owner === facts.apex) {
        report({ range: c.typeRange, message: `CNAME at the zone apex ${facts.apex}: the apex needs SOA and NS, which cannot coexist with a CNAME` });
      }
    }
  },
};
