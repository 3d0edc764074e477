import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument, quickFixes, validate } from '../../../engine';
import { applyFix, expectRanges, ruleIds, zone } from '../testkit';

const RULE = 'dmarc-deprecated-tag';

test('pct, rf and ri are hints tagged deprecated, with the reason', () => {
  const { found } = expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=reject; [[pct=50]]; [[rf=afrf]]; [[ri=3600]]"']), RULE);
  assert.deepEqual(found.map((f) => f.severity), ['hint', 'hint', 'hint']);
  assert.deepEqual(found[0].tags, ['deprecated']);
  assert.match(found[0].message, /removed in DMARCbis.*t=y/);
  assert.match(found[1].message, /afrf was the only format/);
  assert.match(found[2].message, /daily/);
});

test('default or invalid values are removed by the fix; others get no fix', () => {
  const cases: [string, string, string][] = [
    ['"v=DMARC1; p=reject; [[pct=100]]"', 'Remove pct=100', '"v=DMARC1; p=reject"'],
    ['"v=DMARC1; p=reject; [[ri=abc]]; adkim=s"', 'Remove ri=abc', '"v=DMARC1; p=reject; adkim=s"'],
    ['"v=DMARC1; p=reject; [[rf=invalid!]]"', 'Remove rf=invalid!', '"v=DMARC1; p=reject"'],
  ];
  for (const [rdata, title, want] of cases) {
    const { text } = expectRanges(zone([`_dmarc IN TXT ${rdata}`]), RULE);
    const out = applyFix(text, RULE, title);
    assert.equal(out, zone([`_dmarc IN TXT ${want}`]));
    assert.deepEqual(ruleIds(out, ['dmarc-']), []);
  }
  const { text } = expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=reject; [[pct=20]]"']), RULE);
  const doc = parseDocument('zone', text);
  assert.deepEqual(quickFixes(doc, validate(doc).find((f) => f.rule === RULE)!), []);
});

test('an invalid ri or rf is only this hint, not a syntax error (receivers fall back to the default)', () => {
  assert.deepEqual(ruleIds(zone(['_dmarc IN TXT "v=DMARC1; p=reject; ri=abc; rf=x"']), ['dmarc-']), [RULE, RULE]);
});
