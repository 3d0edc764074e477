/**
 * rtx-filter-undefined: a list (or a route, dynamic filter, directed-broadcast setting …) names a
 * filter number that has no valid definition in its number space. The router skips such an entry
 * (assumed, `UNDEFINED_FILTER_IN_LIST_IS_SKIPPED`), so the list does less than it says — often a
 * typo, a definition the router refused, or an IPv4 number used in an IPv6 list.
 */
import type { Rule } from '../../rule';
import type { QuickFix } from '../../types';
import { filterReferences, listEntryAt, dynamicTokenOf, type FilterRef } from '../analysis';
import { removeListEntry } from '../edits';
import { filterSpace } from '../filter';
import type { RtxModel } from '../model';

export const RULE_ID = 'rtx-filter-undefined';

const name = (family: 4 | 6, space: 'static' | 'dynamic', num: number): string => `${family === 6 ? 'ipv6' : 'ip'} filter ${space === 'dynamic' ? 'dynamic ' : ''}${num}`;

function whyHint(model: RtxModel, r: FilterRef): string {
  const own = filterSpace(model, r.family);
  const defs = r.space === 'static' ? own.staticDefs : own.dynamicDefs;
  const broken = defs.filter((d) => d.num === r.num && !d.valid);
  if (broken.length) return ` (its definition on line ${model.commands[broken[broken.length - 1].command].line + 1} is malformed, so the router refused it)`;
  const other = r.space === 'static' ? own.dynamic : own.static;
  if (other.has(r.num)) {
    return r.space === 'static'
      ? ` (there is an ${name(r.family, 'dynamic', r.num)}; dynamic filters are listed after 'dynamic')`
      : ` (there is a static ${name(r.family, 'static', r.num)}; it cannot be listed after 'dynamic')`;
  }
  const fam = filterSpace(model, r.family === 4 ? 6 : 4);
  if ((r.space === 'static' ? fam.static : fam.dynamic).has(r.num)) {
    return ` (an ${name(r.family === 4 ? 6 : 4, r.space, r.num)} exists, but IPv4 and IPv6 filter numbers are separate)`;
  }
  return '';
}

const WHERE: Record<FilterRef['via'], string> = {
  list: 'the router skips this entry',
  'dynamic-list': 'no session is ever opened for it',
  set: 'the filter set skips this entry',
  'set-dynamic': 'no session is ever opened for it',
  'dynamic-trigger': 'it never triggers',
  other: 'it never matches',
};

/** References to undefined numbers (a number repeated on one line is reported once). */
export function undefinedRefs(model: RtxModel): FilterRef[] {
  const seen = new Set<string>();
  return filterReferences(model).filter((r) => {
    const space = filterSpace(model, r.family);
    if ((r.space === 'static' ? space.static : space.dynamic).has(r.num)) return false;
    const key = `${r.command}|${r.family}|${r.space}|${r.num}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const filterUndefined: Rule<RtxModel> = {
  meta: {
    id: RULE_ID,
    language: 'rtx',
    severity: 'warning',
    description: 'A filter list or other command names a filter number that is never (validly) defined.',
  },
  check(model, _ctx, report) {
    for (const r of undefinedRefs(model)) {
      report({
        range: r.token.range,
        message: `${name(r.family, r.space, r.num)} is not defined; ${WHERE[r.via]}${whyHint(model, r)}.`,
      });
    }
  },
  fix(model, finding) {
    const at = listEntryAt(model, finding.range.start);
    if (!at) return [];
    const space = filterSpace(model, at.l.family);
    if ((at.part === 'static' ? space.static : space.dynamic).has(at.entry.num)) return [];
    const cmd = model.commands[at.l.command];
    const edit = removeListEntry(cmd, at.entry, at.l.list, at.l.dynamic, dynamicTokenOf(at.l));
    if (!edit) return [];
    const fix: QuickFix = { title: `Remove ${at.entry.num} from the list`, rule: RULE_ID, edits: [edit], preferred: true };
    return [fix];
  },
};
