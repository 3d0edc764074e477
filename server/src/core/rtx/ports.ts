/**
 * Language facts for Yamaha filters, as data: port mnemonics, protocol names and numbers,
 * protocol keywords, ICMP types and the dynamic-filter applications. Read by the filter parser,
 * the simulator and hover alike.
 */

export interface PortMnemonic {
  name: string;
  /** The port numbers the mnemonic stands for (`ftp` stands for two). */
  ports: readonly number[];
  /** True when the mnemonic is in Yamaha's own (partial) table; false = assumed IANA value. */
  official: boolean;
  description: string;
}

function pm(name: string, ports: number[], official: boolean, description: string): PortMnemonic {
  return { name, ports, official, description };
}

/**
 * Port mnemonics accepted in static-filter port fields. The official table of the command
 * reference, plus names seen in real working configs and the dynamic-filter service names
 * (assumed to be IANA numbers, see `UNOFFICIAL_PORT_MNEMONICS_ARE_IANA`).
 */
export const PORT_MNEMONICS: ReadonlyMap<string, PortMnemonic> = new Map(
  [
    // Official table.
    pm('ftp', [20, 21], true, 'FTP data and control'),
    pm('ftpdata', [20], true, 'FTP data'),
    pm('telnet', [23], true, 'Telnet'),
    pm('smtp', [25], true, 'SMTP (mail transfer between servers)'),
    pm('domain', [53], true, 'DNS'),
    pm('gopher', [70], true, 'Gopher'),
    pm('finger', [79], true, 'Finger'),
    pm('www', [80], true, 'HTTP; in static filters only port 80, use `https` for 443'),
    pm('pop3', [110], true, 'POP3'),
    pm('sunrpc', [111], true, 'Sun RPC portmapper'),
    pm('ident', [113], true, 'Ident'),
    pm('nntp', [119], true, 'NNTP (news)'),
    pm('ntp', [123], true, 'NTP'),
    pm('snmp', [161], true, 'SNMP'),
    pm('syslog', [514], true, 'Syslog'),
    pm('printer', [515], true, 'LPD printer'),
    pm('talk', [517], true, 'Talk'),
    pm('route', [520], true, 'RIP routing'),
    pm('uucp', [540], true, 'UUCP'),
    pm('submission', [587], true, 'Mail submission (authenticated client → server)'),
    // Seen in real, working configs.
    pm('discard', [9], false, 'Discard'),
    pm('dhcps', [67], false, 'DHCP server'),
    pm('dhcpc', [68], false, 'DHCP client'),
    pm('netbios_ns', [137], false, 'NetBIOS name service'),
    pm('netbios_dgm', [138], false, 'NetBIOS datagram service'),
    pm('netbios_ssn', [139], false, 'NetBIOS session service'),
    pm('ldap', [389], false, 'LDAP'),
    pm('https', [443], false, 'HTTPS'),
    // Dynamic-filter service names, assumed valid as port names with their IANA numbers.
    pm('echo', [7], false, 'Echo'),
    pm('daytime', [13], false, 'Daytime'),
    pm('chargen', [19], false, 'Character generator'),
    pm('ssh', [22], false, 'SSH'),
    pm('time', [37], false, 'Time'),
    pm('whois', [43], false, 'Whois'),
    pm('tftp', [69], false, 'TFTP'),
    pm('http', [80], false, 'HTTP'),
    pm('ms-rpc', [135], false, 'Microsoft RPC endpoint mapper'),
    pm('imap', [143], false, 'IMAP'),
    pm('snmptrap', [162], false, 'SNMP trap'),
    pm('bgp', [179], false, 'BGP'),
    pm('imap3', [220], false, 'IMAP3'),
    pm('ms-ds', [445], false, 'Microsoft directory services (SMB)'),
    pm('ike', [500], false, 'IKE (IPsec key exchange)'),
    pm('rlogin', [513], false, 'rlogin'),
    pm('rwho', [513], false, 'rwho'),
    pm('rsh', [514], false, 'rsh'),
    pm('rip', [520], false, 'RIP'),
    pm('ripng', [521], false, 'RIPng'),
    pm('ms-sql', [1433], false, 'Microsoft SQL Server'),
    pm('l2tp', [1701], false, 'L2TP'),
    pm('radius', [1812], false, 'RADIUS'),
    pm('pptp', [1723], false, 'PPTP'),
    pm('nfs', [2049], false, 'NFS'),
    pm('ipsec-nat-t', [4500], false, 'IPsec NAT traversal'),
    pm('sip', [5060], false, 'SIP'),
  ].map((m) => [m.name, m]),
);

