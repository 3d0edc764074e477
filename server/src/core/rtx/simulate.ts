/**
 * The IPv4 packet-filter simulator (reference §2.6–§2.7, §3.2–§3.4, §9).
 *
 * `evaluate` decides one interface+direction: no list ⇒ pass; otherwise an active dynamic
 * session on the interface passes; otherwise the static list is walked in written order, the
 * first matching filter decides, and a packet matching nothing is discarded (`default`).
 * `simulateFlow` chains several hops (a packet crossing the router is filtered by the ingress
 * interface's IN list, then the egress interface's OUT list); `lanToInternet` builds that chain
 * for a LAN host talking to the Internet. OUT filters see the packet before NAT, so the packets
 * given here carry the private LAN source. Packets are whole datagrams (`FRAGMENTS_NOT_MODELLED`).
 */
import * as A from './assumptions';
import { addrElemMatches, formatIPv4, parseIPv4, type AddrResolver } from './address';
import { ifaceKey, ifaceLogLabel, sameIface } from './command';
import { bindingFor } from './filter';
import type { AddrSpec, DynamicFilter, IfaceRef, ListEntry, PortSpec, ProtoSpec, RtxModel, SecureFilterBinding, StaticFilter } from './model';
import { lanOf, type LanNetwork, type WanInterface } from './network';
import { DYNAMIC_APPLICATIONS, PROTO_ICMP, PROTO_TCP, PROTO_UDP, PROTOCOL_MNEMONICS, TCP_FLAGS } from './ports';
import { actionLogs } from './terms';

/** A packet as the filter sees it. Addresses are dotted IPv4 strings. */
export interface Packet {
  src: string;
  dst: string;
  /** Protocol number or mnemonic (`tcp`, `udp`, `icmp`, `gre`, …). */
  proto: number | string;
  sport?: number;
  dport?: number;
  /** TCP flag bits (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20). Default for TCP: SYN. */
  tcpFlags?: number;
  icmpType?: number;
  icmpCode?: number;
}

interface NPacket {
  src: number;
  dst: number;
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
  src: number;
  dst: number;
  proto: number;
  sport?: number;
  dport?: number;
}

