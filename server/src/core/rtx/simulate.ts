/**
 * The packet-filter simulator for IPv4 and IPv6 (reference §2.6–§2.7, §2.10, §3.2–§3.4, §9).
 *
 * `evaluate` decides one interface+direction: no list ⇒ pass; otherwise an active dynamic
 * session on the interface passes; otherwise the static list (the binding's own, or its filter
 * set's for `secure filter name SET`) is walked in written order, the first matching filter
 * decides, and a packet matching nothing is discarded (`default`). A pass that matches a listed
 * dynamic filter opens a session. `simulateFlow` chains several hops (a packet crossing the router
 * is filtered by the ingress interface's IN list, then the egress interface's OUT list);
 * `lanToInternet` builds that chain for a LAN host talking to the Internet over the uplink of the
 * packet's IP version. OUT filters see the packet before NAT, so the packets given here carry the
 * private LAN source. Packets are whole datagrams (`FRAGMENTS_NOT_MODELLED`).
 */
import * as A from './assumptions';
import { addrElemMatches, addrElemMatches6, formatIPv4, formatIPv6, parseIPv4, parseIPv6, type AddrResolver, type PrefixResolver } from './address';
import { ifaceKey, ifaceLogLabel, sameIface } from './command';
import { bindingFor, effectiveLists, filterSpace } from './filter';
import type { AddrSpec, DynamicFilter, FilterSetList, IfaceRef, ListEntry, PortSpec, ProtoSpec, RtxModel, SecureFilterBinding, StaticFilter } from './model';
import { defaultPrefixes, lanOf, lanOf6, type LanNetwork, type LanNetwork6, type WanInterface } from './network';
import { DYNAMIC_APPLICATIONS, PROTO_ICMP, PROTO_ICMP6, PROTO_TCP, PROTO_UDP, PROTOCOL_MNEMONICS, TCP_FLAGS } from './ports';
import { actionLogs } from './terms';

/** A packet as the filter sees it. Addresses are IPv4 (dotted) or IPv6 strings, both of one family. */
export interface Packet {
  src: string;
  dst: string;
  /** Protocol number or mnemonic (`tcp`, `udp`, `icmp`, `gre`, …; for IPv6 `icmp` / `icmp6` is ICMPv6). */
  proto: number | string;
  sport?: number;
  dport?: number;
  /** TCP flag bits (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20). Default for TCP: SYN. */
  tcpFlags?: number;
  icmpType?: number;
  icmpCode?: number;
}

/** A normalised packet: IPv4 addresses as numbers, IPv6 addresses as bigints. */
export interface NPacket {
  family: 4 | 6;
  src: number | bigint;
  dst: number | bigint;
  proto: number;
  sport?: number;
  dport?: number;
  flags: number;
  icmpType?: number;
  icmpCode?: number;
}

/** A dynamic-filter session (connection entry) created on one interface. */
export interface Session {
  iface: IfaceRef;
  filter: DynamicFilter;
  src: number | bigint;
  dst: number | bigint;
  proto: number;
  sport?: number;
  dport?: number;
}

export interface SimOptions {
  /** Whether an interface's line is connected (for `restrict*`). Default: always connected. */
  connected?: (iface: IfaceRef) => boolean;
  /** Resolution of FQDN / map-e / hb46pp / @app elements. Unresolved elements never match. */
  resolve?: AddrResolver;
  /**
   * The prefixes learned on upstream interfaces (`ra-prefix@lan2…`, `dhcp-prefix@lan2…`). Default:
   * documentation prefixes (`DYNAMIC_PREFIXES_RESOLVE_TO_DOCUMENTATION_PREFIXES`).
   */
  prefixes?: PrefixResolver;
  /** Active sessions (from earlier `evaluate` results). */
  sessions?: readonly Session[];
  /** Overrides of the assumptions in assumptions.ts. */
  dynamicOnlyListPasses?: boolean;
  sessionBeforeStatic?: boolean;
  rejectedCreatesNoSession?: boolean;
}

export type PathOutcome = 'no-match' | 'match' | 'undefined';

export interface PathStep {
  position: number;
  entry: ListEntry;
  outcome: PathOutcome;
  filter?: StaticFilter;
}

