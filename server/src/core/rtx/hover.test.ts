import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hover, parseDocument } from '../engine';
import type { HoverResult } from '../types';
import { CONFIG_A } from './testdata';

/** Hover at the first occurrence of `needle` in `text` (cursor `at` characters into it). */
function hoverOn(text: string, needle: string, at = 0, nth = 0): { h: HoverResult | undefined; covered: string } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `'${needle}' not in fixture`);
  const h = hover(parseDocument('rtx', text), i + at);
  return { h, covered: h ? text.slice(h.range.start, h.range.end) : '' };
}

test('port mnemonics: smtp = 25, ftp = 20,21, mnemonic ranges', () => {
  const text = 'ip filter 1 reject * * tcp * smtp,ftp\nip filter 2 reject * * udp,tcp netbios_ns-netbios_ssn *\n';
  const smtp = hoverOn(text, 'smtp', 1);
  assert.equal(smtp.covered, 'smtp');
  assert.match(smtp.h!.contents, /`smtp` = port 25 — SMTP/);
  assert.match(smtp.h!.contents, /\*\*destination port\*\*/);
  const ftp = hoverOn(text, 'ftp');
  assert.equal(ftp.covered, 'ftp');
  assert.match(ftp.h!.contents, /`ftp` = ports 20, 21/);
  const nb = hoverOn(text, 'netbios_ns-netbios_ssn', 3);
  assert.match(nb.h!.contents, /`netbios_ns-netbios_ssn` = ports 137–139/);
  assert.match(nb.h!.contents, /\*\*source port\*\*/);
});

test('actions say what they do and whether they log', () => {
  const text = 'ip filter 41 pass * *\nip filter 42 reject-log * *\nip filter 43 restrict * *\nsyslog notice on\n';
  assert.match(hoverOn(text, 'pass').h!.contents, /^\*\*pass\*\* \(action\) — forwards the packet; not logged\.$/);
  assert.match(hoverOn(text, 'reject-log').h!.contents, /discards the packet; logged/);
  assert.match(hoverOn(text, 'restrict').h!.contents, /while the line is connected.*logged only when it discards/);
  // Without `syslog notice on` the log lines never appear.
  assert.match(hoverOn('ip filter 42 reject * *\n', 'reject').h!.contents, /no `syslog notice on`/);
});

test('address fields: networks with their span, LAN recognised, hosts, ranges, wildcards', () => {
  const lan = hoverOn(CONFIG_A, '192.168.100.0/24 * * * *', 2);
  assert.equal(lan.covered, '192.168.100.0/24');
  assert.match(lan.h!.contents, /\*\*source address\*\*/);
  assert.match(lan.h!.contents, /network 192\.168\.100\.0\/24: 192\.168\.100\.0 – 192\.168\.100\.255 \(256 addresses\) — the LAN on lan1/);
  const text = 'ip filter 1 pass 10.*.1.1,192.168.1.10-192.168.1.20 203.0.113.25\n';
  assert.match(hoverOn(text, '10.*').h!.contents, /addresses 10\.0-255\.1\.1/);
  const range = hoverOn(text, '192.168.1.10-');
  assert.equal(range.covered, '192.168.1.10-192.168.1.20');
  assert.match(range.h!.contents, /from 192\.168\.1\.10 to 192\.168\.1\.20/);
  assert.match(hoverOn(text, '203.0.113.25').h!.contents, /\*\*destination address\*\*\n\n`203\.0\.113\.25` — the single host 203\.0\.113\.25/);
  assert.match(hoverOn('ip filter 1 pass * *\n', '* *').h!.contents, /any address/);
});

