/**
 * Language facts of Yamaha logs, as data read by hover (and the CLI): message tags, syslog
 * facilities and severities, the mail ports, how interfaces are named.
 */
import { PORT_MNEMONICS, mnemonicsForPort } from '../rtx/ports';
import type { IfaceLabel } from './model';

/** `[TAG]` at the start of a message. Keys are upper-case; `NAT(…)` matches by prefix. */
export const MESSAGE_TAGS: Readonly<Record<string, string>> = {
  INSPECT: 'a dynamic (stateful) filter created a session for a connection that the static filters passed',
  IKE: 'IPsec key exchange (IKEv1)',
  IKE1: 'IPsec key exchange (IKEv1)',
  IKE2: 'IPsec key exchange (IKEv2)',
  IPSEC: 'IPsec security associations',
  DHCPD: 'the DHCP server: addresses handed out (`Allocates`) or renewed (`Extends`) for a MAC address',
  DHCPC: 'the DHCP client of a WAN interface',
  NAT: 'a NAT/masquerade table entry: inside address.port <-> outside address.port ==> peer',
  SWCTL: 'switch control (LAN map) events of connected Yamaha switches',
  L2MS: 'Layer-2 management service (LAN map) events',
  LUA: 'a Lua script running on the router',
  SNMP: 'SNMP agent events',
};

export function describeTag(tag: string): string | undefined {
  const upper = tag.toUpperCase();
  if (MESSAGE_TAGS[upper]) return MESSAGE_TAGS[upper];
  if (upper.startsWith('NAT(')) return MESSAGE_TAGS.NAT;
  return undefined;
}

export const SYSLOG_FACILITIES = [
  'kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp',
  'ntp', 'security', 'console', 'solaris-cron', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7',
] as const;

export const SYSLOG_SEVERITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'] as const;

/** What the severity means for a Yamaha router (reference §5.1). */
export const YAMAHA_SEVERITY_NOTES: Readonly<Record<string, string>> = {
  notice: 'NOTICE = packet information from the filters; sent only with `syslog notice on`',
  info: 'INFO = normal operation messages (`syslog info on`, the default)',
  debug: 'DEBUG = `syslog debug on`',
};

/** The mail ports the analysis looks at. */
export const MAIL_PORTS: Readonly<Record<number, string>> = {
  25: 'smtp — SMTP, mail transfer between servers; a PC has no business sending it to the internet',
  465: 'smtps (submissions) — mail submission over TLS, client to its own provider',
  587: 'submission — authenticated mail submission, client to its own provider',
};

/** A port with its name: `25 (smtp — …)`, `443 (https)`, or just the number. */
export function describePort(port: number): string {
  const mail = MAIL_PORTS[port];
  if (mail) return `${port} (${mail})`;
  const names = mnemonicsForPort(port);
  if (names.length === 0) return String(port);
  const m = PORT_MNEMONICS.get(names[0]);
  return `${port} (${names.join(', ')}${m ? ` — ${m.description}` : ''})`;
}

/** `PP interface 1`, `tunnel 1`, `Ethernet interface lan2`, `switch port 3 of lan1`. */
export function describeIface(i: IfaceLabel): string {
  switch (i.kind) {
    case 'pp':
      return i.id?.toUpperCase() === 'ANONYMOUS'
        ? 'the anonymous PP interface (dial-in / L2TP clients)'
        : `PP interface ${Number(i.id)} (a PPP/PPPoE line; \`pp select ${Number(i.id)}\`), usually the internet uplink`;
    case 'tunnel':
      return `tunnel interface ${i.id} (\`tunnel select ${i.id}\`: IPsec, L2TP, IPIP, MAP-E …)`;
    case 'lan':
      return i.port !== undefined ? `switch port ${i.port} of Ethernet interface lan${i.id}` : `Ethernet interface lan${i.id}`;
    case 'wan':
      return `WAN interface wan${i.id}`;
    case 'vlan':
      return `VLAN interface vlan${i.id}`;
    case 'bridge':
      return `bridge interface bridge${i.id}`;
    case 'loopback':
      return `loopback interface loopback${i.id}`;
    default:
      return 'an interface as the router names it';
  }
}

/** The config command whose list logged the line, and the context it sits in (`pp select 1`). */
export function listCommand(i: IfaceLabel | undefined, dir: 'in' | 'out', ethernet: boolean): { command: string; context?: string } {
  if (ethernet) return { command: `ethernet ${i?.kind === 'lan' ? `lan${i.id}` : 'INTERFACE'} filter ${dir}` };
  if (!i) return { command: `ip INTERFACE secure filter ${dir}` };
  switch (i.kind) {
    case 'pp':
      return { command: `ip pp secure filter ${dir}`, context: `pp select ${/^\d+$/.test(i.id ?? '') ? Number(i.id) : (i.id ?? '').toLowerCase()}` };
    case 'tunnel':
      return { command: `ip tunnel secure filter ${dir}`, context: `tunnel select ${i.id}` };
    case 'other':
      return { command: `ip INTERFACE secure filter ${dir}` };
    default:
      return { command: `ip ${i.kind}${i.id} secure filter ${dir}` };
  }
}
