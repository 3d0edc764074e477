/**
 * The Yamaha RTX command catalog, as data: every command that appears in real configurations
 * (and in the project's reference), with its parameters and a short description. Read by hover
 * (command docs), by rtx-unknown-command (is this a command at all? did you mean …?) and by the
 * parser (a terminal-wrapped continuation line is one that is not a command).
 *
 * A command is a keyword path. Path elements:
 *  - a literal keyword (`ip`, `secure`, `filter`), compared case-insensitively;
 *  - `<if>`: an interface name (`lan1`, `lan1/1`, `bridge1`, `loopback1`, `null`, …) or the
 *    words `pp` / `tunnel` (the selected PP / tunnel of `ip pp …`, `ip tunnel …`);
 *  - `<n>`: a number (also `1-3` and comma lists);
 *  - `<*>`: any single word.
 * A line is that command when its words (after an optional `no`) start with the path; the
 * longest matching path wins. Entries marked `family` document a group of sub-commands (`switch
 * control …`) whose every continuation is accepted.
 */
import { IFACE_NAME } from './command';

export type CommandKind = 'config' | 'operation';

export interface CommandParam {
  name: string;
  text: string;
}

export interface CommandDoc {
  /** Keyword path, e.g. `ip <if> secure filter`. */
  path: string;
  /** Syntax in the command reference's notation. */
  syntax: string;
  summary: string;
  params: CommandParam[];
  kind: CommandKind;
  /** A family entry: any continuation of the path is accepted. */
  family: boolean;
  /** Needs a selected PP or tunnel (`pp select N` / `tunnel select N`). */
  context?: 'pp' | 'tunnel';
}

interface Opts {
  family?: boolean;
  op?: boolean;
  context?: 'pp' | 'tunnel';
}

function c(path: string, syntax: string, summary: string, params: [string, string][] = [], opts: Opts = {}): CommandDoc {
  return {
    path,
    syntax,
    summary,
    params: params.map(([name, text]) => ({ name, text })),
    kind: opts.op ? 'operation' : 'config',
    family: opts.family ?? false,
    ...(opts.context ? { context: opts.context } : {}),
  };
}

const ONOFF: [string, string] = ['on|off', 'enable or disable'];
const IF: [string, string] = ['INTERFACE', 'lanN, lanN/N, lanN.N, vlanN, bridgeN, wanN, loopbackN, null, or pp / tunnel for the selected PP or tunnel'];
const FILTER_LIST: [string, string] = ['FILTER_LIST', 'static filter numbers, checked in the order written'];
const fam = { family: true };
const op = { op: true };
const opFam = { op: true, family: true };
const pp = { context: 'pp' as const };
const tun = { context: 'tunnel' as const };