export type DecisionReason =
  /** No list for this interface and direction: everything passes. */
  | 'no-list'
  /** A static filter of the list matched. */
  | 'filter'
  /** Nothing in the list matched: implicit discard. */
  | 'default'
  /** An active dynamic session on this interface. */
  | 'session'
  /** The list has only dynamic filters (`DYNAMIC_ONLY_LIST_PASSES`). */
  | 'dynamic-only'
  /** `secure filter name SET` with no such set: treated as no list (everything passes). */
  | 'filter-set';

export interface Decision {
  iface: IfaceRef;
  dir: 'in' | 'out';
  family: 4 | 6;
  /** The filter-set list evaluated, for a `secure filter name SET` binding. */
  set?: FilterSetList;
  verdict: 'pass' | 'reject';
  reason: DecisionReason;
  binding?: SecureFilterBinding;
  /** The deciding filter and its position in the list (reason `filter`). */
  filter?: StaticFilter;
  position?: number;
  /** Every list entry looked at, in order. */
  path: PathStep[];
  /** Listed numbers without a definition (skipped). */
  undefinedFilters: number[];
  /** Whether the router writes a filter log line for this decision. */
  logged: boolean;
  /** The session this packet hit (reason `session`). */
  sessionHit?: Session;
  /** The session this packet opened (a pass plus a matching listed dynamic filter). */
  session?: Session;
}

/** Parses and checks a packet; throws with a message naming the bad field. */
export function normalize(p: Packet): NPacket {
  const src4 = parseIPv4(p.src);
  const dst4 = parseIPv4(p.dst);
  const src6 = src4 === undefined ? parseIPv6(p.src) : undefined;
  const dst6 = dst4 === undefined ? parseIPv6(p.dst) : undefined;
  let family: 4 | 6;
  if (src4 !== undefined && dst4 !== undefined) family = 4;
  else if (src6 !== undefined && dst6 !== undefined) family = 6;
  else if ((src4 !== undefined || src6 !== undefined) && (dst4 !== undefined || dst6 !== undefined)) throw new Error(`source and destination are of different IP versions: ${p.src} > ${p.dst}`);
  else throw new Error(`not an IPv4 or IPv6 packet: ${p.src} > ${p.dst}`);
  let proto: number | undefined;
  if (typeof p.proto === 'number') proto = p.proto;
  else if (/^\d+$/.test(p.proto)) proto = Number(p.proto);
  else {
    const name = p.proto.toLowerCase();
    if (family === 6 && (name === 'icmp' || name === 'icmp6')) proto = PROTO_ICMP6;
    else if (name === 'icmp4') proto = PROTO_ICMP;
    else proto = PROTOCOL_MNEMONICS.get(name)?.number;
  }
  if (proto === undefined || !Number.isInteger(proto) || proto < 0 || proto > 255) throw new Error(`unknown protocol ${p.proto}`);
  const flags = p.tcpFlags ?? (proto === PROTO_TCP ? TCP_FLAGS.SYN : 0);
  return {
    family,
    src: family === 4 ? src4! : src6!,
    dst: family === 4 ? dst4! : dst6!,
    proto,
    flags,
    ...(p.sport !== undefined ? { sport: p.sport } : {}),
    ...(p.dport !== undefined ? { dport: p.dport } : {}),
    ...(p.icmpType !== undefined ? { icmpType: p.icmpType } : {}),
    ...(p.icmpCode !== undefined ? { icmpCode: p.icmpCode } : {}),
  };
}

/** The prefix resolution in force: the caller's, else the documentation prefixes. */
function prefixesOf(opts: SimOptions): PrefixResolver | undefined {
  return opts.prefixes ?? (A.DYNAMIC_PREFIXES_RESOLVE_TO_DOCUMENTATION_PREFIXES ? defaultPrefixes : undefined);
}

// ----- matching ----------------------------------------------------------------------------

function addrMatches(spec: AddrSpec, ip: number | bigint, opts: SimOptions): boolean {
  if (spec.any) return true;
  if (typeof ip === 'bigint') {
    const prefixes = prefixesOf(opts);
    return spec.elems.some((e) => addrElemMatches6(e, ip, opts.resolve, prefixes));
  }
  return spec.elems.some((e) => addrElemMatches(e, ip, opts.resolve));
}

