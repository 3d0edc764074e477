/**
 * Which interfaces face the Internet (WAN) and which networks are the LAN, derived from the
 * commands (reference §7). Each heuristic is a separate, named function that records the
 * command it relied on, so rules and hover can say *why* an interface is considered the WAN.
 */
import { formatIPv4, formatPrefix, isPrivateIPv4, parseIPv4, parseMask, parsePrefix, prefixContains, type Prefix } from './address';
import { contextIface, IFACE_NAME, ifaceKey, sameIface, startsWith, words } from './command';
import type { IfaceRef, RtxCommand, RtxModel, RtxToken } from './model';
import type { Range } from '../types';

/** The WAN heuristics, strongest first (reference §7 items 1–7). */
export type WanHeuristic = 'default-route' | 'pppoe' | 'nat' | 'ethernet-wan' | 'tunnel-uplink' | 'gui-filters' | 'description';

export const WAN_HEURISTICS: readonly { id: WanHeuristic; description: string }[] = [
  { id: 'default-route', description: 'the default route points at it (`ip route default gateway …`)' },
  { id: 'pppoe', description: 'a PP that dials PPPoE (`pppoe use lanX`)' },
  { id: 'nat', description: 'it applies a NAT/masquerade descriptor (the network behind it is the outside)' },
  { id: 'ethernet-wan', description: 'an Ethernet interface taking its address by DHCP, or a public address on a wanN port' },
  { id: 'tunnel-uplink', description: 'a MAP-E / IPIP / hb46pp tunnel (IPoE Internet uplink)' },
  { id: 'gui-filters', description: 'it carries the GUI-generated 200000-series secure filter lists' },
  { id: 'description', description: 'its description mentions WAN/PPPoE/ISP (hint only)' },
];

/** Heuristics strong enough to call an interface a WAN on their own. */
const STRONG: ReadonlySet<WanHeuristic> = new Set(['default-route', 'pppoe', 'nat', 'ethernet-wan', 'tunnel-uplink']);

export interface WanEvidence {
  heuristic: WanHeuristic;
  command: number;
  range: Range;
  detail: string;
}

export interface WanInterface {
  iface: IfaceRef;
  evidence: WanEvidence[];
}

export interface InterfaceAddress {
  iface: IfaceRef;
  command: number;
  range: Range;
  kind: 'static' | 'dhcp' | 'other';
  secondary: boolean;
  prefix?: Prefix;
}

export interface LanNetwork {
  /** The interface the network sits on; undefined for a DHCP scope no interface address covers. */
  iface?: IfaceRef;
  base: number;
  len: number;
  mask: number;
  /** `192.168.100.0/24`. */
  text: string;
  /** The router's own address on it, when known. */
  routerAddress?: number;
  source: 'address' | 'secondary' | 'dhcp-scope';
  command: number;
  range: Range;
}

export interface NetworkFacts {
  /** Every interface some heuristic marks as WAN, strongest evidence first. */
  wans: WanInterface[];
  /** The interfaces Internet-bound traffic leaves through (see `chooseEgress`). */
  internetEgress: WanInterface[];
  /** The heuristic `internetEgress` rests on. */
  egressBasis?: WanHeuristic;
  lans: LanNetwork[];
  addresses: InterfaceAddress[];
  /** Ethernet ports that only carry PPPoE (`pppoe use lan2`). */
  pppoeCarriers: { pp: IfaceRef; port: string; command: number }[];
}

export function emptyNetworkFacts(): NetworkFacts {
  return { wans: [], internetEgress: [], lans: [], addresses: [], pppoeCarriers: [] };
}

// ----- gathering ---------------------------------------------------------------------------

type Gateway = { kind: 'iface'; iface: IfaceRef; token: RtxToken } | { kind: 'dhcp'; iface: IfaceRef; token: RtxToken } | { kind: 'addr'; addr: number; token: RtxToken };

