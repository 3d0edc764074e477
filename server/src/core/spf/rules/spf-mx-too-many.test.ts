import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, zone } from './testkit';

const RULE = 'spf-mx-too-many';

test('mx whose domain has more than 10 MX records', () => {
  const mx = (n: number, owner = '@') => Array.from({ length: n }, (_, k) => `${owner} IN MX ${k} mx${k}.example.net.`);
  const { found } = expectRanges(zone([...mx(11), '@ IN TXT "v=spf1 [[mx]] [[mx:example.jp/24]] -all"']), RULE);
  assert.match(found[0].message, /has 11 MX records/);
  expectRanges(zone([...mx(10), '@ IN TXT "v=spf1 mx -all"']), RULE);
});
