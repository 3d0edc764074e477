import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ifaceKey } from './command';
import type { RtxModel } from './model';
import { parseRtx } from './parse';
import { CONFIG_A } from './testdata';

const wans = (m: RtxModel): string[] => m.network.wans.map((w) => `${ifaceKey(w.iface)}: ${[...new Set(w.evidence.map((e) => e.heuristic))].join(',')}`);
const egress = (m: RtxModel): string[] => m.network.internetEgress.map((w) => ifaceKey(w.iface));
const lans = (m: RtxModel): string[] => m.network.lans.map((l) => `${l.text}@${l.iface ? ifaceKey(l.iface) : '?'} (${l.source})`);

test('Config A: PP 1 is the uplink by default route, PPPoE, NAT; lan1 is the LAN', () => {
  const m = parseRtx(CONFIG_A);
  assert.deepEqual(wans(m), ['pp 1: default-route,pppoe,nat,gui-filters,description']);
  assert.deepEqual(egress(m), ['pp 1']);
  assert.equal(m.network.egressBasis, 'default-route');
  assert.deepEqual(lans(m), ['192.168.100.0/24@lan1 (address)']);
  assert.deepEqual(m.network.pppoeCarriers.map((c) => c.port), ['lan2']);
  const route = m.network.wans[0].evidence[0];
  assert.equal(m.text.slice(route.range.start, route.range.end), 'ip route default gateway pp 1');
});

test('default route via tunnel, dhcp lanX, an interface, or an address inside a LAN-type subnet', () => {
  assert.deepEqual(egress(parseRtx('ip route default gateway tunnel 1\ntunnel select 1\n tunnel encapsulation map-e\n')), ['tunnel 1']);
  assert.deepEqual(egress(parseRtx('ip lan2 address dhcp\nip route default gateway dhcp lan2\n')), ['lan2']);
  const m = parseRtx('ip lan1 address 192.168.1.1/24\nip lan2 address 203.0.113.2/29\nip route default gateway 203.0.113.1\n');
  assert.deepEqual(egress(m), ['lan2']);
  assert.deepEqual(lans(m), ['192.168.1.0/24@lan1 (address)']);
  assert.match(m.network.wans[0].evidence[0].detail, /inside lan2's network 203\.0\.113\.0\/29/);
});

test('several gateways: each named interface is an uplink', () => {
  const m = parseRtx('ip route default gateway pp 1 filter 600000 gateway tunnel 1\n');
  assert.deepEqual(egress(m), ['pp 1', 'tunnel 1']);
});

test('a PPPoE PP without the default route is not the Internet uplink when another PP has it', () => {
  const text = [
    'ip lan1 address 192.168.100.1/24',
    'ip route default gateway pp 2',
    'pp select 1',
    ' pppoe use lan2',
    ' ip pp address 192.168.101.1/32',
    'pp select 2',
    ' pppoe use lan2',
    ' ip pp nat descriptor 1000',
    'nat descriptor type 1000 masquerade',
  ].join('\n');
  const m = parseRtx(text);
  assert.deepEqual(egress(m), ['pp 2']);
  assert.deepEqual(wans(m), ['pp 2: default-route,pppoe,nat', 'pp 1: pppoe']);
});

test('without a default route: PPPoE / NAT / DHCP WAN / tunnel uplinks decide', () => {
  assert.deepEqual(egress(parseRtx('pp select 1\n pppoe use lan2\n')), ['pp 1']);
  const nat = parseRtx('ip lan1 address 192.168.1.1/24\nip lan2 nat descriptor 100\nnat descriptor type 100 masquerade\n');
  assert.deepEqual(egress(nat), ['lan2']);
  assert.equal(nat.network.egressBasis, 'nat');
  // A descriptor of type none (the default) makes no WAN.
  assert.deepEqual(egress(parseRtx('ip lan2 nat descriptor 100\n')), []);
  assert.deepEqual(egress(parseRtx('ip lan2 address dhcp\n')), ['lan2']);
  assert.deepEqual(egress(parseRtx('ip wan1 address 198.51.100.7/28\n')), ['wan1']);
  assert.deepEqual(egress(parseRtx('tunnel select 1\n tunnel encapsulation ipip\n tunnel endpoint address 2001:db8::1\n')), ['tunnel 1']);
  // An IPsec tunnel is a VPN, not an uplink.
  assert.deepEqual(egress(parseRtx('tunnel select 1\n tunnel encapsulation l2tpv3\n')), []);
});

test('weak hints only count when nothing stronger exists', () => {
  const gui = parseRtx('ip lan1 address 192.168.1.1/24\nip lan2 secure filter out 200099\nip filter 200099 pass * * * * *\n');
  assert.deepEqual(egress(gui), ['lan2']);
  assert.equal(gui.network.egressBasis, 'gui-filters');
  const desc = parseRtx('description lan3 WAN port\n');
  assert.deepEqual(egress(desc), ['lan3']);
  assert.equal(desc.network.egressBasis, 'description');
});

test('LAN networks: interface addresses (primary replaced, secondary kept), DHCP scopes, not WANs or carriers', () => {
  const text = [
    'ip lan1 address 192.168.0.1/24',
    'ip lan1 address 192.168.100.1/24',
    'ip lan1 secondary address 10.10.0.1/16',
    'ip bridge1 address 192.168.1.253/16',
    'ip loopback1 address 10.255.0.1/32',
    'ip lan2 address dhcp',
    'pp select 1',
    ' pppoe use lan3',
    'ip lan3 address 192.168.200.1/24',
    'dhcp scope 1 192.168.100.2-192.168.100.191/24',
    'dhcp scope 2 172.16.5.10-172.16.5.99/24',
  ].join('\n');
  assert.deepEqual(lans(parseRtx(text)), [
    '192.168.100.0/24@lan1 (address)',
    '10.10.0.0/16@lan1 (secondary)',
    '192.168.0.0/16@bridge1 (address)',
    '172.16.5.0/24@? (dhcp-scope)',
  ]);
  assert.equal(parseRtx(text).network.lans[0].routerAddress, 0xc0a86401);
});