interface Gathered {
  model: RtxModel;
  addresses: InterfaceAddress[];
  defaultRoutes: { command: number; gateways: Gateway[] }[];
  pppoe: { pp: IfaceRef; port: string; command: number; range: Range }[];
  natBindings: { iface: IfaceRef; ids: number[]; command: number; range: Range }[];
  natTypes: Map<number, string>;
  tunnelEncap: { iface: IfaceRef; encapsulation: string; command: number; range: Range }[];
  dhcpScopes: { prefix: Prefix; command: number; range: Range }[];
  descriptions: { iface: IfaceRef; text: string; command: number; range: Range }[];
}

/** The interface named by the token at `w[1]` of an `ip IFACE …` command (`pp`/`tunnel` = selected). */
function commandIface(cmd: RtxCommand, tok: RtxToken | undefined): IfaceRef | undefined {
  if (!tok) return undefined;
  if (tok.lower === 'pp' || tok.lower === 'tunnel') {
    const sel = contextIface(cmd.context);
    return sel && sel.kind === tok.lower ? sel : undefined;
  }
  return IFACE_NAME.test(tok.lower) ? { kind: 'if', name: tok.lower } : undefined;
}

function parseGateways(w: RtxToken[], from: number): Gateway[] {
  const out: Gateway[] = [];
  for (let i = from; i < w.length; i++) {
    if (w[i].lower !== 'gateway') continue;
    const t = w[i + 1];
    if (!t) break;
    const n = w[i + 2];
    if ((t.lower === 'pp' || t.lower === 'tunnel') && n) {
      if (/^\d+$/.test(n.value)) out.push({ kind: 'iface', iface: t.lower === 'pp' ? { kind: 'pp', id: Number(n.value) } : { kind: 'tunnel', id: Number(n.value) }, token: t });
      else if (t.lower === 'pp' && n.lower === 'anonymous') out.push({ kind: 'iface', iface: { kind: 'pp', id: 'anonymous' }, token: t });
    } else if (t.lower === 'dhcp' && n && IFACE_NAME.test(n.lower)) {
      out.push({ kind: 'dhcp', iface: { kind: 'if', name: n.lower }, token: t });
    } else if (IFACE_NAME.test(t.lower)) {
      out.push({ kind: 'iface', iface: { kind: 'if', name: t.lower }, token: t });
    } else {
      const a = parseIPv4(t.value);
      if (a !== undefined) out.push({ kind: 'addr', addr: a, token: t });
    }
  }
  return out;
}

