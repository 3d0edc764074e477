/**
 * spf-mx-too-many: an `mx` mechanism whose target has more than 10 MX records in the zone files.
 * RFC 7208 §4.6.4: evaluating it is a permerror. Range: the mx term.
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import { lookupAnalyses, zoneIndexFor } from '../lookups';
import { MX_NAME_LIMIT } from '../terms';

export const spfMxTooMany: Rule<ZoneModel> = {
  meta: {
    id: 'spf-mx-too-many',
    language: 'zone',
    severity: 'error',
    description: 'An mx mechanism whose domain has more than 10 MX records, which is a permerror',
  },
  check(model, ctx, report) {
    const analyses = lookupAnalyses(model, ctx);
    if (analyses.length === 0) return;
    const index = zoneIndexFor(model, ctx);
    for (const { analysis } of analyses) {
      for (const t of analysis.terms) {
        if (t.kind !== 'mx' || t.target === undefined) continue;
        const r = index.lookup(t.target, 'MX');
        if ('error' in r || r.records.length <= MX_NAME_LIMIT) continue;
        report({
          range: t.term.range,
          message: `${t.target} has ${r.records.length} MX records; RFC 7208 §4.6.4 allows 'mx' to look at ${MX_NAME_LIMIT}, and receivers return permerror. Use ip4:/ip6: for the sending hosts`,
          data: { count: r.records.length },
        });
      }
    }
  },
};
