/** Documents written to draw out as many fixable findings as possible. */

export const FIXABLE_ZONE = `$ORIGIN example.net.
$TTL 3600
@\tIN SOA ns1 hostmaster ( 2024010101 7200 900 1209600 300 )
\tIN NS ns1
\tIN MX 10 mail
\tIN TXT "v-spf1 +ip4:AAA.BBB.CCC.DDD ip4:192.0.2.1/24 ip6:2001:db8::1/129 +mx -all include:_spf.example.org"
\tIN SPF "v=spf1 mx -all"
mail\tIN A 192.0.2.25
\tIN TXT "v=spf1 a +all"
\tIN TXT "v=spf1 a -all"
shop\tIN A 192.0.2.80
\tIN TXT "v=spf1 redirect=example.net redirect=example.org ~all"
news\tIN TXT "v=spf1 inlcude:example.org mx:%{z} exp=explain.%{d} ?all"
big\tIN TXT "v=spf1 ${Array.from({ length: 20 }, (_, i) => `ip4:198.51.100.${i + 1}`).join(' ')} ${'a'.repeat(200)} -all"
ns1\tIN A 192.0.2.1
`;

export const FIXABLE_RTX = `# RTX830 Rev.15.02.30 (Tue Apr  2 12:00:00 2024)
ip route default gateway pp 1
ip lan1 address 192.168.0.1/24
pp select 1
 pp always-on on
 pppoe use lan2
 ip pp nat descriptor 1
 ip pp secure filter in 200030 200039 200099
 ip pp secure filter out 200099 200020 200021 77 dynamic 200080 200098 200021
 pp enable 1
ip filter 200020 reject * * udp,tcp 135 *
ip filter 200021 reject * * udp,tcp * 135
ip filter 200022 reject * * udp,tcp * 445
ip filter 200030 pass * 192.168.0.0/24 icmp * *
ip filter 200039 reject * *
ip filter 200099 pass * * * * *
ip filter dynamic 200080 * * ftp
ip filter dynamic 200098 * * tcp
nat descriptor type 1 masquerade
nat descriptor address outer 1 ipcp
ip route 10.0.0.0/8 gatway 192.168.0.254
ip filter 300 pass * * tcp * ww\\
w
dns server 203.0.113.53
`;

export const FIXABLE_RTX_PLAIN_OUT = `# RTX1210 Rev.14.01.42
ip lan2 address 198.51.100.2/30
ip lan1 address 192.168.10.1/24
ip route default gateway 198.51.100.1
ip lan2 secure filter out 1 2 3 dynamic 100
ip filter 1 pass * * * * *
ip filter 2 reject * * tcp * smtp
ip filter 3 pass * * tcp * 25
ip filter dynamic 100 * * tcp
`;