function gather(model: RtxModel): Gathered {
  const g: Gathered = {
    model,
    addresses: [],
    defaultRoutes: [],
    pppoe: [],
    natBindings: [],
    natTypes: new Map(),
    tunnelEncap: [],
    dhcpScopes: [],
    descriptions: [],
  };
  for (const cmd of model.commands) {
    const w = words(cmd);
    const l = (i: number): string => w[i]?.lower ?? '';
    if (cmd.negated) {
      if (l(0) === 'ip' && l(2) === 'address') {
        const iface = commandIface(cmd, w[1]);
        if (iface) g.addresses = g.addresses.filter((a) => a.secondary || !sameIface(a.iface, iface));
      }
      continue;
    }
    if (l(0) === 'ip' && (l(2) === 'address' || (l(2) === 'secondary' && l(3) === 'address'))) {
      const iface = commandIface(cmd, w[1]);
      const secondary = l(2) === 'secondary';
      const v = w[secondary ? 4 : 3];
      if (!iface || !v) continue;
      const prefix = parsePrefix(v.value) ?? (parseIPv4(v.value) !== undefined ? parsePrefix(`${v.value}/32`) : undefined);
      const kind = v.lower === 'dhcp' ? 'dhcp' : prefix ? 'static' : 'other';
      // A later primary address replaces the earlier one.
      if (!secondary) g.addresses = g.addresses.filter((a) => a.secondary || !sameIface(a.iface, iface));
      g.addresses.push({ iface, command: cmd.index, range: cmd.range, kind, secondary, ...(prefix ? { prefix } : {}) });
    } else if (startsWith(cmd, 'ip', 'route') && (l(2) === 'default' || l(2) === '0.0.0.0/0' || l(2) === '0.0.0.0')) {
      g.defaultRoutes.push({ command: cmd.index, gateways: parseGateways(w, 3) });
    } else if (startsWith(cmd, 'pppoe', 'use') && cmd.context.kind === 'pp' && w[2]) {
      g.pppoe.push({ pp: contextIface(cmd.context)!, port: w[2].lower, command: cmd.index, range: cmd.range });
    } else if (l(0) === 'ip' && l(2) === 'nat' && l(3) === 'descriptor') {
      const iface = commandIface(cmd, w[1]);
      if (!iface) continue;
      const ids: number[] = [];
      for (const t of w.slice(4)) {
        if (t.lower === 'reverse') break;
        if (/^\d+$/.test(t.value)) ids.push(Number(t.value));
      }
      g.natBindings.push({ iface, ids, command: cmd.index, range: cmd.range });
    } else if (startsWith(cmd, 'nat', 'descriptor', 'type') && w[3] && w[4] && /^\d+$/.test(w[3].value)) {
      g.natTypes.set(Number(w[3].value), w[4].lower);
    } else if (startsWith(cmd, 'tunnel', 'encapsulation') && cmd.context.kind === 'tunnel' && w[2]) {
      g.tunnelEncap.push({ iface: contextIface(cmd.context)!, encapsulation: w[2].lower, command: cmd.index, range: cmd.range });
    } else if (startsWith(cmd, 'dhcp', 'scope') && w[2] && /^\d+$/.test(w[2].value) && w[3]) {
      const prefix = scopePrefix(w[3].value);
      if (prefix) g.dhcpScopes.push({ prefix, command: cmd.index, range: cmd.range });
    } else if (l(0) === 'description' && w[1] && w.length > 2) {
      const iface = commandIface(cmd, w[1]);
      if (iface) g.descriptions.push({ iface, text: w.slice(2).map((t) => t.value).join(' '), command: cmd.index, range: cmd.range });
    }
  }
  return g;
}

/** `192.168.100.2-192.168.100.191/24` (or `A/len`) to its network. */
function scopePrefix(s: string): Prefix | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const first = s.slice(0, slash).split('-')[0];
  const addr = parseIPv4(first);
  const m = parseMask(s.slice(slash + 1));
  if (addr === undefined || !m || m.prefix === undefined) return undefined;
  return { addr, base: (addr & m.mask) >>> 0, len: m.prefix, mask: m.mask };
}

// ----- heuristics (reference §7), each explicit ---------------------------------------------

type Mark = (iface: IfaceRef, e: WanEvidence) => void;

/** §7.1 — `ip route default gateway pp N | tunnel N | dhcp lanX | lanX | ADDR`. */
function byDefaultRoute(g: Gathered, mark: Mark): void {
  for (const r of g.defaultRoutes) {
    const cmd = g.model.commands[r.command];
    for (const gw of r.gateways) {
      let iface: IfaceRef | undefined;
      let detail: string;
      if (gw.kind === 'addr') {
        const a = g.addresses.find((x) => x.kind === 'static' && x.prefix && x.prefix.len < 32 && prefixContains(x.prefix, gw.addr));
        if (!a) continue;
        iface = a.iface;
        detail = `default route via ${formatIPv4(gw.addr)}, inside ${ifaceKey(a.iface)}'s network ${formatPrefix(a.prefix!)}`;
      } else {
        iface = gw.iface;
        detail = gw.kind === 'dhcp' ? `default route via the DHCP gateway of ${ifaceKey(iface)}` : `default route via ${ifaceKey(iface)}`;
      }
      mark(iface, { heuristic: 'default-route', command: r.command, range: cmd.range, detail });
    }
  }
}

