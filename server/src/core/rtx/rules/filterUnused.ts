/**
 * rtx-filter-unused: a filter is defined but nothing uses it — no `secure filter` list, filter set,
 * dynamic-filter trigger, route (`ip route … filter N`), directed-broadcast setting or other
 * command names it (dynamic filters: no list names it after `dynamic`). A defined filter has no
 * effect on its own; often it was meant to be added to a list (the classic "I wrote the SMTP
 * filter but traffic still passes").
 */
import type { Rule } from '../../rule';
import { filterReferences } from '../analysis';
import { deleteCommandLines } from '../edits';
import { filterSpace } from '../filter';
import type { DynamicFilter, RtxModel, StaticFilter } from '../model';

export const RULE_ID = 'rtx-filter-unused';

export function unusedFilters(model: RtxModel): (StaticFilter | DynamicFilter)[] {
  const refs = filterReferences(model);
  const used = new Set(refs.map((r) => `${r.family}|${r.space}|${r.num}`));
  const out: (StaticFilter | DynamicFilter)[] = [];
  for (const family of [4, 6] as const) {
    const space = filterSpace(model, family);
    for (const f of space.static.values()) if (!used.has(`${family}|static|${f.num}`)) out.push(f);
    for (const d of space.dynamic.values()) if (!used.has(`${family}|dynamic|${d.num}`)) out.push(d);
  }
  return out.sort((a, b) => a.command - b.command);
}

const isDynamic = (f: StaticFilter | DynamicFilter): f is DynamicFilter => !('action' in f);

export const filterUnused: Rule<RtxModel> = {
  meta: {
    id: RULE_ID,
    language: 'rtx',
    severity: 'hint',
    description: 'A filter is defined but no list, filter set, route or other command uses it, so it has no effect.',
  },
  check(model, _ctx, report) {
    for (const f of unusedFilters(model)) {
      const fam = f.family === 6 ? 'ipv6' : 'ip';
      const message = isDynamic(f)
        ? `${fam} filter dynamic ${f.num} is defined but no list names it after 'dynamic', so it never opens a session.`
        : `${fam} filter ${f.num} is defined but no secure filter list, filter set, route or other command uses it, so it has no effect.`;
      report({ range: model.commands[f.command].range, message, tags: ['unnecessary'] });
    }
  },
  fix(model, finding) {
    const f = unusedFilters(model).find((x) => model.commands[x.command].range.start === finding.range.start);
    if (!f) return [];
    const cmd = model.commands[f.command];
    return [{ title: `Delete the unused definition of ${isDynamic(f) ? 'dynamic filter' : 'filter'} ${f.num}`, rule: RULE_ID, edits: [deleteCommandLines(model, cmd)] }];
  },
};