/** The catalog. Grouped by feature; order does not matter (the longest path wins). */
export const COMMANDS: readonly CommandDoc[] = [
  // ----- login, users, console ---------------------------------------------------------
  c('login password', 'login password [PASSWORD]', 'Sets the password for logging in at user level (prompted when omitted; `*` in `show config`).', [['PASSWORD', 'the password (normally entered at the prompt)']]),
  c('login password encrypted', 'login password encrypted [PASSWORD]', 'Sets the user-level login password and stores it encrypted.'),
  c('login user', 'login user USER [PASSWORD | encrypted PASSWORD]', 'Defines a named login user.', [['USER', 'user name'], ['PASSWORD', 'password (shown as `*` in `show config`)']]),
  c('login timer', 'login timer SECONDS|clear', 'Logs an idle console session out after the given time.', [['SECONDS', 'idle time']]),
  c('administrator password', 'administrator password [PASSWORD]', 'Sets the administrator (configuration mode) password.', [['PASSWORD', 'optional; prompted when omitted']]),
  c('administrator password encrypted', 'administrator password encrypted [PASSWORD]', 'Sets the administrator password and stores it encrypted.'),
  c('administrator radius auth', 'administrator radius auth on|off', 'Authenticates the administrator password against RADIUS.', [ONOFF]),
  c('user attribute', 'user attribute [USER] ATTRIBUTE=VALUE…', 'Sets attributes of a login user (administrator rights, allowed connections, GUI pages, login timer).', [['USER', 'user name; omitted = defaults for all users'], ['ATTRIBUTE=VALUE', 'administrator=on|off, connection=serial,telnet,ssh,…, gui-page=…, login-timer=SECONDS']]),
  c('console character', 'console character ja.sjis|ja.euc|ja.utf8|en.ascii', 'Character set of the console (and of `show config` output).', [['CHARSET', 'ja.sjis (default), ja.euc, ja.utf8, en.ascii']]),
  c('console columns', 'console columns COLUMNS', 'Width of the console; `show config` lines longer than this are wrapped by the terminal.', [['COLUMNS', 'default 80']]),
  c('console lines', 'console lines LINES|infinity', 'Lines per page of console output.', [['LINES', 'number of lines, or infinity for no paging']]),
  c('console prompt', 'console prompt PROMPT', 'Text shown before the console prompt.', [['PROMPT', 'quote it to include spaces']]),
  c('console info', 'console info on|off', 'Shows INFO messages on the console.', [ONOFF]),
  c('timezone', 'timezone OFFSET|jst|utc', 'Time zone of the router clock.', [['OFFSET', 'e.g. +09:00']]),
  c('description', 'description [ID|INTERFACE|pp|tunnel] TEXT', 'A free-text description of the router (numbered lines), an interface, or the selected PP/tunnel.', [['ID', '1-21474836 for system description lines'], ['TEXT', 'free text, at most 64 ASCII / 32 Japanese characters for interfaces']]),
  c('system packet-buffer', 'system packet-buffer small|middle|large max-buffer=N max-free=N', 'Tunes the packet buffer pools.', [['GROUP', 'small, middle or large'], ['max-buffer / max-free', 'pool limits']]),
  c('system', 'system …', 'System-wide settings (packet buffers, LEDs, packet scheduling, …).', [], fam),
  c('alias', 'alias NAME=COMMAND', 'Defines a console command alias.', [['NAME=COMMAND', 'the alias and the command it stands for']]),
  c('schedule at', 'schedule at ID [DATE] TIME * COMMAND…', 'Runs a command at a given time (e.g. a timed `restart`).', [['ID', 'schedule number'], ['DATE TIME', 'when; `*` fields repeat'], ['COMMAND', 'the command to run']]),
  c('schedule', 'schedule …', 'Scheduled command execution.', [], fam),
  c('alarm', 'alarm FEATURE on|off', 'Turns the alarm sound of a feature on or off.', [['FEATURE', 'entire, batch, http revision-up, lua, mobile, sd, startup, usbhost, …'], ONOFF], fam),
  c('statistics', 'statistics traffic|nat|… on|off', 'Collects traffic / NAT statistics.', [ONOFF], fam),
  c('operation', 'operation FEATURE permit on|off', 'Permits operations such as revision-up by HTTP or USB download.', [], fam),
  c('external-memory', 'external-memory …', 'Use of USB/SD memory: boot, config, statistics and syslog files.', [], fam),
  c('lan-map', 'lan-map …', 'LAN map (terminal and switch discovery) settings.', [], fam),
  c('lua', 'lua [-e] SCRIPT [ARGS…]', 'Runs a Lua script (operation).', [['SCRIPT', 'file name, e.g. on external memory or EMFS']], opFam),
  c('lua use', 'lua use on|off', 'Enables the Lua script engine.', [ONOFF]),
  c('luac', 'luac [-o OUT] [-s] SCRIPT', 'Compiles a Lua script (operation).', [], opFam),
  c('embedded file', 'embedded file [-b] NAME <<TERMINATOR … TERMINATOR', 'Stores a file in the router\'s embedded file system; the lines up to the terminator are the file content.', [['NAME', 'file name'], ['<<TERMINATOR', 'starts the content, which ends at a line consisting of TERMINATOR']]),
  c('macro', 'macro [-v] [-x] NAME <<TERMINATOR … TERMINATOR', 'Defines a command macro; the lines up to the terminator are its body.', [['NAME', 'macro name']]),

  // ----- operational commands (recognised in pasted scripts) -------------------------------
  c('administrator', 'administrator', 'Enters configuration (administrator) mode (operation).', [], op),
  c('save', 'save [FILE [comment]]', 'Writes the running configuration to non-volatile memory (operation).', [], opFam),
  c('show', 'show …', 'Displays status or configuration (operation).', [], opFam),
  c('clear', 'clear …', 'Clears logs, counters or caches (operation).', [], opFam),
  c('quit', 'quit [save]', 'Leaves administrator mode or logs out (operation).', [], opFam),
  c('exit', 'exit [save]', 'Leaves administrator mode or logs out (operation).', [], opFam),
  c('restart', 'restart [MODULE]', 'Restarts the router (operation).', [], opFam),
  c('ping', 'ping [options] HOST', 'Sends ICMP echo requests (operation).', [], opFam),
  c('ping6', 'ping6 [options] HOST', 'Sends ICMPv6 echo requests (operation).', [], opFam),
  c('traceroute', 'traceroute [options] HOST', 'Traces the route to a host (operation).', [], opFam),
  c('traceroute6', 'traceroute6 [options] HOST', 'Traces the IPv6 route to a host (operation).', [], opFam),
  c('telnet', 'telnet HOST', 'Opens a Telnet session from the router (operation).', [], opFam),
  c('ssh', 'ssh [options] USER@HOST', 'Opens an SSH session from the router (operation).', [], opFam),
  c('copy', 'copy SOURCE DESTINATION', 'Copies configuration or files (operation).', [], opFam),
  c('delete', 'delete FILE', 'Deletes a configuration or file (operation).', [], opFam),
  c('date', 'date YYYY/MM/DD', 'Sets the date (operation).', [], opFam),
  c('time', 'time HH:MM:SS', 'Sets the time (operation).', [], opFam),
  c('ntpdate', 'ntpdate SERVER [syslog]', 'Sets the clock from an NTP server (often used with `schedule at`).', [['SERVER', 'NTP server address or name']], fam),
  c('less', 'less FILE|config|log', 'Pages through a file (operation).', [], opFam),
  c('set-default-config', 'set-default-config', 'Resets to the factory configuration (operation).', [], op),
  c('cold start', 'cold start', 'Restarts with the factory configuration (operation).', [], opFam),
  c('execute batch', 'execute batch', 'Runs the batch file from external memory (operation).', [], opFam),
  c('nslookup', 'nslookup NAME', 'Resolves a name through the router (operation).', [], opFam),

  // ----- services --------------------------------------------------------------------------
  c('httpd host', 'httpd host any|lan|INTERFACE…|ADDRESS…|none', 'Hosts allowed to use the web GUI.', [['HOSTS', 'any, lan, interface names or address ranges']]),
  c('httpd proxy-access l2ms permit', 'httpd proxy-access l2ms permit on|off', 'Lets the GUI reach switches and access points through the router.', [ONOFF]),
  c('httpd', 'httpd …', 'Web GUI server settings.', [], fam),
  c('sshd service', 'sshd service on|off', 'Runs the SSH server.', [ONOFF]),
  c('sshd host', 'sshd host any|lan|INTERFACE…|ADDRESS…|none', 'Hosts or interfaces allowed to connect by SSH.', [['HOSTS', 'any, lan, interface names or addresses']]),
  c('sshd host key generate', 'sshd host key generate [SEED]', 'Generates the SSH host key (the key is stored in the config).'),
  c('sshd', 'sshd …', 'SSH server settings.', [], fam),
  c('sftpd host', 'sftpd host any|lan|INTERFACE…|ADDRESS…|none', 'Hosts allowed to read or write the configuration over SFTP.', [['HOSTS', 'interfaces or addresses']]),
  c('telnetd host', 'telnetd host any|lan|INTERFACE…|ADDRESS…|none', 'Hosts allowed to connect by Telnet.', [['HOSTS', 'any, lan, interface names or addresses']]),
  c('telnetd', 'telnetd …', 'Telnet server settings.', [], fam),
  c('tftp host', 'tftp host any|lan|ADDRESS…|none', 'Hosts allowed to read or write the configuration over TFTP.'),
  c('upnp', 'upnp use on|off | upnp …', 'UPnP port mapping service.', [], fam),
  c('snmp', 'snmp …', 'SNMP agent settings (communities, trap hosts, sysName, …).', [], fam),
  c('syslog host', 'syslog host ADDRESS…', 'Sends the log to up to four syslog servers.', [['ADDRESS', 'IPv4/IPv6 address or host name']]),
  c('syslog notice', 'syslog notice on|off', 'Logs NOTICE messages — the packet-filter hits (`Rejected at …`). Default off.', [ONOFF]),
  c('syslog info', 'syslog info on|off', 'Logs INFO messages (connections, DHCP, …). Default on.', [ONOFF]),
  c('syslog debug', 'syslog debug on|off', 'Logs DEBUG messages. Default off.', [ONOFF]),
  c('syslog facility', 'syslog facility user|local0…local7|NUMBER', 'Syslog facility of the messages sent.', [['FACILITY', 'default user']]),
  c('syslog local address', 'syslog local address ADDRESS', 'Source address of syslog packets.', [['ADDRESS', 'one of the router\'s addresses']]),
  c('syslog srcport', 'syslog srcport PORT', 'Source port of syslog packets.', [['PORT', 'UDP port']]),
  c('syslog format', 'syslog format …', 'Message format sent to syslog servers (yamaha, rfc3164, rfc5424).', [], fam),
  c('syslog', 'syslog …', 'Syslog settings.', [], fam),
  c('mail', 'mail …', 'Mail notification settings (SMTP server, templates, triggers).', [], fam),
  c('mail-notify', 'mail-notify …', 'Status mail notification settings.', [], fam),
  c('netvolante-dns', 'netvolante-dns …', 'Yamaha\'s dynamic DNS service.', [], fam),
  c('sip', 'sip …', 'SIP (VoIP) settings.', [], fam),
  c('analog', 'analog …', 'Analog telephone port settings (NVR series).', [], fam),
  c('url filter', 'url filter ID ACTION KEYWORD [SOURCE]', 'URL filter definitions (a namespace of their own, not `ip filter`).', [['ID', 'URL filter number']], fam),
  c('ap', 'ap …', 'Wireless access point management.', [], fam),
  c('switch', 'switch …', 'Switch management (L2MS): `switch select`, `switch control …`.', [], fam),
  c('switching-hub', 'switching-hub …', 'Built-in switching hub settings.', [], fam),
  c('wins server', 'wins server ADDRESS…', 'WINS server handed out by DHCP / IPCP.'),
  c('account threshold', 'account threshold [pp|INTERFACE] [yen|time] VALUE', 'Charge threshold of a line (ISDN era).', [], fam),
  c('isdn local address', 'isdn local address BRI NUMBER', 'Own ISDN number of a BRI interface.', [['NUMBER', 'telephone number']]),
  c('isdn', 'isdn …', 'ISDN settings.', [], fam),
  c('speed', 'speed INTERFACE|pp SPEED', 'Bandwidth of an interface, used by QoS shaping.', [['SPEED', 'e.g. 100m']]),
  c('ntp local address', 'ntp local address ADDRESS', 'Source address of NTP requests.'),
  c('ntp backward-compatibility', 'ntp backward-compatibility on|off', 'NTP compatibility mode.', [ONOFF]),
  c('heartbeat2', 'heartbeat2 …', 'Heartbeat (keepalive) settings.', [], fam),
  c('usbhost', 'usbhost …', 'USB host port settings.', [], fam),
  c('sd', 'sd …', 'SD card settings.', [], fam),
  c('cooperation', 'cooperation …', 'Cooperation with other devices.', [], fam),
  c('rip', 'rip …', 'Global RIP settings.', [], fam),

  // ----- LAN ports, VLANs, bridges -----------------------------------------------------------
  c('lan type', 'lan type INTERFACE SPEED [options]', 'Speed, duplex and port mode of a LAN interface.', [IF]),
  c('lan port', 'lan port …', 'Settings of the physical LAN ports.', [], fam),
  c('lan port-mirroring', 'lan port-mirroring INTERFACE …', 'Mirrors traffic of LAN ports.', [], fam),
  c('lan backup', 'lan backup INTERFACE pp|tunnel …', 'Backup line for a LAN interface.', [], fam),
  c('lan flexible-port', 'lan flexible-port lanN=PORTS…', 'Maps physical ports to LAN interfaces (RTX1300).', [['lanN=PORTS', 'e.g. lan1=3-8']]),
  c('lan', 'lan …', 'LAN interface settings.', [], fam),
  c('vlan <if> 802.1q', 'vlan INTERFACE/N 802.1q vid=VID [name=NAME]', 'Defines a tagged VLAN interface on a LAN port.', [['vid=VID', 'VLAN ID'], ['name=NAME', 'optional name']]),
  c('vlan port mapping', 'vlan port mapping lanN.M vlanK', 'Assigns a switch port to a port-based VLAN (LAN division).', [['lanN.M', 'the port'], ['vlanK', 'the VLAN']]),
  c('vlan', 'vlan …', 'VLAN settings.', [], fam),
  c('bridge member', 'bridge member bridgeN INTERFACE…', 'The interfaces bridged into bridgeN.', [['bridgeN', 'bridge interface'], ['INTERFACE…', 'members (lanN, tunnelN, …)']]),
  c('bridge', 'bridge …', 'Bridge settings.', [], fam),
  c('ethernet filter', 'ethernet filter NUM ACTION SRC_MAC [DST_MAC [OFFSET BYTES]]', 'Defines a MAC-address (Ethernet) filter; a namespace separate from `ip filter`.', [['NUM', 'filter number'], ['ACTION', 'pass, reject, pass-log, reject-log, pass-nolog, reject-nolog'], ['SRC_MAC / DST_MAC', 'MAC address, `*` octets allowed']]),
  c('ethernet <if> filter', 'ethernet INTERFACE filter in|out LIST', 'Applies Ethernet filters to an interface.', [IF, ['LIST', 'ethernet filter numbers in order']]),
  c('ethernet', 'ethernet …', 'Ethernet (MAC) filter settings.', [], fam),

  // ----- IP interfaces ----------------------------------------------------------------------
  c('ip <if> address', 'ip INTERFACE address ADDRESS/MASK | dhcp', 'The IPv4 address of an interface (or of the selected PP/tunnel), or DHCP.', [IF, ['ADDRESS/MASK', 'e.g. 192.168.100.1/24; `dhcp` obtains it from a DHCP server']]),
  c('ip <if> secondary address', 'ip INTERFACE secondary address ADDRESS/MASK | dhcp', 'A second IPv4 address of a LAN interface.', [IF]),
  c('ip <if> remote address', 'ip pp|tunnel remote address ADDRESS', 'The peer address of the selected PP or tunnel.', [['ADDRESS', 'the peer\'s address']]),
  c('ip <if> remote address pool', 'ip pp remote address pool START-END | dhcp', 'Addresses handed to dial-in peers of the anonymous PP.', [['POOL', 'address range or dhcp']]),
  c('ip <if> mtu', 'ip INTERFACE mtu MTU', 'IPv4 MTU of an interface.', [IF, ['MTU', 'bytes, e.g. 1454 for PPPoE']]),
  c('ip <if> proxyarp', 'ip INTERFACE proxyarp on|off', 'Answers ARP requests on behalf of other hosts.', [IF, ONOFF]),
  c('ip <if> nat descriptor', 'ip INTERFACE nat descriptor ID… [reverse ID…]', 'Applies NAT descriptors to the interface; the network behind it becomes the outside.', [IF, ['ID…', 'descriptor numbers, applied in order']]),
  c('ip <if> secure filter', 'ip INTERFACE secure filter in|out [FILTER_LIST…] [dynamic DYNAMIC_LIST…]', 'The packet filter list of an interface and direction: checked in written order, first match decides, no match discards; no list passes everything.', [IF, ['in|out', 'in = packets received on the interface, out = packets sent on it'], FILTER_LIST, ['dynamic DYNAMIC_LIST', 'dynamic (stateful) filters that open sessions for passed connections']]),
  c('ip <if> secure filter name', 'ip INTERFACE secure filter name SET', 'Applies a filter set (`ip filter set`) to both directions.', [IF, ['SET', 'filter set name; an unknown name acts as no filter']]),
  c('ip <if> tcp mss limit', 'ip INTERFACE tcp mss limit auto|SIZE|off', 'Clamps the TCP MSS of connections through the interface.', [IF, ['SIZE', 'auto, bytes, or off']]),
  c('ip <if> rip', 'ip INTERFACE rip …', 'RIP on an interface (send, receive, filters, authentication).', [IF], fam),
  c('ip <if> rip filter', 'ip INTERFACE rip filter in|out FILTER_LIST', 'Filters RIP routes with `ip filter` definitions.', [IF, FILTER_LIST]),
  c('ip <if> ospf area', 'ip INTERFACE ospf area AREA [options]', 'Runs OSPF on the interface in the given area.', [IF, ['AREA', 'backbone or area id']]),
  c('ip <if> ospf neighbor', 'ip INTERFACE ospf neighbor ADDRESS…', 'Static OSPF neighbours on non-broadcast networks.', [IF]),
  c('ip <if> ospf', 'ip INTERFACE ospf …', 'OSPF interface settings.', [IF], fam),
  c('ip <if> intrusion detection', 'ip INTERFACE intrusion detection in|out [TYPE] on|off [reject=on|off]', 'Intrusion detection (IDS) on an interface; may discard attack packets.', [IF], fam),
  c('ip <if> wol relay', 'ip INTERFACE wol relay …', 'Relays Wake-on-LAN packets.', [IF], fam),
  c('ip <if> dhcp', 'ip INTERFACE dhcp …', 'DHCP client details of an interface.', [IF], fam),
  c('ip <if> forward filter', 'ip INTERFACE forward filter ID gateway GATEWAY filter FILTER_LIST', 'Policy forwarding by `ip filter` matches.', [IF, FILTER_LIST], fam),
  c('ip <if> traffic list', 'ip INTERFACE traffic list …', 'Traffic list (flow recording) of an interface.', [IF], fam),
  c('ip <if> inbound filter list', 'ip INTERFACE inbound filter list ID…', 'Applies inbound (policy) filters to an interface.', [IF], fam),
  c('ip <if> rebound', 'ip INTERFACE rebound on|off', 'Sends packets back out of the interface they came in on.', [IF, ONOFF]),
  c('ip <if> vrrp', 'ip INTERFACE vrrp …', 'VRRP settings of an interface.', [IF], fam),
  c('ip <if> igmp', 'ip INTERFACE igmp …', 'IGMP settings.', [IF], fam),
  c('ip <if> pim', 'ip INTERFACE pim …', 'PIM multicast routing.', [IF], fam),
  c('ip <if> arp', 'ip INTERFACE arp …', 'ARP settings of an interface.', [IF], fam),
  c('ip <if> tcp window-scale', 'ip INTERFACE tcp window-scale …', 'TCP window-scale handling.', [IF], fam),
  c('ip <if> routing', 'ip INTERFACE routing on|off', 'Whether the interface forwards IPv4.', [IF, ONOFF]),
  c('ip <if> icmp', 'ip INTERFACE icmp …', 'ICMP handling on an interface.', [IF], fam),
  c('ip <if> tos supersede', 'ip INTERFACE tos supersede ID TOS [FILTER_LIST]', 'Rewrites the TOS field of packets matching `ip filter` definitions.', [IF, FILTER_LIST], fam),
  c('ip <if> dscp supersede', 'ip INTERFACE dscp supersede ID DSCP [FILTER_LIST]', 'Rewrites the DSCP field of packets matching `ip filter` definitions.', [IF, FILTER_LIST], fam),

  // ----- IP filters ---------------------------------------------------------------------------
  c('ip filter', 'ip filter NUM ACTION SRC[/MASK] [DST[/MASK] [PROTOCOL [SRC_PORT [DST_PORT]]]]', 'Defines a static IPv4 packet filter. It takes effect only where a `secure filter` list names it.', [['NUM', '1-21474836'], ['ACTION', 'pass, reject, restrict, with -log / -nolog variants'], ['SRC / DST', '`*`, address, network (/len, dotted or 0x mask), range, `*` octets, FQDN, comma lists'], ['PROTOCOL', '`*`, tcp, udp, icmp, gre, esp, numbers, tcpsyn, established, tcpflag=V/M, …'], ['SRC_PORT / DST_PORT', 'ports, mnemonics (smtp, www, …), ranges; compared for TCP/UDP only']]),
  c('ip filter dynamic', 'ip filter dynamic NUM SRC DST APPLICATION [syslog=on|off] [timeout=S] | ip filter dynamic NUM SRC DST filter LIST [in LIST] [out LIST]', 'Defines a dynamic (stateful) filter: after the static list passes a matching connection, its packets pass in both directions.', [['NUM', 'a number space separate from static filters'], ['APPLICATION', 'tcp, udp, ftp, domain, www, smtp, submission, pop3, …'], ['syslog=', 'log each connection (default on)']]),
  c('ip filter dynamic timer', 'ip filter dynamic timer [tcp-syn-timeout=S] [tcp-fin-timeout=S] [tcp-idle-time=S] [udp-idle-time=S] [dns-timeout=S]', 'Timers of dynamic-filter sessions.'),
  c('ip filter set', 'ip filter set NAME in|out FILTER_LIST… [dynamic DYNAMIC_LIST…]', 'A named set of filter lists, applied with `ip INTERFACE secure filter name NAME` (or by RADIUS Filter-Id).', [['NAME', 'set name'], ['in|out', 'direction the list is for'], FILTER_LIST]),
  c('ip filter source-route', 'ip filter source-route on|off', 'Discards packets carrying the source-route option (default on).', [ONOFF]),
  c('ip filter directed-broadcast', 'ip filter directed-broadcast on|off | ip filter directed-broadcast filter FILTER_LIST', 'Discards directed broadcasts to connected networks (default on), or forwards only those a listed `pass` filter matches.', [['FILTER_LIST', 'with `filter`: the `ip filter` numbers to consult']]),
  c('ip filter fqdn timer', 'ip filter fqdn timer SECONDS [auto=on|off]', 'How long FQDN filter addresses stay cached (default 600 s).'),
  c('ipv6 filter', 'ipv6 filter NUM ACTION SRC[/LEN] [DST[/LEN] [PROTOCOL [SRC_PORT [DST_PORT]]]]', 'Defines a static IPv6 packet filter (a number space separate from `ip filter`).', [['NUM', '1-21474836'], ['SRC / DST', '`*`, IPv6 address or prefix, ra-prefix@IF::/64 or dhcp-prefix@IF… forms, FQDN'], ['PROTOCOL', 'as for IPv4; icmp6 (= icmp), icmp4, icmp-nd']]),
  c('ipv6 filter dynamic', 'ipv6 filter dynamic NUM SRC DST APPLICATION [syslog=on|off] [timeout=S]', 'Defines a dynamic (stateful) IPv6 filter.'),
  c('ipv6 <if> secure filter', 'ipv6 INTERFACE secure filter in|out [FILTER_LIST…] [dynamic DYNAMIC_LIST…]', 'The IPv6 packet filter list of an interface and direction (same evaluation as IPv4; no filter-set form).', [IF, FILTER_LIST]),

  // ----- routing --------------------------------------------------------------------------------
  c('ip route', 'ip route NETWORK gateway GATEWAY [filter FILTER_LIST] [gateway …] [hide] [weight N] [keepalive N]', 'A static IPv4 route; several gateways are tried in order, a gateway with `filter` is used only for packets its filters pass.', [['NETWORK', 'default or A.B.C.D/len'], ['GATEWAY', 'address, pp N, tunnel N, dhcp lanN, lanN, null'], ['filter FILTER_LIST', 'filter-type route: `ip filter` numbers']]),
  c('ip route change log', 'ip route change log on|off', 'Logs routing table changes.', [ONOFF]),
  c('ip routing', 'ip routing on|off', 'IPv4 forwarding on or off.', [ONOFF]),
  c('ip routing process', 'ip routing process fast|normal', 'Fast-path or normal forwarding.', [['MODE', 'fast or normal']]),
  c('ip host', 'ip host NAME ADDRESS…', 'A static host name answered by the router\'s DNS proxy.', [['NAME', 'host name'], ['ADDRESS', 'IPv4/IPv6 addresses']]),
  c('ip keepalive', 'ip keepalive ID …', 'Reachability monitoring (used by routes and backups).', [], fam),
  c('ip icmp', 'ip icmp …', 'Global ICMP behaviour.', [], fam),
  c('ip stealth', 'ip stealth INTERFACE…|all', 'Stays silent (no RST / port unreachable) towards the given interfaces.'),
  c('ip fragment', 'ip fragment …', 'IP fragment handling.', [], fam),
  c('ip simple-service', 'ip simple-service on|off', 'Echo/discard/daytime services of the router.', [ONOFF]),
  c('ip policy', 'ip policy …', 'Policy-based routing / filtering (its own namespaces).', [], fam),
  c('ip inbound filter', 'ip inbound filter ID …', 'Inbound (policy) filter definitions.', [], fam),
  c('ip', 'ip …', 'IPv4 settings.', [], { family: false }),
  c('ipv6 route', 'ipv6 route NETWORK gateway GATEWAY [filter FILTER_LIST] …', 'A static IPv6 route.', [['NETWORK', 'default or prefix/len'], ['GATEWAY', 'address%INTERFACE, pp N, tunnel N, dhcp lanN']]),
  c('ipv6 routing', 'ipv6 routing on|off', 'IPv6 forwarding on or off.', [ONOFF]),
  c('ipv6 routing process', 'ipv6 routing process fast|normal', 'Fast-path or normal IPv6 forwarding.'),
  c('ipv6 prefix', 'ipv6 prefix ID PREFIX/LEN [options]', 'A prefix advertised by router advertisements (`ipv6 INTERFACE rtadv send ID`).', [['ID', 'prefix number'], ['PREFIX/LEN', 'literal prefix, or ra-prefix@IF::/64 / dhcp-prefix@IF::/64 (taken from the upstream)']]),
  c('ipv6 <if> address', 'ipv6 INTERFACE address ADDRESS/LEN | dhcp | autoconf', 'The IPv6 address of an interface; `ra-prefix@lan2::1/64` builds it from the prefix received on lan2.', [IF, ['ADDRESS/LEN', 'literal or dynamic-prefix form']]),
  c('ipv6 <if> dhcp service', 'ipv6 INTERFACE dhcp service client|server [ir=on] …', 'DHCPv6 client (upstream) or server (LAN) on an interface.', [IF, ['client|server', 'client on the upstream side, server on the LAN side'], ['ir=on', 'information-request only (no prefix delegation)']]),
  c('ipv6 <if> rtadv send', 'ipv6 INTERFACE rtadv send PREFIX_ID… [o_flag=on] [m_flag=on] …', 'Sends router advertisements with the given prefixes on a LAN interface.', [IF, ['PREFIX_ID', '`ipv6 prefix` numbers']]),
  c('ipv6 <if> mtu', 'ipv6 INTERFACE mtu MTU', 'IPv6 MTU of an interface.', [IF]),
  c('ipv6 <if> prefix', 'ipv6 INTERFACE prefix …', 'Prefix settings of an interface.', [IF], fam),
  c('ipv6 <if> rip', 'ipv6 INTERFACE rip …', 'RIPng on an interface.', [IF], fam),
  c('ipv6 <if> ospf', 'ipv6 INTERFACE ospf …', 'OSPFv3 on an interface.', [IF], fam),
  c('ipv6 <if> tcp mss limit', 'ipv6 INTERFACE tcp mss limit auto|SIZE|off', 'Clamps the TCP MSS of IPv6 connections.', [IF]),
  c('ipv6 <if>', 'ipv6 INTERFACE …', 'IPv6 settings of an interface (MLD, VRRP, DAD, …).', [IF], fam),
  c('ipv6', 'ipv6 …', 'IPv6 settings.', [], { family: false }),
  c('ngn type', 'ngn type INTERFACE ntt|off', 'Declares the interface connected to NTT\'s NGN (IPv6 IPoE).', [IF, ['ntt|off', 'NGN type']]),
  c('ngn', 'ngn …', 'NGN settings.', [], fam),
  c('ospf', 'ospf …', 'OSPF routing (use, router id, areas, import/export).', [], fam),
  c('bgp', 'bgp …', 'BGP routing (use, autonomous-system, neighbours, import/export filters — a namespace of their own).', [], fam),
  c('queue', 'queue …', 'QoS queues and class filters (`queue class filter` is its own namespace).', [], fam),

  // ----- PP / PPPoE -------------------------------------------------------------------------------
  c('pp select', 'pp select NUM|anonymous|none', 'Selects the PP (peer) the following PP commands apply to.', [['NUM', 'PP number; anonymous for dial-in peers; none to deselect']]),
  c('pp enable', 'pp enable NUM|anonymous|all', 'Enables a PP.', [['NUM', 'PP number']]),
  c('pp disable', 'pp disable NUM|anonymous|all', 'Disables a PP.', [['NUM', 'PP number']]),
  c('pp always-on', 'pp always-on on|off [TIME]', 'Keeps the selected PP connected (reconnects when it drops).', [ONOFF], pp),
  c('pp auth accept', 'pp auth accept pap|chap|mschap|mschap-v2…', 'Authentication protocols accepted from the peer.', [['PROTOCOLS', 'pap, chap, mschap, mschap-v2']], pp),
  c('pp auth request', 'pp auth request pap|chap|mschap|mschap-v2|chap-pap', 'Authentication protocol requested from the peer.', [], pp),
  c('pp auth myname', 'pp auth myname ID PASSWORD', 'The account name and password sent to the provider.', [['ID', 'account name'], ['PASSWORD', 'password']], pp),
  c('pp auth username', 'pp auth username NAME PASSWORD [options]', 'An account a dial-in peer may log in with.', [['NAME', 'user name'], ['PASSWORD', 'password']]),
  c('pp auth multi connect prohibit', 'pp auth multi connect prohibit on|off', 'Refuses a second connection with the same account.', [ONOFF]),
  c('pp bind', 'pp bind INTERFACE…', 'Binds the selected PP to an interface (tunnelN for L2TP/PPTP, briN for ISDN).', [['INTERFACE', 'e.g. tunnel1, tunnel4-tunnel5']], pp),
  c('pp keepalive', 'pp keepalive use|interval|log …', 'LCP echo keepalive of the selected PP.', [['interval N retry-interval=N count=N', 'timing']], { family: true, context: 'pp' }),
  c('pp name', 'pp name NAME', 'Name of the selected PP (GUI-generated: PRV/…:provider).', [['NAME', 'free text']], pp),
  c('pp backup', 'pp backup …', 'Backup line of the selected PP.', [], { family: true, context: 'pp' }),
  c('pp', 'pp …', 'PP (peer) settings.', [], fam),
  c('ppp lcp mru', 'ppp lcp mru on|off [SIZE]', 'Negotiates the MRU (e.g. 1454 for PPPoE).', [['SIZE', 'bytes']], pp),
  c('ppp ipcp ipaddress', 'ppp ipcp ipaddress on|off', 'Accepts the IPv4 address assigned by the provider (IPCP).', [ONOFF], pp),
  c('ppp ipcp msext', 'ppp ipcp msext on|off', 'Accepts DNS/WINS servers from the provider (IPCP MS extensions).', [ONOFF], pp),
  c('ppp ccp type', 'ppp ccp type none|stac|cstac|mppe-40|mppe-128|mppe-any', 'PPP compression / encryption.', [['TYPE', 'none for PPPoE']], pp),
  c('ppp ipv6cp use', 'ppp ipv6cp use on|off', 'Negotiates IPv6 over the selected PP.', [ONOFF], pp),
  c('ppp', 'ppp …', 'PPP protocol details of the selected PP.', [], { family: true, context: 'pp' }),
  c('pppoe use', 'pppoe use INTERFACE', 'Runs the selected PP as PPPoE over a LAN port — that port faces the provider.', [['INTERFACE', 'usually lan2']], pp),
  c('pppoe auto disconnect', 'pppoe auto disconnect on|off', 'Disconnects an idle PPPoE session.', [ONOFF], pp),
  c('pppoe call prohibit auth-error count', 'pppoe call prohibit auth-error count off|N', 'Stops redialling after repeated authentication errors.', [], pp),
  c('pppoe', 'pppoe …', 'PPPoE details.', [], fam),
  c('provider', 'provider …', 'Provider (ISP) profiles of older NetVolante models.', [], fam),

  // ----- tunnels, IPsec, L2TP --------------------------------------------------------------------------
  c('tunnel select', 'tunnel select NUM|none', 'Selects the tunnel the following tunnel commands apply to.', [['NUM', 'tunnel number, or none to deselect']]),
  c('tunnel enable', 'tunnel enable NUM|all', 'Enables a tunnel.', [['NUM', 'tunnel number']]),
  c('tunnel disable', 'tunnel disable NUM|all', 'Disables a tunnel.', [['NUM', 'tunnel number']]),
  c('tunnel encapsulation', 'tunnel encapsulation ipsec|ipip|pptp|l2tp|l2tpv3|l2tpv3-raw|ipudp|map-e|hb46pp', 'Encapsulation of the selected tunnel; map-e / ipip / hb46pp are IPoE Internet uplinks, the others VPNs.', [['TYPE', 'default ipsec']], tun),
  c('tunnel endpoint address', 'tunnel endpoint [local-address] REMOTE-ADDRESS', 'The far end (and optionally local end) of the selected tunnel.', [['ADDRESS', 'IPv4 or IPv6 address']], tun),
  c('tunnel endpoint name', 'tunnel endpoint name [LOCAL] REMOTE [fqdn]', 'The far end of the selected tunnel by name.', [['REMOTE', 'host name']], tun),
  c('tunnel endpoint', 'tunnel endpoint …', 'Tunnel endpoints.', [], { family: true, context: 'tunnel' }),
  c('tunnel name', 'tunnel name NAME', 'Name of the selected tunnel.', [['NAME', 'free text']], tun),
  c('tunnel hb46pp', 'tunnel hb46pp …', 'Settings of the hb46pp IPv4-over-IPv6 provisioning.', [], { family: true, context: 'tunnel' }),
  c('tunnel', 'tunnel …', 'Tunnel settings.', [], fam),
  c('ipsec tunnel', 'ipsec tunnel SA_POLICY_ID', 'Uses an IPsec SA policy for the selected tunnel.', [['SA_POLICY_ID', '`ipsec sa policy` number']], tun),
  c('ipsec tunnel outer df-bit', 'ipsec tunnel outer df-bit copy|set|clear', 'DF bit of the outer IPsec header.'),
  c('ipsec sa policy', 'ipsec sa policy ID GATEWAY esp|ah ENCRYPTION AUTH [options]', 'An IPsec SA policy: gateway, protocol and algorithms.', [['ID', 'policy number'], ['GATEWAY', 'IKE gateway number']]),
  c('ipsec transport', 'ipsec transport ID SA_POLICY_ID [PROTOCOL [PORT…]]', 'IPsec transport mode for matching traffic (e.g. L2TP/IPsec udp 1701).', [['SA_POLICY_ID', 'an `ipsec tunnel`/SA policy number']]),
  c('ipsec auto refresh', 'ipsec auto refresh [GATEWAY] on|off', 'Renews IPsec SAs before they expire.', [ONOFF]),
  c('ipsec ike', 'ipsec ike … GATEWAY …', 'IKE settings per gateway (encryption, hash, group, pre-shared-key, local/remote address, keepalive, NAT traversal, …).', [['GATEWAY', 'IKE gateway number']], fam),
  c('ipsec ike pre-shared-key', 'ipsec ike pre-shared-key GATEWAY text|hex KEY', 'The pre-shared key of an IKE gateway.', [['GATEWAY', 'gateway number'], ['KEY', 'the secret']]),
  c('ipsec ike local address', 'ipsec ike local address GATEWAY ADDRESS', 'Local IKE address of a gateway.', [['ADDRESS', 'one of the router\'s addresses']]),
  c('ipsec ike remote address', 'ipsec ike remote address GATEWAY ADDRESS|NAME|any', 'Remote IKE peer of a gateway.', [['ADDRESS', 'address, host name or any']]),
  c('ipsec', 'ipsec …', 'IPsec settings.', [], fam),
  c('l2tp service', 'l2tp service on|off [l2tpv3] [l2tp]', 'Runs the L2TP / L2TPv3 service.', [ONOFF]),
  c('l2tp', 'l2tp …', 'L2TP settings of the selected tunnel (hostname, router ids, keepalive, authentication, …).', [], fam),
  c('pptp', 'pptp …', 'PPTP settings.', [], fam),

  // ----- NAT --------------------------------------------------------------------------------------------
  c('nat descriptor type', 'nat descriptor type ID none|nat|masquerade|nat-masquerade', 'Type of a NAT descriptor; masquerade = NAPT with the outer address.', [['ID', 'descriptor number'], ['TYPE', 'default none']]),
  c('nat descriptor address outer', 'nat descriptor address outer ID ipcp|primary|secondary|map-e|hb46pp|ADDRESS[-ADDRESS]…', 'The outside address(es) of a descriptor.', [['ID', 'descriptor number']]),
  c('nat descriptor address inner', 'nat descriptor address inner ID auto|ADDRESS[-ADDRESS]…', 'The inside addresses a descriptor translates (default auto = all).', [['ID', 'descriptor number']]),
  c('nat descriptor masquerade static', 'nat descriptor masquerade static ID ENTRY INNER_IP PROTOCOL [OUTER_PORT=]INNER_PORT', 'A static port forwarding: outside port → inside host.', [['ID', 'descriptor number'], ['ENTRY', 'entry number'], ['INNER_IP', 'inside host'], ['PROTOCOL', 'tcp, udp, esp, …']]),
  c('nat descriptor masquerade incoming', 'nat descriptor masquerade incoming ID reject|through|discard|forward [ADDRESS]', 'What happens to unsolicited inbound packets (default reject).'),
  c('nat descriptor static', 'nat descriptor static ID ENTRY OUTER=INNER [COUNT]', 'Static one-to-one address translation.'),
  c('nat descriptor timer', 'nat descriptor timer ID [protocol=P port=N] SECONDS', 'Lifetime of NAT table entries.'),
  c('nat descriptor', 'nat descriptor …', 'NAT descriptor settings.', [], fam),

  // ----- DHCP, DNS ----------------------------------------------------------------------------------------
  c('dhcp service', 'dhcp service server|relay|off', 'Runs the DHCP server or relay.', [['MODE', 'server, relay or off']]),
  c('dhcp server rfc2131 compliant', 'dhcp server rfc2131 compliant on|off|except …', 'How strictly the DHCP server follows RFC 2131.'),
  c('dhcp scope', 'dhcp scope ID START-END/MASK [gateway ADDRESS] [expire TIME] [maxexpire TIME]', 'An address pool of the DHCP server (its network is a LAN).', [['ID', 'scope number'], ['START-END/MASK', 'the range and its network']]),
  c('dhcp scope bind', 'dhcp scope bind ID ADDRESS [ethernet] MAC|CLIENT-ID', 'A fixed lease for one client.', [['ADDRESS', 'the reserved address'], ['MAC', 'MAC address or client identifier bytes']]),
  c('dhcp scope option', 'dhcp scope option ID OPTION=VALUE…', 'DHCP options handed out (router=, dns=, domain=, …).'),
  c('dhcp scope lease type', 'dhcp scope lease type ID …', 'How leases are handed out.'),
  c('dhcp client', 'dhcp client …', 'DHCP client details (hostname, client identifier, release on link down).', [], fam),
  c('dhcp', 'dhcp …', 'DHCP settings.', [], fam),
  c('dns server', 'dns server ADDRESS… | dns server pp N | dns server dhcp INTERFACE', 'Upstream DNS servers of the router\'s DNS proxy.', [['ADDRESS', 'server addresses, or pp N / dhcp lanN to use those the line provides']]),
  c('dns server select', 'dns server select ID SERVER… [edns=on] [TYPE] QUERY [original-sender] [restrict pp N]', 'Chooses the DNS server by the queried name.', [['ID', 'selector number'], ['QUERY', 'domain suffix; `.` = everything']]),
  c('dns host', 'dns host any|lan|INTERFACE…|ADDRESS…', 'Hosts allowed to query the router\'s DNS proxy.'),
  c('dns service', 'dns service recursive|off|fallback', 'DNS proxy mode.'),
  c('dns private address spoof', 'dns private address spoof on|off', 'Answers reverse queries for private addresses locally instead of asking the Internet.', [ONOFF]),
  c('dns private name', 'dns private name NAME', 'A domain answered locally.'),
  c('dns static', 'dns static TYPE NAME VALUE [ttl=N]', 'A static DNS record answered by the router (a, aaaa, ptr, mx, cname).', [['TYPE', 'a, aaaa, ptr, mx, cname']]),
  c('dns cache', 'dns cache use on|off | dns cache …', 'DNS proxy cache.', [], fam),
  c('dns', 'dns …', 'DNS proxy settings.', [], fam),
];

