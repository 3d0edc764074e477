/**
 * rtx-filter-shadowed: an entry of a filter list can never match, because the filters before it in
 * the same list already decide every packet it would match (first match wins). The coverage is
 * computed exactly over addresses, protocols, TCP flags and ports/ICMP types (coverage.ts), also
 * when several earlier filters cover it only together.
 *
 * Entries hidden behind a pass-all that rtx-catch-all-first reports are left to that rule.
 */
import type { Rule } from '../../rule';
import type { QuickFix, RelatedInfo } from '../../types';
import { catchAllFirst, listEntryAt, listLabel, listsUnderTest, passes, shadowedEntries, dynamicTokenOf, type ListUnderTest, type Shadowed } from '../analysis';
import { ifaceKey } from '../command';
import { insertBefore, removeListEntry } from '../edits';
import type { RtxModel } from '../model';
import { summarizeFilter } from '../hover';

export const RULE_ID = 'rtx-filter-shadowed';

const label = (l: ListUnderTest): string => listLabel(l, (b) => ifaceKey(b.iface));

/** The shadowed entries of every list, minus those rtx-catch-all-first reports. */
export function shadowFindings(model: RtxModel): { l: ListUnderTest; s: Shadowed }[] {
  const out: { l: ListUnderTest; s: Shadowed }[] = [];
  for (const l of listsUnderTest(model)) {
    const ca = catchAllFirst(model, l);
    for (const s of shadowedEntries(model, l)) {
      if (ca && s.position > ca.position && s.filter.action.verdict === 'reject') continue;
      out.push({ l, s });
    }
  }
  return out;
}

export const filterShadowed: Rule<RtxModel> = {
  meta: {
    id: RULE_ID,
    language: 'rtx',
    severity: 'warning',
    description: 'A filter in a list can never match because earlier filters of the same list already decide all its packets.',
  },
  check(model, _ctx, report) {
    for (const { l, s } of shadowFindings(model)) {
      const fam = l.family === 6 ? 'ipv6 filter' : 'ip filter';
      const same = s.coverers.find((c) => c.entry.num === s.entry.num);
      const conflicting = s.coverers.some((c) => passes(c.filter) !== passes(s.filter));
      let message: string;
      if (same) message = `${s.entry.num} is already listed at position ${same.position + 1} of ${label(l)}; this entry is never reached.`;
      else {
        const by = s.coverers.map((c) => `${c.entry.num}`).join(', ');
        const many = s.coverers.length > 1;
        const verb = (v: 'pass' | 'reject'): string => (many ? v : `${v}s`);
        message =
          `${fam} ${s.entry.num} can never match in ${label(l)}: ${many ? `filters ${by} together already decide` : `filter ${by} already decides`} ` +
          `every packet it matches (first match wins). ` +
          (conflicting
            ? `It was probably meant to ${passes(s.filter) ? 'pass' : 'reject'} something ${many ? 'they' : 'it'} ${verb(passes(s.filter) ? 'reject' : 'pass')}: list it before ${s.coverers[0].entry.num}.`
            : 'It is redundant.');
      }
      const related: RelatedInfo[] = s.coverers.map((c) => ({
        range: c.filter.range,
        message: `position ${c.position + 1}: ${summarizeFilter(c.filter)}`,
      }));
      report({ range: s.entry.token.range, message, related });
    }
  },
  fix(model, finding) {
    const at = listEntryAt(model, finding.range.start);
    if (!at || at.part !== 'static') return [];
    const hit = shadowFindings(model).find((x) => x.s.entry === at.entry);
    if (!hit) return [];
    const cmd = model.commands[at.l.command];
    const removal = removeListEntry(cmd, at.entry, at.l.list, at.l.dynamic, dynamicTokenOf(at.l));
    if (!removal) return [];
    const fixes: QuickFix[] = [{ title: `Remove ${at.entry.num} from the list (it never matches)`, rule: RULE_ID, edits: [removal] }];
    const first = hit.s.coverers[0];
    const differs = hit.s.coverers.some((c) => passes(c.filter) !== passes(hit.s.filter));
    if (differs && first.entry.num !== at.entry.num) {
      fixes.push({ title: `Move ${at.entry.num} before ${first.entry.num}`, rule: RULE_ID, edits: [insertBefore(first.entry.token, String(at.entry.num)), removal] });
    }
    return fixes;
  },
};
