import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { makeContext, parseDocument, quickFixes, validate } from '../../engine';
import type { WorkspaceFacts } from '../../rule';
import { DEFAULT_SETTINGS, type Settings } from '../../settings';
import { applyEdits } from '../../testing';
import type { Finding } from '../../types';
import type { IfaceRef, RtxModel } from '../model';
import { evaluate, lanToInternet, type Packet } from '../simulate';
import { CONFIG_A, replaceOnce, withFilters, withOutList } from '../testdata';


const ID = 'rtx-smtp-egress-open';
const PP1: IfaceRef = { kind: 'pp', id: 1 };

function ctx(mailServers: string[] = [], workspace: WorkspaceFacts = {}, rules: Settings['rules'] = {}) {
  return makeContext({ ...DEFAULT_SETTINGS, mailServers, rules }, workspace);
}

function findings(text: string, c = ctx()): Finding[] {
  return validate(parseDocument('rtx', text), c).filter((f) => f.rule === ID);
}

function only(text: string, c = ctx()): Finding {
  const f = findings(text, c);
  assert.equal(f.length, 1, `expected one ${ID} finding, got ${f.length}`);
  return f[0];
}

/** Applies the fix titled `title` and returns the new text. */
function applyFix(text: string, title: string, c = ctx()): string {
  const doc = parseDocument('rtx', text);
  const f = only(text, c);
  const fixes = quickFixes(doc, f, c);
  const fix = fixes.find((x) => x.title === title);
  assert.ok(fix, `no fix '${title}' among ${fixes.map((x) => x.title).join(' | ')}`);
  assert.equal(fix.rule, ID);
  return applyEdits(text, fix.edits);
}

const rangeText = (text: string, f: Finding): string => text.slice(f.range.start, f.range.end);
const syn25 = (src: string, dst: string): Packet => ({ src, dst, proto: 'tcp', sport: 50123, dport: 25, tcpFlags: 0x02 });
const model = (text: string): RtxModel => parseDocument('rtx', text).model as RtxModel;

/** Decision on the uplink's OUT list for a LAN packet: `pass@41`, `reject@42`, `pass@no-list`. */
function outcome(text: string, p: Packet): string {
  const [flow] = lanToInternet(model(text), p);
  const d = flow.decidedBy!;
  return `${d.verdict}@${d.reason === 'filter' ? d.filter!.num : d.reason}`;
}

function example(rel: string): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const p = path.join(dir, 'examples', rel);
    if (fs.existsSync(p)) return fs.readFileSync(p, 'utf8');
    if (path.dirname(dir) === dir) throw new Error(`examples/${rel} not found`);
  }
}

test('the incident config fires on the PP OUT list and names the passing filter; the fixed one does not', () => {
  const broken = example('broken/router.rtx');
  const f = only(broken);
  assert.equal(f.severity, 'warning');
  assert.ok(rangeText(broken, f).startsWith('ip pp secure filter out 200013'));
  assert.ok(rangeText(broken, f).endsWith('200098 200099'));
  assert.equal(
    f.message,
    'Outbound SMTP is open on pp 1: a TCP SYN from 192.168.100.10 (LAN 192.168.100.0/24) to 198.51.100.25:25 passes at OUT(200099) `ip filter 200099 pass * * * * *`. Infected LAN hosts can send spam directly; restrict port 25 to your mail servers.',
  );
  assert.deepEqual(f.data, { wan: 'pp 1', lans: ['192.168.100.0/24'], position: 9 });
  assert.equal(rangeText(broken, { ...f, range: f.related![0].range }), 'ip filter 200099 pass * * * * *');
  assert.deepEqual(findings(example('fixed/router.rtx'), ctx(['203.0.113.25'])), []);
  assert.deepEqual(findings(example('fixed/router.rtx')), []);
});

test('the rule can be turned off by settings', () => {
  assert.deepEqual(findings(CONFIG_A, ctx([], {}, { [ID]: 'off' })), []);
  assert.equal(only(CONFIG_A, ctx([], {}, { [ID]: 'error' })).severity, 'error');
});