function protoMatches(spec: ProtoSpec, p: NPacket): boolean {
  if (spec.any) return true;
  return spec.elems.some((e) => {
    switch (e.kind) {
      case 'number':
        return p.proto === e.proto;
      case 'tcpflag':
        return p.proto === PROTO_TCP && (((p.flags & e.mask) === e.value) !== e.negate);
      case 'icmp-class':
        return p.proto === (e.proto ?? PROTO_ICMP) && p.icmpType !== undefined && e.types.includes(p.icmpType);
    }
  });
}

function portMatches(spec: PortSpec, port: number | undefined): boolean {
  if (spec.any) return true;
  if (port === undefined) return false;
  return spec.elems.some((e) => e.ports.some((r) => r.from <= port && port <= r.to));
}

function portsMatch(f: StaticFilter, p: NPacket): boolean {
  switch (f.portMode) {
    case 'icmp':
      return portMatches(f.sport, p.icmpType) && portMatches(f.dport, p.icmpCode);
    case 'tcp-udp':
      // Ports are compared only for TCP/UDP packets; any other protocol matches regardless.
      if (p.proto !== PROTO_TCP && p.proto !== PROTO_UDP) return true;
      return portMatches(f.sport, p.sport) && portMatches(f.dport, p.dport);
    case 'ignored':
      return true;
  }
}

/** Whether one static filter matches the packet (reference §2.7). Addresses are not checked when `ignoreAddresses`. */
export function filterMatches(f: StaticFilter, packet: Packet | NPacket, opts: SimOptions = {}, ignoreAddresses = false): boolean {
  const p = 'flags' in packet ? packet : normalize(packet);
  if ((f.family ?? 4) !== p.family) return false;
  if (!ignoreAddresses && (!addrMatches(f.src, p.src, opts) || !addrMatches(f.dst, p.dst, opts))) return false;
  return protoMatches(f.proto, p) && portsMatch(f, p);
}

/** Whether a dynamic filter would open a session for this (passed) packet. */
export function dynamicMatches(model: RtxModel, d: DynamicFilter, p: NPacket, opts: SimOptions = {}): boolean {
  if (!addrMatches(d.src, p.src, opts) || !addrMatches(d.dst, p.dst, opts)) return false;
  if (d.trigger) {
    // Second form: only the protocol/port parts of the trigger filters count.
    const space = filterSpace(model, p.family);
    return d.trigger.some((n) => {
      const f = space.static.get(n);
      return !!f && filterMatches(f, p, opts, true);
    });
  }
  const app = d.application && DYNAMIC_APPLICATIONS.get(d.application.name);
  if (!app || app.inert) return false;
  if (p.proto === PROTO_TCP && app.tcpPorts) return app.tcpPorts.length === 0 || (p.dport !== undefined && app.tcpPorts.includes(p.dport));
  if (p.proto === PROTO_UDP && app.udpPorts) return app.udpPorts.length === 0 || (p.dport !== undefined && app.udpPorts.includes(p.dport));
  if (p.family === 4 && p.proto === PROTO_ICMP && app.icmp) return p.icmpType === 8;
  if (p.family === 6 && p.proto === PROTO_ICMP6 && app.icmp6) return p.icmpType === 128;
  return false;
}

function sessionMatches(s: Session, iface: IfaceRef, p: NPacket): boolean {
  if (A.SESSIONS_ARE_PER_INTERFACE && !sameIface(s.iface, iface)) return false;
  if (s.proto !== p.proto || typeof s.src !== typeof p.src) return false;
  const forward = s.src === p.src && s.dst === p.dst && s.sport === p.sport && s.dport === p.dport;
  const reverse = s.src === p.dst && s.dst === p.src && s.sport === p.dport && s.dport === p.sport;
  return forward || reverse;
}

// ----- one interface and direction --------------------------------------------------------

/**
 * Decides one interface+direction for a packet of either family (the binding of the packet's
 * family is used). Throws only when `packet` is not a well-formed IPv4 or IPv6 packet.
 */
