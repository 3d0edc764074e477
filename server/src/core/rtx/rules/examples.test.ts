/**
 * Every Yamaha rule fires on a fixture of its own, and none fires on the repaired incident example
 * (`examples/fixed/router.rtx`) — the editor shows that file without any diagnostic.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { makeContext, parseDocument, validate } from '../../engine';
import { RTX_RULES } from '../../registry';
import { CONFIG_A, withOutList } from '../testdata';

function example(rel: string): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const p = path.join(dir, 'examples', rel);
    if (fs.existsSync(p)) return fs.readFileSync(p, 'utf8');
    if (path.dirname(dir) === dir) throw new Error(`examples/${rel} not found`);
  }
}

const FIXTURES: Record<string, string> = {
  'rtx-syntax': 'ip filter 1 pass * * tpc\n',
  'rtx-smtp-egress-open': CONFIG_A,
  'rtx-submission-egress-open': CONFIG_A,
  'rtx-filter-undefined': 'ip lan1 secure filter in 1 41\nip filter 1 pass * *\n',
  'rtx-filter-unused': 'ip filter 41 pass * *\n',
  'rtx-filter-shadowed': 'ip lan1 secure filter in 1 2\nip filter 1 reject * * tcp\nip filter 2 pass * * tcp * smtp\n',
  'rtx-dynamic-misplaced': 'ip lan1 secure filter out 1 dynamic 5\nip filter 1 reject * *\nip filter dynamic 5 * * tcp\n',
  'rtx-catch-all-first': withOutList('200099 200013 dynamic 200080'),
  'rtx-wrapped-line': ` ip pp secure filter out 200013 200020 200021 200022 200023 200024 200025 20002\n6 200027\n`,
  'rtx-unknown-command': 'ip lan1 adress 192.168.1.1/24\n',
};

test('every rtx rule has a fixture it fires on', () => {
  for (const rule of RTX_RULES) {
    const text = FIXTURES[rule.meta.id];
    assert.ok(text, `no fixture for ${rule.meta.id}`);
    const ids = validate(parseDocument('rtx', text), makeContext()).map((f) => f.rule);
    assert.ok(ids.includes(rule.meta.id), `${rule.meta.id} does not fire on its fixture: ${ids.join(', ')}`);
  }
});

test('the fixed incident example gets no diagnostic at all; the broken one gets the SMTP warning', () => {
  assert.deepEqual(validate(parseDocument('rtx', example('fixed/router.rtx')), makeContext()), []);
  const broken = validate(parseDocument('rtx', example('broken/router.rtx')), makeContext()).map((f) => f.rule);
  assert.deepEqual(broken, ['rtx-smtp-egress-open', 'rtx-submission-egress-open']);
});