/** Reverse lookup for hover: the mnemonics naming exactly one port. */
export function mnemonicsForPort(port: number): string[] {
  const out: string[] = [];
  for (const m of PORT_MNEMONICS.values()) if (m.ports.length === 1 && m.ports[0] === port) out.push(m.name);
  return out;
}

export interface ProtocolInfo {
  number: number;
  /** The mnemonic accepted in the protocol field, if there is one. */
  mnemonic?: string;
  description: string;
}

/** Protocol mnemonics accepted in the protocol field of `ip filter`. */
export const PROTOCOL_MNEMONICS: ReadonlyMap<string, ProtocolInfo> = new Map(
  [
    { mnemonic: 'icmp', number: 1, description: 'ICMP' },
    { mnemonic: 'tcp', number: 6, description: 'TCP' },
    { mnemonic: 'udp', number: 17, description: 'UDP' },
    { mnemonic: 'ipv6', number: 41, description: 'IPv6 encapsulated in IPv4 (6in4)' },
    { mnemonic: 'gre', number: 47, description: 'GRE (e.g. PPTP)' },
    { mnemonic: 'esp', number: 50, description: 'ESP (IPsec payload)' },
    { mnemonic: 'ah', number: 51, description: 'AH (IPsec authentication header)' },
    { mnemonic: 'icmp6', number: 58, description: 'ICMPv6' },
  ].map((p) => [p.mnemonic, p as ProtocolInfo]),
);

/** Names of protocol numbers without a Yamaha mnemonic (hover only). */
const PROTOCOL_NUMBER_NAMES: Record<number, string> = {
  0: 'IPv6 hop-by-hop options',
  2: 'IGMP',
  4: 'IP in IP (e.g. DS-Lite/IPIP tunnels)',
  8: 'EGP',
  89: 'OSPF',
  103: 'PIM',
  112: 'VRRP',
  115: 'L2TPv3',
  132: 'SCTP',
};

export function protocolByNumber(n: number): ProtocolInfo | undefined {
  for (const p of PROTOCOL_MNEMONICS.values()) if (p.number === n) return p;
  const d = PROTOCOL_NUMBER_NAMES[n];
  return d ? { number: n, description: d } : undefined;
}

export const PROTO_ICMP = 1;
export const PROTO_TCP = 6;
export const PROTO_UDP = 17;
export const PROTO_ICMP6 = 58;

/** TCP flag bits as used by `tcpflag=V/M`. */
export const TCP_FLAGS = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20 } as const;

export interface ProtocolKeyword {
  name: string;
  description: string;
  /** TCP keywords: `(flags & mask) == value`. */
  tcp?: { value: number; mask: number };
  /** ICMP keywords: the ICMP types matched. */
  icmpTypes?: readonly number[];
}

/** The special protocol keywords (documented for use alone in the protocol field). */
export const PROTOCOL_KEYWORDS: ReadonlyMap<string, ProtocolKeyword> = new Map(
  [
    { name: 'tcpsyn', description: 'TCP segments with SYN set', tcp: { value: TCP_FLAGS.SYN, mask: TCP_FLAGS.SYN } },
    { name: 'tcpfin', description: 'TCP segments with FIN set', tcp: { value: TCP_FLAGS.FIN, mask: TCP_FLAGS.FIN } },
    { name: 'tcprst', description: 'TCP segments with RST set', tcp: { value: TCP_FLAGS.RST, mask: TCP_FLAGS.RST } },
    {
      name: 'established',
      description: 'TCP segments with ACK set, i.e. everything but a connection-opening SYN',
      tcp: { value: TCP_FLAGS.ACK, mask: TCP_FLAGS.ACK },
    },
    {
      name: 'icmp-error',
      description: 'ICMP error messages (types 3, 4, 5, 11, 12, 31, 32); port fields are ignored',
      icmpTypes: [3, 4, 5, 11, 12, 31, 32],
    },
    {
      name: 'icmp-info',
      description: 'ICMP informational messages (types 0, 8, 9, 10, 13–18, 30, 33–36); port fields are ignored',
      icmpTypes: [0, 8, 9, 10, 13, 14, 15, 16, 17, 18, 30, 33, 34, 35, 36],
    },
  ].map((k) => [k.name, k as ProtocolKeyword]),
);

