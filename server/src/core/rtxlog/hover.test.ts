import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hover, makeContext, parseDocument } from '../engine';
import { DEFAULT_SETTINGS } from '../settings';
import type { HoverResult } from '../types';

const LOG = [
  '2026/11/27 09:00:00: PP[01] PPP/IPCP up  (Local: 203.0.113.1, Remote: 203.0.113.254)',
  ...Array.from({ length: 12 }, (_, i) => `2026/11/27 09:01:${String(i).padStart(2, '0')}: PP[01] Rejected at OUT(42) filter: TCP 192.168.100.37:${50000 + i} > 198.51.100.${(i % 6) + 1}:25`),
  '2026/11/27 09:02:00: LAN2 Rejected at IN(default) filter: TCP 198.51.100.66:51515 > 192.168.100.5:445',
  '2026/11/27 09:02:01: [INSPECT] PP[01][out][200082] TCP 192.168.100.21:50112 > 198.51.100.80:443 (2026/11/27 09:02:01)',
  '<13> TUNNEL[1] Passed at OUT(300) filter: TCP 192.168.100.10:50000 > 198.51.100.99:25',
  'same message repeated 3 times',
  '[DHCPD] LAN1(port2) Allocates 192.168.100.21: 02:00:5e:10:00:21',
  'LAN1(port3) Rejected at IN(1) filter: 02:00:5e:10:00:01 > 02:00:5e:10:00:02 IP',
].join('\n');

/** Hover at the `nth` occurrence of `needle` (cursor `at` characters into it). */
function hoverOn(needle: string, at = 0, nth = 0, mailServers: string[] = []): { h: HoverResult; covered: string } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = LOG.indexOf(needle, i + 1);
  assert.ok(i >= 0, `'${needle}' not in fixture`);
  const h = hover(parseDocument('rtxlog', LOG), i + at, makeContext({ ...DEFAULT_SETTINGS, mailServers }));
  assert.ok(h, `no hover on '${needle}'`);
  return { h, covered: LOG.slice(h.range.start, h.range.end) };
}