// ----- matching -----------------------------------------------------------------------------------

type Elem = { kind: 'word'; word: string } | { kind: 'if' } | { kind: 'num' } | { kind: 'any' };

interface Node {
  words: Map<string, Node>;
  iface?: Node;
  num?: Node;
  any?: Node;
  /** The entries ending here (the same path can be documented more than once; the first wins). */
  entries: CommandDoc[];
}

const newNode = (): Node => ({ words: new Map(), entries: [] });

function elems(path: string): Elem[] {
  return path.split(' ').map((w) => (w === '<if>' ? { kind: 'if' } : w === '<n>' ? { kind: 'num' } : w === '<*>' ? { kind: 'any' } : { kind: 'word', word: w }));
}

const ROOT: Node = newNode();
for (const doc of COMMANDS) {
  let n = ROOT;
  for (const e of elems(doc.path)) {
    if (e.kind === 'word') {
      let next = n.words.get(e.word);
      if (!next) n.words.set(e.word, (next = newNode()));
      n = next;
    } else if (e.kind === 'if') n = n.iface ??= newNode();
    else if (e.kind === 'num') n = n.num ??= newNode();
    else n = n.any ??= newNode();
  }
  n.entries.push(doc);
}

/** Interface words accepted by `<if>` (the selected PP/tunnel included). */
export function isIfaceWord(w: string): boolean {
  return w === 'pp' || w === 'tunnel' || IFACE_NAME.test(w);
}

