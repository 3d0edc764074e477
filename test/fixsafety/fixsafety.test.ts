/**
 * Quick fixes never lose data: every fix of every finding on the project's examples and on
 * fixtures written to be fixable is applied and checked (see fixSafety.ts).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { LanguageId } from '../../server/src/core/types';
import { applyAll, changedLines, fixSafety, mapOffset, touchedLines } from './fixSafety';
import { FIXABLE_RTX, FIXABLE_RTX_PLAIN_OUT, FIXABLE_ZONE } from './fixtures';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LANG: Record<string, LanguageId> = { '.zone': 'zone', '.rtx': 'rtx', '.rtxlog': 'rtxlog' };

function examples(): { name: string; lang: LanguageId; text: string }[] {
  const out: { name: string; lang: LanguageId; text: string }[] = [];
  for (const dir of ['broken', 'fixed']) {
    for (const f of fs.readdirSync(path.join(ROOT, 'examples', dir)).sort()) {
      const lang = LANG[path.extname(f)];
      if (lang) out.push({ name: `examples/${dir}/${f}`, lang, text: fs.readFileSync(path.join(ROOT, 'examples', dir, f), 'utf8') });
    }
  }
  return out;
}

describe('the checker itself', () => {
  test('line diff: changed lines of the original only', () => {
    assert.deepEqual([...changedLines('a\nb\nc\n', 'a\nB\nc\n')], [1]);
    assert.deepEqual([...changedLines('a\nb\nc\n', 'a\nc\n')], [1]);
    assert.deepEqual([...changedLines('a\nb\n', 'a\nx\nb\n')], []);
    assert.deepEqual([...changedLines('a\nb\nc\nd\n', 'd\nb\nc\na\n')].sort(), [0, 3]);
  });
  test('touched lines and offset mapping', () => {
    const text = 'one\ntwo\nthree\n';
    const edits = [{ range: { start: 4, end: 7 }, newText: 'TWO!' }];
    assert.deepEqual([...touchedLines(text, edits)], [1]);
    // Removing a line break joins the next line: both are touched.
    assert.deepEqual([...touchedLines(text, [{ range: { start: 7, end: 8 }, newText: ' ' }])], [1, 2]);
    assert.deepEqual([...changedLines(text, 'one\ntwo three\n')].sort(), [1, 2]);
    assert.equal(applyAll(text, edits), 'one\nTWO!\nthree\n');
    assert.equal(mapOffset(9, edits, 'start'), 10);
    assert.equal(mapOffset(5, edits, 'start'), 4);
    assert.equal(mapOffset(5, edits, 'end'), 8);
    assert.throws(() => applyAll(text, [...edits, { range: { start: 5, end: 6 }, newText: '' }]), /overlapping/);
  });
});

describe('every quick fix is safe', () => {
  for (const ex of examples()) {
    test(ex.name, () => {
      const r = fixSafety(ex.lang, ex.text);
      assert.deepEqual(r.violations, []);
    });
  }

  const fixtures: [string, LanguageId, string, number][] = [
    ['SPF and TXT problems', 'zone', FIXABLE_ZONE, 14],
    ['filter-list problems of a PPPoE router', 'rtx', FIXABLE_RTX, 7],
    ['filter-list problems of a router on a LAN port', 'rtx', FIXABLE_RTX_PLAIN_OUT, 4],
  ];
  for (const [name, lang, text, minFixes] of fixtures) {
    test(name, () => {
      const r = fixSafety(lang, text);
      assert.ok(r.fixes >= minFixes, `only ${r.fixes} fixes offered for ${r.findings} findings`);
      assert.deepEqual(r.violations, []);
    });
  }
});
