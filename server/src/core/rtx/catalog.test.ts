import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMANDS, editDistance, isKnownCommand, lookupCommand, nearMisses, nextKeywords } from './catalog';

const words = (line: string): string[] => line.toLowerCase().split(/\s+/).filter(Boolean);

/** Commands as they appear in real configs (GUI output, hand-written, NVR, RTX1210/1300). */
const REAL = [
  'login password *',
  'administrator password encrypted',
  'login user admin *',
  'user attribute admin connection=serial,telnet,ssh gui-page=dashboard login-timer=300',
  'console character ja.utf8',
  'console prompt "[RTX1210] "',
  'timezone +09:00',
  'ip route default gateway pp 1 filter 600000 gateway tunnel 1',
  'ip route 10.33.128.0/21 gateway 192.168.1.20 gateway 192.168.1.21',
  'ip lan1 address 192.168.100.1/24',
  'ip lan1/1 address 192.168.10.1/24',
  'ip bridge1 address 192.168.1.253/16',
  'ip loopback1 address 192.168.101.1',
  'ip lan2 secure filter in 200020 200021',
  'ip lan2 nat descriptor 1000',
  'ip lan1 proxyarp on',
  'ip lan1 ospf area backbone',
  'ip pp mtu 1454',
  'ip pp remote address pool dhcp',
  'ip tunnel tcp mss limit auto',
  'ip filter 200099 pass * * * * *',
  'ip filter dynamic 200080 * * ftp syslog=off',
  'ip filter source-route on',
  'ip filter directed-broadcast filter 33',
  'ip filter set guest in 1 2',
  'ip routing process fast',
  'ip host www.example.jp 192.168.100.111',
  'ipv6 prefix 1 ra-prefix@lan2::/64',
  'ipv6 lan1 address ra-prefix@lan2::1/64',
  'ipv6 lan1 rtadv send 1 o_flag=on',
  'ipv6 lan2 dhcp service client ir=on',
  'ipv6 lan2 secure filter out 101099 dynamic 101080',
  'ipv6 filter 101000 pass * * icmp6 * *',
  'ipv6 filter dynamic 101080 * * ftp',
  'ipv6 route default gateway dhcp lan2',
  'ipv6 pp rtadv send 2 4 6 max-rtr-adv-interval=2',
  'ngn type lan2 ntt',
  'pp select anonymous',
  'pp keepalive interval 30 retry-interval=30 count=12',
  'pp always-on on',
  'pp auth accept pap chap',
  'pp auth myname user@isp.example secret',
  'pp bind tunnel4-tunnel5',
  'pp enable 1',
  'pp disable all',
  'ppp lcp mru on 1454',
  'ppp ipcp ipaddress on',
  'ppp ipv6cp use on',
  'pppoe use lan2',
  'pppoe call prohibit auth-error count off',
  'tunnel select 1',
  'tunnel encapsulation l2tpv3',
  'tunnel endpoint name itm.example.jp fqdn',
  'tunnel enable 1',
  'no tunnel enable all',
  'ipsec tunnel 101',
  'ipsec sa policy 101 1 esp aes-cbc sha-hmac',
  'ipsec ike pre-shared-key 1 text secret',
  'ipsec ike keepalive use 1 on heartbeat 10 6',
  'ipsec transport 1 101 udp 1701',
  'ipsec auto refresh on',
  'l2tp service on l2tpv3 l2tp',
  'l2tp tunnel disconnect time off',
  'nat descriptor type 1000 masquerade',
  'nat descriptor address outer 1000 primary',
  'nat descriptor masquerade static 1000 1 192.168.1.253 esp',
  'nat descriptor masquerade incoming 1000 reject',
  'nat descriptor timer 1000 protocol=tcp port=www 120',
  'dhcp service server',
  'dhcp server rfc2131 compliant except remain-silent',
  'dhcp scope 1 192.168.100.2-192.168.100.191/24',
  'dhcp scope bind 1 192.168.1.28 24:59:e5:54:5e:5a',
  'dhcp scope option 1 dns=1.1.1.1,1.0.0.1',
  'dhcp client release linkdown on',
  'dns server pp 1',
  'dns server select 500000 1.1.1.1 edns=on 1.0.0.1 edns=on a .',
  'dns private address spoof on',
  'dns static ptr 133.176.200.2 pc2.example.jp ttl=255',
  'dns cache use off',
  'syslog notice on',
  'syslog facility local0',
  'syslog local address 192.168.1.253',
  'sshd service on',
  'sshd host key generate 2869 REDACTED',
  'sftpd host bridge1',
  'telnetd host lan',
  'httpd host any',
  'httpd proxy-access l2ms permit on',
  'operation http revision-up permit on',
  'external-memory statistics filename prefix usb1:rtx1210',
  'statistics traffic on',
  'system packet-buffer small max-buffer=5000 max-free=1300',
  'switch control use bridge1 on terminal=on',
  'lan-map snapshot use bridge1 on terminal=wired-only',
  'bridge member bridge1 lan1 tunnel1',
  'ethernet filter 1 reject-nolog bc:5c:17:05:59:3a *:*:*:*:*:*',
  'ethernet lan1 filter in 1 100',
  'vlan lan1/1 802.1q vid=10 name=VLAN10',
  'vlan port mapping lan1.1 vlan1',
  'lan type lan1 auto port-based-option=divide-network',
  'lan flexible-port lan1=3-8 lan2=1-2',
  'queue lan2 type priority',
  'queue class filter 1 4 ip * * udp * 500',
  'url filter 222',
  'bgp neighbor 1 7224 169.254.255.1 hold-time=30',
  'ospf router id 192.168.255.254',
  'snmp trap enable snmp all',
  'upnp use on',
  'embedded file sample.txt <<EOF',
  'macro -v -x sample <<EOM',
  'description lan2 au',
  'description yno RTX1210-Ebisu',
  'provider set 1 OCN',
  'analog extension dial prefix sip prefix="9#"',
  'sip server 1 192.0.2.1 register udp sip:a@example.jp',
  'schedule at 99 */* 03:00 * restart',
  'save',
  'show config',
  'administrator',
  'quit',
];

