import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, parseDocument, quickFixes, validate } from '../../engine';
import { applyEdits } from '../../testing';
import type { Finding } from '../../types';
import { CONFIG_A, replaceOnce } from '../testdata';

const ID = 'rtx-dynamic-misplaced';
const findings = (text: string): Finding[] => validate(parseDocument('rtx', text)).filter((f) => f.rule === ID);
const covered = (text: string): string[] => findings(text).map((f) => text.slice(f.range.start, f.range.end));

const IN_A = ' ip pp secure filter in 200003 200020 200021 200022 200023 200024 200025 200030 200032';
const OUT_A = ' ip pp secure filter out 200013 200020 200021 200022 200023 200024 200025 200026 200027 200099 dynamic 200080 200081 200082 200083 200084 200085 200098 200099';

/** The operator's mistake (field report 3): the dynamic numbers on the uplink's IN list instead of OUT. */
const MISPLACED = replaceOnce(
  replaceOnce(CONFIG_A, IN_A, `${IN_A} dynamic 200080 200081 200082 200083 200084 200085 200098 200099`),
  OUT_A,
  ' ip pp secure filter out 200013 200020 200021 200022 200023 200024 200025 200026 200027 200099',
);

test('dynamic filters on the uplink IN list: every one is reported', () => {
  const f = findings(MISPLACED);
  assert.deepEqual(covered(MISPLACED), ['200080', '200081', '200082', '200083', '200084', '200085', '200098', '200099']);
  assert.ok(f.every((x) => x.severity === 'warning'));
  // smtp: the IN list passes no inbound SMTP connection, so it never starts a session there.
  assert.equal(
    f[3].message,
    'ip filter dynamic 200083 (smtp) never opens a session on the IN list of pp 1: its static filters pass none of the connections it tracks, and sessions start only after a static pass. Dynamic filters belong on the direction that starts the connection — for LAN-initiated traffic, the OUT list of pp 1.',
  );
  // tcp: inbound ident passes (200032), but LAN-initiated TCP leaves through OUT and opens nothing.
  assert.match(f[6].message, /^ip filter dynamic 200098 \(tcp\) is on the IN list of pp 1, the Internet uplink's receiving side: LAN-initiated connections never pass it/);
});

test('quick fix moves the number to the OUT list (whole text compared), and the moved config is clean', () => {
  let text = MISPLACED;
  for (let i = 0; i < 8; i++) {
    const [f] = findings(text);
    const fixes = quickFixes(parseDocument('rtx', text), f, makeContext());
    assert.equal(fixes[0].title, `Move dynamic ${text.slice(f.range.start, f.range.end)} to the OUT list of pp 1`);
    text = applyEdits(text, fixes[0].edits);
  }
  assert.equal(text, CONFIG_A);
  assert.deepEqual(findings(text), []);
});

test('a dynamic filter whose list passes nothing it tracks, away from the uplink: remove it', () => {
  const text = [
    'ip lan1 address 192.168.1.1/24',
    'ip lan1 secure filter out 1 2 dynamic 5',
    'ip filter 1 reject * * tcp * smtp',
    'ip filter 2 pass * * icmp',
    'ip filter dynamic 5 * * smtp',
  ].join('\n');
  const [f] = findings(text);
  assert.match(f.message, /^ip filter dynamic 5 \(smtp\) never opens a session on the OUT list of lan1/);
  const fixes = quickFixes(parseDocument('rtx', text), f, makeContext());
  assert.deepEqual(fixes.map((x) => x.title), ['Remove dynamic 5 from this list (it never opens a session)']);
  assert.equal(applyEdits(text, fixes[0].edits), text.replace('out 1 2 dynamic 5', 'out 1 2'));
});

test('silent where dynamic filters are placed right (Config A, an inbound server on the IN list, dynamic-only lists)', () => {
  assert.deepEqual(findings(CONFIG_A), []);
  const server = [
    'ip route default gateway pp 1',
    'pp select 1',
    ' pppoe use lan2',
    ' ip pp secure filter in 1 2 dynamic 5',
    ' ip pp secure filter out 3 dynamic 6',
    'ip filter 1 pass * 192.168.1.10 tcp * ftp',
    'ip filter 2 reject * *',
    'ip filter 3 pass * *',
    'ip filter dynamic 5 * 192.168.1.10 ftp',
    'ip filter dynamic 6 * * tcp',
  ].join('\n');
  assert.deepEqual(findings(server), []);
  assert.deepEqual(findings('ip lan2 secure filter out dynamic 1\nip filter dynamic 1 * * tcp\n'), []);
});
