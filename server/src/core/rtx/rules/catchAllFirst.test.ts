import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, parseDocument, quickFixes, validate } from '../../engine';
import { applyEdits } from '../../testing';
import type { Finding } from '../../types';
import { CONFIG_A, withOutList } from '../testdata';

const ID = 'rtx-catch-all-first';
const findings = (text: string, id = ID): Finding[] => validate(parseDocument('rtx', text)).filter((f) => f.rule === id);

const BROKEN = withOutList('200099 200013 200020 200021 dynamic 200080 200081');

test('a pass-all ahead of rejects: reported on the catch-all, related to the dead rejects', () => {
  const [f, ...rest] = findings(BROKEN);
  assert.deepEqual(rest, []);
  assert.equal(BROKEN.slice(f.range.start, f.range.end), '200099');
  assert.equal(f.severity, 'warning');
  assert.equal(f.message, 'ip filter 200099 passes every packet, so the 3 reject filters after it in the OUT list of pp 1 (200013, 200020, 200021) never apply. Put the catch-all last.');
  assert.deepEqual(
    f.related?.map((r) => BROKEN.slice(r.range.start, r.range.end)),
    ['ip filter 200013 reject * 192.168.100.0/24 * * *', 'ip filter 200020 reject * * udp,tcp 135 *', 'ip filter 200021 reject * * udp,tcp * 135'],
  );
  // The dead rejects are this rule's finding, not rtx-filter-shadowed's.
  assert.deepEqual(findings(BROKEN, 'rtx-filter-shadowed'), []);
});

test('quick fix moves the catch-all to the end of the static list (before dynamic)', () => {
  const fixes = quickFixes(parseDocument('rtx', BROKEN), findings(BROKEN)[0], makeContext());
  assert.deepEqual(fixes.map((x) => x.title), ['Move 200099 to the end of the list']);
  const fixed = applyEdits(BROKEN, fixes[0].edits);
  assert.equal(fixed, withOutList('200013 200020 200021 200099 dynamic 200080 200081'));
  assert.deepEqual(findings(fixed), []);
});

test('restrict * * * * * counts as pass-all (connected line); a reject-all or a last pass-all does not fire', () => {
  const text = ['ip lan2 secure filter in 500000 1', 'ip filter 500000 restrict * * * * *', 'ip filter 1 reject * * tcp'].join('\n');
  assert.equal(findings(text).length, 1);
  assert.deepEqual(findings(['ip lan2 secure filter in 2000 1', 'ip filter 2000 reject * *', 'ip filter 1 pass * * tcp'].join('\n')), []);
  assert.deepEqual(findings(CONFIG_A), []);
  // A pass-all followed only by other passes: nothing to protect.
  assert.deepEqual(findings(['ip lan2 secure filter in 3000 1', 'ip filter 3000 pass * *', 'ip filter 1 pass * * tcp'].join('\n')), []);
});
