import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../testing';
import { createList, findPassAll, freeFilterBase, insertIntoList, staticFilterInsert, toEdits, usedStaticNumbers } from './edits';
import { parseRtx } from './parse';

const insertFilter = (text: string, num: number): string => {
  const m = parseRtx(text);
  return applyEdits(text, toEdits([staticFilterInsert(m, num, `ip filter ${num} X`)]));
};

test('free numbers: decade bases from 40, skipping defined and listed numbers', () => {
  assert.equal(freeFilterBase(parseRtx(''), [1, 2]), 40);
  const m = parseRtx('ip filter 41 pass *\nip lan1 secure filter in 52 200099\nip filter dynamic 1 * * filter 61 in 71\n');
  assert.deepEqual([...usedStaticNumbers(m)].sort((a, b) => a - b), [41, 52, 61, 71, 200099]);
  assert.equal(freeFilterBase(m, [1, 2]), 80);
  assert.equal(freeFilterBase(m, [9]), 40);
  // Numbers that only a replaced list line names are avoided too.
  assert.equal(freeFilterBase(parseRtx('ip lan1 secure filter in 41\nip lan1 secure filter in 1\n'), [1]), 50);
});

test('a new static filter keeps numeric order among the ip filter lines', () => {
  const sorted = 'ip filter source-route on\nip filter 10 pass *\nip filter 200000 pass *\n';
  assert.equal(insertFilter(sorted, 42), 'ip filter source-route on\nip filter 10 pass *\nip filter 42 X\nip filter 200000 pass *\n');
  assert.equal(insertFilter(sorted, 5), 'ip filter source-route on\nip filter 5 X\nip filter 10 pass *\nip filter 200000 pass *\n');
  assert.equal(insertFilter(sorted, 300000), `${sorted}ip filter 300000 X\n`);
  // Last line without a line break.
  assert.equal(insertFilter('ip filter 10 pass *', 42), 'ip filter 10 pass *\nip filter 42 X');
});

test('without static filters: before the dynamic filters, else after the blocks, else at the end', () => {
  assert.equal(insertFilter('a\nip filter dynamic 1 * * tcp\n', 42), 'a\nip filter 42 X\nip filter dynamic 1 * * tcp\n');
  assert.equal(insertFilter('pp select 1\n pp enable 1\nnat descriptor type 1 masquerade\n', 42), 'pp select 1\n pp enable 1\nip filter 42 X\nnat descriptor type 1 masquerade\n');
  assert.equal(insertFilter('pp select 1\npp enable 1\nx\n', 42), 'pp select 1\npp enable 1\nx\nip filter 42 X\n');
  assert.equal(insertFilter('a\nb', 42), 'a\nb\nip filter 42 X\n');
  assert.equal(insertFilter('', 42), 'ip filter 42 X\n');
});

test('list insertion before a position, before dynamic, or at the end', () => {
  const text = 'ip lan2 secure filter out 1 2 dynamic 3\nip lan1 secure filter in 7\n';
  const m = parseRtx(text);
  const at = (iface: string, dir: 'in' | 'out', pos: number): string => applyEdits(text, toEdits([insertIntoList(m, { kind: 'if', name: iface }, dir, pos, [41, 42])!]));
  assert.equal(at('lan2', 'out', 1), 'ip lan2 secure filter out 1 41 42 2 dynamic 3\nip lan1 secure filter in 7\n');
  assert.equal(at('lan2', 'out', 2), 'ip lan2 secure filter out 1 2 41 42 dynamic 3\nip lan1 secure filter in 7\n');
  assert.equal(at('lan1', 'in', 1), 'ip lan2 secure filter out 1 2 dynamic 3\nip lan1 secure filter in 7 41 42\n');
  assert.equal(insertIntoList(m, { kind: 'if', name: 'lan3' }, 'out', 0, [1]), undefined);
});

test('creating a list: inside the pp block (after the IN list, or before pp enable), or after the interface lines', () => {
  const pp = 'pp select 1\n  pppoe use lan2\n  pp enable 1\nip filter 1 pass *\n';
  const m = parseRtx(pp);
  assert.equal(applyEdits(pp, toEdits([createList(m, { kind: 'pp', id: 1 }, 'out', [42, 1])!])), 'pp select 1\n  pppoe use lan2\n  ip pp secure filter out 42 1\n  pp enable 1\nip filter 1 pass *\n');
  assert.equal(createList(m, { kind: 'pp', id: 2 }, 'out', [42]), undefined);
  const lan = 'ip lan2 address dhcp\nip lan2 secure filter in 5\nip lan1 address 192.168.1.1/24\n';
  const ml = parseRtx(lan);
  assert.equal(
    applyEdits(lan, toEdits([createList(ml, { kind: 'if', name: 'lan2' }, 'out', [42, 49])!])),
    'ip lan2 address dhcp\nip lan2 secure filter in 5\nip lan2 secure filter out 42 49\nip lan1 address 192.168.1.1/24\n',
  );
  assert.equal(createList(ml, { kind: 'if', name: 'lan9' }, 'out', [42]), undefined);
});

test('findPassAll only accepts a filter passing everything', () => {
  assert.equal(findPassAll(parseRtx('ip filter 1 pass * * tcp\nip filter 2 reject *\n')), undefined);
  assert.equal(findPassAll(parseRtx('ip filter 1 pass * * tcp\nip filter 3 pass-nolog *\n'))?.num, 3);
});