export function evaluate(model: RtxModel, iface: IfaceRef, dir: 'in' | 'out', packet: Packet | NPacket, opts: SimOptions = {}): Decision {
  const p = 'flags' in packet ? packet : normalize(packet);
  const binding = bindingFor(model, iface, dir, p.family);
  const base = { iface, dir, family: p.family, path: [] as PathStep[], undefinedFilters: [] as number[] };
  if (!binding) return { ...base, verdict: 'pass', reason: 'no-list', logged: false };
  const lists = effectiveLists(model, binding);
  if (!lists) return { ...base, binding, verdict: 'pass', reason: 'filter-set', logged: false };
  const withSet = lists.set ? { set: lists.set } : {};

  if (opts.sessionBeforeStatic ?? A.SESSION_CHECKED_BEFORE_STATIC_LIST) {
    const hit = opts.sessions?.find((s) => sessionMatches(s, iface, p));
    if (hit) return { ...base, ...withSet, binding, verdict: 'pass', reason: 'session', logged: false, sessionHit: hit };
  }

  const space = filterSpace(model, p.family);
  const connected = opts.connected?.(iface) ?? A.INTERFACES_CONNECTED_BY_DEFAULT;
  let decided: Pick<Decision, 'verdict' | 'reason' | 'filter' | 'position' | 'logged'> | undefined;
  for (let position = 0; position < lists.list.length && !decided; position++) {
    const entry = lists.list[position];
    const f = space.static.get(entry.num);
    if (!f) {
      base.path.push({ position, entry, outcome: 'undefined' });
      base.undefinedFilters.push(entry.num);
      if (A.UNDEFINED_FILTER_IN_LIST_IS_SKIPPED) continue;
      break;
    }
    if (!filterMatches(f, p, opts)) {
      base.path.push({ position, entry, outcome: 'no-match', filter: f });
      continue;
    }
    base.path.push({ position, entry, outcome: 'match', filter: f });
    const passed = f.action.verdict === 'pass' || (f.action.verdict === 'restrict' && connected);
    decided = { verdict: passed ? 'pass' : 'reject', reason: 'filter', filter: f, position, logged: actionLogs(f.action, passed) };
  }
  if (!decided) {
    const dynamicOnly = lists.list.length === 0 && lists.dynamic.length > 0;
    decided =
      dynamicOnly && (opts.dynamicOnlyListPasses ?? A.DYNAMIC_ONLY_LIST_PASSES)
        ? { verdict: 'pass', reason: 'dynamic-only', logged: false }
        : { verdict: 'reject', reason: 'default', logged: true };
  }
  const d: Decision = { ...base, ...withSet, binding, ...decided };
  if (d.verdict === 'pass' || !(opts.rejectedCreatesNoSession ?? A.REJECTED_PACKET_CREATES_NO_SESSION)) {
    const dyn = lists.dynamic.map((e) => space.dynamic.get(e.num)).filter((x): x is DynamicFilter => !!x);
    const candidates = dyn.filter((x) => dynamicMatches(model, x, p, opts));
    const chosen = A.FIRST_LISTED_DYNAMIC_FILTER_WINS ? candidates[0] : candidates[candidates.length - 1];
    if (chosen) {
      d.session = {
        iface,
        filter: chosen,
        src: p.src,
        dst: p.dst,
        proto: p.proto,
        ...(p.sport !== undefined ? { sport: p.sport } : {}),
        ...(p.dport !== undefined ? { dport: p.dport } : {}),
      };
    }
  }
  return d;
}

// ----- flows -------------------------------------------------------------------------------

export interface Hop {
  iface: IfaceRef;
  dir: 'in' | 'out';
}

export interface FlowResult {
  verdict: 'pass' | 'reject';
  /** Decisions of the hops evaluated, in order (stops at the first reject). */
  hops: Decision[];
  /** The hop that rejected, or the last hop when the packet passed. */
  decidedBy?: Decision;
}

export function simulateFlow(model: RtxModel, hops: readonly Hop[], packet: Packet, opts: SimOptions = {}): FlowResult {
  const out: Decision[] = [];
  for (const h of hops) {
    const d = evaluate(model, h.iface, h.dir, packet, opts);
    out.push(d);
    if (d.verdict === 'reject') return { verdict: 'reject', hops: out, decidedBy: d };
  }
  return { verdict: 'pass', hops: out, ...(out.length ? { decidedBy: out[out.length - 1] } : {}) };
}

