/** `zone-cname-and-other-data`: a name with a CNAME has other records (RFC 1034 §3.6.2, RFC 2181 §10.1). */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';

/** Types allowed beside a CNAME: DNSSEC data about the CNAME itself (RFC 4035 §2.5). */
const ALLOWED = new Set([5, 46, 47, 50, 24, 30]);

export const zoneCnameAndOtherData: Rule<ZoneModel> = {
  meta: {
    id: 'zone-cname-and-other-data',
    language: 'zone',
    severity: 'error',
    description: 'A name that has a CNAME record also has other data.',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    const cnames = facts.ofType(5);
    if (cnames.length === 0) return;
    const byOwner = facts.byOwner();
    // Names already reported or found clean (only those with more than their CNAME).
    const done = new Set<string>();
    for (const c of cnames) {
      const all = byOwner.get(c.owner) ?? [];
      // Most aliases hold nothing else: their CNAME alone.
      if (all.length <= 1 || done.has(c.owner)) continue;
      done.add(c.owner);
      const others = all.filter((r) => !ALLOWED.has(r.typeCode));
      if (others.length === 0) continue;
      const types = [...new Set(others.map((r) => r.type))].join(', ');
      report({
        range: c.typeRange,
        message: `${c.owner} has a CNAME and other data (${types}); an alias can have no other records`,
        related: others.slice(0, 20).map((r) => ({ range: r.typeRange, message: `${r.type} at the same name` })),
      });
    }
  },
};
