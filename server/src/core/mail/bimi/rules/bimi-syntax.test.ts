import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, problems, zone } from '../../dmarc/testkit';

const RULE = 'bimi-syntax';
const at = (rdata: string): string => zone(['_dmarc IN TXT "v=DMARC1; p=reject"', `default._bimi IN TXT ${rdata}`]);

test('valid records (and the declination record) are quiet', () => {
  for (const rdata of [
    '"v=BIMI1; l=https://example.jp/logo.svg"',
    '"v=BIMI1; l=https://example.jp/logo.SVG?v=2; a=https://example.jp/vmc.pem"',
    '"v=BIMI1; l=https://example.jp/logo.svg; a=; avp=personal"',
    '"v=BIMI1; l=; a=;"',
  ]) {
    expectRanges(at(rdata), RULE);
    assert.deepEqual(problems(at(rdata), ['bimi-']), [], rdata);
  }
});

test('version near misses are fixed in place', () => {
  const { text } = expectRanges(at('"[[v=bimi1]]; l=https://example.jp/logo.svg"'), RULE);
  const out = applyFix(text, RULE, 'Replace with v=BIMI1');
  assert.equal(out, at('"v=BIMI1; l=https://example.jp/logo.svg"'));
  assert.deepEqual(problems(out, ['bimi-']), []);
});

test('l, a and avp values', () => {
  const cases: [string, RegExp][] = [
    ['"[[v=BIMI1]]; a=https://example.jp/vmc.pem"', /no l= tag/],
    ['"v=BIMI1; l=[[http://example.jp/logo.svg]]"', /not an https:\/\/ URL/],
    ['"v=BIMI1; l=[[https://example.jp/logo.png]]"', /does not end in \.svg/],
    ['"v=BIMI1; l=https://example.jp/logo.svg; a=[[ftp://example.jp/vmc.pem]]"', /mark certificate/],
    ['"v=BIMI1; l=https://example.jp/logo.svg; avp=[[company]]"', /brand or personal/],
    ['"v=BIMI1; l=https://example.jp/logo.svg; [[l=https://example.jp/b.svg]]"', /appears twice/],
  ];
  for (const [rdata, message] of cases) {
    const { found } = expectRanges(at(rdata), RULE);
    assert.match(found[0].message, message, rdata);
    assert.equal(found[0].severity, 'error');
  }
});
