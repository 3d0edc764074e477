import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MappedText } from '../text';
import { expandMacroString, finishDomain, transform, urlEscape, type MacroValues } from './macro';
import { parseMacroText } from './parse';

const VALUES: MacroValues = {
  s: 'strong-bad@email.example.jp',
  l: 'strong-bad',
  o: 'email.example.jp',
  d: 'email.example.jp',
  i: '192.0.2.3',
  v: 'in-addr',
  h: 'mx.example.org',
  c: '192.0.2.3',
  r: 'rcpt.example.net',
  t: '1700000000',
  p: () => Promise.resolve('mx.example.org'),
};

async function expand(s: string, values: MacroValues = VALUES): Promise<string> {
  const parsed = parseMacroText(MappedText.contiguous(s, 0));
  assert.deepEqual(parsed.errors, [], s);
  return expandMacroString(parsed.value, values);
}

test('letters and transformers (RFC 7208 §7.3)', async () => {
  const cases: [string, string][] = [
    ['%{s}', 'strong-bad@email.example.jp'],
    ['%{o}', 'email.example.jp'],
    ['%{d}', 'email.example.jp'],
    ['%{d4}', 'email.example.jp'],
    ['%{d2}', 'example.jp'],
    ['%{d1}', 'jp'],
    ['%{dr}', 'jp.example.email'],
    ['%{d2r}', 'example.email'],
    ['%{l}', 'strong-bad'],
    ['%{l-}', 'strong.bad'],
    ['%{lr}', 'strong-bad'],
    ['%{lr-}', 'bad.strong'],
    ['%{l1r-}', 'strong'],
    ['%{ir}.%{v}._spf.%{d2}', '3.2.0.192.in-addr._spf.example.jp'],
    ['%{p2}.trusted.example.net', 'example.org.trusted.example.net'],
    ['%{h} %{c} %{r} %{t}', 'mx.example.org 192.0.2.3 rcpt.example.net 1700000000'],
    ['%%%_%-', '% %20'],
    ['%{l+-}', 'strong.bad'],
  ];
  for (const [macro, want] of cases) assert.equal(await expand(macro), want, macro);
});

test('upper-case letters are URL-escaped after expansion', async () => {
  const v = { ...VALUES, l: '~jack&jill=up-a_b3.c', h: "JUMPIN' JUPITER" };
  assert.equal(await expand('l=%{L}', v), 'l=~jack%26jill%3Dup-a_b3.c');
  assert.equal(await expand('%{H}', v), 'JUMPIN%27%20JUPITER');
  assert.equal(urlEscape('ä/é'), '%C3%A4%2F%C3%A9');
});

test('transform splits on every delimiter, keeps right-hand parts, rejoins with dots', () => {
  assert.equal(transform('a.b.c', undefined, false, ''), 'a.b.c');
  assert.equal(transform('a-b_c', undefined, false, '-_'), 'a.b.c');
  assert.equal(transform('a.b.c', 5, false, ''), 'a.b.c');
  assert.equal(transform('a.b.c', 2, true, ''), 'b.a');
  assert.equal(transform('foo bar', undefined, false, ''), 'foo bar');
});

test('expanded domains lose a trailing dot and left labels beyond 253 characters', () => {
  assert.equal(finishDomain('example.jp.'), 'example.jp');
  const long = 'x'.repeat(10) + '.' + 'a'.repeat(60) + '.' + 'b'.repeat(60) + '.' + 'c'.repeat(60) + '.' + 'd'.repeat(60) + '.jp';
  assert.ok(long.length > 253);
  assert.equal(finishDomain(long), long.slice(11));
});
