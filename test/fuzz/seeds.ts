/** Valid documents to mutate: the project's examples plus small documents written here. */
import * as fs from 'fs';
import * as path from 'path';
import type { LanguageId } from '../../server/src/core/types';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export const ZONE_SEED = `$ORIGIN example.org.
$TTL 3600
@\tIN SOA ns1 hostmaster ( 2024010101 7200 900 1209600 300 )
\tIN NS ns1
\tIN NS ns2.example.net.
\tIN MX 10 mail
\tIN TXT "v=spf1 ip4:192.0.2.0/24 include:_spf.example.net a:mail.%{d} -all"
_dmarc\tIN TXT "v=DMARC1; p=reject"
ns1\tIN A 192.0.2.1
mail\tIN A 192.0.2.25
\tIN AAAA 2001:db8::25
www\tIN CNAME @
*.dyn\t60 IN A 192.0.2.9
sub\tIN NS ns.sub
ns.sub\tIN A 192.0.2.53
$GENERATE 1-4 host$ A 192.0.2.$
_sip._tcp\tIN SRV 0 5 5060 mail
`;

export const RTX_SEED = `# RTX830 Rev.15.02.30 (Tue Apr  2 12:00:00 2024)
ip route default gateway pp 1
ip lan1 address 192.168.0.1/24
pp select 1
 pp always-on on
 pppoe use lan2
 ip pp nat descriptor 1
 ip pp secure filter in 200030 200039 200099
 ip pp secure filter out 200020 200021 41 42 200099 dynamic 200080 200081 200098
 pp enable 1
ip filter 41 pass 192.168.0.0/16 203.0.113.25 tcp * smtp
ip filter 42 reject * * tcp * smtp
ip filter 200020 reject * * udp,tcp 135 *
ip filter 200021 reject * * udp,tcp * 135
ip filter 200030 pass * 192.168.0.0/24 icmp * *
ip filter 200039 reject * *
ip filter 200099 pass * * * * *
ip filter dynamic 200080 * * ftp
ip filter dynamic 200081 * * domain
ip filter dynamic 200098 * * tcp
nat descriptor type 1 masquerade
nat descriptor address outer 1 ipcp
ipv6 lan1 address ra-prefix@lan2::1/64
ipv6 filter 101000 pass * * icmp6 * *
ipv6 lan2 secure filter in 101000
dhcp scope 1 192.168.0.2-192.168.0.191/24
dns server 203.0.113.53
`;

export const LOG_SEED = `2024/04/02 12:00:01: [INSPECT] PP[01][out][200098] TCP 192.168.0.55:50112 > 198.51.100.7:25 (2024/04/02 12:00:01)
2024/04/02 12:00:02: PP[01] Rejected at OUT(42) filter: TCP 192.168.0.55:50113 > 198.51.100.8:25
2024/04/02 12:00:03: PP[01] Passed at OUT(41) filter: TCP 192.168.0.10:50114 > 203.0.113.25:25
2024/04/02 12:00:04: IP Tunnel[1] Up
Apr  2 12:00:05 192.168.0.1 PP[01] Rejected at IN(200039) filter: UDP 198.51.100.9:53 > 192.168.0.1:1024
2024/04/02 12:00:06: [DHCPD] LAN1(port1) Allocates 192.168.0.55: 00:a0:de:00:00:01
`;

function example(rel: string): string[] {
  try {
    return [fs.readFileSync(path.join(ROOT, 'examples', rel), 'utf8')];
  } catch {
    return [];
  }
}

export const SEEDS: Record<LanguageId, string[]> = {
  zone: [ZONE_SEED, ...example('broken/example.jp.zone'), ...example('fixed/example.jp.zone')],
  rtx: [RTX_SEED, ...example('broken/router.rtx'), ...example('fixed/router.rtx')],
  rtxlog: [LOG_SEED, ...example('broken/router-syslog.rtxlog')],
};

/** Tokens that matter to some parser; mutations insert them. */
export const TOKENS = [
  ' ', '\t', '\n', '\r\n', '\r', '(', ')', '"', '\\', ';', '#', '$', '@', '*', '.', ':', '/', '%', '{', '}', '-', '+', '=',
  '\\"', '\\0', '\\255', '\\999', '$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE', 'IN', 'CH', 'SOA', 'NS', 'MX', 'A', 'AAAA',
  'TXT', 'SPF', 'CNAME', 'DNAME', 'SRV', 'DS', 'CAA', 'TYPE65534', '\\# 2 abcd', 'v=spf1', 'v-spf1', 'ip4:', 'ip6:',
  'include:', 'redirect=', 'exp=', '%{ir}', '%{d2r-.}', '-all', '~all', '999999999999', '4294967296', '0', '-1', '1w2d3h',
  'ip filter', 'pass', 'reject', 'restrict', 'dynamic', 'secure filter', 'pp select', 'tunnel select', 'none', 'lan1',
  'pp 1', '192.168.0.1', '0.0.0.0/0', '2001:db8::/32', '::', '*', '1-65535', 'smtp', 'www', 'tcpfin', 'established',
  'Rejected at OUT(', ') filter:', 'TCP', 'UDP', '> ', ':25', '[INSPECT]', '2024/02/30 25:61:61:', 'PP[01]', '\u0000',
  '\uFEFF', '\u3000', 'é', '😀', '\uD800', '\uDFFF', 'A'.repeat(300),
];
