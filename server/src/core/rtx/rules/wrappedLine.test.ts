import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, parseDocument, quickFixes, validate } from '../../engine';
import { applyEdits } from '../../testing';
import type { Finding } from '../../types';

const ID = 'rtx-wrapped-line';
const findings = (text: string): Finding[] => validate(parseDocument('rtx', text)).filter((f) => f.rule === ID);

const LINE79 = ' ip pp secure filter out 200013 200020 200021 200022 200023 200024 200025 20002';
const CONT = '6 200027 200099 dynamic 200080 200081 200082 200083 200084 200098 200099';
const WRAPPED = `pp select 1\n${LINE79}\n${CONT}\n pp enable 1\n`;

test('fires on a 79-column cut, covering both physical lines', () => {
  assert.equal(LINE79.length, 79);
  const [f, ...rest] = findings(WRAPPED);
  assert.deepEqual(rest, []);
  assert.equal(f.severity, 'warning');
  assert.equal(WRAPPED.slice(f.range.start, f.range.end), `${LINE79.trim()}\n${CONT}`);
  assert.match(f.message, /^Line 2 is exactly 79 characters and the next line \('6 200027 200099 dynamic 20008…'\) is not a command/);
  // Joined for analysis: the list is complete and has no syntax errors.
  const all = validate(parseDocument('rtx', WRAPPED));
  assert.deepEqual(all.filter((x) => x.rule === 'rtx-syntax' || x.rule === 'rtx-unknown-command'), []);
});

test('quick fix removes the line break: the whole text after the fix, then silence', () => {
  const doc = parseDocument('rtx', WRAPPED);
  const fixes = quickFixes(doc, findings(WRAPPED)[0], makeContext());
  assert.deepEqual(fixes.map((f) => f.title), ['Join line 3 to line 2']);
  const fixed = applyEdits(WRAPPED, fixes[0].edits);
  assert.equal(fixed, `pp select 1\n${LINE79}${CONT}\n pp enable 1\n`);
  assert.deepEqual(findings(fixed), []);
});

test('also with CRLF and when joining is off for analysis', () => {
  const crlf = WRAPPED.replace(/\n/g, '\r\n');
  const f = findings(crlf)[0];
  const fixed = applyEdits(crlf, quickFixes(parseDocument('rtx', crlf), f)[0].edits);
  assert.equal(fixed, `pp select 1\r\n${LINE79}${CONT}\r\n pp enable 1\r\n`);
});

test('silent on ordinary 79-character lines followed by commands', () => {
  const text = `# Default route via WAN gateway (change to the gateway IP provided by your ISP)\nip route default gateway 203.0.113.1\n`;
  assert.equal(text.indexOf('\n'), 79);
  assert.deepEqual(findings(text), []);
});