/**
 * Protocol keywords of `ipv6 filter`. `icmp-nd` is documented (ICMPv6 types 133–136). How
 * `icmp-error`/`icmp-info` read in an IPv6 filter is not documented; we assume the RFC 4443 split
 * of ICMPv6 (errors 0–127, informational 128–255) — see `ICMPV6_CLASSES_BY_RFC4443`.
 */
export const PROTOCOL_KEYWORDS_V6: ReadonlyMap<string, ProtocolKeyword> = new Map(
  [
    { name: 'icmp-nd', description: 'ICMPv6 neighbour discovery (types 133–136: router/neighbour solicitation and advertisement)', icmpTypes: [133, 134, 135, 136] },
    { name: 'icmp-error', description: 'ICMPv6 error messages (types 0–127)', icmpTypes: Array.from({ length: 128 }, (_, i) => i) },
    { name: 'icmp-info', description: 'ICMPv6 informational messages (types 128–255)', icmpTypes: Array.from({ length: 128 }, (_, i) => 128 + i) },
  ].map((k) => [k.name, k as ProtocolKeyword]),
);

/** ICMPv6 type names (hover). */
export const ICMPV6_TYPES: Readonly<Record<number, string>> = {
  1: 'destination unreachable',
  2: 'packet too big',
  3: 'time exceeded',
  4: 'parameter problem',
  128: 'echo request',
  129: 'echo reply',
  133: 'router solicitation',
  134: 'router advertisement',
  135: 'neighbour solicitation',
  136: 'neighbour advertisement',
  137: 'redirect',
};

/** ICMP type names (hover of `icmp` type/code fields). */
export const ICMP_TYPES: Readonly<Record<number, string>> = {
  0: 'echo reply',
  3: 'destination unreachable',
  4: 'source quench',
  5: 'redirect',
  8: 'echo request',
  9: 'router advertisement',
  10: 'router solicitation',
  11: 'time exceeded',
  12: 'parameter problem',
  13: 'timestamp',
  14: 'timestamp reply',
  15: 'information request',
  16: 'information reply',
  17: 'address mask request',
  18: 'address mask reply',
  30: 'traceroute',
};

export interface DynamicApplication {
  name: string;
  description: string;
  /** Protocols/ports of the connection that triggers a session (`ports` empty = any port). */
  tcpPorts?: readonly number[];
  udpPorts?: readonly number[];
  icmp?: boolean;
  /** ICMPv6 echo (ping6). */
  icmp6?: boolean;
  /** Accepted by the router but documented not to work as a dynamic filter. */
  inert?: boolean;
}

function app(name: string, description: string, t?: number[], u?: number[], extra: Partial<DynamicApplication> = {}): DynamicApplication {
  return { name, description, ...(t ? { tcpPorts: t } : {}), ...(u ? { udpPorts: u } : {}), ...extra };
}