test('fix "Allow SMTP only to X" on the incident config: whole text, then silence and the simulator agrees', () => {
  const broken = example('broken/router.rtx');
  const c = ctx(['203.0.113.25']);
  const fixed = applyFix(broken, 'Allow SMTP only to 203.0.113.25', c);
  const expected = broken
    .replace(
      ' ip pp secure filter out 200013 200020 200021 200022 200023 200024 200025 200026 200027 200099 dynamic',
      ' ip pp secure filter out 200013 200020 200021 200022 200023 200024 200025 200026 200027 41 42 200099 dynamic',
    )
    .replace(
      'ip filter directed-broadcast on\nip filter 200003 reject',
      'ip filter directed-broadcast on\nip filter 41 pass 192.168.100.0/24 203.0.113.25 tcp * smtp\nip filter 42 reject-log 192.168.100.0/24 * tcp * smtp\nip filter 200003 reject',
    );
  assert.notEqual(expected, broken);
  assert.equal(fixed, expected);
  assert.deepEqual(findings(fixed, c), []);
  assert.equal(outcome(fixed, syn25('192.168.100.10', '203.0.113.25')), 'pass@41');
  assert.equal(outcome(fixed, syn25('192.168.100.10', '198.51.100.25')), 'reject@42');
  assert.equal(outcome(fixed, syn25('192.168.100.77', '192.0.2.1')), 'reject@42');
  assert.equal(outcome(fixed, { ...syn25('192.168.100.10', '198.51.100.30'), dport: 587 }), 'pass@200099');
  assert.equal(outcome(fixed, { ...syn25('192.168.100.10', '198.51.100.80'), dport: 80 }), 'pass@200099');
});

test('fix "Block outbound SMTP from the LAN" (preferred): whole text, then silence; all SMTP rejected at the new filter', () => {
  const doc = parseDocument('rtx', CONFIG_A);
  const fixes = quickFixes(doc, only(CONFIG_A), ctx());
  assert.deepEqual(
    fixes.map((f) => [f.title, f.preferred ?? false]),
    [['Block outbound SMTP from the LAN', true]],
  );
  const fixed = applyFix(CONFIG_A, 'Block outbound SMTP from the LAN');
  let expected = withOutList(
    '200013 200020 200021 200022 200023 200024 200025 200026 200027 42 200099 dynamic 200080 200081 200082 200083 200084 200085 200098 200099',
  );
  expected = withFilters(['ip filter 42 reject-log 192.168.100.0/24 * tcp * smtp'], expected);
  assert.equal(fixed, expected);
  assert.deepEqual(findings(fixed), []);
  assert.equal(outcome(fixed, syn25('192.168.100.10', '203.0.113.25')), 'reject@42');
  const d = evaluate(model(fixed), PP1, 'out', syn25('192.168.100.10', '198.51.100.25'));
  assert.equal(d.logged, true);
});

test('one "Allow" fix per IPv4 mail server from settings and workspace (deduplicated; IPv6 and LAN hosts skipped)', () => {
  const c = ctx(['203.0.113.25', '2001:db8::25', ' 192.168.100.5 '], {
    mailServers: [
      { address: '203.0.113.25', source: 'example.jp MX' },
      { address: '198.51.100.200', source: 'example.jp SPF ip4' },
    ],
  });
  const doc = parseDocument('rtx', CONFIG_A);
  const titles = quickFixes(doc, only(CONFIG_A, c), c).map((f) => f.title);
  assert.deepEqual(titles, ['Block outbound SMTP from the LAN', 'Allow SMTP only to 203.0.113.25', 'Allow SMTP only to 198.51.100.200']);
  const fixed = applyFix(CONFIG_A, 'Allow SMTP only to 198.51.100.200', c);
  assert.equal(outcome(fixed, syn25('192.168.100.10', '198.51.100.200')), 'pass@41');
  assert.equal(outcome(fixed, syn25('192.168.100.10', '203.0.113.25')), 'reject@42');
  assert.deepEqual(findings(fixed, c), []);
});

test('the probe avoids a mail-server destination', () => {
  // 198.51.100.25 is the mail server here, so the probe goes to the next documentation address.
  const f = only(CONFIG_A, ctx(['198.51.100.25']));
  assert.match(f.message, /to 192\.0\.2\.25:25 passes/);
});