/** §7.2 — a PP with `pppoe use lanX` dials the ISP over PPPoE. */
function byPppoe(g: Gathered, mark: Mark): void {
  for (const p of g.pppoe) mark(p.pp, { heuristic: 'pppoe', command: p.command, range: p.range, detail: `PPPoE over ${p.port}` });
}

/** §7.3 — an interface applying a `nat`/`masquerade` descriptor has the outside behind it. */
function byNat(g: Gathered, mark: Mark): void {
  for (const b of g.natBindings) {
    const id = b.ids.find((i) => /^(?:masquerade|nat|nat-masquerade)$/.test(g.natTypes.get(i) ?? ''));
    if (id !== undefined) mark(b.iface, { heuristic: 'nat', command: b.command, range: b.range, detail: `NAT descriptor ${id} (${g.natTypes.get(id)})` });
  }
}

/** §7.4 — `ip lanX address dhcp`, or a public address on a `wanN` port. */
function byEthernetWan(g: Gathered, mark: Mark): void {
  for (const a of g.addresses) {
    if (a.iface.kind !== 'if') continue;
    if (a.kind === 'dhcp') mark(a.iface, { heuristic: 'ethernet-wan', command: a.command, range: a.range, detail: 'address obtained by DHCP' });
    else if (a.prefix && /^wan\d+$/.test(a.iface.name) && !isPrivateIPv4(a.prefix.addr)) {
      mark(a.iface, { heuristic: 'ethernet-wan', command: a.command, range: a.range, detail: `public address ${formatIPv4(a.prefix.addr)}` });
    }
  }
}

/** §7.5 — MAP-E / IPIP / hb46pp tunnels are IPoE Internet uplinks (IPsec/L2TP ones are VPNs). */
function byTunnelUplink(g: Gathered, mark: Mark): void {
  for (const t of g.tunnelEncap) {
    if (/^(?:map-e|ipip|hb46pp)$/.test(t.encapsulation)) {
      mark(t.iface, { heuristic: 'tunnel-uplink', command: t.command, range: t.range, detail: `tunnel encapsulation ${t.encapsulation}` });
    }
  }
}

/** §7.6 — the GUI puts its 200000-series lists on the WAN. */
function byGuiFilters(g: Gathered, mark: Mark): void {
  for (const b of g.model.bindings) {
    if (b.family !== 4) continue;
    if (b.list.some((e) => e.num >= 200000 && e.num < 300000)) {
      const cmd = g.model.commands[b.command];
      mark(b.iface, { heuristic: 'gui-filters', command: b.command, range: cmd.range, detail: 'carries the GUI 200000-series filters' });
    }
  }
}

/** §7.7 — hints only: `description lan2 wan`, `description pp PRV/PPPoE/1:OCN`. */
function byDescription(g: Gathered, mark: Mark): void {
  for (const d of g.descriptions) {
    if (/\b(?:wan|pppoe|isp|internet|ipoe)\b|prv\//i.test(d.text)) {
      mark(d.iface, { heuristic: 'description', command: d.command, range: d.range, detail: `description '${d.text}'` });
    }
  }
}

const HEURISTICS: readonly [WanHeuristic, (g: Gathered, mark: Mark) => void][] = [
  ['default-route', byDefaultRoute],
  ['pppoe', byPppoe],
  ['nat', byNat],
  ['ethernet-wan', byEthernetWan],
  ['tunnel-uplink', byTunnelUplink],
  ['gui-filters', byGuiFilters],
  ['description', byDescription],
];

const rank = (h: WanHeuristic): number => HEURISTICS.findIndex(([id]) => id === h);

/**
 * Internet-bound traffic leaves through the default-route interfaces when there are any (a PPPoE
 * PP without the default route is typically a closed-network VPN); otherwise through every
 * interface a strong heuristic marks; otherwise the GUI-filter interfaces; otherwise the
 * description hints.
 */