test('protocol: name ↔ number, keywords, and the * gotcha', () => {
  const text = 'ip filter 1 reject * * udp,tcp * 135\nip filter 2 pass * * 4\nip filter 3 pass * * * * smtp\nip filter 4 pass * * established\n';
  const tcp = hoverOn(text, 'tcp');
  assert.equal(tcp.covered, 'tcp');
  assert.match(tcp.h!.contents, /`tcp` = protocol 6 \(TCP\)/);
  assert.match(hoverOn(text, ' 4\n', 1).h!.contents, /protocol 4 = \(IP in IP/);
  assert.match(hoverOn(text, '* * smtp').h!.contents, /match \*\*regardless of the ports\*\*/);
  assert.match(hoverOn(text, 'established').h!.contents, /ACK set/);
});

test('icmp alone: the port fields are ICMP type and code', () => {
  const h = hoverOn('ip filter 1 reject * * icmp 5 1\n', ' 5 ', 1).h!;
  assert.match(h.contents, /ICMP type 5 \(redirect\)/);
});

test('filter number: where it is used, or that it is unused', () => {
  const used = hoverOn(CONFIG_A, 'ip filter 200099 pass', 10).h!;
  assert.match(used.contents, /^\*\*ip filter 200099\*\* — pass any → any, any protocol/);
  assert.match(used.contents, /`ip pp secure filter out` \(pp 1\) — position 10 of 10/);
  const both = hoverOn(CONFIG_A, 'ip filter 200020 reject', 10).h!;
  assert.match(both.contents, /secure filter in` \(pp 1\) — position 2 of 9/);
  assert.match(both.contents, /secure filter out` \(pp 1\) — position 2 of 10/);
  assert.match(hoverOn('ip filter 41 pass * *\n', '41').h!.contents, /Not used in any `secure filter` list/);
});

test('secure filter lines: list semantics, entries, undefined and dynamic entries', () => {
  const text = CONFIG_A.replace('filter out 200013', 'filter out 41 200013');
  const kw = hoverOn(text, 'secure filter out', 2).h!;
  assert.match(kw.contents, /^\*\*OUT filter list of pp 1\*\* — the Internet uplink \(default route via pp 1\)/);
  assert.match(kw.contents, /in the order written in this list/);
  assert.match(kw.contents, /first filter that matches decides/);
  assert.match(kw.contents, /\*\*discarded\*\*/);
  const entry = hoverOn(text, '200013 200020', 1).h!;
  assert.match(entry.contents, /^\*\*ip filter 200013\*\* — reject any → 192\.168\.100\.0\/24, any protocol/);
  assert.match(entry.contents, /Position 2 of 11/);
  assert.match(hoverOn(text, 'out 41', 4).h!.contents, /No `ip filter 41` is defined: the entry is skipped/);
  assert.match(hoverOn(text, 'dynamic 200080', 9).h!.contents, /\*\*ip filter dynamic 200080\*\* — opens sessions for FTP/);
  const lanIn = hoverOn('ip lan1 address 192.168.1.1/24\nip lan1 secure filter in 1\n', 'secure').h!;
  assert.match(lanIn.contents, /^\*\*IN filter list of lan1\*\* — LAN 192\.168\.1\.0\/24 \(router 192\.168\.1\.1\)/);
});

test('dynamic filters: application and number', () => {
  assert.match(hoverOn(CONFIG_A, '* * www', 4).h!.contents, /\*\*www\*\* \(dynamic filter application\) — web: TCP 80 and 443/);
  assert.match(hoverOn(CONFIG_A, 'dynamic 200083', 10).h!.contents, /Used in: `ip pp secure filter out` \(pp 1\)/);
});

test('header and elsewhere', () => {
  assert.match(hoverOn(CONFIG_A, 'RTX830').h!.contents, /Yamaha \*\*RTX830\*\*, firmware Rev\.15\.02\.30/);
  // Any other command shows its catalog documentation.
  const consoleDoc = hoverOn(CONFIG_A, 'console character');
  assert.equal(consoleDoc.covered, 'console character');
  assert.match(consoleDoc.h!.contents, /^\*\*console character\*\* — Character set of the console/);
  assert.equal(hover(parseDocument('rtx', ''), 0), undefined);
  assert.equal(hover(parseDocument('rtx', 'ip filter 1 pass *'), 10_000), undefined);
});

test('secure filter line: a verdict table of common LAN flows with the deciding filter', () => {
  const text = CONFIG_A.replace('filter out 200013', 'filter out 41 42 200013').replace(
    'ip filter 200003 reject',
    'ip filter 41 pass 192.168.100.0/24 203.0.113.25 tcp * smtp\nip filter 42 reject-log 192.168.100.0/24 * tcp * smtp\nip filter 200003 reject',
  );
  const out = hoverOn(text, 'secure filter out', 2).h!.contents;
  assert.match(out, /Connections from LAN host 192\.168\.100\.10 to 198\.51\.100\.80:/);
  assert.match(out, /\| Flow \| This list \| Deciding filter \| LAN → Internet \|/);
  for (const row of [
    '| TCP 25 (SMTP) | reject | 42 | reject (pp 1 out 42) |',
    '| TCP 465 (SMTPS) | pass | 200099 | pass (pp 1 out 200099) |',
    '| TCP 587 (submission) | pass | 200099 | pass (pp 1 out 200099) |',
    '| TCP 53 (DNS) | pass | 200099 | pass (pp 1 out 200099) |',
    '| TCP 80 (HTTP) | pass | 200099 | pass (pp 1 out 200099) |',
    '| TCP 443 (HTTPS) | pass | 200099 | pass (pp 1 out 200099) |',
    '| TCP 135 (MS-RPC) | reject | 200021 | reject (pp 1 out 200021) |',
    '| TCP 445 (SMB) | reject | 200025 | reject (pp 1 out 200025) |',
    '| UDP 53 (DNS) | pass | 200099 | pass (pp 1 out 200099) |',
  ]) {
    assert.ok(out.includes(row), `missing row ${row}\n${out}`);
  }
  // On the uplink's IN list the table shows the replies, admitted by the sessions the OUT list opened.
  const inList = hoverOn(text, 'secure filter in', 2).h!.contents;
  assert.match(inList, /Replies to connections from LAN host 192\.168\.100\.10/);
  assert.ok(inList.includes('| TCP 587 (submission) | pass | session (dynamic 200085) | pass (pp 1 out 200099) |'));
  assert.ok(inList.includes('| TCP 25 (SMTP) | reject | default (no match) | reject (pp 1 out 42) |'));
});

test('ipv6 filter fields and catalog docs on any command', () => {
  const text = 'ipv6 filter 101000 pass ra-prefix@lan2::/64 * icmp6 128 *\nip filter set guest in 1\nno ip lan1 proxyarp on\n';
  assert.match(hoverOn(text, 'ra-prefix').h!.contents, /the prefix lan2 learns by router advertisement, \/64/);
  assert.match(hoverOn(text, '128').h!.contents, /ICMP type 128 \(echo request\)/);
  assert.match(hoverOn(text, 'ipv6 filter').h!.contents, /^\*\*ipv6 filter\*\* — static IPv6 packet filter/);
  assert.match(hover(parseDocument('rtx', `${text}ip filter 1 reject * * tcp * smtp\n`), text.indexOf('guest in 1') + 9)!.contents, /^\*\*ip filter 1\*\* — reject any → any, tcp ports \* → smtp/);
  const set = hoverOn(text, 'filter set', 7);
  assert.equal(set.covered, 'ip filter set');
  assert.match(set.h!.contents, /^\*\*ip filter set\*\* — A named set of filter lists/);
  assert.match(hoverOn(text, 'proxyarp').h!.contents, /`no …` removes the setting/);
});
