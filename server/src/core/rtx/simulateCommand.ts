/**
 * The packet-filter simulation behind `senderguard rtx simulate`: validated inputs in, a verdict
 * and the filter decisions along the path out. Pure (the CLI reads the file and prints).
 *
 * Without an interface the packet is a LAN host's connection to the Internet: the LAN
 * interface's IN list (when the source lies in a known LAN network), then the OUT list of the
 * Internet uplink (the first one, for the packet's IP version). With `interface` and `direction`
 * exactly that one list is evaluated.
 */
import { parseIPv4, parseIPv6, parsePrefix6 } from './address';
import { ifaceKey, IFACE_NAME, parseIfaceKey } from './command';
import type { IfaceRef, RtxModel } from './model';
import { PROTO_ICMP, PROTO_ICMP6, PROTO_TCP, PROTO_UDP, PROTOCOL_MNEMONICS, TCP_FLAGS } from './ports';
import { evaluate, lanToInternet, logLine, normalize, type Decision, type Packet, type SimOptions } from './simulate';

/** Raw inputs as given on a command line (strings, all optional). */
export interface SimulateArgs {
  from?: string;
  to?: string;
  proto?: string;
  port?: string;
  sport?: string;
  interface?: string;
  direction?: string;
  /** `syn`, `ack`, `syn,ack`, `fin`, `rst`, or `0x12`. */
  tcpFlags?: string;
  icmpType?: string;
  icmpCode?: string;
  /** `false` models a disconnected line (for `restrict` filters). */
  connected?: boolean;
  /** Learned prefixes: `ra-prefix@lan2=2001:db8:1:2::/64`. */
  prefixes?: string[];
}

export interface SimulateInput {
  packet: Packet;
  family: 4 | 6;
  hop?: { iface: IfaceRef; dir: 'in' | 'out' };
  connected: boolean;
  prefixes: Map<string, { base: bigint; len: number }>;
}

export interface SimulateStep {
  /** `lan1`, `pp 1`, `tunnel 2`. */
  interface: string;
  direction: 'in' | 'out';
  /** The deciding filter number, or what decided instead. */
  filter: number | 'default' | 'no-list' | 'session' | 'dynamic-only' | 'no-such-set';
  action: 'pass' | 'reject';
  /** One line of explanation. */
  reason: string;
  /** The filter log line the router would write, when it writes one. */
  log?: string;
}

export interface SimulateResult {
  verdict: 'pass' | 'reject';
  family: 4 | 6;
  /** `LAN → Internet via pp 1`, or `pp 1 out`. */
  path: string;
  steps: SimulateStep[];
}

/** Default source port of the simulated connection. */
export const DEFAULT_SOURCE_PORT = 50000;

const FLAG_NAMES: Record<string, number> = { fin: TCP_FLAGS.FIN, syn: TCP_FLAGS.SYN, rst: TCP_FLAGS.RST, psh: TCP_FLAGS.PSH, ack: TCP_FLAGS.ACK, urg: TCP_FLAGS.URG };

function portValue(v: string, what: string, errors: string[]): number | undefined {
  if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) {
    errors.push(`${what} must be a number 0-65535, not '${v}'`);
    return undefined;
  }
  return Number(v);
}

function byteValue(v: string, what: string, errors: string[]): number | undefined {
  if (!/^\d{1,3}$/.test(v) || Number(v) > 255) {
    errors.push(`${what} must be a number 0-255, not '${v}'`);
    return undefined;
  }
  return Number(v);
}

/** `lan1`, `pp 1`, `pp1`, `pp anonymous`, `tunnel 2`, `tunnel2`. */
export function parseInterfaceArg(s: string): IfaceRef | undefined {
  const t = s.trim().toLowerCase().replace(/\s+/g, ' ');
  const glued = /^(pp|tunnel) ?(\d+|anonymous)$/.exec(t);
  if (glued) return parseIfaceKey(`${glued[1]} ${glued[2]}`);
  return IFACE_NAME.test(t) ? { kind: 'if', name: t } : undefined;
}

