import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, parseDocument, quickFixes, validate } from '../../engine';
import { applyEdits } from '../../testing';
import type { Finding } from '../../types';
import { CONFIG_A, withFilters } from '../testdata';

const ID = 'rtx-filter-unused';
const findings = (text: string): Finding[] => validate(parseDocument('rtx', text)).filter((f) => f.rule === ID);
const covered = (text: string): string[] => findings(text).map((f) => text.slice(f.range.start, f.range.end));

test('defined filters no one uses are hints (static, dynamic, IPv6), faded as unnecessary', () => {
  const text = withFilters([
    'ip filter 41 pass 192.168.100.0/24 203.0.113.10 tcp * smtp',
    'ip filter 42 reject-log 192.168.100.0/24 * tcp * smtp',
    'ip filter dynamic 7 * * ssh',
    'ipv6 filter 9 pass * * tcp',
  ]);
  const f = findings(text);
  assert.deepEqual(covered(text), [
    'ip filter 41 pass 192.168.100.0/24 203.0.113.10 tcp * smtp',
    'ip filter 42 reject-log 192.168.100.0/24 * tcp * smtp',
    'ip filter dynamic 7 * * ssh',
    'ipv6 filter 9 pass * * tcp',
  ]);
  assert.ok(f.every((x) => x.severity === 'hint' && x.tags?.includes('unnecessary')));
  assert.equal(f[0].message, 'ip filter 41 is defined but no secure filter list, filter set, route or other command uses it, so it has no effect.');
  assert.equal(f[2].message, "ip filter dynamic 7 is defined but no list names it after 'dynamic', so it never opens a session.");
});

test('uses other than lists count: sets, routes, directed broadcast, RIP, dynamic triggers', () => {
  const text = [
    'ip filter set s in 1',
    'ip route default gateway pp 1 filter 2 gateway tunnel 1',
    'ip filter directed-broadcast filter 3',
    'ip lan1 rip filter in 4',
    'ip filter dynamic 10 * * filter 5 in 6',
    'ip lan2 secure filter out 7 dynamic 10',
    ...[1, 2, 3, 4, 5, 6, 7].map((n) => `ip filter ${n} pass * *`),
    'ip filter dynamic 10 * * filter 5 in 6',
  ].join('\n');
  assert.deepEqual(findings(text), []);
});

test('a list that was replaced later does not count', () => {
  const text = 'ip lan1 secure filter in 1\nip lan1 secure filter in 2\nip filter 1 pass * *\nip filter 2 pass * *\n';
  assert.deepEqual(covered(text), ['ip filter 1 pass * *']);
});

test('quick fix deletes the definition line (whole text compared)', () => {
  const text = 'ip lan1 secure filter in 2\nip filter 1 pass * *\nip filter 2 pass * *\n';
  const doc = parseDocument('rtx', text);
  const fixes = quickFixes(doc, findings(text)[0], makeContext());
  assert.deepEqual(fixes.map((f) => f.title), ['Delete the unused definition of filter 1']);
  assert.equal(applyEdits(text, fixes[0].edits), 'ip lan1 secure filter in 2\nip filter 2 pass * *\n');
  const last = 'ip lan1 secure filter in 2\nip filter 2 pass * *\nip filter 1 pass * *';
  assert.equal(applyEdits(last, quickFixes(parseDocument('rtx', last), findings(last)[0], makeContext())[0].edits), 'ip lan1 secure filter in 2\nip filter 2 pass * *');
});

test('silent on Config A', () => {
  assert.deepEqual(findings(CONFIG_A), []);
});