test('a rejected SMTP packet: every field explained, pre-NAT source, port name, host summary and verdict', () => {
  const { h, covered } = hoverOn('198.51.100.1:25', 14);
  assert.equal(covered, '25');
  const c = h.contents;
  assert.match(c, /^\*\*PP\[01\] Rejected at OUT\(42\)\*\* — a packet the router discarded/);
  assert.match(c, /\*\*Interface\*\* `PP\[01\]`: PP interface 1 .*`pp select 1`/);
  assert.match(c, /\*\*Direction\*\* `OUT`: .*\*\*before NAT\*\*.*private/);
  assert.match(c, /\*\*Filter\*\* `42`: .*first filter of `ip pp secure filter out` \(in `pp select 1`\).*discarded/);
  assert.match(c, /\*\*From\*\* 192\.168\.100\.37 port 50000 — LAN host \(private address\)/);
  assert.match(c, /\*\*To\*\* 198\.51\.100\.1 port 25 \(smtp — SMTP/);
  assert.match(c, /\*\*192\.168\.100\.37\*\* \(LAN host\): 12 SMTP attempts \(port 25\) to 6 hosts, 0 passed\./);
  assert.match(c, /First seen 2026\/11\/27 09:01:00 \(line 2\), last seen 2026\/11\/27 09:01:11 \(line 13\)\./);
  assert.match(c, /Filters: rejected 12× at PP\[01\] OUT\(42\)\./);
  assert.match(c, /Verdict: \*\*likely infected\*\* \(at least 10 attempts to at least 5 hosts on port 25\)\./);
});

test('the hovered field is the range: interface, direction, filter, addresses', () => {
  assert.equal(hoverOn('PP[01] Rejected', 2).covered, 'PP[01]');
  assert.equal(hoverOn('OUT(42)', 1).covered, 'OUT');
  assert.equal(hoverOn('OUT(42)', 5).covered, '42');
  assert.equal(hoverOn('192.168.100.37:50003', 3).covered, '192.168.100.37');
  assert.equal(hoverOn('Rejected at OUT(42)', 1).covered, 'Rejected');
  // Between fields: the whole message.
  assert.equal(hoverOn('Rejected at OUT(42)', 9).covered, 'PP[01] Rejected at OUT(42) filter: TCP 192.168.100.37:50000 > 198.51.100.1:25');
  // On the timestamp: the whole line.
  assert.equal(hoverOn('2026/11/27 09:01:00', 3).covered, '2026/11/27 09:01:00: PP[01] Rejected at OUT(42) filter: TCP 192.168.100.37:50000 > 198.51.100.1:25');
});

test('IN(default): post-NAT destination, implicit discard; an inbound source is not a LAN host', () => {
  const { h } = hoverOn('IN(default)', 4);
  assert.match(h.contents, /\*\*Direction\*\* `IN`: .*\*\*after NAT\*\*.*inside \(LAN\) address/);
  assert.match(h.contents, /`default`: no filter of `ip lan2 secure filter in` matched, so the implicit discard/);
  assert.match(h.contents, /\*\*To\*\* 192\.168\.100\.5 port 445 \(ms-ds/);
  assert.match(h.contents, /The source 198\.51\.100\.66 is not a LAN host/);
});

test('[INSPECT]: dynamic filter and session; a host without SMTP says so', () => {
  const { h } = hoverOn('[200082]', 2);
  assert.match(h.contents, /^\*\*\[INSPECT\] PP\[01\]\[out\]\[200082\]\*\*/);
  assert.match(h.contents, /`ip filter dynamic 200082`, listed after `dynamic` in `ip pp secure filter out`/);
  assert.match(h.contents, /\*\*Session created\*\* 2026\/11\/27 09:02:01/);
  assert.match(h.contents, /\*\*192\.168\.100\.21\*\* \(LAN host\): 1 logged packet in this log, no SMTP \(port 25\) to the internet\./);
});

test('passed SMTP, with and without the host being a known mail server; repeats count', () => {
  const { h } = hoverOn('TUNNEL[1] Passed', 12);
  assert.match(h.contents, /filter 300 of `ip tunnel secure filter out` \(in `tunnel select 1`\) passed the packet/);
  assert.match(h.contents, /4 SMTP attempts \(port 25\) to 1 host, 4 passed\./);
  assert.match(h.contents, /Verdict: \*\*SMTP to the internet passed\*\*/);
  assert.match(hoverOn('TUNNEL[1] Passed', 12, 0, ['192.168.100.10']).h.contents, /Verdict: a known mail server/);
});

test('PRI, repeat lines, tags, MAC filter lines', () => {
  const pri = hoverOn('<13>', 1);
  assert.equal(pri.covered, '<13>');
  assert.match(pri.h.contents, /facility \*\*user\*\* \(1\) × 8 \+ severity \*\*notice\*\* \(5\)\. NOTICE = packet information/);
  assert.match(hoverOn('same message', 3).h.contents, /occurred 3 more times/);
  const tag = hoverOn('DHCPD', 1);
  assert.equal(tag.covered, 'DHCPD');
  assert.match(tag.h.contents, /DHCP server/);
  const mac = hoverOn('IN(1)', 0);
  assert.match(mac.h.contents, /MAC \(ethernet\) filter/);
  assert.match(mac.h.contents, /`ethernet lan1 filter in`/);
  assert.doesNotMatch(mac.h.contents, /LAN host/);
});

test('no hover on plain text of other lines or outside any line', () => {
  const doc = parseDocument('rtxlog', LOG);
  assert.equal(hover(doc, LOG.indexOf('PPP/IPCP') + 2), undefined);
  assert.equal(hover(parseDocument('rtxlog', '\n\n'), 1), undefined);
});
