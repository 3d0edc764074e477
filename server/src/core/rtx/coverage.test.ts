import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CoverageContext, FULL_BOX, intersectSet, matchesEverything, normalizeSet, subtractRegion, subtractSet } from './coverage';
import type { StaticFilter } from './model';
import { parseRtx } from './parse';
import { listsUnderTest, shadowedEntries } from './analysis';

const filter = (line: string): StaticFilter => {
  const m = parseRtx(`${line}\n`);
  return (m.filters.static.values().next().value ?? m.filters.v6.static.values().next().value) as StaticFilter;
};

test('interval sets: normalise, intersect, subtract', () => {
  assert.deepEqual(normalizeSet([[5n, 9n], [1n, 3n], [4n, 4n], [20n, 30n]]), [[1n, 9n], [20n, 30n]]);
  assert.deepEqual(intersectSet([[1n, 10n], [20n, 30n]], [[5n, 25n]]), [[5n, 10n], [20n, 25n]]);
  assert.deepEqual(subtractSet([[1n, 10n]], [[3n, 4n], [8n, 20n]]), [[1n, 2n], [5n, 7n]]);
  assert.deepEqual(subtractSet([[1n, 10n]], [[0n, 100n]]), []);
});

test('catch-all detection over every protocol', () => {
  assert.equal(matchesEverything(filter('ip filter 1 pass * * * * *')), true);
  assert.equal(matchesEverything(filter('ip filter 1 reject *')), true);
  assert.equal(matchesEverything(filter('ipv6 filter 1 pass * * *')), true);
  assert.equal(matchesEverything(filter('ip filter 1 pass * * * * smtp')), false);
  assert.equal(matchesEverything(filter('ip filter 1 pass * * tcp')), false);
  assert.equal(matchesEverything(filter('ip filter 1 pass 0.0.0.0/0 *')), true); // also every address a name resolves to
  assert.equal(matchesEverything(filter('ip filter 1 pass 0.0.0.0/1,128.0.0.0/1 *')), false); // names are not proven inside
});

test('regions: octet wildcards enumerate or bound; names are their own points', () => {
  const ctx = new CoverageContext();
  const sub = ctx.filterRegion(filter('ip filter 1 pass 10.*.1.1 *'), 'sub');
  assert.equal(sub[0][0].length, 256);
  assert.deepEqual(ctx.filterRegion(filter('ip filter 1 pass *.*.*.1 *'), 'sub'), []);
  assert.deepEqual(ctx.filterRegion(filter('ip filter 1 pass *.*.*.1 *'), 'super')[0][0], [[1n, 0xffffff01n]]);
  const a = ctx.filterRegion(filter('ip filter 1 pass mail.example.jp *'), 'sub');
  const b = ctx.filterRegion(filter('ip filter 2 pass mail.example.jp * tcp'), 'super');
  assert.deepEqual(subtractRegion(b, a), []);
  assert.ok((subtractRegion([FULL_BOX], a) ?? []).length > 0);
});

test('an adversarial list (129 overlapping filters with ten port ranges each) stays within the work budget', () => {
  const lines: string[] = [];
  const nums: number[] = [];
  for (let i = 1; i <= 129; i++) {
    nums.push(i);
    const p = (k: number): string => Array.from({ length: 10 }, (_, j) => `${(k * 7 + j * 977) % 60000}-${((k * 7 + j * 977) % 60000) + 3000}`).join(',');
    lines.push(`ip filter ${i} pass ${i % 2 ? '10.0.0.0/8' : '*'} ${i % 3 ? '*' : '192.168.0.0/16'} ${['tcp', 'udp', 'tcp,udp', '*', 'tcpfin'][i % 5]} ${p(i)} ${p(i + 50)}`);
  }
  const m = parseRtx(`ip lan2 secure filter out ${nums.join(' ')}\n${lines.join('\n')}\n`);
  const t0 = Date.now();
  const l = listsUnderTest(m)[0];
  shadowedEntries(m, l);
  assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms`);
});
