import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, parseDocument, quickFixes, validate } from '../../engine';
import { applyEdits } from '../../testing';
import type { Finding } from '../../types';
import { CONFIG_A } from '../testdata';

const ID = 'rtx-filter-shadowed';
const findings = (text: string): Finding[] => validate(parseDocument('rtx', text)).filter((f) => f.rule === ID);
const covered = (text: string): string[] => findings(text).map((f) => text.slice(f.range.start, f.range.end));

function list(entries: string, filters: string[]): string {
  return [`ip lan2 secure filter out ${entries}`, ...filters].join('\n') + '\n';
}

test('the §8.2 wrong order: 41 (pass to the mail server) behind 42 (reject all SMTP) never matches', () => {
  const text = list('42 41 200099', [
    'ip filter 41 pass 192.168.100.0/24 203.0.113.10 tcp * smtp',
    'ip filter 42 reject-log 192.168.100.0/24 * tcp * smtp',
    'ip filter 200099 pass * * * * *',
  ]);
  const [f, ...rest] = findings(text);
  assert.deepEqual(rest, []);
  assert.equal(text.slice(f.range.start, f.range.end), '41');
  assert.equal(f.severity, 'warning');
  assert.equal(
    f.message,
    'ip filter 41 can never match in the OUT list of lan2: filter 42 already decides every packet it matches (first match wins). It was probably meant to pass something it rejects: list it before 42.',
  );
  assert.deepEqual(f.related?.map((r) => text.slice(r.range.start, r.range.end)), ['ip filter 42 reject-log 192.168.100.0/24 * tcp * smtp']);
  const fixes = quickFixes(parseDocument('rtx', text), f, makeContext());
  assert.deepEqual(fixes.map((x) => x.title), ['Remove 41 from the list (it never matches)', 'Move 41 before 42']);
  const moved = applyEdits(text, fixes[1].edits);
  assert.equal(moved, text.replace('out 42 41 200099', 'out 41 42 200099'));
  assert.deepEqual(findings(moved), []);
  assert.equal(applyEdits(text, fixes[0].edits), text.replace('out 42 41 200099', 'out 42 200099'));
});

test('coverage by several filters together, across ports, protocols and addresses', () => {
  const text = list('1 2 3 4 5 6 7 8', [
    'ip filter 1 reject * * tcp * 1-1023',
    'ip filter 2 reject * * tcp * 1024-',
    'ip filter 3 pass * * tcp * 0',
    'ip filter 4 reject 192.168.0.0/17 * udp',
    'ip filter 5 reject 192.168.128.0/17 * udp',
    'ip filter 6 pass 192.168.1.0/24 * udp * domain', // covered by 4
    'ip filter 7 pass 192.168.*.* * tcp * smtp', // covered by 1
    'ip filter 8 pass * * tcp', // 1+2+3 cover every TCP port
  ]);
  assert.deepEqual(covered(text), ['6', '7', '8']);
  const f8 = findings(text)[2];
  assert.match(f8.message, /^ip filter 8 can never match in the OUT list of lan2: filters 1, 2, 3 together already decide/);
  assert.match(f8.message, /It was probably meant to pass something they reject: list it before 1\.$/);
  assert.match(findings(text)[0].message, /filter 4 already decides every packet it matches \(first match wins\)\. It was probably meant to pass/);
});

test('protocol * with ports still matches non-TCP/UDP packets, so it is not covered by TCP/UDP filters', () => {
  const text = list('1 2', ['ip filter 1 reject * * tcp,udp * smtp', 'ip filter 2 pass * * * * smtp']);
  assert.deepEqual(covered(text), []); // ICMP, GRE, … still reach 2
  const gotcha = list('1 2', ['ip filter 1 reject * * * * smtp', 'ip filter 2 pass * * icmp']);
  assert.deepEqual(covered(gotcha), ['2']); // every ICMP packet already matched 1 (ports ignored)
});

test('TCP flags, established, icmp type/code, restrict', () => {
  const text = list('1 2 3 4 5 6', [
    'ip filter 1 pass * * established',
    'ip filter 2 reject * * tcpflag=0x0010/0x0010',
    'ip filter 3 reject * * icmp 8',
    'ip filter 4 pass * * icmp 8 0',
    'ip filter 5 restrict * * tcpfin * www',
    'ip filter 6 pass * * tcpflag=0x0011/0x0011 * www',
  ]);
  assert.deepEqual(covered(text), ['2', '4', '6']);
});

test('a number listed twice, unresolved names, IPv6 and dynamic prefixes', () => {
  assert.deepEqual(covered(list('1 2 1', ['ip filter 1 pass * * tcp', 'ip filter 2 pass * * udp'])), ['1']);
  assert.match(findings(list('1 2 1', ['ip filter 1 pass * * tcp', 'ip filter 2 pass * * udp']))[0].message, /^1 is already listed at position 1/);
  assert.deepEqual(covered(list('1 2', ['ip filter 1 reject mail.example.jp *', 'ip filter 2 pass mail.example.jp * tcp'])), ['2']);
  assert.deepEqual(covered(list('1 2', ['ip filter 1 reject mail.example.jp *', 'ip filter 2 pass www.example.jp *'])), []);
  const v6 = [
    'ipv6 lan2 secure filter in 1 2 3 4',
    'ipv6 filter 1 reject ra-prefix@lan2::/64 *',
    'ipv6 filter 2 pass ra-prefix@lan2::10/128 * tcp',
    'ipv6 filter 3 pass 2001:db8::/32 * icmp6',
    'ipv6 filter 4 pass 2001:db8:1::/48 * icmp 128',
  ].join('\n');
  assert.deepEqual(covered(v6), ['2', '4']);
});

test('the GUI default lists (Config A) have nothing shadowed', () => {
  assert.deepEqual(findings(CONFIG_A), []);
});
