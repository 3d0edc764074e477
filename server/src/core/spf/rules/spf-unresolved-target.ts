/**
 * spf-unresolved-target: a term whose target the zone files show to be missing.
 * - `include:`/`redirect=` whose target has no SPF record (or several): evaluation ends in
 *   permerror (RFC 7208 §5.2, §6.1);
 * - `a`, `mx`, `exists` whose target has no address / MX / A records: the term never matches.
 * Only names inside the zone files at hand are judged, and only names known offline (literal
 * text or `%{d}`). How many such lookups a record may make is `spf-void-lookup-limit`'s concern.
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import { lookupAnalyses, zoneIndexFor } from '../lookups';

const WHAT: Record<string, string> = { a: 'A/AAAA', mx: 'MX', exists: 'A' };

export const spfUnresolvedTarget: Rule<ZoneModel> = {
  meta: {
    id: 'spf-unresolved-target',
    language: 'zone',
    severity: 'warning',
    description: 'An include:/redirect= target without an SPF record, or an a/mx/exists target without records, in the zone files',
  },
  check(model, ctx, report) {
    const analyses = lookupAnalyses(model, ctx);
    if (analyses.length === 0) return;
    const index = zoneIndexFor(model, ctx);
    for (const { analysis } of analyses) {
      for (const t of analysis.terms) {
        if (t.status === 'no-record' || t.status === 'multiple-records') {
          const why = t.status === 'no-record' ? `${t.target} has no SPF record in the zone files` : `${t.target} has several SPF records`;
          report({
            range: t.term.range,
            message: `'${t.text}': ${why}, so evaluating this record ends in permerror (RFC 7208 ${t.kind === 'include' ? '§5.2' : '§6.1'})`,
            data: { target: t.target ?? null, status: t.status },
          });
        } else if (t.void && t.target !== undefined) {
          const exists = index.status(t.target) !== 'nxdomain';
          report({
            range: t.term.range,
            message: `'${t.text}' never matches: ${t.target} ${exists ? `has no ${WHAT[t.kind]} records` : 'does not exist'} in the zone files`,
            data: { target: t.target, status: 'void' },
          });
        }
      }
    }
  },
};