const isNumWord = (w: string): boolean => /^\d[\d,-]*$/.test(w);

export interface CommandMatch {
  doc: CommandDoc;
  /** How many words (after an optional `no`) the path covers. */
  length: number;
}

/**
 * The catalog entry for a command line's words (lower-cased, `no` removed), or undefined when the
 * words are not a known command. A family entry accepts any continuation; any other entry accepts
 * parameters after its path (they are not validated here).
 */
export function lookupCommand(words: readonly string[]): CommandMatch | undefined {
  let best: CommandMatch | undefined;
  const walk = (n: Node, i: number): void => {
    if (n.entries.length > 0 && (!best || i > best.length)) best = { doc: n.entries[0], length: i };
    if (i >= words.length) return;
    const w = words[i];
    const lit = n.words.get(w);
    if (lit) walk(lit, i + 1);
    if (n.iface && isIfaceWord(w)) walk(n.iface, i + 1);
    if (n.num && isNumWord(w)) walk(n.num, i + 1);
    if (n.any) walk(n.any, i + 1);
  };
  walk(ROOT, 0);
  if (!best) return undefined;
  // `ip` / `ipv6` alone document the family but are not commands by themselves.
  if (best.length === 1 && (best.doc.path === 'ip' || best.doc.path === 'ipv6')) return undefined;
  return best;
}

