/**
 * spf-unknown-term: a mechanism RFC 7208 does not define (always a permerror), or an unknown
 * modifier that is evidently a misspelt `redirect=`/`exp=` or a mechanism written with `=`
 * (legal but ignored, RFC 7208 §6). Range: the name. Quick fix: "Did you mean …" replaces the name.
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import type { SpfErrorCode, SpfTerm } from '../parse';
import { candidateAt, replaceInValue, spfRecords, termWithPart, type SpfCandidate, shapeOf } from '../records';
import { modifierNearMiss, suggestForMechanism, type NameSuggestion } from '../suggest';
import { MECHANISM_NAMES } from '../terms';

/** Parser error codes this rule reports. */
export const UNKNOWN_TERM_CODES: ReadonlySet<SpfErrorCode> = new Set<SpfErrorCode>(['unknown-mechanism']);

function suggestionsFor(t: SpfTerm): NameSuggestion[] {
  if (t.kind === 'mechanism') return suggestForMechanism(t);
  if (t.kind === 'modifier') return modifierNearMiss(t)?.suggestions ?? [];
  return [];
}

function mechanismMessage(name: string, sugg: NameSuggestion[]): string {
  const head = `Unknown mechanism '${name}' makes the whole SPF record a permerror`;
  if (sugg.length > 0) return `${head}; did you mean '${sugg.map((s) => s.label).join("' or '")}'?`;
  return `${head}. The mechanisms are ${MECHANISM_NAMES.join(', ')}.`;
}

export const spfUnknownTerm: Rule<ZoneModel> = {
  meta: {
    id: 'spf-unknown-term',
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'An SPF term with an unknown mechanism name, or a modifier that is a near miss of redirect=/exp=',
  },
  check(model, _ctx, report) {
    for (const c of spfRecords(model)) {
      // Only a record with an unknown mechanism or a modifier can have a finding here.
      const shape = shapeOf(c);
      if (!shape.terms.some((t) => t.kind === 'modifier') && !shape.errors.some((e) => UNKNOWN_TERM_CODES.has(e.code))) continue;
      // A term whose only error is a bad character is reported by spf-syntax, not here.
      const unknownAt = new Set(c.spf.errors.filter((e) => UNKNOWN_TERM_CODES.has(e.code)).map((e) => e.start));
      for (const t of c.spf.terms) {
        if (t.kind === 'mechanism' && !t.mechanism && unknownAt.has(t.name.start)) {
          report({ range: t.name.range, message: mechanismMessage(t.name.text, suggestForMechanism(t)) });
        } else if (t.kind === 'modifier') {
          const near = modifierNearMiss(t);
          if (near) report({ range: t.name.range, message: near.message });
        }
      }
    }
  },
  fix(model, finding) {
    const c: SpfCandidate | undefined = candidateAt(model, finding.range);
    if (!c) return [];
    const t = termWithPart(c, finding.range, (x) => (x.kind === 'invalid' ? undefined : x.name));
    if (!t) return [];
    const sugg = suggestionsFor(t);
    return sugg.map((s) => ({
      title: `Did you mean '${s.label}'?`,
      rule: 'spf-unknown-term',
      edits: replaceInValue(c, s.start, s.end, s.replacement),
      preferred: sugg.length === 1,
    }));
  },
};