export interface SimOptions {
  /** Whether an interface's line is connected (for `restrict*`). Default: always connected. */
  connected?: (iface: IfaceRef) => boolean;
  /** Resolution of FQDN / map-e / hb46pp / @app elements. Unresolved elements never match. */
  resolve?: AddrResolver;
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
  /** A filter-set list (`secure filter name`), not modelled yet: treated as no list. */
  | 'filter-set';

export interface Decision {
  iface: IfaceRef;
  dir: 'in' | 'out';
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

function normalize(p: Packet): NPacket {
  const src = parseIPv4(p.src);
  const dst = parseIPv4(p.dst);
  if (src === undefined || dst === undefined) throw new Error(`not an IPv4 packet: ${p.src} > ${p.dst}`);
  let proto: number | undefined;
  if (typeof p.proto === 'number') proto = p.proto;
  else if (/^\d+$/.test(p.proto)) proto = Number(p.proto);
  else proto = PROTOCOL_MNEMONICS.get(p.proto.toLowerCase())?.number;
  if (proto === undefined || proto < 0 || proto > 255) throw new Error(`unknown protocol ${p.proto}`);
  const flags = p.tcpFlags ?? (proto === PROTO_TCP ? TCP_FLAGS.SYN : 0);
  return {
    src,
    dst,
    proto,
    flags,
    ...(p.sport !== undefined ? { sport: p.sport } : {}),
    ...(p.dport !== undefined ? { dport: p.dport } : {}),
    ...(p.icmpType !== undefined ? { icmpType: p.icmpType } : {}),
    ...(p.icmpCode !== undefined ? { icmpCode: p.icmpCode } : {}),
  };
}

// ----- matching ----------------------------------------------------------------------------

function addrMatches(spec: AddrSpec, ip: number, resolve?: AddrResolver): boolean {
  return spec.any || spec.elems.some((e) => addrElemMatches(e, ip, resolve));
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
        return p.proto === PROTO_ICMP && p.icmpType !== undefined && e.types.includes(p.icmpType);
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
  if (!ignoreAddresses && (!addrMatches(f.src, p.src, opts.resolve) || !addrMatches(f.dst, p.dst, opts.resolve))) return false;
  return protoMatches(f.proto, p) && portsMatch(f, p);
}

/** Whether a dynamic filter would open a session for this (passed) packet. */
function dynamicMatches(model: RtxModel, d: DynamicFilter, p: NPacket, opts: SimOptions): boolean {
  if (!addrMatches(d.src, p.src, opts.resolve) || !addrMatches(d.dst, p.dst, opts.resolve)) return false;
  if (d.trigger) {
    // Second form: only the protocol/port parts of the trigger filters count.
    return d.trigger.some((n) => {
      const f = model.filters.static.get(n);
      return !!f && filterMatches(f, p, opts, true);
    });
  }
  const app = d.application && DYNAMIC_APPLICATIONS.get(d.application.name);
  if (!app || app.inert) return false;
  if (p.proto === PROTO_TCP && app.tcpPorts) return app.tcpPorts.length === 0 || (p.dport !== undefined && app.tcpPorts.includes(p.dport));
  if (p.proto === PROTO_UDP && app.udpPorts) return app.udpPorts.length === 0 || (p.dport !== undefined && app.udpPorts.includes(p.dport));
  if (p.proto === PROTO_ICMP && app.icmp) return p.icmpType === 8;
  return false;
}

function sessionMatches(s: Session, iface: IfaceRef, p: NPacket): boolean {
  if (A.SESSIONS_ARE_PER_INTERFACE && !sameIface(s.iface, iface)) return false;
  if (s.proto !== p.proto) return false;
  const forward = s.src === p.src && s.dst === p.dst && s.sport === p.sport && s.dport === p.dport;
  const reverse = s.src === p.dst && s.dst === p.src && s.sport === p.dport && s.dport === p.sport;
  return forward || reverse;
}

// ----- one interface and direction --------------------------------------------------------

/** Decides one interface+direction. Throws only when `packet` is not a well-formed IPv4 packet. */
export function evaluate(model: RtxModel, iface: IfaceRef, dir: 'in' | 'out', packet: Packet, opts: SimOptions = {}): Decision {
  const p = normalize(packet);
  const binding = bindingFor(model, iface, dir);
  const base = { iface, dir, path: [] as PathStep[], undefinedFilters: [] as number[] };
  if (!binding) return { ...base, verdict: 'pass', reason: 'no-list', logged: false };
  if (binding.setName !== undefined) return { ...base, binding, verdict: 'pass', reason: 'filter-set', logged: false };

  if (opts.sessionBeforeStatic ?? A.SESSION_CHECKED_BEFORE_STATIC_LIST) {
    const hit = opts.sessions?.find((s) => sessionMatches(s, iface, p));
    if (hit) return { ...base, binding, verdict: 'pass', reason: 'session', logged: false, sessionHit: hit };
  }

  const connected = opts.connected?.(iface) ?? A.INTERFACES_CONNECTED_BY_DEFAULT;
  let decided: Pick<Decision, 'verdict' | 'reason' | 'filter' | 'position' | 'logged'> | undefined;
  for (let position = 0; position < binding.list.length && !decided; position++) {
    const entry = binding.list[position];
    const f = model.filters.static.get(entry.num);
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
    const dynamicOnly = binding.list.length === 0 && binding.dynamic.length > 0;
    decided =
      dynamicOnly && (opts.dynamicOnlyListPasses ?? A.DYNAMIC_ONLY_LIST_PASSES)
        ? { verdict: 'pass', reason: 'dynamic-only', logged: false }
        : { verdict: 'reject', reason: 'default', logged: true };
  }
  const d: Decision = { ...base, binding, ...decided };
  if (d.verdict === 'pass' || !(opts.rejectedCreatesNoSession ?? A.REJECTED_PACKET_CREATES_NO_SESSION)) {
    const dyn = binding.dynamic.map((e) => model.filters.dynamic.get(e.num)).filter((x): x is DynamicFilter => !!x);
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
  lan?: LanNetwork;
  wan: WanInterface;
}

/**
 * A LAN host's packet to the Internet: the LAN interface's IN list (when the source's LAN network
 * sits on a known interface), then the WAN's OUT list (pre-NAT source). One result per Internet
 * uplink (`network.internetEgress`), or only for `wan` when given.
 */
export function lanToInternet(model: RtxModel, packet: Packet, opts: SimOptions & { wan?: IfaceRef } = {}): InternetFlow[] {
  const src = parseIPv4(packet.src);
  const lan = src === undefined ? undefined : lanOf(model.network, src);
  const wans = opts.wan
    ? [model.network.wans.find((w) => sameIface(w.iface, opts.wan!)) ?? { iface: opts.wan, evidence: [] }]
    : model.network.internetEgress;
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
  const proto = PROTO_LOG_NAMES[p.proto] ?? String(p.proto);
  const ends = p.proto === PROTO_TCP || p.proto === PROTO_UDP || !A.PORTLESS_LOG_LINES_OMIT_PORTS;
  const src = `${formatIPv4(p.src)}${ends && p.sport !== undefined ? `:${p.sport}` : ''}`;
  const dst = `${formatIPv4(p.dst)}${ends && p.dport !== undefined ? `:${p.dport}` : ''}`;
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
      return `${where}: filter set ${d.binding?.setName} (not simulated; treated as no list)`;
  }
}
