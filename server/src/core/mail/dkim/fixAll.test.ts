import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, parseDocument, quickFixes, validate } from '../../engine';
import { collectFixAll } from '../../fixAll';
import { applyEdits } from '../../testing';
import { zone } from '../../spf/rules/testkit';
import { dkimFindings, ed25519Key } from './testdata';

const ED = ed25519Key();

test('fix all repairs the mechanical DKIM mistakes and leaves the judgement calls', () => {
  const text = zone([
    `a._domainkey IN TXT "v=DKIM1, t=y; K=ed25519; h=sha1:sha256; p=${ED.raw}"`,
    `b._domainkey IN TXT "v=DKIM1; k=ed25519 p=${ED.raw}"`,
    `c._domainkey IN TXT "v=DKIM1; k=ed25519; p=${ED.spki}"`,
  ]);
  const ctx = makeContext();
  const doc = parseDocument('zone', text);
  const { edits } = collectFixAll(doc, validate(doc, ctx), ctx, quickFixes);
  const fixed = applyEdits(text, edits);
  assert.equal(
    fixed,
    zone([
      `a._domainkey IN TXT "v=DKIM1; t=y; K=ed25519; h=sha256; k=ed25519; p=${ED.raw}"`,
      `b._domainkey IN TXT "v=DKIM1; k=ed25519; p=${ED.raw}"`,
      `c._domainkey IN TXT "v=DKIM1; k=ed25519; p=${ED.raw}"`,
    ]),
  );
  // What is left: testing mode (the user's call, a manual fix) and the ignored K= tag.
  assert.deepEqual(
    dkimFindings(fixed, ['error', 'warning', 'info']).map((f) => f.split(':')[0]).sort(),
    ['dkim-testing-mode', 'dkim-unknown-tag'],
  );
  const again = parseDocument('zone', fixed);
  const testing = validate(again, ctx).filter((x) => x.rule === 'dkim-testing-mode');
  assert.equal(quickFixes(again, testing[0], ctx)[0].manual, true);
});

test('renaming a tag written in the wrong case is a manual fix', () => {
  const text = zone([`a._domainkey IN TXT "v=DKIM1; K=ed25519; p=${ED.raw}"`]);
  const doc = parseDocument('zone', text);
  const ctx = makeContext();
  const f = validate(doc, ctx).find((x) => x.rule === 'dkim-unknown-tag');
  assert.ok(f);
  const fixes = quickFixes(doc, f, ctx);
  assert.deepEqual(fixes.map((x) => [x.title, x.manual]), [["Rename to 'k='", true]]);
  // Fix all leaves it, and sets k= for the Ed25519 key instead.
  const { edits } = collectFixAll(doc, validate(doc, ctx), ctx, quickFixes);
  assert.equal(applyEdits(text, edits), zone([`a._domainkey IN TXT "v=DKIM1; K=ed25519; k=ed25519; p=${ED.raw}"`]));
});

test('a k= run into v= is fixed alone, not also by a second k=', () => {
  const text = zone([`a._domainkey IN TXT "v=DKIM1 k=ed25519; p=${ED.raw}"`]);
  const doc = parseDocument('zone', text);
  const ctx = makeContext();
  assert.deepEqual(
    validate(doc, ctx)
      .filter((f) => f.rule.startsWith('dkim-'))
      .map((f) => f.rule),
    ['dkim-syntax'],
  );
  const { edits } = collectFixAll(doc, validate(doc, ctx), ctx, quickFixes);
  const fixed = applyEdits(text, edits);
  assert.equal(fixed, zone([`a._domainkey IN TXT "v=DKIM1; k=ed25519; p=${ED.raw}"`]));
  assert.deepEqual(dkimFindings(fixed, ['error', 'warning', 'info']), []);
});