test('every command seen in real configs is in the catalog', () => {
  const missing = REAL.filter((l) => !isKnownCommand(words(l).filter((w, i) => !(i === 0 && w === 'no'))));
  assert.deepEqual(missing, []);
});

test('the longest path wins and parameters are not part of it', () => {
  assert.equal(lookupCommand(words('ip filter dynamic 1 * * tcp'))?.doc.path, 'ip filter dynamic');
  assert.equal(lookupCommand(words('ip filter dynamic timer tcp-syn-timeout=30'))?.doc.path, 'ip filter dynamic timer');
  assert.equal(lookupCommand(words('ip lan2 secure filter name guest'))?.doc.path, 'ip <if> secure filter name');
  assert.equal(lookupCommand(words('ip pp secure filter in 1'))?.doc.path, 'ip <if> secure filter');
  assert.equal(lookupCommand(words('ip lan1 secure filter in 1'))?.length, 4);
  assert.equal(lookupCommand(words('show ip route'))?.doc.kind, 'operation');
});

test('not commands: bare families, unknown words, prose', () => {
  for (const l of ['ip', 'ipv6', 'ip lan1', 'ip frobnicate', 'ntp', 'frobnicate on', '【NGNとの接続設定】', '200032', 'ss=00:a0:de']) {
    assert.equal(isKnownCommand(words(l)), false, l);
  }
});

test('near misses drive did-you-mean', () => {
  assert.equal(editDistance('fitler', 'filter'), 1);
  assert.deepEqual(nearMisses('adress', nextKeywords(words('ip lan1 adress')).keywords), ['address']);
  assert.deepEqual(nextKeywords(words('pp auth mynme')), { depth: 2, keywords: ['accept', 'request', 'myname', 'username', 'multi'] });
  assert.deepEqual(nearMisses('x', ['a', 'b']), []);
});

test('every entry has a syntax, a summary and unique path', () => {
  const seen = new Set<string>();
  for (const c of COMMANDS) {
    assert.ok(c.syntax.length > 0 && c.summary.length > 10, c.path);
    assert.ok(!seen.has(c.path), `duplicate ${c.path}`);
    seen.add(c.path);
  }
});
