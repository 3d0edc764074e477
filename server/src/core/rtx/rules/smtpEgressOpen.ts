/**
 * rtx-smtp-egress-open: a LAN host can open an SMTP connection (TCP SYN to port 25) to an
 * arbitrary Internet address — what infected PCs do to send spam directly, getting the
 * network's address onto blocklists.
 *
 * For every Internet uplink (network.internetEgress) and every LAN network, a probe packet from
 * a LAN host to a documentation address on port 25 is run through the LAN interface's IN list and
 * the uplink's OUT list. One finding per uplink that lets any LAN's probe out. The same is done
 * for IPv6 (`ipv6 … secure filter out` on the IPv6 uplink, LAN prefixes from `ipv6 IF address` /
 * `rtadv send`), where no NAT hides the LAN host either.
 */
import type { Rule, RuleContext } from '../../rule';
import type { QuickFix, Range, RelatedInfo } from '../../types';
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6, prefixContains, prefixContains6 } from '../address';
import { ifaceKey, parseIfaceKey } from '../command';
import { bindingFor } from '../filter';
import { createList, findPassAll, freeFilterBase, insertIntoList, staticFilterInsert, toEdits, type LineInsert } from '../edits';
import type { IfaceRef, RtxModel } from '../model';
import { lanNetwork6, type LanNetwork, type LanNetwork6, type WanInterface } from '../network';
import { lanToInternet, type Decision, type InternetFlow, type Packet } from '../simulate';

export const RULE_ID = 'rtx-smtp-egress-open';

/** The probe's LAN host: network address + 10 (192.168.100.10 in 192.168.100.0/24), if the network is big enough. */
export const PROBE_HOST_OFFSET = 10;
/** Candidate Internet destinations (documentation ranges); the first that is not a LAN or mail-server address is used. */
export const PROBE_DESTINATIONS = ['198.51.100.25', '192.0.2.25', '203.0.113.125'] as const;
/** IPv6 candidates (inside the documentation prefix, outside the default learned prefixes). */
export const PROBE_DESTINATIONS6 = ['2001:db8:c0de::25', '2001:db8:c0df::25'] as const;
export const PROBE_SOURCE_PORT = 50000;
export const SMTP_PORT = 25;
/** The IPv6 probe host: the LAN prefix + ::10. */
export const PROBE_HOST6_SUFFIX = 0x10n;

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