function chooseEgress(wans: WanInterface[]): { egress: WanInterface[]; basis?: WanHeuristic } {
  const having = (pred: (h: WanHeuristic) => boolean): WanInterface[] => wans.filter((w) => w.evidence.some((e) => pred(e.heuristic)));
  for (const [test, basis] of [
    [(h: WanHeuristic) => h === 'default-route', undefined],
    [(h: WanHeuristic) => STRONG.has(h), undefined],
    [(h: WanHeuristic) => h === 'gui-filters', 'gui-filters'],
    [(h: WanHeuristic) => h === 'description', 'description'],
  ] as const) {
    const found = having(test);
    if (found.length > 0) {
      const best = basis ?? found.map((w) => w.evidence[0].heuristic).sort((a, b) => rank(a) - rank(b))[0];
      return { egress: found, basis: best };
    }
  }
  return { egress: [] };
}

/** LAN networks: addresses of interfaces that are not WANs or PPPoE carriers, plus DHCP scopes. */
function findLans(g: Gathered, strongWans: IfaceRef[], carriers: Set<string>): LanNetwork[] {
  const lans: LanNetwork[] = [];
  for (const a of g.addresses) {
    if (a.kind !== 'static' || !a.prefix || a.iface.kind !== 'if') continue;
    if (/^(?:loopback\d+|null)$/.test(a.iface.name) || carriers.has(a.iface.name)) continue;
    if (strongWans.some((w) => sameIface(w, a.iface))) continue;
    if (a.prefix.len >= 32) continue;
    if (lans.some((l) => l.base === a.prefix!.base && l.len === a.prefix!.len)) continue;
    lans.push({
      iface: a.iface,
      base: a.prefix.base,
      len: a.prefix.len,
      mask: a.prefix.mask,
      text: formatPrefix(a.prefix),
      routerAddress: a.prefix.addr,
      source: a.secondary ? 'secondary' : 'address',
      command: a.command,
      range: a.range,
    });
  }
  for (const s of g.dhcpScopes) {
    if (lans.some((l) => prefixContains(l, s.prefix.addr) && l.len <= s.prefix.len)) continue;
    const owner = g.addresses.find((a) => a.kind === 'static' && a.prefix && a.prefix.len < 32 && prefixContains(a.prefix, s.prefix.addr));
    lans.push({
      ...(owner && !strongWans.some((w) => sameIface(w, owner.iface)) ? { iface: owner.iface } : {}),
      base: s.prefix.base,
      len: s.prefix.len,
      mask: s.prefix.mask,
      text: formatPrefix(s.prefix),
      source: 'dhcp-scope',
      command: s.command,
      range: s.range,
    });
  }
  return lans;
}

export function analyzeNetwork(model: RtxModel): NetworkFacts {
  const g = gather(model);
  const byKey = new Map<string, WanInterface>();
  const mark: Mark = (iface, e) => {
    const k = ifaceKey(iface);
    let w = byKey.get(k);
    if (!w) byKey.set(k, (w = { iface, evidence: [] }));
    w.evidence.push(e);
  };
  for (const [, h] of HEURISTICS) h(g, mark);
  const wans = [...byKey.values()];
  for (const w of wans) w.evidence.sort((a, b) => rank(a.heuristic) - rank(b.heuristic));
  wans.sort((a, b) => rank(a.evidence[0].heuristic) - rank(b.evidence[0].heuristic));
  const { egress, basis } = chooseEgress(wans);
  const strongWans = wans.filter((w) => w.evidence.some((e) => STRONG.has(e.heuristic))).map((w) => w.iface);
  const carriers = new Set(g.pppoe.map((p) => p.port));
  return {
    wans,
    internetEgress: egress,
    ...(basis ? { egressBasis: basis } : {}),
    lans: findLans(g, strongWans, carriers),
    addresses: g.addresses,
    pppoeCarriers: g.pppoe.map((p) => ({ pp: p.pp, port: p.port, command: p.command })),
  };
}

/** The LAN network containing an address, if any. */
export function lanOf(facts: NetworkFacts, ip: number): LanNetwork | undefined {
  return facts.lans.find((l) => prefixContains(l, ip));
}
