/**
 * spf-void-lookup-limit: more than two terms of the record (and the records it includes) query
 * names that the zone files show to have no records — "void lookups", of which RFC 7208 §4.6.4
 * allows two before permerror. Range: the term of this record that brings the count to three.
 * Related information: the other void terms of this record.
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import type { LookupTerm } from '../lookups';
import { lookupAnalyses } from '../lookups';
import { VOID_LOOKUP_LIMIT } from '../terms';

function voidNodes(t: LookupTerm): LookupTerm[] {
  return t.void ? [t] : t.children.flatMap(voidNodes);
}

export const spfVoidLookupLimit: Rule<ZoneModel> = {
  meta: {
    id: 'spf-void-lookup-limit',
    language: 'zone',
    severity: 'error',
    description: 'More than two SPF terms look up names that have no records (void lookups), so receivers return permerror',
  },
  check(model, ctx, report) {
    for (const { analysis } of lookupAnalyses(model, ctx)) {
      if (analysis.voids <= VOID_LOOKUP_LIMIT) continue;
      let seen = 0;
      const crossing = analysis.terms.find((t) => (seen += t.voids) > VOID_LOOKUP_LIMIT);
      if (!crossing) continue;
      const all = analysis.terms.flatMap(voidNodes);
      const names = all.map((t) => (t.domain === analysis.domain ? `'${t.text}'` : `'${t.text}' (in ${t.domain})`));
      report({
        range: crossing.term.range,
        message:
          `${all.length} terms look up names that have no records in the zone files: ${names.join(', ')}. ` +
          `RFC 7208 §4.6.4 allows ${VOID_LOOKUP_LIMIT} such void lookups; receivers return permerror at the ${VOID_LOOKUP_LIMIT + 1}rd. ` +
          'Remove the terms or publish the records they expect.',
        related: analysis.terms
          .filter((t) => t !== crossing && t.voids > 0)
          .map((t) => ({ range: t.term.range, message: t.void ? `'${t.text}': void lookup (${t.target} has no records)` : `'${t.text}': ${t.voids} void lookup(s) inside` })),
        data: { voids: all.length, limit: VOID_LOOKUP_LIMIT },
      });
    }
  },
};
