/**
 * Which interfaces face the Internet (WAN) and which networks are the LAN, derived from the
 * commands (reference §7). Each heuristic is a separate, named function that records the
 * command it relied on, so rules and hover can say *why* an interface is considered the WAN.
 */
import {
  formatIPv4,
  formatIPv6,
  formatPrefix,
  isPrivateIPv4,
  parseDynamicPrefix,
  parseIPv4,
  parseMask,
  parsePrefix,
  parsePrefix6,
  prefixContains,
  prefixContains6,
  prefixMask6,
  resolveDynamicPrefix,
  type Prefix,
  type PrefixResolver,
} from './address';
import { contextIface, IFACE_NAME, ifaceKey, sameIface, startsWith, words } from './command';
import type { DynamicPrefixSource, IfaceRef, RtxCommand, RtxModel, RtxToken } from './model';
import type { Range } from '../types';

/** The WAN heuristics, strongest first (reference §7 items 1–7), then the IPv6 ones. */
export type WanHeuristic =
  | 'default-route'
  | 'pppoe'
  | 'nat'
  | 'ethernet-wan'
  | 'tunnel-uplink'
  | 'gui-filters'
  | 'description'
  | 'prefix-source'
  | 'dhcpv6-client'
  | 'ngn'
  | 'ipv6cp';

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

/**
 * An IPv6 LAN network: a literal prefix, or one built from the prefix an upstream interface learns
 * (`ra-prefix@lan2::1/64`), which only a prefix resolution makes concrete.
 */
export interface LanNetwork6 {
  iface?: IfaceRef;
  /** As written: `2001:db8:1::/64` or `ra-prefix@lan2::/64`. */
  text: string;
  static?: { base: bigint; len: number };
  dynamic?: { source: DynamicPrefixSource; iface: string; suffix: bigint; prefix: number };
  /** The router's own address on it, as written (e.g. `ra-prefix@lan2::1`). */
  routerAddress?: string;
  source: 'address' | 'rtadv-prefix';
  command: number;
  range: Range;
}

/** IPv6 uplink heuristics (in addition to the default route). */
export const WAN6_HEURISTICS: readonly { id: WanHeuristic; description: string }[] = [
  { id: 'default-route', description: 'the IPv6 default route points at it (`ipv6 route default gateway …`)' },
  { id: 'prefix-source', description: 'LAN prefixes are taken from it (`ra-prefix@IF` / `dhcp-prefix@IF`)' },
  { id: 'dhcpv6-client', description: 'it runs the DHCPv6 client or takes its address by DHCPv6 / autoconfiguration' },
  { id: 'ngn', description: 'it is declared connected to the NGN (`ngn type IF ntt`)' },
  { id: 'ipv6cp', description: 'a PPPoE PP negotiating IPv6 (`ppp ipv6cp use on`)' },
];

export interface NetworkFacts {
  /** Every interface some heuristic marks as WAN, strongest evidence first. */
  wans: WanInterface[];
  /** IPv6 uplinks (reference §1.8, §7; NGN IPoE or PPPoE with IPv6). */
  wans6: WanInterface[];
  internetEgress6: WanInterface[];
  lans6: LanNetwork6[];
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
  return { wans: [], internetEgress: [], lans: [], addresses: [], pppoeCarriers: [], wans6: [], internetEgress6: [], lans6: [] };
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
  const v6 = analyzeIPv6(model, g);
  return {
    wans,
    internetEgress: egress,
    ...(basis ? { egressBasis: basis } : {}),
    lans: findLans(g, strongWans, carriers),
    addresses: g.addresses,
    pppoeCarriers: g.pppoe.map((p) => ({ pp: p.pp, port: p.port, command: p.command })),
    ...v6,
  };
}

// ----- IPv6 ------------------------------------------------------------------------------------

/** The number in an interface name (`lan2` → 2), for the documentation prefixes. */
function ifaceNumber(name: string): number {
  const m = /(\d+)/.exec(name);
  return m ? Number(m[1]) & 0xff : 0;
}

/**
 * Default resolution of learned prefixes (`DYNAMIC_PREFIXES_RESOLVE_TO_DOCUMENTATION_PREFIXES`):
 * `ra-prefix@lanN` → 2001:db8:ffNN::/64, `dhcp-prefix@lanN` → 2001:db8:feNN::/48.
 */
