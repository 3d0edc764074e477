import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRtx } from './parse';
import { parseInterfaceArg, renderSimulation, simulateCommand, validateSimulateArgs, type SimulateArgs, type SimulateResult } from './simulateCommand';
import { CONFIG_A, CONFIG_B } from './testdata';

function run(text: string, args: SimulateArgs): SimulateResult {
  const v = validateSimulateArgs(args);
  assert.ok('input' in v, JSON.stringify(v));
  const r = simulateCommand(parseRtx(text), v.input);
  assert.ok(!('error' in r), JSON.stringify(r));
  return r;
}

test('default path: LAN interface IN, then the uplink OUT, with the deciding filter of each', () => {
  const r = run(CONFIG_B, { from: '192.168.100.10', to: '198.51.100.25', proto: 'tcp', port: '25' });
  assert.equal(r.verdict, 'reject');
  assert.equal(r.path, 'LAN → Internet via pp 1');
  assert.deepEqual(
    r.steps.map((s) => [s.interface, s.direction, s.filter, s.action]),
    [
      ['lan1', 'in', 'no-list', 'pass'],
      ['pp 1', 'out', 42, 'reject'],
    ],
  );
  assert.equal(r.steps[1].log, 'PP[01] Rejected at OUT(42) filter: TCP 192.168.100.10:50000 > 198.51.100.25:25');
  const ok = run(CONFIG_A, { from: '192.168.100.10', to: '198.51.100.25', proto: 'tcp', port: '25', sport: '40000' });
  assert.equal(ok.verdict, 'pass');
  assert.equal(ok.steps[1].filter, 200099);
  assert.equal(
    renderSimulation(ok, { src: '192.168.100.10', dst: '198.51.100.25', proto: 6, sport: 40000, dport: 25 }),
    [
      'LAN → Internet via pp 1: TCP 192.168.100.10:40000 > 198.51.100.25:25',
      '  lan1 in   pass    no-list — no filter list on this interface and direction: everything passes',
      '  pp 1 out  pass    filter 200099 — ip filter 200099 (pass) is the first filter of the list that matches',
      'verdict: pass',
      '',
    ].join('\n'),
  );
});

test('one interface and direction; disconnected lines; ICMP defaults to an echo request', () => {
  const r = run(CONFIG_A, { from: '198.51.100.99', to: '203.0.113.1', proto: 'tcp', port: '25', interface: 'pp 1', direction: 'in' });
  assert.deepEqual(r.steps.map((s) => [s.interface, s.filter, s.action]), [['pp 1', 'default', 'reject']]);
  const fin = run(CONFIG_A, { from: '192.168.100.10', to: '198.51.100.80', proto: 'tcp', port: '80', tcpFlags: 'fin,ack', interface: 'pp1', direction: 'out', connected: false });
  assert.deepEqual([fin.steps[0].filter, fin.steps[0].action], [200026, 'reject']);
  const ping = run(CONFIG_A, { from: '198.51.100.80', to: '192.168.100.10', proto: 'icmp', interface: 'pp 1', direction: 'in' });
  assert.deepEqual([ping.steps[0].filter, ping.steps[0].action], [200030, 'pass']);
});

test('input validation names each bad option', () => {
  const errors = (a: SimulateArgs): string[] => {
    const v = validateSimulateArgs(a);
    return 'errors' in v ? v.errors : [];
  };
  assert.deepEqual(errors({}), ['--from ADDR is required', '--to ADDR is required', '--proto is required (tcp, udp, icmp, or a protocol name or number)']);
  assert.deepEqual(errors({ from: '192.168.1.300', to: '2001:db8::1', proto: 'tcp', port: '25' }), ["--from '192.168.1.300' is not an IPv4 or IPv6 address"]);
  assert.deepEqual(errors({ from: '192.168.1.1', to: '2001:db8::1', proto: 'udp', port: '53' }), ['--from and --to must both be IPv4 or both IPv6']);
  assert.deepEqual(errors({ from: '10.0.0.1', to: '10.0.0.2', proto: 'tcp' }), ['--port N is required for tcp and udp']);
  assert.deepEqual(errors({ from: '10.0.0.1', to: '10.0.0.2', proto: 'icmp', port: '8' }), ['--port applies to tcp and udp only (use --icmp-type / --icmp-code)']);
  assert.deepEqual(errors({ from: '10.0.0.1', to: '10.0.0.2', proto: 'tcp', port: '70000' }), ["--port must be a number 0-65535, not '70000'"]);
  assert.deepEqual(errors({ from: '10.0.0.1', to: '10.0.0.2', proto: 'tpc', port: '1' }), ["--proto 'tpc' is unknown (tcp, udp, icmp, icmp6, gre, esp, ah, ipv6, or 0-255)"]);
  assert.deepEqual(errors({ from: '10.0.0.1', to: '10.0.0.2', proto: 'gre', interface: 'lan1' }), ['--interface needs --direction in|out']);
  assert.deepEqual(errors({ from: '10.0.0.1', to: '10.0.0.2', proto: 'gre', interface: 'tunnelx', direction: 'up' }), [
    "--interface 'tunnelx' is not an interface (lan1, lan1/1, bridge1, pp 1, tunnel 2, …)",
    "--direction must be in or out, not 'up'",
  ]);
  assert.deepEqual(errors({ from: '10.0.0.1', to: '10.0.0.2', proto: 'tcp', port: '1', tcpFlags: 'syn,boom' }), ["--tcp-flags: unknown flag 'boom' (syn, ack, fin, rst, psh, urg or 0xNN)"]);
  assert.deepEqual(errors({ from: '2001:db8::1', to: '2001:db8::2', proto: 'tcp', port: '1', prefixes: ['lan2=x'] }), ["--prefix 'lan2=x' must look like ra-prefix@lan2=2001:db8:1:2::/64"]);
  assert.deepEqual(parseInterfaceArg('PP 1'), { kind: 'pp', id: 1 });
  assert.deepEqual(parseInterfaceArg('tunnel2'), { kind: 'tunnel', id: 2 });
  assert.deepEqual(parseInterfaceArg('lan1/1'), { kind: 'if', name: 'lan1/1' });
});

test('no uplink: an error asking for the interface, not a verdict', () => {
  const v = validateSimulateArgs({ from: '10.0.0.1', to: '10.0.0.2', proto: 'udp', port: '53' });
  assert.ok('input' in v);
  assert.deepEqual(simulateCommand(parseRtx('ip lan1 address 10.0.0.254/24\n'), v.input), {
    error: 'no Internet uplink found in the config; give --interface and --direction',
  });
});

test('IPv6 with a learned prefix given by the caller', () => {
  const text = 'ipv6 lan1 address ra-prefix@lan2::1/64\nipv6 lan2 dhcp service client\nipv6 lan2 secure filter out 1 2\nipv6 filter 1 reject ra-prefix@lan2::/64 * tcp * smtp\nipv6 filter 2 pass * *\n';
  const r = run(text, { from: '2409:10::10', to: '2001:db8:c0de::25', proto: 'tcp', port: '25', prefixes: ['ra-prefix@lan2=2409:10::/64'] });
  assert.equal(r.verdict, 'reject');
  assert.deepEqual(r.steps.map((s) => [s.interface, s.direction, s.filter]), [
    ['lan1', 'in', 'no-list'],
    ['lan2', 'out', 1],
  ]);
});
