/**
 * rtx-dynamic-misplaced: a dynamic (stateful) filter listed where it can never start a session.
 * Sessions are created only by a connection-opening packet that the same list's static filters
 * pass (reference §3.3), on the direction the connection starts. Two cases:
 *
 *  - the list's static filters pass none of the connections the dynamic filter tracks (e.g.
 *    `dynamic … smtp` on an IN list that rejects everything but ICMP) — it never does anything;
 *  - it sits on the IN list of the Internet uplink while the uplink's OUT list does not track the
 *    same traffic: LAN-initiated connections leave through OUT, so they never open a session and
 *    their replies are rejected at IN (the operator report behind `SESSIONS_START_ON_LISTED_DIRECTION_ONLY`).
 *
 * Quick fix: move the number after `dynamic` on the uplink's OUT list (or, elsewhere, drop it).
 */
import * as A from '../assumptions';
import type { Rule } from '../../rule';
import type { QuickFix, TextEdit } from '../../types';
import { bindingList, canStartSession, dynamicCovered, dynamicTokenOf, listEntryAt, listLabel, listsUnderTest, type ListUnderTest } from '../analysis';
import { ifaceKey, sameIface } from '../command';
import { insertAfter, removeListEntry } from '../edits';
import { bindingFor, filterSpace } from '../filter';
import type { DynamicFilter, ListEntry, RtxModel } from '../model';

export const RULE_ID = 'rtx-dynamic-misplaced';

interface Misplaced {
  l: ListUnderTest;
  entry: ListEntry;
  filter: DynamicFilter;
  neverStarts: boolean;
  /** The uplink's OUT list, when the entry sits on the uplink's IN list and OUT lacks it. */
  out?: ListUnderTest;
  uplinkIn: boolean;
}

const what = (d: DynamicFilter): string => (d.application ? d.application.name : `filter ${(d.trigger ?? []).join(' ')}`);

export function misplacedDynamics(model: RtxModel): Misplaced[] {
  const out: Misplaced[] = [];
  for (const l of listsUnderTest(model)) {
    if (l.dynamic.length === 0) continue;
    const space = filterSpace(model, l.family);
    const b = l.binding;
    const egress = l.family === 6 ? model.network.internetEgress6 : model.network.internetEgress;
    const uplinkIn = !!b && b.dir === 'in' && egress.some((w) => sameIface(w.iface, b.iface));
    const outBinding = uplinkIn ? bindingFor(model, b!.iface, 'out', l.family) : undefined;
    const outList = outBinding ? bindingList(model, outBinding) : undefined;
    const outDyn = (outList?.dynamic ?? []).map((e) => space.dynamic.get(e.num)).filter((x): x is DynamicFilter => !!x);
    for (const entry of l.dynamic) {
      const d = space.dynamic.get(entry.num);
      if (!d) continue;
      const starts = canStartSession(model, l, d, A.DYNAMIC_ONLY_LIST_PASSES);
      const trackedOut = dynamicCovered(model, l.family, d, outDyn) !== false;
      const misplacedIn = uplinkIn && A.SESSIONS_START_ON_LISTED_DIRECTION_ONLY && d.dst.any && !trackedOut;
      if (starts === false || misplacedIn) {
        out.push({ l, entry, filter: d, neverStarts: starts === false, uplinkIn, ...(outList ? { out: outList } : {}) });
      }
    }
  }
  return out;
}

export const dynamicMisplaced: Rule<RtxModel> = {
  meta: {
    id: RULE_ID,
    language: 'rtx',
    severity: 'warning',
    description: 'A dynamic filter is listed on a direction where it can never start a session (e.g. on the WAN IN list for LAN-initiated traffic).',
  },
  check(model, _ctx, report) {
    for (const m of misplacedDynamics(model)) {
      const fam = m.l.family === 6 ? 'ipv6 filter dynamic' : 'ip filter dynamic';
      const where = listLabel(m.l, (b) => ifaceKey(b.iface));
      const uplink = m.l.binding ? ifaceKey(m.l.binding.iface) : '';
      let message = m.neverStarts
        ? `${fam} ${m.entry.num} (${what(m.filter)}) never opens a session on ${where}: its static filters pass none of the connections it tracks, and sessions start only after a static pass.`
        : `${fam} ${m.entry.num} (${what(m.filter)}) is on ${where}, the Internet uplink's receiving side: LAN-initiated connections never pass it, so they open no session and their replies are rejected there.`;
      if (m.uplinkIn) message += ` Dynamic filters belong on the direction that starts the connection — for LAN-initiated traffic, the OUT list of ${uplink}.`;
      report({ range: m.entry.token.range, message });
    }
  },
  fix(model, finding) {
    const at = listEntryAt(model, finding.range.start);
    if (!at || at.part !== 'dynamic') return [];
    const m = misplacedDynamics(model).find((x) => x.entry === at.entry);
    if (!m) return [];
    const cmd = model.commands[m.l.command];
    const removal = removeListEntry(cmd, m.entry, m.l.list, m.l.dynamic, dynamicTokenOf(m.l));
    const fixes: QuickFix[] = [];
    if (m.uplinkIn && m.out && removal && m.out.command !== m.l.command) {
      const already = m.out.dynamic.some((e) => e.num === m.entry.num);
      const edits: TextEdit[] = [removal];
      if (!already) {
        const lastDyn = m.out.dynamic[m.out.dynamic.length - 1];
        const lastStatic = m.out.list[m.out.list.length - 1];
        if (lastDyn) edits.push(insertAfter(lastDyn.token, String(m.entry.num)));
        else if (lastStatic) edits.push(insertAfter(lastStatic.token, `dynamic ${m.entry.num}`));
        else return [];
      }
      fixes.push({ title: `Move dynamic ${m.entry.num} to the OUT list of ${ifaceKey(m.l.binding!.iface)}`, rule: RULE_ID, edits, preferred: true });
    } else if (m.neverStarts && removal) {
      fixes.push({ title: `Remove dynamic ${m.entry.num} from this list (it never opens a session)`, rule: RULE_ID, edits: [removal] });
    }
    return fixes;
  },
};