export const defaultPrefixes: PrefixResolver = (source, iface) => {
  const n = BigInt(ifaceNumber(iface));
  const top = (0x2001n << 112n) | (0x0db8n << 96n);
  return source === 'ra-prefix' ? { base: top | ((0xff00n | n) << 80n), len: 64 } : { base: top | ((0xfe00n | n) << 80n), len: 48 };
};

/** The concrete network of an IPv6 LAN under a prefix resolution (undefined when unresolved). */
export function lanNetwork6(lan: LanNetwork6, prefixes: PrefixResolver | undefined = defaultPrefixes): { base: bigint; len: number } | undefined {
  if (lan.static) return lan.static;
  return lan.dynamic ? resolveDynamicPrefix(lan.dynamic, prefixes) : undefined;
}

/** The IPv6 LAN network containing an address, if any. */
export function lanOf6(facts: NetworkFacts, ip: bigint, prefixes: PrefixResolver | undefined = defaultPrefixes): LanNetwork6 | undefined {
  return facts.lans6.find((l) => {
    const n = lanNetwork6(l, prefixes);
    return !!n && prefixContains6(n, ip);
  });
}

export function formatNetwork6(n: { base: bigint; len: number }): string {
  return `${formatIPv6(n.base & prefixMask6(n.len))}/${n.len}`;
}

