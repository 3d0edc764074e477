import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, zone } from './testkit';

const RULE = 'spf-exp-invalid';

test('explanations receivers ignore: missing, duplicated, non-ASCII, malformed macro', () => {
  const cases: [string[], RegExp][] = [
    [[], /does not exist/],
    [['why IN TXT "one"', 'why IN TXT "two"'], /has 2 TXT records/],
    [['why IN TXT "\\227\\129\\130"'], /not plain ASCII/],
    [['why IN TXT "the %{x} files"'], /malformed macro/],
    [['why IN A 192.0.2.1'], /has no TXT record/],
  ];
  for (const [lines, message] of cases) {
    const { found } = expectRanges(zone(['@ IN TXT "v=spf1 -all [[exp=why.example.jp]]"', ...lines]), RULE);
    assert.match(found[0].message, message);
  }
});

test('valid explanations, macro targets and names outside the zones are not reported', () => {
  expectRanges(zone(['@ IN TXT "v=spf1 -all exp=why.%{d}"', 'why IN TXT "%{i} is not one of our servers, see https://example.jp/spf"']), RULE);
  expectRanges(zone(['@ IN TXT "v=spf1 -all exp=%{l}.why.example.jp"', 'a IN TXT "v=spf1 -all exp=why.example.net"']), RULE);
});
