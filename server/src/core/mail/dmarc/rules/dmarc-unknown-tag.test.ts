import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument, quickFixes, validate } from '../../../engine';
import { applyFix, expectRanges, problems, zone } from '../testkit';

const RULE = 'dmarc-unknown-tag';

test('misspelt tags: range is the name; the fix renames it', () => {
  const cases: [string, string, string][] = [
    ['"v=DMARC1; p=reject; [[adkm]]=s"', 'Change to adkim=', '"v=DMARC1; p=reject; adkim=s"'],
    ['"v=DMARC1; p=reject; [[ruaa]]=mailto:d@example.jp"', 'Change to rua=', '"v=DMARC1; p=reject; rua=mailto:d@example.jp"'],
    ['"v=DMARC1; p=reject; [[SP]]=reject"', 'Change to sp=', '"v=DMARC1; p=reject; sp=reject"'],
    ['"v=DMARC1; p=reject; [[aspff]]=r"', 'Change to aspf=', '"v=DMARC1; p=reject; aspf=r"'],
  ];
  for (const [rdata, title, want] of cases) {
    const { text, found } = expectRanges(zone([`_dmarc IN TXT ${rdata}`]), RULE);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /Did you mean/);
    const out = applyFix(text, RULE, title);
    assert.equal(out, zone([`_dmarc IN TXT ${want}`]));
    assert.deepEqual(problems(out, ['dmarc-']), []);
  }
});

test('unknown tags without a close match get no fix', () => {
  const { text, found } = expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=reject; [[xyz]]=foo; [[x]]=1; [[rux]]=mailto:d@example.jp"']), RULE);
  assert.doesNotMatch(found[0].message, /Did you mean/);
  const doc = parseDocument('zone', text);
  for (const f of validate(doc).filter((x) => x.rule === RULE)) assert.deepEqual(quickFixes(doc, f), []);
});

test('every DMARCbis and RFC 7489 tag is known', () => {
  expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=none; sp=none; np=none; rua=mailto:a@example.jp; ruf=mailto:a@example.jp; adkim=r; aspf=r; fo=1; pct=100; rf=afrf; ri=86400; psd=u; t=n"']), RULE);
});
