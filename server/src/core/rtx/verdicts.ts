/**
 * The verdict table shown when hovering a `secure filter` line: what this list does to the common
 * connections a LAN host opens (SMTP 25, SMTPS 465, submission 587, DNS 53, HTTP 80, HTTPS 443,
 * MS-RPC 135, SMB 445 over TCP, plus DNS over UDP), with the deciding filter, and whether the
 * connection gets out to the Internet end to end.
 */
import { formatIPv4, formatIPv6 } from './address';
import { ifaceKey, sameIface } from './command';
import type { RtxModel, SecureFilterBinding } from './model';
import { lanNetwork6 } from './network';
import { evaluate, lanToInternet, type Decision, type Packet } from './simulate';
import { PROBE_SOURCE_PORT, probeHost } from './rules/smtpEgressOpen';

export interface CommonFlow {
  label: string;
  proto: 'tcp' | 'udp';
  port: number;
}

export const COMMON_FLOWS: readonly CommonFlow[] = [
  { label: 'SMTP', proto: 'tcp', port: 25 },
  { label: 'SMTPS', proto: 'tcp', port: 465 },
  { label: 'submission', proto: 'tcp', port: 587 },
  { label: 'DNS', proto: 'tcp', port: 53 },
  { label: 'HTTP', proto: 'tcp', port: 80 },
  { label: 'HTTPS', proto: 'tcp', port: 443 },
  { label: 'MS-RPC', proto: 'tcp', port: 135 },
  { label: 'SMB', proto: 'tcp', port: 445 },
  { label: 'DNS', proto: 'udp', port: 53 },
];

/** Fallback LAN hosts when the config names no LAN network. */
export const FALLBACK_HOST4 = '192.168.1.10';
export const FALLBACK_HOST6 = '2001:db8:ff01::10';
export const TABLE_DESTINATION4 = '198.51.100.80';
export const TABLE_DESTINATION6 = '2001:db8:c0de::80';

export interface VerdictRow {
  flow: CommonFlow;
  /** What this list decides (for a WAN IN list: for the reply). */
  here: Decision;
  /** LAN → Internet through the first uplink, when there is one. */
  endToEnd?: { verdict: 'pass' | 'reject'; decidedBy?: Decision };
}

export interface VerdictTable {
  host: string;
  dst: string;
  /** True when the rows show replies (the list is the uplink's IN list). */
  replies: boolean;
  assumedHost: boolean;
  rows: VerdictRow[];
}

function lanHost(model: RtxModel, family: 4 | 6): { host: string; assumed: boolean } {
  if (family === 4) {
    for (const l of model.network.lans) {
      const h = probeHost(l);
      if (h !== undefined) return { host: formatIPv4(h), assumed: false };
    }
    return { host: FALLBACK_HOST4, assumed: true };
  }
  for (const l of model.network.lans6) {
    const n = lanNetwork6(l);
    if (n && n.len <= 124) return { host: formatIPv6(n.base | 0x10n), assumed: false };
  }
  return { host: FALLBACK_HOST6, assumed: true };
}

export function verdictTable(model: RtxModel, b: SecureFilterBinding): VerdictTable {
  const { host, assumed } = lanHost(model, b.family);
  const dst = b.family === 6 ? TABLE_DESTINATION6 : TABLE_DESTINATION4;
  const egress = b.family === 6 ? model.network.internetEgress6 : model.network.internetEgress;
  const uplink = egress.find((w) => sameIface(w.iface, b.iface)) ?? egress[0];
  const replies = b.dir === 'in' && !!egress.find((w) => sameIface(w.iface, b.iface));
  const rows: VerdictRow[] = [];
  for (const flow of COMMON_FLOWS) {
    const packet: Packet = { src: host, dst, proto: flow.proto, sport: PROBE_SOURCE_PORT, dport: flow.port, ...(flow.proto === 'tcp' ? { tcpFlags: 0x02 } : {}) };
    const [flowResult] = uplink ? lanToInternet(model, packet, { wan: uplink.iface }) : [];
    let here: Decision;
    if (replies) {
      const out = evaluate(model, b.iface, 'out', packet);
      const reply: Packet = { src: dst, dst: host, proto: flow.proto, sport: flow.port, dport: PROBE_SOURCE_PORT, ...(flow.proto === 'tcp' ? { tcpFlags: 0x12 } : {}) };
      here = evaluate(model, b.iface, 'in', reply, out.session ? { sessions: [out.session] } : {});
    } else {
      here = flowResult?.hops.find((h) => sameIface(h.iface, b.iface) && h.dir === b.dir) ?? evaluate(model, b.iface, b.dir, packet);
    }
    rows.push({ flow, here, ...(flowResult ? { endToEnd: { verdict: flowResult.verdict, ...(flowResult.decidedBy ? { decidedBy: flowResult.decidedBy } : {}) } } : {}) });
  }
  return { host, dst, replies, assumedHost: assumed, rows };
}

/** `200099`, `default`, `no list`, `session (200083)`. */
export function decidingLabel(d: Decision): string {
  switch (d.reason) {
    case 'filter':
      return String(d.filter!.num);
    case 'default':
      return 'default (no match)';
    case 'no-list':
      return 'no list';
    case 'session':
      return `session (dynamic ${d.sessionHit!.filter.num})`;
    case 'dynamic-only':
      return 'only dynamic filters';
    case 'filter-set':
      return `no set ${d.binding?.setName ?? ''}`.trim();
  }
}

export function renderVerdictTable(t: VerdictTable): string {
  const head = t.replies
    ? `Replies to connections from LAN host ${t.host} to ${t.dst} (opened through the OUT list):`
    : `Connections from LAN host ${t.host}${t.assumedHost ? ' (no LAN found in the config; assumed)' : ''} to ${t.dst}:`;
  const lines = [head, '', '| Flow | This list | Deciding filter | LAN → Internet |', '|---|---|---|---|'];
  for (const r of t.rows) {
    const e2e = r.endToEnd
      ? `${r.endToEnd.verdict}${r.endToEnd.decidedBy ? ` (${ifaceKey(r.endToEnd.decidedBy.iface)} ${r.endToEnd.decidedBy.dir} ${decidingLabel(r.endToEnd.decidedBy)})` : ''}`
      : 'no uplink found';
    lines.push(`| ${r.flow.proto.toUpperCase()} ${r.flow.port} (${r.flow.label}) | ${r.here.verdict} | ${decidingLabel(r.here)} | ${e2e} |`);
  }
  return lines.join('\n');
}