/** Mail-server addresses of a family from the settings and the workspace, in that order, without duplicates. */
export function mailServerAddresses(ctx: RuleContext, family: 4 | 6 = 4): string[] {
  const raw = [...ctx.settings.mailServers, ...(ctx.workspace.mailServers ?? []).map((m) => m.address)];
  const out: string[] = [];
  for (const r of raw) {
    let s: string | undefined;
    if (family === 4) {
      const n = parseIPv4(r.trim());
      s = n === undefined ? undefined : formatIPv4(n);
    } else {
      const n = parseIPv6(r.trim());
      s = n === undefined ? undefined : formatIPv6(n);
    }
    if (s !== undefined && !out.includes(s)) out.push(s); // names: not handled
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

function probeDestination6(model: RtxModel, ctx: RuleContext): string {
  const mail = new Set(mailServerAddresses(ctx, 6));
  for (const d of PROBE_DESTINATIONS6) {
    const n = parseIPv6(d)!;
    if (!mail.has(formatIPv6(n)) && !model.network.lans6.some((l) => { const net = lanNetwork6(l); return !!net && prefixContains6(net, n); })) return d;
  }
  return PROBE_DESTINATIONS6[0];
}

export function smtpProbe(lan: LanNetwork, dst: string, dport = SMTP_PORT): Packet | undefined {
  const host = probeHost(lan);
  if (host === undefined) return undefined;
  return { src: formatIPv4(host), dst, proto: 'tcp', sport: PROBE_SOURCE_PORT, dport, tcpFlags: 0x02 };
}

/** An IPv6 LAN host (prefix + ::10) talking to `dst` on `dport`; undefined when the prefix is unknown. */
export function smtpProbe6(lan: LanNetwork6, dst: string, dport = SMTP_PORT): Packet | undefined {
  const net = lanNetwork6(lan);
  if (!net || net.len > 124) return undefined;
  return { src: formatIPv6(net.base | PROBE_HOST6_SUFFIX), dst, proto: 'tcp', sport: PROBE_SOURCE_PORT, dport, tcpFlags: 0x02 };
}

export interface Leak {
  lan: LanNetwork | LanNetwork6;
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

/** The LAN networks whose probe to `dst:dport` passes the uplink `wan`. */
export function leaksOf(model: RtxModel, wan: WanInterface, dst: string, family: 4 | 6 = 4, dport = SMTP_PORT): Leak[] {
  const leaks: Leak[] = [];
  const lans: (LanNetwork | LanNetwork6)[] = family === 6 ? model.network.lans6 : model.network.lans;
  for (const lan of lans) {
    const probe = family === 6 ? smtpProbe6(lan as LanNetwork6, dst, dport) : smtpProbe(lan as LanNetwork, dst, dport);
    if (!probe) continue;
    const [flow] = lanToInternet(model, probe, { wan: wan.iface });
    if (!flow || flow.verdict !== 'pass') continue;
    const out = flow.hops[flow.hops.length - 1];
    leaks.push({ lan, probe, flow, out });
  }
  return leaks;
}

/** Per Internet uplink of each family: the LANs whose port-25 probe gets out. */
export interface UplinkLeak {
  family: 4 | 6;
  wan: WanInterface;
  dst: string;
  leaks: Leak[];
}

export function smtpLeaks(model: RtxModel, ctx: RuleContext): UplinkLeak[] {
  const out: UplinkLeak[] = [];
  const dst = probeDestination(model, ctx);
  for (const wan of model.network.internetEgress) {
    const leaks = leaksOf(model, wan, dst, 4);
    if (leaks.length) out.push({ family: 4, wan, dst, leaks });
  }
  const dst6 = probeDestination6(model, ctx);
  for (const wan of model.network.internetEgress6) {
    const leaks = leaksOf(model, wan, dst6, 6);
    if (leaks.length) out.push({ family: 6, wan, dst: dst6, leaks });
  }
  return out;
}

/** The range a finding about an uplink goes on: its OUT list line, else its select/address line. */
export function uplinkRange(model: RtxModel, wan: WanInterface, out: Decision, family: 4 | 6): Range {
  const binding = out.binding;
  if (binding && out.reason !== 'no-list') return model.commands[binding.command].range;
  if (family === 6) return wan.evidence[0]?.range ?? anchorRange(model, wan);
  return anchorRange(model, wan);
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
    case 'filter-set':
      return `passes: the filter set ${out.binding?.setName ?? ''} it names does not exist`;
    default:
      return 'passes';
  }
}

const bracket = (family: 4 | 6, dst: string, port: number): string => (family === 6 ? `[${dst}]:${port}` : `${dst}:${port}`);

export const smtpEgressOpen: Rule<RtxModel> = {
  meta: {
    id: RULE_ID,
    language: 'rtx',
    severity: 'warning',
    description: 'LAN hosts can send SMTP (TCP port 25) straight to any Internet address — how infected PCs spam.',
  },

  check(model, ctx, report) {
    for (const { family, wan, dst, leaks } of smtpLeaks(model, ctx)) {
      const first = leaks[0];
      const binding = first.out.binding;
      const range = uplinkRange(model, wan, first.out, family);
      const related: RelatedInfo[] = [];
      for (const l of leaks) {
        if (l.out.filter) related.push({ range: l.out.filter.range, message: `lets ${l.probe.src} → ${bracket(family, dst, SMTP_PORT)} out` });
      }
      const positions = leaks.map((l) => (l.out.reason === 'filter' ? l.out.position! : l.out.reason === 'dynamic-only' ? (binding?.list.length ?? 0) : -1));
      const known = positions.filter((p) => p >= 0);
      const position = first.out.reason === 'no-list' ? null : known.length ? Math.min(...known) : 0;
      const lanList = leaks.map((l) => l.lan.text).join(', ');
      report({
        range,
        message:
          `Outbound SMTP${family === 6 ? ' over IPv6' : ''} is open on ${ifaceKey(wan.iface)}: a TCP SYN from ${first.probe.src} (LAN ${lanList}) to ${bracket(family, dst, SMTP_PORT)} ` +
          `${describeOut(model, first.out)}. Infected LAN hosts can send spam directly; restrict port 25 to your mail servers.`,
        ...(related.length ? { related } : {}),
        data: { ...(family === 6 ? { family: 6 } : {}), wan: ifaceKey(wan.iface), lans: leaks.map((l) => l.lan.text), position },
      });
    }
  },

  fix(model, finding, ctx) {
    const data = (finding.data ?? {}) as { wan?: unknown; lans?: unknown; position?: unknown; family?: unknown };
    const family: 4 | 6 = data.family === 6 ? 6 : 4;
    const wan = typeof data.wan === 'string' ? parseIfaceKey(data.wan) : undefined;
    const lans = Array.isArray(data.lans) ? data.lans.filter((x): x is string => typeof x === 'string') : [];
    if (!wan || lans.length === 0) return [];
    const position = typeof data.position === 'number' ? data.position : null;
    const binding = bindingFor(model, wan, 'out', family);
    if ((position === null) !== !binding) return []; // the document no longer matches the finding
    if (binding?.setName !== undefined) return []; // a filter set: edit the set by hand
    const ip = family === 6 ? 'ipv6' : 'ip';
    const lanText = lans.join(',');
    const passAll = binding ? undefined : findPassAll(model, family);
    const offsets = [ALLOW_OFFSET, REJECT_OFFSET, ...(binding || passAll ? [] : [PASS_ALL_OFFSET])];
    const base = freeFilterBase(model, offsets, family);
    const n = base + REJECT_OFFSET;
    const m = base + ALLOW_OFFSET;

    const build = (title: string, filters: { num: number; line: string }[]): QuickFix | undefined => {
      const inserts: LineInsert[] = filters.map((f) => staticFilterInsert(model, f.num, f.line, family));
      const nums = filters.map((f) => f.num);
      let listEdit: LineInsert | undefined;
      if (binding) listEdit = insertIntoList(model, wan, 'out', position ?? 0, nums, family);
      else {
        let tail = passAll?.num;
        if (tail === undefined) {
          tail = base + PASS_ALL_OFFSET;
          inserts.push(staticFilterInsert(model, tail, `${ip} filter ${tail} pass * * * * *`, family));
        }
        listEdit = createList(model, wan, 'out', [...nums, tail], family);
      }
      if (!listEdit) return undefined;
      return { title, rule: RULE_ID, edits: toEdits([...inserts, listEdit]) };
    };

    const reject = { num: n, line: `${ip} filter ${n} reject-log ${lanText} * tcp * smtp` };
    const fixes: QuickFix[] = [];
    const block = build(`Block outbound SMTP${family === 6 ? ' over IPv6' : ''} from the LAN`, [reject]);
    if (block) fixes.push({ ...block, preferred: true });
    for (const server of mailServerAddresses(ctx, family)) {
      if (family === 4) {
        const lanNets = model.network.lans.filter((l) => lans.includes(l.text));
        const ip4 = parseIPv4(server)!;
        if (lanNets.some((l) => prefixContains(l, ip4))) continue; // a LAN relay is not reached through the WAN
      } else {
        const ip6 = parseIPv6(server)!;
        const inLan = model.network.lans6.filter((l) => lans.includes(l.text)).some((l) => { const net = lanNetwork6(l); return !!net && prefixContains6(net, ip6); });
        if (inLan) continue;
      }
      const f = build(`Allow SMTP only to ${server}`, [{ num: m, line: `${ip} filter ${m} pass ${lanText} ${server} tcp * smtp` }, reject]);
      if (f) fixes.push(f);
    }
    return fixes;
  },
};
