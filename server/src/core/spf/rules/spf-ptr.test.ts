import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, zone } from './testkit';

const RULE = 'spf-ptr';

test('ptr and %{p} are reported, tagged deprecated', () => {
  const { found } = expectRanges(zone(['@ IN TXT "v=spf1 [[ptr]] [[?ptr:example.jp]] exists:[[%{p}]].ok.example.jp -all"']), RULE);
  assert.ok(found.every((f) => f.tags?.includes('deprecated') && f.severity === 'warning'));
  assert.match(found[2].message, /%\{p\}/);
  expectRanges(zone(['@ IN TXT "v=spf1 a mx exists:%{i}.ptr.example.jp -all"']), RULE);
});