/** Checks the raw arguments; every problem gets a message naming the option. */
export function validateSimulateArgs(a: SimulateArgs): { input: SimulateInput } | { errors: string[] } {
  const errors: string[] = [];
  let family: 4 | 6 | undefined;
  if (!a.from) errors.push('--from ADDR is required');
  if (!a.to) errors.push('--to ADDR is required');
  if (!a.proto) errors.push('--proto is required (tcp, udp, icmp, or a protocol name or number)');
  const famOf = (v: string | undefined, what: string): 4 | 6 | undefined => {
    if (!v) return undefined;
    if (parseIPv4(v) !== undefined) return 4;
    if (parseIPv6(v) !== undefined) return 6;
    errors.push(`${what} '${v}' is not an IPv4 or IPv6 address`);
    return undefined;
  };
  const f1 = famOf(a.from, '--from');
  const f2 = famOf(a.to, '--to');
  if (f1 && f2 && f1 !== f2) errors.push('--from and --to must both be IPv4 or both IPv6');
  else family = f1 ?? f2;

  let proto: number | undefined;
  if (a.proto) {
    const p = a.proto.toLowerCase();
    if (/^\d+$/.test(p)) proto = byteValue(p, '--proto', errors);
    else if (p === 'icmp6' || (p === 'icmp' && family === 6)) proto = PROTO_ICMP6;
    else if (p === 'icmp4') proto = PROTO_ICMP;
    else {
      proto = PROTOCOL_MNEMONICS.get(p)?.number;
      if (proto === undefined) errors.push(`--proto '${a.proto}' is unknown (tcp, udp, icmp, icmp6, gre, esp, ah, ipv6, or 0-255)`);
    }
  }
  const ported = proto === PROTO_TCP || proto === PROTO_UDP;
  const icmp = proto === PROTO_ICMP || proto === PROTO_ICMP6;
  let dport: number | undefined;
  let sport: number | undefined;
  if (a.port !== undefined) {
    if (proto !== undefined && !ported) errors.push(`--port applies to tcp and udp only${icmp ? ' (use --icmp-type / --icmp-code)' : ''}`);
    else dport = portValue(a.port, '--port', errors);
  } else if (ported) errors.push('--port N is required for tcp and udp');
  if (a.sport !== undefined) {
    if (proto !== undefined && !ported) errors.push('--sport applies to tcp and udp only');
    else sport = portValue(a.sport, '--sport', errors);
  }
  let tcpFlags: number | undefined;
  if (a.tcpFlags !== undefined) {
    if (proto !== PROTO_TCP) errors.push('--tcp-flags applies to tcp only');
    else if (/^0x[0-9a-f]{1,4}$/i.test(a.tcpFlags)) tcpFlags = parseInt(a.tcpFlags.slice(2), 16);
    else {
      let v = 0;
      for (const name of a.tcpFlags.toLowerCase().split(/[,+|]/)) {
        const bit = FLAG_NAMES[name];
        if (bit === undefined) errors.push(`--tcp-flags: unknown flag '${name}' (syn, ack, fin, rst, psh, urg or 0xNN)`);
        else v |= bit;
      }
      tcpFlags = v;
    }
  }
  let icmpType: number | undefined;
  let icmpCode: number | undefined;
  if (a.icmpType !== undefined || a.icmpCode !== undefined) {
    if (!icmp) errors.push('--icmp-type / --icmp-code apply to icmp only');
    else {
      if (a.icmpType !== undefined) icmpType = byteValue(a.icmpType, '--icmp-type', errors);
      if (a.icmpCode !== undefined) icmpCode = byteValue(a.icmpCode, '--icmp-code', errors);
    }
  }
  if (icmp && icmpType === undefined) icmpType = proto === PROTO_ICMP6 ? 128 : 8; // echo request
  if (icmp && icmpCode === undefined) icmpCode = 0;

  let hop: SimulateInput['hop'];
  if (a.interface !== undefined || a.direction !== undefined) {
    const iface = a.interface !== undefined ? parseInterfaceArg(a.interface) : undefined;
    if (a.interface === undefined) errors.push('--direction needs --interface');
    else if (!iface) errors.push(`--interface '${a.interface}' is not an interface (lan1, lan1/1, bridge1, pp 1, tunnel 2, …)`);
    const dir = a.direction?.toLowerCase();
    if (a.direction === undefined) errors.push('--interface needs --direction in|out');
    else if (dir !== 'in' && dir !== 'out') errors.push(`--direction must be in or out, not '${a.direction}'`);
    if (iface && (dir === 'in' || dir === 'out')) hop = { iface, dir };
  }

  const prefixes = new Map<string, { base: bigint; len: number }>();
  for (const p of a.prefixes ?? []) {
    const m = /^((?:ra|dhcp)-prefix@[a-z]+\d+(?:[/.]\d+)?)=(.+)$/i.exec(p.trim());
    const net = m ? parsePrefix6(m[2]) : undefined;
    if (!m || !net) errors.push(`--prefix '${p}' must look like ra-prefix@lan2=2001:db8:1:2::/64`);
    else prefixes.set(m[1].toLowerCase(), { base: net.base, len: net.len });
  }

  if (errors.length || family === undefined || proto === undefined) return { errors: errors.length ? errors : ['incomplete packet'] };
  const packet: Packet = {
    src: a.from!,
    dst: a.to!,
    proto,
    ...(ported ? { sport: sport ?? DEFAULT_SOURCE_PORT, dport: dport! } : {}),
    ...(tcpFlags !== undefined ? { tcpFlags } : {}),
    ...(icmpType !== undefined ? { icmpType } : {}),
    ...(icmpCode !== undefined ? { icmpCode } : {}),
  };
  try {
    normalize(packet);
  } catch (e) {
    return { errors: [e instanceof Error ? e.message : String(e)] };
  }
  return { input: { packet, family, ...(hop ? { hop } : {}), connected: a.connected ?? true, prefixes } };
}