test('free numbers: 41/42 taken (defined or listed) ⇒ 51/52', () => {
  const text = withFilters(['ip filter 41 pass * * udp'], withOutList('42 200013 200099'));
  const fixed = applyFix(text, 'Allow SMTP only to 203.0.113.25', ctx(['203.0.113.25']));
  const expected = withFilters(
    ['ip filter 41 pass * * udp', 'ip filter 51 pass 192.168.100.0/24 203.0.113.25 tcp * smtp', 'ip filter 52 reject-log 192.168.100.0/24 * tcp * smtp'],
    withOutList('42 200013 51 52 200099'),
  );
  assert.equal(fixed, expected);
  assert.deepEqual(findings(fixed, ctx(['203.0.113.25'])), []);
});

test('earlier exceptions stay in force: the numbers go right before the filter that passed the probe', () => {
  const text = withFilters(['ip filter 10 pass 192.168.100.5 * tcp * smtp'], withOutList('200013 10 200099'));
  const fixed = applyFix(text, 'Block outbound SMTP from the LAN');
  assert.equal(fixed, withFilters(['ip filter 10 pass 192.168.100.5 * tcp * smtp', 'ip filter 42 reject-log 192.168.100.0/24 * tcp * smtp'], withOutList('200013 10 42 200099')));
  assert.equal(outcome(fixed, syn25('192.168.100.5', '198.51.100.25')), 'pass@10');
  assert.equal(outcome(fixed, syn25('192.168.100.6', '198.51.100.25')), 'reject@42');
});

test('a LAN IN list that already blocks SMTP silences the rule', () => {
  const text = withFilters(
    ['ip filter 42 reject-log 192.168.100.0/24 * tcp * smtp'],
    CONFIG_A.replace('ip lan1 address 192.168.100.1/24\n', 'ip lan1 address 192.168.100.1/24\nip lan1 secure filter in 42 200099\n'),
  );
  assert.deepEqual(findings(text), []);
});

test('Ethernet uplink without any filter: reported on the address line; the fix creates the OUT list with a pass-all', () => {
  const text = [
    'ip lan1 address 192.168.1.1/24',
    'ip lan2 address dhcp',
    'ip lan2 nat descriptor 1',
    'nat descriptor type 1 masquerade',
    'ip route default gateway dhcp lan2',
    'dhcp scope 1 192.168.1.100-192.168.1.199/24',
    '',
  ].join('\n');
  const f = only(text);
  assert.equal(rangeText(text, f), 'ip lan2 address dhcp');
  assert.match(f.message, /^Outbound SMTP is open on lan2: a TCP SYN from 192\.168\.1\.10 \(LAN 192\.168\.1\.0\/24\) to 198\.51\.100\.25:25 passes: no out filter list\./);
  assert.deepEqual(f.data, { wan: 'lan2', lans: ['192.168.1.0/24'], position: null });
  const fixed = applyFix(text, 'Block outbound SMTP from the LAN');
  assert.equal(
    fixed,
    [
      'ip lan1 address 192.168.1.1/24',
      'ip lan2 address dhcp',
      'ip lan2 secure filter out 42 49',
      'ip lan2 nat descriptor 1',
      'nat descriptor type 1 masquerade',
      'ip route default gateway dhcp lan2',
      'dhcp scope 1 192.168.1.100-192.168.1.199/24',
      'ip filter 42 reject-log 192.168.1.0/24 * tcp * smtp',
      'ip filter 49 pass * * * * *',
      '',
    ].join('\n'),
  );
  assert.deepEqual(findings(fixed), []);
  assert.equal(outcome(fixed, syn25('192.168.1.10', '198.51.100.25')), 'reject@42');
  assert.equal(outcome(fixed, { ...syn25('192.168.1.10', '198.51.100.80'), dport: 80 }), 'pass@49');
});

test('PP uplink with an IN list but no OUT list: the new list goes into the pp block and reuses the pass-all filter', () => {
  const text = CONFIG_A.replace(/ ip pp secure filter out [^\n]*\n/, '');
  const f = only(text);
  assert.equal(rangeText(text, f), 'pp select 1');
  const fixed = applyFix(text, 'Block outbound SMTP from the LAN');
  const expected = withFilters(
    ['ip filter 42 reject-log 192.168.100.0/24 * tcp * smtp'],
    replaceOnce(
      text,
      ' ip pp secure filter in 200003 200020 200021 200022 200023 200024 200025 200030 200032\n',
      ' ip pp secure filter in 200003 200020 200021 200022 200023 200024 200025 200030 200032\n ip pp secure filter out 42 200099\n',
    ),
  );
  assert.equal(fixed, expected);
  assert.deepEqual(findings(fixed), []);
});

