import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildName, NameReader } from './names';

function read(name: string, origin = 'example.com.', originWire = 13): { name: string; problem?: string; wire: number } {
  const r = new NameReader();
  const out = r.read(name, 0, name.length, origin, originWire);
  return r.problem ? { name: out, problem: r.problem.code, wire: r.wire } : { name: out, wire: r.wire };
}

test('relative, absolute, @ and root', () => {
  assert.deepEqual(read('www'), { name: 'www.example.com.', wire: 17 });
  assert.deepEqual(read('www.example.net.'), { name: 'www.example.net.', wire: 17 });
  assert.deepEqual(read('@'), { name: 'example.com.', wire: 13 });
  assert.deepEqual(read('.'), { name: '.', wire: 1 });
  assert.deepEqual(read('www', '.', 1), { name: 'www.', wire: 5 });
});

test('ASCII letters are lower-cased, also when escaped; other characters are kept', () => {
  assert.equal(read('MiXeD.Example.NET.').name, 'mixed.example.net.');
  assert.equal(read('\\065b').name, 'ab.example.com.');
  assert.equal(read('Ünï').name, 'Ünï.example.com.');
  assert.equal(read('_dmarc').name, '_dmarc.example.com.');
});

test('escapes are kept canonical: escaped dot, specials, control and 8-bit octets', () => {
  assert.equal(read('a\\.b').name, 'a\\.b.example.com.');
  assert.equal(read('a\\046b').name, 'a\\.b.example.com.');
  assert.equal(read('a\\ b\\"c\\;d\\(e\\)').name, 'a\\ b\\"c\\;d\\(e\\).example.com.');
  assert.equal(read('a\\000\\255\\x').name, 'a\\000\\255x.example.com.');
  assert.equal(read('a\\\\').name, 'a\\\\.example.com.');
  // An escaped dot at the end does not make the name absolute; an escaped backslash before a dot does.
  assert.equal(read('a\\.').name, 'a\\..example.com.');
  assert.equal(read('a\\\\.').name, 'a\\\\.');
});

test('length limits count octets of labels and of the whole name with the origin', () => {
  assert.equal(read('x'.repeat(63)).problem, undefined);
  assert.equal(read('x'.repeat(64)).problem, 'label-too-long');
  assert.equal(read('x'.repeat(62) + '\\046').problem, undefined);
  assert.equal(read('é'.repeat(32)).problem, 'label-too-long', 'UTF-8 octets count');
  const l63 = 'a'.repeat(63);
  const exactly255 = `${l63}.${l63}.${l63}.${'b'.repeat(61)}.`;
  assert.deepEqual(read(exactly255), { name: exactly255, wire: 255 });
  assert.equal(read(`${l63}.${l63}.${l63}.${'b'.repeat(62)}.`).problem, 'name-too-long');
  // 242 octets + origin (13) = 255, one more is too long.
  const rel = `${l63}.${l63}.${l63}.${'b'.repeat(49)}`;
  assert.equal(read(rel).wire, 255);
  assert.equal(read(rel + 'b').problem, 'name-too-long');
});

test('empty labels', () => {
  assert.equal(read('a..b').problem, 'empty-label');
  assert.equal(read('.a').problem, 'empty-label');
  assert.equal(read('..').problem, 'empty-label');
});

test('buildName alone gives the same name as read', () => {
  for (const n of ['www', 'A.B.', '@', '.', 'a\\.b', 'x\\065']) {
    assert.equal(buildName(n, 0, n.length, 'example.com.'), read(n).name);
  }
});
