/**
 * rtx-smtp-egress-open: a LAN host can open an SMTP connection (TCP SYN to port 25) to an
 * arbitrary Internet address — what infected PCs do to send spam directly, getting the
 * network's address onto blocklists.
 *
 * For every Internet uplink (network.internetEgress) and every LAN network, a probe packet from
 * a LAN host to a documentation address on port 25 is run through the LAN interface's IN list and
 * the uplink's OUT list. One finding per uplink that lets any LAN's probe out.
 */
import type { Rule, RuleContext } from '../../rule';
import type { QuickFix, Range, RelatedInfo } from '../../types';
import { formatIPv4, parseIPv4, prefixContains } from '../address';
import { ifaceKey, parseIfaceKey } from '../command';
import { bindingFor } from '../filter';
import { createList, findPassAll, freeFilterBase, insertIntoList, staticFilterInsert, toEdits, type LineInsert } from '../edits';
import type { IfaceRef, RtxModel } from '../model';
import type { LanNetwork, WanInterface } from '../network';
import { lanToInternet, type Decision, type InternetFlow, type Packet } from '../simulate';

export const RULE_ID = 'rtx-smtp-egress-open';

/** The probe's LAN host: network address + 10 (192.168.100.10 in 192.168.100.0/24), if the network is big enough. */
export const PROBE_HOST_OFFSET = 10;
/** Candidate Internet destinations (documentation ranges); the first that is not a LAN or mail-server address is used. */
export const PROBE_DESTINATIONS = ['198.51.100.25', '192.0.2.25', '203.0.113.125'] as const;
export const PROBE_SOURCE_PORT = 50000;
export const SMTP_PORT = 25;

/** Offsets from the free base (see `freeFilterBase`): M = pass to a mail server, N = reject, P = pass-all for a new list. */
const ALLOW_OFFSET = 1;
const REJECT_OFFSET = 2;
const PASS_ALL_OFFSET = 9;

/** A LAN host address for the probe: base+10, else the first host that is not the router itself. */
export function probeHost(lan: LanNetwork): number | undefined {
  const size = 2 ** (32 - lan.len);
  const last = lan.base + size - 1;
  const candidates = [lan.base + PROBE_HOST_OFFSET];
  for (let i = 1; i <= 3; i++) candidates.push(lan.base + i);
  for (const c of candidates) {
    if (lan.len >= 31 ? c <= last : c > lan.base && c < last) {
      if (c !== lan.routerAddress) return c >>> 0;
    }
  }
  return undefined;
}