test('tunnel uplink without filters: the list goes before tunnel enable, filters after the blocks', () => {
  const text = [
    'ip lan1 address 192.168.10.1/24',
    'ip route default gateway tunnel 1',
    'tunnel select 1',
    ' tunnel encapsulation map-e',
    ' ip tunnel nat descriptor 1000',
    ' tunnel enable 1',
    'nat descriptor type 1000 masquerade',
  ].join('\r\n');
  const f = only(text);
  assert.equal(rangeText(text, f), 'tunnel select 1');
  const fixed = applyFix(text, 'Block outbound SMTP from the LAN');
  assert.equal(
    fixed,
    [
      'ip lan1 address 192.168.10.1/24',
      'ip route default gateway tunnel 1',
      'tunnel select 1',
      ' tunnel encapsulation map-e',
      ' ip tunnel nat descriptor 1000',
      ' ip tunnel secure filter out 42 49',
      ' tunnel enable 1',
      'ip filter 42 reject-log 192.168.10.0/24 * tcp * smtp',
      'ip filter 49 pass * * * * *',
      'nat descriptor type 1000 masquerade',
    ].join('\r\n'),
  );
  assert.deepEqual(findings(fixed), []);
});

test('several LAN networks: all leaking ones go into the new filters', () => {
  const text = CONFIG_A.replace('ip lan1 address 192.168.100.1/24\n', 'ip lan1 address 192.168.100.1/24\nip lan3 address 10.20.0.1/16\n');
  const f = only(text);
  assert.deepEqual((f.data as { lans: string[] }).lans, ['192.168.100.0/24', '10.20.0.0/16']);
  const fixed = applyFix(text, 'Block outbound SMTP from the LAN');
  assert.ok(fixed.includes('ip filter 42 reject-log 192.168.100.0/24,10.20.0.0/16 * tcp * smtp\n'));
  assert.deepEqual(findings(fixed), []);
  assert.equal(outcome(fixed, syn25('10.20.3.4', '198.51.100.25')), 'reject@42');
});

test('one finding per Internet uplink that leaks', () => {
  const text = [
    'ip lan1 address 192.168.100.1/24',
    'ip route default gateway pp 1 filter 600000 gateway tunnel 1',
    'pp select 1',
    ' pppoe use lan2',
    ' ip pp secure filter out 42 200099',
    'tunnel select 1',
    ' tunnel encapsulation ipip',
    ' tunnel enable 1',
    'ip filter 42 reject-log 192.168.100.0/24 * tcp * smtp',
    'ip filter 200099 pass * * * * *',
    'ip filter 600000 pass 192.168.100.111 * * * *',
  ].join('\n');
  const f = findings(text);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /open on tunnel 1: .* passes: no out filter list/);
});

test('no LAN or no uplink: nothing to say', () => {
  assert.deepEqual(findings('ip route default gateway pp 1\npp select 1\n pppoe use lan2\n'), []);
  assert.deepEqual(findings('ip lan1 address 192.168.1.1/24\n'), []);
  assert.deepEqual(findings(''), []);
});

test('a stale finding (document changed under it) yields no fix', () => {
  const f = only(CONFIG_A);
  const other = parseDocument('rtx', CONFIG_A.replace(/ ip pp secure filter out [^\n]*\n/, ''));
  assert.deepEqual(quickFixes(other, f, ctx()), []);
  assert.deepEqual(quickFixes(parseDocument('rtx', CONFIG_A), { ...f, data: null }, ctx()), []);
});

// ----- IPv6 ------------------------------------------------------------------------------------

const V6_LINES = [
  'ipv6 prefix 1 ra-prefix@lan2::/64',
  'ipv6 lan1 address ra-prefix@lan2::1/64',
  'ipv6 lan1 rtadv send 1 o_flag=on',
  'ipv6 lan2 dhcp service client ir=on',
  'ipv6 lan2 secure filter in 101000 101002',
  'ipv6 lan2 secure filter out 101099 dynamic 101080 101081 101098 101099',
  'ipv6 filter 101000 pass * * icmp6 * *',
  'ipv6 filter 101002 pass * * udp * 546',
  'ipv6 filter 101099 pass * * * * *',
  'ipv6 filter dynamic 101080 * * ftp',
  'ipv6 filter dynamic 101081 * * domain',
  'ipv6 filter dynamic 101098 * * tcp',
  'ipv6 filter dynamic 101099 * * udp',
];
/** Config B (IPv4 egress already controlled) plus NGN IPv6 with the GUI's IPv6 lists. */
const V6 = `${CONFIG_B_TEXT()}${V6_LINES.join('\n')}\n`;

