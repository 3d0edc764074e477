/**
 * Constructed Yamaha configs shared by the rtx tests (not used at runtime): the default PPPoE
 * setup of an RTX830 with the GUI-generated filters ("Config A") and helpers for its variants.
 */

/** Config A: default Yamaha filters, PPPoE on PP 1, LAN 192.168.100.0/24, no SMTP egress control. */
export const CONFIG_A = `# RTX830 Rev.15.02.30 (Tue Apr  2 12:00:00 2024)
# MAC Address : 00:a0:de:00:00:01, 00:a0:de:00:00:02
# Memory 256Mbytes, 2LAN
# main:  RTX830 ver=00 serial=S00000000 MAC-Address=00:a0:de:00:00:01 MAC-Address=00:a0:de:00:00:02
# Reporting Date: Apr 10 09:00:00 2024
login password *
administrator password *
console character ja.utf8
ip route default gateway pp 1
ip lan1 address 192.168.100.1/24
pp select 1
 description pp ISP
 pp keepalive interval 30 retry-interval=30 count=12
 pp always-on on
 pppoe use lan2
 pppoe auto disconnect off
 pp auth accept pap chap
 pp auth myname user@isp.example secret
 ppp lcp mru on 1454
 ppp ipcp ipaddress on
 ppp ipcp msext on
 ppp ccp type none
 ip pp mtu 1454
 ip pp secure filter in 200003 200020 200021 200022 200023 200024 200025 200030 200032
 ip pp secure filter out 200013 200020 200021 200022 200023 200024 200025 200026 200027 200099 dynamic 200080 200081 200082 200083 200084 200085 200098 200099
 ip pp nat descriptor 1000
 pp enable 1
ip filter source-route on
ip filter directed-broadcast on
ip filter 200003 reject 192.168.100.0/24 * * * *
ip filter 200013 reject * 192.168.100.0/24 * * *
ip filter 200020 reject * * udp,tcp 135 *
ip filter 200021 reject * * udp,tcp * 135
ip filter 200022 reject * * udp,tcp netbios_ns-netbios_ssn *
ip filter 200023 reject * * udp,tcp * netbios_ns-netbios_ssn
ip filter 200024 reject * * udp,tcp 445 *
ip filter 200025 reject * * udp,tcp * 445
ip filter 200026 restrict * * tcpfin * www,21,nntp
ip filter 200027 restrict * * tcprst * www,21,nntp
ip filter 200030 pass * 192.168.100.0/24 icmp * *
ip filter 200032 pass * 192.168.100.0/24 tcp * ident
ip filter 200099 pass * * * * *
ip filter dynamic 200080 * * ftp
ip filter dynamic 200081 * * domain
ip filter dynamic 200082 * * www
ip filter dynamic 200083 * * smtp
ip filter dynamic 200084 * * pop3
ip filter dynamic 200085 * * submission
ip filter dynamic 200098 * * tcp
ip filter dynamic 200099 * * udp
nat descriptor type 1000 masquerade
dhcp service server
dhcp server rfc2131 compliant except remain-silent
dhcp scope 1 192.168.100.2-192.168.100.191/24
dns server pp 1
dns private address spoof on
syslog notice on
`;

export const OUT_LIST_A =
  ' ip pp secure filter out 200013 200020 200021 200022 200023 200024 200025 200026 200027 200099 dynamic 200080 200081 200082 200083 200084 200085 200098 200099';

/** Config A with its PP 1 OUT list replaced by `out` (the part after `secure filter out `). */
export function withOutList(out: string, base = CONFIG_A): string {
  return replaceOnce(base, OUT_LIST_A, ` ip pp secure filter out ${out}`);
}

/** Inserts lines right after `ip filter directed-broadcast on` (before the first numbered filter). */
export function withFilters(lines: string[], base = CONFIG_A): string {
  const anchor = 'ip filter directed-broadcast on\n';
  return replaceOnce(base, anchor, anchor + lines.map((l) => `${l}\n`).join(''));
}

/** Config B (reference §8.2): SMTP egress restricted to the designated server 203.0.113.10. */
export const CONFIG_B = withFilters(
  ['ip filter 41 pass 192.168.100.0/24 203.0.113.10 tcp * smtp', 'ip filter 42 reject-log 192.168.100.0/24 * tcp * smtp'],
  withOutList('41 42 200013 200020 200021 200022 200023 200024 200025 200026 200027 200099 dynamic 200080 200081 200082 200083 200084 200085 200098 200099'),
);

export function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0 || text.indexOf(from, i + 1) >= 0) throw new Error(`fixture anchor not unique: ${from}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}
