import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, spfErrors, zone } from './testkit';

const RULE = 'spf-invalid-macro';

test('malformed macros: range is the macro', () => {
  for (const rdata of [
    '"v=spf1 exists:[[%{z}]].example.jp -all"',
    '"v=spf1 exists:[[%{d]] -all"',
    '"v=spf1 exists:foo[[%.]]example.jp -all"',
    '"v=spf1 -exists:[[%(]]ir).sbl.example.jp ?all"',
    '"v=spf1 -all exp=[[%{r}]].example.jp"',
    '"v=spf1 exists:[[%{d0}]].example.jp -all"',
    '"v=spf1 -all foo=[[%a]]bc"',
  ]) {
    expectRanges(zone([`@ IN TXT ${rdata}`]), RULE);
  }
  expectRanges(zone(['@ IN TXT "v=spf1 exists:%{ir}.%{l1r-}.%{D2}.x.example.jp a:%%%_%-.example.jp -all exp=%{l}.%{d}"']), RULE);
  // c, r and t are for the explanation text only, not for the exp= domain.
  expectRanges(zone(['@ IN TXT "v=spf1 -all exp=[[%{c}]].%{d}"']), RULE);
});

test('fixes: parentheses for braces, a literal percent, a missing brace', () => {
  const cases: [string, string, string][] = [
    ['-exists:%(ir).sbl.example.jp ?all', 'Write %{ir}', '-exists:%{ir}.sbl.example.jp ?all'],
    ['a:100%.example.jp -all', "Write '%%' for a literal percent sign", 'a:100%%.example.jp -all'],
    ['-all exists:%{d', 'Close the macro: %{d}', '-all exists:%{d}'],
  ];
  for (const [body, title, want] of cases) {
    const out = applyFix(zone([`@ IN TXT "v=spf1 ${body}"`]), RULE, title);
    assert.equal(out, zone([`@ IN TXT "v=spf1 ${want}"`]));
    assert.deepEqual(spfErrors(out), [], want);
  }
});