/** Whether the words start a known command. */
export function isKnownCommand(words: readonly string[]): boolean {
  return lookupCommand(words) !== undefined;
}

/** The keywords that may follow `words[0..depth)` (for did-you-mean), deepest valid prefix first. */
export function nextKeywords(words: readonly string[]): { depth: number; keywords: string[] } {
  let deepest: { depth: number; node: Node } = { depth: 0, node: ROOT };
  const walk = (n: Node, i: number): void => {
    if (i > deepest.depth) deepest = { depth: i, node: n };
    if (i >= words.length) return;
    const w = words[i];
    const lit = n.words.get(w);
    if (lit) walk(lit, i + 1);
    if (n.iface && isIfaceWord(w)) walk(n.iface, i + 1);
    if (n.num && isNumWord(w)) walk(n.num, i + 1);
  };
  walk(ROOT, 0);
  return { depth: deepest.depth, keywords: [...deepest.node.words.keys()] };
}

/** Optimal-string-alignment edit distance (a transposition counts one edit). */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > 3) return Math.abs(n - m);
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => [i, ...new Array<number>(m).fill(0)]);
  for (let j = 1; j <= m; j++) d[0][j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

/** Near misses of `word` among `candidates`: distance 1 for short words, up to 2 for longer ones. */
export function nearMisses(word: string, candidates: readonly string[]): string[] {
  if (word.length < 2 || word.length > 40) return [];
  const limit = word.length <= 4 ? 1 : 2;
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    // The distance is at least the length difference: most candidates never reach the table.
    if (Math.abs(c.length - word.length) > limit) continue;
    const d = boundedDistance(word, c, limit);
    if (d > 0 && d <= limit) scored.push({ c, d });
  }
  scored.sort((a, b) => a.d - b.d || a.c.localeCompare(b.c));
  return scored.map((x) => x.c);
}

