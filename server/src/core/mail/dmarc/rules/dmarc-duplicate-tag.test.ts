import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, problems, zone } from '../testkit';

const RULE = 'dmarc-duplicate-tag';

test('a repeated tag is reported on the repeat and removed by the fix', () => {
  const cases: [string, string, string][] = [
    ['"v=DMARC1; p=reject; [[p=none]]"', 'Remove the repeated p=none', '"v=DMARC1; p=reject"'],
    ['"v=DMARC1; p=reject; [[p=none]]; rua=mailto:d@example.jp"', 'Remove the repeated p=none', '"v=DMARC1; p=reject; rua=mailto:d@example.jp"'],
    ['"v=DMARC1; p=reject; adkim=s; [[adkim=r]];"', 'Remove the repeated adkim=r', '"v=DMARC1; p=reject; adkim=s"'],
  ];
  for (const [rdata, title, want] of cases) {
    const { text, found } = expectRanges(zone([`_dmarc IN TXT ${rdata}`]), RULE);
    assert.match(found[0].message, /appears twice.*invalid/);
    assert.equal(found[0].related?.length, 1);
    const out = applyFix(text, RULE, title);
    assert.equal(out, zone([`_dmarc IN TXT ${want}`]));
    assert.deepEqual(problems(out, ['dmarc-']), []);
  }
});

test('every repeat after the first is reported; distinct tags are not', () => {
  expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=reject; [[p=none]]; [[p=quarantine]]"']), RULE);
  expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=reject; sp=reject; np=reject"']), RULE);
});