/** Applications accepted as the protocol of `ip filter dynamic N SRC DST APP`. */
export const DYNAMIC_APPLICATIONS: ReadonlyMap<string, DynamicApplication> = new Map(
  [
    app('tcp', 'any TCP connection (generic tracking)', []),
    app('udp', 'any UDP exchange (generic tracking)', undefined, []),
    app('ftp', 'FTP control connection (port 21) with its data connections', [21]),
    app('tftp', 'TFTP', undefined, [69]),
    app('domain', 'DNS (UDP/TCP 53)', [53], [53]),
    app('dns', 'DNS (UDP/TCP 53)', [53], [53]),
    app('www', 'web: TCP 80 and 443 in dynamic filters', [80, 443]),
    app('http', 'HTTP (TCP 80)', [80]),
    app('https', 'HTTPS (TCP 443)', [443]),
    app('smtp', 'SMTP (TCP 25)', [25]),
    app('submission', 'mail submission (TCP 587)', [587]),
    app('pop3', 'POP3 (TCP 110)', [110]),
    app('imap', 'IMAP (TCP 143)', [143]),
    app('imap3', 'IMAP3 (TCP 220)', [220]),
    app('telnet', 'Telnet (TCP 23)', [23]),
    app('ssh', 'SSH (TCP 22)', [22]),
    app('echo', 'Echo (7)', [7], [7]),
    app('discard', 'Discard (9)', [9], [9]),
    app('daytime', 'Daytime (13)', [13], [13]),
    app('chargen', 'Character generator (19)', [19], [19]),
    app('time', 'Time (37)', [37], [37]),
    app('whois', 'Whois (TCP 43)', [43]),
    app('gopher', 'Gopher (TCP 70)', [70]),
    app('finger', 'Finger (TCP 79)', [79]),
    app('sunrpc', 'Sun RPC (111)', [111], [111]),
    app('ident', 'Ident (TCP 113)', [113]),
    app('nntp', 'NNTP (TCP 119)', [119]),
    app('ntp', 'NTP (UDP 123)', undefined, [123]),
    app('ms-rpc', 'Microsoft RPC (135)', [135], [135]),
    app('netbios_ns', 'NetBIOS name service (UDP 137)', undefined, [137]),
    app('netbios_dgm', 'NetBIOS datagram (UDP 138)', undefined, [138]),
    app('netbios_ssn', 'NetBIOS session (TCP 139)', [139]),
    app('snmp', 'SNMP (UDP 161)', undefined, [161]),
    app('snmptrap', 'SNMP trap (UDP 162)', undefined, [162]),
    app('bgp', 'BGP (TCP 179)', [179]),
    app('ldap', 'LDAP (TCP 389)', [389]),
    app('ms-ds', 'Microsoft directory services (TCP 445)', [445]),
    app('ike', 'IKE (UDP 500)', undefined, [500]),
    app('rlogin', 'rlogin (TCP 513)', [513]),
    app('rwho', 'rwho (UDP 513)', undefined, [513]),
    app('rsh', 'rsh (TCP 514)', [514]),
    app('syslog', 'Syslog (UDP 514)', undefined, [514]),
    app('printer', 'LPD printer (TCP 515)', [515]),
    app('rip', 'RIP (UDP 520)', undefined, [520]),
    app('ripng', 'RIPng (UDP 521)', undefined, [521]),
    app('ms-sql', 'Microsoft SQL Server (TCP 1433)', [1433]),
    app('radius', 'RADIUS (UDP 1812)', undefined, [1812]),
    app('l2tp', 'L2TP (UDP 1701)', undefined, [1701]),
    app('pptp', 'PPTP control (TCP 1723) with its GRE channel', [1723]),
    app('nfs', 'NFS (2049)', [2049], [2049]),
    app('msblast', 'traffic of the Blaster worm (TCP 135/4444, UDP 69) — a detection helper', [135, 4444], [69]),
    app('ipsec-nat-t', 'IPsec NAT traversal (UDP 4500)', undefined, [4500]),
    app('sip', 'SIP (UDP 5060)', undefined, [5060]),
    app('ping', 'ICMP echo (ping)', undefined, undefined, { icmp: true }),
    app('ping6', 'ICMPv6 echo (ping6)', undefined, undefined, { icmp6: true }),
    app('netmeeting', 'NetMeeting / H.323 (TCP 1720)', [1720]),
    app('dhcpc', 'DHCP client — accepted but does not work as a dynamic filter', undefined, [68], { inert: true }),
    app('dhcps', 'DHCP server — accepted but does not work as a dynamic filter', undefined, [67], { inert: true }),
    app('dhcpv6c', 'DHCPv6 client — accepted but does not work as a dynamic filter', undefined, [546], { inert: true }),
    app('dhcpv6s', 'DHCPv6 server — accepted but does not work as a dynamic filter', undefined, [547], { inert: true }),
  ].map((a) => [a.name, a]),
);
