import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, parseDocument, quickFixes, validate } from '../../engine';
import { applyEdits, markers } from '../../testing';
import type { Finding } from '../../types';

const ID = 'rtx-filter-undefined';
const findings = (text: string): Finding[] => validate(parseDocument('rtx', text)).filter((f) => f.rule === ID);

function fix(text: string, index = 0, title?: string): string {
  const doc = parseDocument('rtx', text);
  const f = findings(text)[index];
  const fixes = quickFixes(doc, f, makeContext());
  const chosen = title ? fixes.find((x) => x.title === title) : fixes[0];
  assert.ok(chosen, `no fix among ${fixes.map((x) => x.title).join(' | ')}`);
  return applyEdits(text, chosen.edits);
}

test('every kind of reference to an undefined number, with the reason when one is known', () => {
  const { text, ranges } = markers(
    [
      'ip lan2 secure filter in 1 [[41]] 3 dynamic 10 [[11]]',
      'ip lan2 secure filter out [[200080]] 1',
      'ipv6 lan2 secure filter in [[1]]',
      'ip filter set guest in 1 [[43]]',
      'ip route default gateway pp 1 filter [[600000]] gateway tunnel 1',
      'ip filter directed-broadcast filter [[33]]',
      'ip filter dynamic 12 * * filter [[44]] in 1',
      'ip filter 1 pass * *',
      'ip filter 2 reject * * tpc',
      'ip filter dynamic 10 * * tcp',
      'ip filter dynamic 200080 * * ftp',
      'ip lan1 secure filter in 3 [[2]]',
      'ip filter 3 pass * *',
    ].join('\n'),
  );
  const f = findings(text);
  assert.deepEqual(f.map((x) => x.range), ranges);
  assert.ok(f.every((x) => x.severity === 'warning'));
  assert.deepEqual(
    f.map((x) => x.message),
    [
      'ip filter 41 is not defined; the router skips this entry.',
      'ip filter dynamic 11 is not defined; no session is ever opened for it.',
      "ip filter 200080 is not defined; the router skips this entry (there is an ip filter dynamic 200080; dynamic filters are listed after 'dynamic').",
      'ipv6 filter 1 is not defined; the router skips this entry (an ip filter 1 exists, but IPv4 and IPv6 filter numbers are separate).',
      'ip filter 43 is not defined; the filter set skips this entry.',
      'ip filter 600000 is not defined; it never matches.',
      'ip filter 33 is not defined; it never matches.',
      'ip filter 44 is not defined; it never triggers.',
      'ip filter 2 is not defined; the router skips this entry (its definition on line 9 is malformed, so the router refused it).',
    ],
  );
});

test('a number repeated on one line is reported once', () => {
  assert.equal(findings('ip filter directed-broadcast filter 33 33 33\n').length, 1);
});

test('quick fix removes the number from the list (whole text compared)', () => {
  const text = 'ip lan2 secure filter in 1 41 2 dynamic 10 11\nip filter 1 pass * *\nip filter 2 pass * *\nip filter dynamic 10 * * tcp\n';
  assert.equal(fix(text, 0), text.replace('in 1 41 2', 'in 1 2'));
  // The only dynamic number goes with its `dynamic` keyword.
  const one = 'ip lan2 secure filter in 1 dynamic 11\nip filter 1 pass * *\n';
  assert.equal(fix(one, 0), 'ip lan2 secure filter in 1\nip filter 1 pass * *\n');
  assert.deepEqual(findings(fix(one, 0)), []);
  // The last number of a list cannot go (the line would be invalid): no fix.
  const only = 'ip lan2 secure filter in 41\n';
  assert.deepEqual(quickFixes(parseDocument('rtx', only), findings(only)[0], makeContext()), []);
});

test('silent when everything is defined (IPv4, IPv6, sets, dynamic)', () => {
  const text = [
    'ip lan2 secure filter in 1 dynamic 10',
    'ipv6 lan2 secure filter out 1 dynamic 10',
    'ip filter set s in 1',
    'ip filter 1 pass * *',
    'ip filter dynamic 10 * * tcp',
    'ipv6 filter 1 pass * *',
    'ipv6 filter dynamic 10 * * udp',
  ].join('\n');
  assert.deepEqual(findings(text), []);
});
