import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectVersionTypo } from './nearMiss';
import { isSpfRecord } from './parse';
import { mayBeSpf } from './records';

const VALUES = [
  'v=spf1 -all',
  'V=SPF1 mx',
  'v=spf1',
  '  v=spf1 -all',
  'v=spf1\tmx',
  'v=spf1mx -all',
  'v=spf1;include:_spf.example.com -all',
  'v-spf1 +ip4:192.0.2.1 -all',
  'v = spf1 mx -all',
  'spf1 ip4:192.0.2.1 -all',
  'v=spf1include:_spf.example.com',
  'vspf1 mx -all',
  '=spf1 -all',
  'google-site-verification=abcdefghijklmnop',
  'v=DKIM1; k=rsa; p=MIIB',
  'MS=ms12345678',
  'hello world',
  '',
  '   ',
  'abcdefghijklm mx -all',
  'abcdefghijkl mx -all',
];

test('mayBeSpf never rules out an SPF record or a near miss', () => {
  for (const v of VALUES) {
    if (mayBeSpf(v)) continue;
    assert.equal(isSpfRecord(v), false, v);
    assert.equal(detectVersionTypo(v), undefined, v);
  }
});

test('mayBeSpf rules out values whose first word is long and not the tag', () => {
  assert.equal(mayBeSpf('google-site-verification=abcdefghijklmnop'), false);
  assert.equal(mayBeSpf('abcdefghijklm mx -all'), false);
  assert.equal(mayBeSpf('v=spf1include:_spf.example.com'), true);
  assert.equal(mayBeSpf('abcdefghijkl mx -all'), true);
  assert.equal(mayBeSpf('   '), true);
});
