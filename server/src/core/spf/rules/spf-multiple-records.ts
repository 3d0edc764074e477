/**
 * spf-multiple-records: a name with more than one SPF record (TXT records starting `v=spf1`).
 * RFC 7208 §4.5: receivers then return permerror. Range: the version tag of every record after
 * the first; related information: the first. Quick fix: merge them into the first record
 * (mechanisms in order without repeats, one `all` — the first record's when it has one — or else
 * one `redirect=`, one `exp=`) and delete the others.
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import { deleteRecord, replaceRdata } from '../edits';
import type { SpfTerm } from '../parse';
import { candidateAt, evaluatedByOwner, type SpfCandidate } from '../records';

const ID = 'spf-multiple-records';

function groups(model: ZoneModel): (readonly SpfCandidate[])[] {
  const out: (readonly SpfCandidate[])[] = [];
  for (const g of evaluatedByOwner(model).values()) if (g.length > 1) out.push(g);
  return out;
}

/** The merged record value. */
export function mergeRecords(records: readonly SpfCandidate[]): string {
  const seen = new Set<string>();
  const terms: string[] = [];
  let all: string | undefined;
  let redirect: string | undefined;
  let exp: string | undefined;
  const take = (t: SpfTerm) => {
    const key = t.text.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    terms.push(t.text);
  };
  for (const c of records) {
    for (const t of c.spf.terms) {
      if (t.kind === 'mechanism' && t.mechanism === 'all') all ??= t.text;
      else if (t.kind === 'modifier' && t.modifier === 'redirect') redirect ??= t.text;
      else if (t.kind === 'modifier' && t.modifier === 'exp') exp ??= t.text;
      else take(t);
    }
  }
  const tail = all ?? redirect;
  return ['v=spf1', ...terms, ...(tail ? [tail] : []), ...(exp ? [exp] : [])].join(' ');
}

export const spfMultipleRecords: Rule<ZoneModel> = {
  meta: {
    id: ID,
    language: 'zone',
    severity: 'error',
    description: 'A name with more than one SPF record, which receivers treat as a permerror',
  },
  check(model, _ctx, report) {
    for (const g of groups(model)) {
      const name = g[0].record.owner;
      for (const c of g.slice(1)) {
        report({
          range: c.spf.version.range,
          message: `${name} has ${g.length} SPF records; RFC 7208 §4.5 allows one, and receivers return permerror. Merge them into one record`,
          related: [{ range: g[0].spf.version.range, message: 'the first SPF record of this name' }],
        });
      }
    }
  },
  fix(model, finding) {
    const c = candidateAt(model, finding.range);
    const g = c && groups(model).find((x) => x.includes(c));
    if (!g) return [];
    const edits = [replaceRdata(g[0].record, mergeRecords(g)), ...g.slice(1).flatMap((x) => deleteRecord(model, x.record))];
    return [{ title: `Merge the ${g.length} SPF records into one`, rule: ID, edits, preferred: true }];
  },
};