/** Three reusable rows of the distance table (words are at most 40 characters here). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * `editDistance(a, b)` when it is at most `limit`, otherwise some value above `limit`. Only the
 * band |i − j| ≤ limit of the table is computed (a cell outside it exceeds the limit, and a cell
 * within the limit only derives from cells within it); cells beside the band read as `limit + 1`.
 * The table is abandoned once two consecutive rows exceed the limit everywhere.
 */
function boundedDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  const over = limit + 1;
  if (m + 2 > rowA.length) {
    rowA = new Int32Array(m + 2);
    rowB = new Int32Array(m + 2);
    rowC = new Int32Array(m + 2);
  }
  let prev2 = rowA; // row i-2
  let prev = rowB; // row i-1
  let cur = rowC; // row i
  for (let j = 0; j <= m; j++) prev[j] = j;
  prev[m + 1] = over;
  let prevMin = 0;
  for (let i = 1; i <= n; i++) {
    const ai = a.charCodeAt(i - 1);
    const lo = i - limit > 1 ? i - limit : 1;
    const hi = i + limit < m ? i + limit : m;
    cur[lo - 1] = lo === 1 ? i : over;
    let rowMin = lo === 1 ? i : over;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ai === bj ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && prev2[j - 2] + 1 < v) v = prev2[j - 2] + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = over;
    if (rowMin > limit && prevMin > limit) return over;
    prevMin = rowMin;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return n - m > limit || m - n > limit ? over : prev[m];
}

/** The keywords that can follow `words` (each with the command it leads to, when one ends there or below). */
export function catalogChildren(words: readonly string[]): { keyword: string; doc?: CommandDoc }[] {
  const nodes: Node[] = [];
  const walk = (n: Node, i: number): void => {
    if (i === words.length) {
      nodes.push(n);
      return;
    }
    const w = words[i];
    const lit = n.words.get(w);
    if (lit) walk(lit, i + 1);
    if (n.iface && isIfaceWord(w)) walk(n.iface, i + 1);
    if (n.num && isNumWord(w)) walk(n.num, i + 1);
  };
  walk(ROOT, 0);
  const firstDoc = (n: Node): CommandDoc | undefined => {
    if (n.entries[0]) return n.entries[0];
    for (const c of [...n.words.values(), ...(n.iface ? [n.iface] : []), ...(n.num ? [n.num] : [])]) {
      const d = firstDoc(c);
      if (d) return d;
    }
    return undefined;
  };
  const out = new Map<string, CommandDoc | undefined>();
  for (const n of nodes) for (const [k, c] of n.words) if (!out.has(k)) out.set(k, firstDoc(c));
  return [...out.entries()].map(([keyword, doc]) => ({ keyword, ...(doc ? { doc } : {}) }));
}