export interface InternetFlow extends FlowResult {
  lan?: LanNetwork | LanNetwork6;
  wan: WanInterface;
}

/**
 * A LAN host's packet to the Internet: the LAN interface's IN list (when the source's LAN network
 * sits on a known interface), then the WAN's OUT list (pre-NAT source). One result per Internet
 * uplink of the packet's family (`network.internetEgress` / `internetEgress6`), or only for `wan`
 * when given. Throws when the packet is malformed.
 */
export function lanToInternet(model: RtxModel, packet: Packet, opts: SimOptions & { wan?: IfaceRef } = {}): InternetFlow[] {
  const p = normalize(packet);
  const net = model.network;
  const lan = typeof p.src === 'bigint' ? lanOf6(net, p.src, prefixesOf(opts)) : lanOf(net, p.src);
  const known = p.family === 6 ? net.wans6 : net.wans;
  const wans = opts.wan ? [known.find((w) => sameIface(w.iface, opts.wan!)) ?? { iface: opts.wan, evidence: [] }] : p.family === 6 ? net.internetEgress6 : net.internetEgress;
  return wans.map((wan) => {
    const hops: Hop[] = [];
    if (lan?.iface && !sameIface(lan.iface, wan.iface)) hops.push({ iface: lan.iface, dir: 'in' });
    hops.push({ iface: wan.iface, dir: 'out' });
    return { ...simulateFlow(model, hops, packet, opts), ...(lan ? { lan } : {}), wan };
  });
}

// ----- rendering ---------------------------------------------------------------------------

const PROTO_LOG_NAMES: Record<number, string> = { 1: 'ICMP', 6: 'TCP', 17: 'UDP' };

/** The filter log line the router would write for a logged decision (reference §5.3), else undefined. */
export function logLine(d: Decision, packet: Packet): string | undefined {
  if (!d.logged) return undefined;
  const p = normalize(packet);
  const what = d.verdict === 'pass' ? 'Passed' : 'Rejected';
  const at = d.reason === 'default' ? 'default' : String(d.filter?.num ?? 'default');
  const proto = p.family === 6 && p.proto === PROTO_ICMP6 ? 'ICMPv6' : (PROTO_LOG_NAMES[p.proto] ?? String(p.proto));
  const ends = p.proto === PROTO_TCP || p.proto === PROTO_UDP || !A.PORTLESS_LOG_LINES_OMIT_PORTS;
  const addr = (a: number | bigint, port: number | undefined): string => {
    const text = typeof a === 'bigint' ? formatIPv6(a) : formatIPv4(a);
    if (!ends || port === undefined) return text;
    return typeof a === 'bigint' && A.IPV6_LOG_ADDRESSES_BRACKETED ? `[${text}]:${port}` : `${text}:${port}`;
  };
  const src = addr(p.src, p.sport);
  const dst = addr(p.dst, p.dport);
  return `${ifaceLogLabel(d.iface)} ${what} at ${d.dir.toUpperCase()}(${at}) filter: ${proto} ${src} > ${dst}`;
}

/** Short human description of a decision: `OUT(200099) pass`, `IN(default) reject`, `no list`. */
export function describeDecision(d: Decision): string {
  const where = `${ifaceKey(d.iface)} ${d.dir}`;
  switch (d.reason) {
    case 'no-list':
      return `${where}: no filter list (passes)`;
    case 'filter':
      return `${where}: ${d.verdict} at ${d.dir.toUpperCase()}(${d.filter!.num})`;
    case 'default':
      return `${where}: reject at ${d.dir.toUpperCase()}(default) — no filter matched`;
    case 'session':
      return `${where}: pass by dynamic session (filter dynamic ${d.sessionHit!.filter.num})`;
    case 'dynamic-only':
      return `${where}: pass (list has only dynamic filters)`;
    case 'filter-set':
      return `${where}: no filter set named ${d.binding?.setName} (passes, as if no list)`;
  }
}