/** Mail-server IPv4 addresses from the settings and the workspace, in that order, without duplicates. */
export function mailServerAddresses(ctx: RuleContext): string[] {
  const raw = [...ctx.settings.mailServers, ...(ctx.workspace.mailServers ?? []).map((m) => m.address)];
  const out: string[] = [];
  for (const r of raw) {
    const n = parseIPv4(r.trim());
    if (n === undefined) continue; // IPv6 and names: not handled yet
    const s = formatIPv4(n);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

function probeDestination(model: RtxModel, ctx: RuleContext): string {
  const mail = new Set(mailServerAddresses(ctx));
  for (const d of PROBE_DESTINATIONS) {
    const n = parseIPv4(d)!;
    if (!mail.has(d) && !model.network.lans.some((l) => prefixContains(l, n))) return d;
  }
  return PROBE_DESTINATIONS[0];
}

export function smtpProbe(lan: LanNetwork, dst: string): Packet | undefined {
  const host = probeHost(lan);
  if (host === undefined) return undefined;
  return { src: formatIPv4(host), dst, proto: 'tcp', sport: PROBE_SOURCE_PORT, dport: SMTP_PORT, tcpFlags: 0x02 };
}

interface Leak {
  lan: LanNetwork;
  probe: Packet;
  flow: InternetFlow;
  out: Decision;
}

/** Where a finding about `wan` goes when it has no OUT list: its select line or address line. */
function anchorRange(model: RtxModel, wan: WanInterface): Range {
  const key = ifaceKey(wan.iface);
  if (wan.iface.kind !== 'if') {
    const block = model.blocks.find((b) => ifaceKey({ kind: b.context.kind, id: b.context.id } as IfaceRef) === key);
    if (block) return model.commands[block.select].range;
  } else {
    const addr = model.network.addresses.find((a) => ifaceKey(a.iface) === key);
    if (addr) return addr.range;
  }
  return wan.evidence[0]?.range ?? { start: 0, end: 0 };
}

function leaksOf(model: RtxModel, wan: WanInterface, dst: string): Leak[] {
  const leaks: Leak[] = [];
  for (const lan of model.network.lans) {
    const probe = smtpProbe(lan, dst);
    if (!probe) continue;
    const [flow] = lanToInternet(model, probe, { wan: wan.iface });
    if (!flow || flow.verdict !== 'pass') continue;
    const out = flow.hops[flow.hops.length - 1];
    if (out.reason === 'filter-set') continue; // filter sets are not simulated yet: no verdict
    leaks.push({ lan, probe, flow, out });
  }
  return leaks;
}

function describeOut(model: RtxModel, out: Decision): string {
  switch (out.reason) {
    case 'filter': {
      const line = model.text.slice(out.filter!.range.start, out.filter!.range.end);
      return `passes at OUT(${out.filter!.num}) \`${line.length > 120 ? `${line.slice(0, 117)}…` : line}\``;
    }
    case 'no-list':
      return 'passes: no out filter list';
    case 'dynamic-only':
      return 'passes: the out filter list has only dynamic filters';
    case 'session':
      return 'passes by a dynamic session';
    default:
      return 'passes';
  }
}

export const smtpEgressOpen: Rule<RtxModel> = {
  meta: {
    id: RULE_ID,
    language: 'rtx',
    severity: 'warning',
    description: 'LAN hosts can send SMTP (TCP port 25) straight to any Internet address — how infected PCs spam.',
  },

  check(model, ctx, report) {
    const dst = probeDestination(model, ctx);
    for (const wan of model.network.internetEgress) {
      const leaks = leaksOf(model, wan, dst);
      if (leaks.length === 0) continue;
      const first = leaks[0];
      const binding = first.out.binding;
      const range = binding && first.out.reason !== 'no-list' ? model.commands[binding.command].range : anchorRange(model, wan);
      const related: RelatedInfo[] = [];
      for (const l of leaks) {
        if (l.out.filter) related.push({ range: l.out.filter.range, message: `lets ${l.probe.src} → ${dst}:25 out` });
      }
      const positions = leaks.map((l) => (l.out.reason === 'filter' ? l.out.position! : l.out.reason === 'dynamic-only' ? (binding?.list.length ?? 0) : -1));
      const known = positions.filter((p) => p >= 0);
      const position = first.out.reason === 'no-list' ? null : known.length ? Math.min(...known) : 0;
      const lanList = leaks.map((l) => l.lan.text).join(', ');
      report({
        range,
        message:
          `Outbound SMTP is open on ${ifaceKey(wan.iface)}: a TCP SYN from ${first.probe.src} (LAN ${lanList}) to ${dst}:25 ` +
          `${describeOut(model, first.out)}. Infected LAN hosts can send spam directly; restrict port 25 to your mail servers.`,
        ...(related.length ? { related } : {}),
        data: { wan: ifaceKey(wan.iface), lans: leaks.map((l) => l.lan.text), position },
      });
    }
  },

  fix(model, finding, ctx) {
    const data = (finding.data ?? {}) as { wan?: unknown; lans?: unknown; position?: unknown };
    const wan = typeof data.wan === 'string' ? parseIfaceKey(data.wan) : undefined;
    const lans = Array.isArray(data.lans) ? data.lans.filter((x): x is string => typeof x === 'string') : [];
    if (!wan || lans.length === 0) return [];
    const position = typeof data.position === 'number' ? data.position : null;
    const binding = bindingFor(model, wan, 'out');
    if ((position === null) !== !binding) return []; // the document no longer matches the finding
    const lanText = lans.join(',');
    const lanNets = model.network.lans.filter((l) => lans.includes(l.text));
    const passAll = binding ? undefined : findPassAll(model);
    const offsets = [ALLOW_OFFSET, REJECT_OFFSET, ...(binding || passAll ? [] : [PASS_ALL_OFFSET])];
    const base = freeFilterBase(model, offsets);
    const n = base + REJECT_OFFSET;
    const m = base + ALLOW_OFFSET;

    const build = (title: string, filters: { num: number; line: string }[]): QuickFix | undefined => {
      const inserts: LineInsert[] = filters.map((f) => staticFilterInsert(model, f.num, f.line));
      const nums = filters.map((f) => f.num);
      let listEdit: LineInsert | undefined;
      if (binding) listEdit = insertIntoList(model, wan, 'out', position ?? 0, nums);
      else {
        let tail = passAll?.num;
        if (tail === undefined) {
          tail = base + PASS_ALL_OFFSET;
          inserts.push(staticFilterInsert(model, tail, `ip filter ${tail} pass * * * * *`));
        }
        listEdit = createList(model, wan, 'out', [...nums, tail]);
      }
      if (!listEdit) return undefined;
      return { title, rule: RULE_ID, edits: toEdits([...inserts, listEdit]) };
    };

    const reject = { num: n, line: `ip filter ${n} reject-log ${lanText} * tcp * smtp` };
    const fixes: QuickFix[] = [];
    const block = build('Block outbound SMTP from the LAN', [reject]);
    if (block) fixes.push({ ...block, preferred: true });
    for (const server of mailServerAddresses(ctx)) {
      const ip = parseIPv4(server)!;
      if (lanNets.some((l) => prefixContains(l, ip))) continue; // a LAN relay is not reached through the WAN
      const f = build(`Allow SMTP only to ${server}`, [{ num: m, line: `ip filter ${m} pass ${lanText} ${server} tcp * smtp` }, reject]);
      if (f) fixes.push(f);
    }
    return fixes;
  },
};