function stepOf(d: Decision, packet: Packet): SimulateStep {
  const iface = ifaceKey(d.iface);
  const log = logLine(d, packet);
  let filter: SimulateStep['filter'];
  let reason: string;
  switch (d.reason) {
    case 'filter':
      filter = d.filter!.num;
      reason = `${d.filter!.family === 6 ? 'ipv6' : 'ip'} filter ${d.filter!.num} (${d.filter!.action.name}) is the first filter of the list that matches`;
      break;
    case 'default':
      filter = 'default';
      reason = 'no filter of the list matches: discarded';
      break;
    case 'no-list':
      filter = 'no-list';
      reason = 'no filter list on this interface and direction: everything passes';
      break;
    case 'session':
      filter = 'session';
      reason = `an active session of dynamic filter ${d.sessionHit!.filter.num}`;
      break;
    case 'dynamic-only':
      filter = 'dynamic-only';
      reason = 'the list has only dynamic filters, which discard nothing';
      break;
    case 'filter-set':
      filter = 'no-such-set';
      reason = `filter set ${d.binding?.setName ?? ''} is not defined: as if no list`;
      break;
  }
  if (d.undefinedFilters.length) reason += `; skipped undefined ${d.undefinedFilters.join(', ')}`;
  if (d.set) reason += ` (filter set ${d.set.name})`;
  return { interface: iface, direction: d.dir, filter, action: d.verdict, reason, ...(log ? { log } : {}) };
}

/** Runs the simulation. Returns an error (no uplink, …) instead of throwing. */
export function simulateCommand(model: RtxModel, input: SimulateInput): SimulateResult | { error: string } {
  const opts: SimOptions = {
    connected: () => input.connected,
    ...(input.prefixes.size ? { prefixes: (source, iface) => input.prefixes.get(`${source}@${iface}`) } : {}),
  };
  try {
    if (input.hop) {
      const d = evaluate(model, input.hop.iface, input.hop.dir, input.packet, opts);
      return { verdict: d.verdict, family: input.family, path: `${ifaceKey(d.iface)} ${d.dir}`, steps: [stepOf(d, input.packet)] };
    }
    const flows = lanToInternet(model, input.packet, opts);
    const flow = flows[0];
    if (!flow) {
      return { error: `no ${input.family === 6 ? 'IPv6 ' : ''}Internet uplink found in the config; give --interface and --direction` };
    }
    const steps = flow.hops.map((h) => stepOf(h, input.packet));
    return { verdict: flow.verdict, family: input.family, path: `LAN → Internet via ${ifaceKey(flow.wan.iface)}`, steps };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Plain-text rendering (the CLI's default output). */
export function renderSimulation(r: SimulateResult, packet: Packet): string {
  const p = normalize(packet);
  const proto = p.proto === PROTO_TCP ? 'TCP' : p.proto === PROTO_UDP ? 'UDP' : p.proto === PROTO_ICMP ? 'ICMP' : p.proto === PROTO_ICMP6 ? 'ICMPv6' : `protocol ${p.proto}`;
  const ends = p.sport !== undefined ? ` ${packet.src}:${p.sport} > ${packet.dst}:${p.dport}` : ` ${packet.src} > ${packet.dst}${p.icmpType !== undefined ? ` (type ${p.icmpType} code ${p.icmpCode ?? 0})` : ''}`;
  const lines = [`${r.path}: ${proto}${ends}`];
  const width = Math.max(...r.steps.map((s) => `${s.interface} ${s.direction}`.length));
  for (const s of r.steps) {
    const where = `${s.interface} ${s.direction}`.padEnd(width);
    const by = typeof s.filter === 'number' ? `filter ${s.filter}` : s.filter;
    lines.push(`  ${where}  ${s.action.padEnd(6)}  ${by} — ${s.reason}`);
    if (s.log) lines.push(`  ${' '.repeat(width)}  log: ${s.log}`);
  }
  lines.push(`verdict: ${r.verdict}`);
  return `${lines.join('\n')}\n`;
}
