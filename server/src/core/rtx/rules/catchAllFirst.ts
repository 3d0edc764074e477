/**
 * rtx-catch-all-first: a filter that passes every packet (`pass * * * * *`, also `restrict`
 * while the line is up) stands in a list ahead of reject filters. First match wins, so those
 * rejects never apply — the list protects nothing after the catch-all. The quick fix moves the
 * catch-all to the end of the static part of the list.
 */
import type { Rule } from '../../rule';
import { catchAllFirst as findCatchAll, listEntryAt, listLabel, listsUnderTest } from '../analysis';
import { ifaceKey } from '../command';
import { insertAfter } from '../edits';
import type { RtxModel } from '../model';

export const RULE_ID = 'rtx-catch-all-first';

export const catchAllFirst: Rule<RtxModel> = {
  meta: {
    id: RULE_ID,
    language: 'rtx',
    severity: 'warning',
    description: 'A pass-all filter stands ahead of reject filters in a list, so the rejects never apply.',
  },
  check(model, _ctx, report) {
    for (const l of listsUnderTest(model)) {
      const ca = findCatchAll(model, l);
      if (!ca) continue;
      const n = ca.deadRejects.length;
      const nums = ca.deadRejects.map((d) => d.entry.num).join(', ');
      report({
        range: ca.entry.token.range,
        message:
          `${l.family === 6 ? 'ipv6' : 'ip'} filter ${ca.entry.num} passes every packet, so the ${n} reject filter${n === 1 ? '' : 's'} after it ` +
          `in ${listLabel(l, (b) => ifaceKey(b.iface))} (${nums}) never apply. Put the catch-all last.`,
        related: ca.deadRejects.map((d) => ({ range: d.filter.range, message: `never applies: listed after the catch-all ${ca.entry.num}` })),
      });
    }
  },
  fix(model, finding) {
    const at = listEntryAt(model, finding.range.start);
    if (!at || at.part !== 'static') return [];
    const ca = findCatchAll(model, at.l);
    if (!ca || ca.entry !== at.entry) return [];
    const cmd = model.commands[at.l.command];
    const i = cmd.tokens.indexOf(at.entry.token);
    const last = at.l.list[at.l.list.length - 1];
    if (i <= 0 || last === at.entry) return [];
    const removal = { range: { start: cmd.tokens[i - 1].range.end, end: at.entry.token.range.end }, newText: '' };
    return [{ title: `Move ${at.entry.num} to the end of the list`, rule: RULE_ID, edits: [removal, insertAfter(last.token, String(at.entry.num))], preferred: true }];
  },
};