function CONFIG_B_TEXT(): string {
  return withFilters(
    ['ip filter 41 pass 192.168.100.0/24 203.0.113.10 tcp * smtp', 'ip filter 42 reject-log 192.168.100.0/24 * tcp * smtp'],
    withOutList('41 42 200013 200020 200021 200022 200023 200024 200025 200026 200027 200099 dynamic 200080 200081 200082 200083 200084 200085 200098 200099'),
  );
}

const syn6 = (src: string, dst: string): Packet => ({ src, dst, proto: 'tcp', sport: 50123, dport: 25, tcpFlags: 0x02 });

test('IPv6: the uplink OUT list passing port 25 is reported on its ipv6 secure filter line', () => {
  const f = only(V6);
  assert.equal(rangeText(V6, f), 'ipv6 lan2 secure filter out 101099 dynamic 101080 101081 101098 101099');
  assert.equal(
    f.message,
    'Outbound SMTP over IPv6 is open on lan2: a TCP SYN from 2001:db8:ff02::10 (LAN ra-prefix@lan2::/64) to [2001:db8:c0de::25]:25 passes at OUT(101099) `ipv6 filter 101099 pass * * * * *`. Infected LAN hosts can send spam directly; restrict port 25 to your mail servers.',
  );
  assert.deepEqual(f.data, { family: 6, wan: 'lan2', lans: ['ra-prefix@lan2::/64'], position: 0 });
});

test('IPv6 fixes: block, or allow only an IPv6 mail server; whole text compared, then silence', () => {
  const blocked = applyFix(V6, 'Block outbound SMTP over IPv6 from the LAN');
  assert.equal(
    blocked,
    V6.replace('ipv6 lan2 secure filter out 101099', 'ipv6 lan2 secure filter out 42 101099').replace(
      'ipv6 filter 101000 pass',
      'ipv6 filter 42 reject-log ra-prefix@lan2::/64 * tcp * smtp\nipv6 filter 101000 pass',
    ),
  );
  assert.deepEqual(findings(blocked), []);
  const c = ctx(['203.0.113.10', '2001:db8:25::25']);
  const allowed = applyFix(V6, 'Allow SMTP only to 2001:db8:25::25', c);
  assert.deepEqual(findings(allowed, c), []);
  const m = model(allowed);
  const wan: IfaceRef = { kind: 'if', name: 'lan2' };
  const pass = evaluate(m, wan, 'out', syn6('2001:db8:ff02::10', '2001:db8:25::25'));
  const spam = evaluate(m, wan, 'out', syn6('2001:db8:ff02::77', '2001:db8:c0de::25'));
  assert.equal(`${pass.verdict}@${pass.filter?.num}`, 'pass@41');
  assert.equal(`${spam.verdict}@${spam.filter?.num}`, 'reject@42');
});

test('IPv6 uplink without an OUT list: reported on its evidence line; the fix creates the list with a pass-all', () => {
  const text = ['ip lan1 address 192.168.1.1/24', 'ipv6 lan1 address ra-prefix@lan2::1/64', 'ipv6 lan2 dhcp service client', ''].join('\n');
  const f = only(text);
  assert.match(f.message, /^Outbound SMTP over IPv6 is open on lan2: .* passes: no out filter list\./);
  assert.equal(rangeText(text, f), 'ipv6 lan1 address ra-prefix@lan2::1/64');
  const fixed = applyFix(text, 'Block outbound SMTP over IPv6 from the LAN');
  assert.equal(
    fixed,
    [
      'ip lan1 address 192.168.1.1/24',
      'ipv6 lan1 address ra-prefix@lan2::1/64',
      'ipv6 lan2 dhcp service client',
      'ipv6 lan2 secure filter out 42 49',
      'ipv6 filter 42 reject-log ra-prefix@lan2::/64 * tcp * smtp',
      'ipv6 filter 49 pass * * * * *',
      '',
    ].join('\n'),
  );
  assert.deepEqual(findings(fixed), []);
});
