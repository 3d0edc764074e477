/**
 * spf-lookup-limit: the record needs more than 10 DNS-querying terms when no mechanism matches
 * early (RFC 7208 §4.6.4), counted offline through the include/redirect tree (see `lookups.ts`).
 * Range: the term of this record during which the count passes 10. Related information: the
 * includes/redirect of this record that cost more than one lookup each.
 */
import type { Rule } from '../../rule';
import type { RelatedInfo } from '../../types';
import type { ZoneModel } from '../../zone/model';
import { lookupAnalysesInSteps, termOverLimit } from '../lookups';
import { DNS_LOOKUP_LIMIT } from '../terms';

export const spfLookupLimit: Rule<ZoneModel> = {
  meta: {
    id: 'spf-lookup-limit',
    language: 'zone',
    severity: 'error',
    description: 'The SPF record needs more than 10 DNS lookups (include, a, mx, ptr, exists, redirect), so receivers return permerror',
  },
  // In steps: it builds the lookup analyses the other SPF rules share.
  *check(model, ctx, report) {
    for (const { analysis } of yield* lookupAnalysesInSteps(model, ctx)) {
      if (analysis.total <= DNS_LOOKUP_LIMIT) continue;
      const over = termOverLimit(analysis.terms, DNS_LOOKUP_LIMIT);
      if (!over) continue;
      const { top, node, path } = over;
      const via = path.slice(0, -1).filter((t) => t.kind === 'include' || t.kind === 'redirect');
      const where =
        node === top
          ? `'${top.text}' is lookup number ${top.ordinal}`
          : `lookup number ${node.ordinal} is '${node.text}' in the record of ${node.domain} (via ${via.map((t) => `'${t.text}'`).join(' → ')})`;
      const related: RelatedInfo[] = analysis.terms
        .filter((t) => (t.kind === 'include' || t.kind === 'redirect') && t.total > 1 && t.ordinal <= top.ordinal)
        .map((t) => ({ range: t.term.range, message: `'${t.text}' costs ${t.total} lookups (1 + ${t.total - 1} in the record of ${t.target})` }));
      report({
        range: top.term.range,
        message:
          `This SPF record needs ${analysis.total} DNS lookups when no mechanism matches early; RFC 7208 §4.6.4 allows ` +
          `${DNS_LOOKUP_LIMIT}, and receivers stop with permerror at the ${DNS_LOOKUP_LIMIT + 1}th: ${where}. ` +
          'Replace includes with ip4:/ip6: ranges or drop unused terms.',
        related,
        data: { total: analysis.total, limit: DNS_LOOKUP_LIMIT },
      });
    }
  },
};
