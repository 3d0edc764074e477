/**
 * `zone-wildcard`: wildcard oddities (RFC 4592): a `*` that is not the whole leftmost label (not a
 * wildcard at all), and wildcard owners of NS, SOA or DNAME records, whose behaviour is undefined
 * or surprising (RFC 4592 §4.2–4.4).
 */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';
import { ownerSpot } from './common';

const ODD_TYPES = new Set([2, 6, 39]);

export const zoneWildcard: Rule<ZoneModel> = {
  meta: {
    id: 'zone-wildcard',
    language: 'zone',
    severity: 'warning',
    description: "A '*' in an owner name that does not act as a wildcard, or a wildcard NS, SOA or DNAME.",
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    const seen = new Set<string>();
    for (const r of facts.records) {
      const owner = r.owner;
      if (!owner.includes('*')) continue;
      const labels = owner.split('.');
      if (labels[0] === '*' && !labels.slice(1).includes('*') && !labels.slice(1).some((l) => l.includes('*'))) {
        if (ODD_TYPES.has(r.typeCode)) {
          report({ range: r.typeRange, message: `Wildcard ${r.type} record at ${owner}: RFC 4592 §4 advises against wildcard ${r.type} (behaviour differs between servers)` });
        }
        continue;
      }
      if (seen.has(owner)) continue;
      seen.add(owner);
      const inner = labels.indexOf('*') > 0;
      report({
        range: ownerSpot(r),
        message: inner
          ? `${owner}: '*' is not the leftmost label, so it is a literal asterisk, not a wildcard (RFC 4592 §2.1.1)`
          : `${owner}: '*' inside a label is a literal asterisk; only a label that is exactly '*' is a wildcard`,
      });
    }
  },
};