function analyzeIPv6(model: RtxModel, g: Gathered): Pick<NetworkFacts, 'wans6' | 'internetEgress6' | 'lans6'> {
  const byKey = new Map<string, WanInterface>();
  const mark = (iface: IfaceRef, e: WanEvidence): void => {
    const k = ifaceKey(iface);
    let w = byKey.get(k);
    if (!w) byKey.set(k, (w = { iface, evidence: [] }));
    if (!w.evidence.some((x) => x.heuristic === e.heuristic)) w.evidence.push(e);
  };
  const addrs: { iface: IfaceRef; cmd: RtxCommand; value: RtxToken }[] = [];
  const prefixDefs = new Map<number, { value: RtxToken; cmd: RtxCommand }>();
  const rtadv: { iface: IfaceRef; ids: number[]; cmd: RtxCommand }[] = [];
  const ipv6cpPps = new Set<string>();
  const defaultRoutes: { cmd: RtxCommand; gateways: IfaceRef[] }[] = [];
  const noteSource = (cmd: RtxCommand, value: string): void => {
    const d = parseDynamicPrefix(value);
    if (d && !('error' in d) && d.kind === 'dynprefix') {
      mark({ kind: 'if', name: d.iface }, { heuristic: 'prefix-source', command: cmd.index, range: cmd.range, detail: `${d.source}@${d.iface} takes the LAN prefix from it` });
    }
  };
  for (const cmd of model.commands) {
    if (cmd.negated) continue;
    const w = words(cmd);
    const l = (i: number): string => w[i]?.lower ?? '';
    if (l(0) === 'ipv6' && l(2) === 'address' && w[3]) {
      const iface = commandIface(cmd, w[1]);
      if (!iface) continue;
      noteSource(cmd, w[3].value);
      if (w[3].lower === 'dhcp' || w[3].lower === 'autoconf') {
        mark(iface, { heuristic: 'dhcpv6-client', command: cmd.index, range: cmd.range, detail: `address by ${w[3].lower}` });
      } else addrs.push({ iface, cmd, value: w[3] });
    } else if (l(0) === 'ipv6' && l(1) === 'prefix' && /^\d+$/.test(l(2)) && w[3]) {
      noteSource(cmd, w[3].value);
      prefixDefs.set(Number(l(2)), { value: w[3], cmd });
    } else if (l(0) === 'ipv6' && l(2) === 'rtadv' && l(3) === 'send') {
      const iface = commandIface(cmd, w[1]);
      const ids = w.slice(4).filter((t) => /^\d+$/.test(t.value)).map((t) => Number(t.value));
      if (iface) rtadv.push({ iface, ids, cmd });
    } else if (l(0) === 'ipv6' && l(2) === 'dhcp' && l(3) === 'service' && l(4) === 'client') {
      const iface = commandIface(cmd, w[1]);
      if (iface) mark(iface, { heuristic: 'dhcpv6-client', command: cmd.index, range: cmd.range, detail: 'DHCPv6 client' });
    } else if (startsWith(cmd, 'ngn', 'type') && w[2] && l(3) !== 'off' && IFACE_NAME.test(l(2))) {
      mark({ kind: 'if', name: l(2) }, { heuristic: 'ngn', command: cmd.index, range: cmd.range, detail: `NGN (${l(3) || 'ntt'})` });
    } else if (startsWith(cmd, 'ppp', 'ipv6cp', 'use') && l(3) === 'on' && cmd.context.kind === 'pp') {
      ipv6cpPps.add(ifaceKey(contextIface(cmd.context)!));
    } else if (startsWith(cmd, 'ipv6', 'route') && (l(2) === 'default' || l(2) === '::/0')) {
      const gws: IfaceRef[] = [];
      for (let i = 3; i < w.length; i++) {
        if (w[i].lower !== 'gateway' || !w[i + 1]) continue;
        const t = w[i + 1].lower;
        const n = w[i + 2]?.lower ?? '';
        if ((t === 'pp' || t === 'tunnel') && /^\d+$/.test(n)) gws.push(t === 'pp' ? { kind: 'pp', id: Number(n) } : { kind: 'tunnel', id: Number(n) });
        else if (t === 'dhcp' && IFACE_NAME.test(n)) gws.push({ kind: 'if', name: n });
        else if (IFACE_NAME.test(t)) gws.push({ kind: 'if', name: t });
        else if (t.includes('%')) {
          const zone = t.slice(t.indexOf('%') + 1);
          if (IFACE_NAME.test(zone)) gws.push({ kind: 'if', name: zone });
        }
      }
      defaultRoutes.push({ cmd, gateways: gws });
    }
  }
  for (const p of g.pppoe) {
    if (ipv6cpPps.has(ifaceKey(p.pp))) mark(p.pp, { heuristic: 'ipv6cp', command: p.command, range: p.range, detail: `IPv6 over PPPoE on ${p.port}` });
  }
  for (const r of defaultRoutes) {
    for (const gw of r.gateways) mark(gw, { heuristic: 'default-route', command: r.cmd.index, range: r.cmd.range, detail: `IPv6 default route via ${ifaceKey(gw)}` });
  }
  const order: WanHeuristic[] = ['default-route', 'prefix-source', 'dhcpv6-client', 'ngn', 'ipv6cp'];
  const wans6 = [...byKey.values()];
  for (const w of wans6) w.evidence.sort((a, b) => order.indexOf(a.heuristic) - order.indexOf(b.heuristic));
  wans6.sort((a, b) => order.indexOf(a.evidence[0].heuristic) - order.indexOf(b.evidence[0].heuristic));
  const routed = wans6.filter((w) => w.evidence.some((e) => e.heuristic === 'default-route'));
  const internetEgress6 = routed.length > 0 ? routed : wans6;

  const isUplink = (iface: IfaceRef): boolean => wans6.some((w) => sameIface(w.iface, iface));
  const lans6: LanNetwork6[] = [];
  const add = (lan: LanNetwork6): void => {
    if (!lans6.some((x) => x.text === lan.text)) lans6.push(lan);
  };
  const fromValue = (value: string): Pick<LanNetwork6, 'static' | 'dynamic' | 'text'> | undefined => {
    const d = parseDynamicPrefix(value);
    if (d && !('error' in d) && d.kind === 'dynprefix') {
      const mask = prefixMask6(d.prefix);
      const base = d.suffix & mask;
      const slash = value.indexOf('/');
      const head = value.slice(0, value.indexOf('@') + 1) + d.iface;
      const text = `${head}${base === 0n ? '::' : formatIPv6(base).replace(/^0?::?/, ':')}/${d.prefix}`;
      return { dynamic: { source: d.source, iface: d.iface, suffix: base, prefix: d.prefix }, text: slash < 0 ? value : text };
    }
    const p = parsePrefix6(value);
    if (p && p.len < 128) return { static: { base: p.base, len: p.len }, text: formatNetwork6(p) };
    return undefined;
  };
  for (const a of addrs) {
    if (isUplink(a.iface)) continue;
    const net = fromValue(a.value.value);
    if (net) add({ iface: a.iface, ...net, routerAddress: a.value.value.replace(/\/\d+$/, ''), source: 'address', command: a.cmd.index, range: a.cmd.range });
  }
  for (const r of rtadv) {
    if (isUplink(r.iface)) continue;
    for (const id of r.ids) {
      const def = prefixDefs.get(id);
      const net = def && fromValue(def.value.value);
      if (net) add({ iface: r.iface, ...net, source: 'rtadv-prefix', command: def.cmd.index, range: def.cmd.range });
    }
  }
  return { wans6, internetEgress6, lans6 };
}

/** The LAN network containing an address, if any. */
export function lanOf(facts: NetworkFacts, ip: number): LanNetwork | undefined {
  return facts.lans.find((l) => prefixContains(l, ip));
}
