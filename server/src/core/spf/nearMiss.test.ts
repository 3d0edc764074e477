import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectVersionTypo, editDistance, looksLikeSpfTerm } from './nearMiss';

test('edit distance: optimal string alignment, transposition counts one', () => {
  assert.equal(editDistance('v=spf1', 'v=spf1'), 0);
  assert.equal(editDistance('v=sfp1', 'v=spf1'), 1);
  assert.equal(editDistance('v-spf1', 'v=spf1'), 1);
  assert.equal(editDistance('vspf1', 'v=spf1'), 1);
  assert.equal(editDistance('spf1', 'v=spf1'), 2);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('abc', ''), 3);
  assert.equal(editDistance('ca', 'abc'), 3);
});

test('SPF-looking terms', () => {
  for (const t of ['-all', 'all', '~all', 'a', 'mx', 'a/24', 'mx:example.com', 'ptr', 'include:x', '+ip4:1.2.3.4', 'ip6:::1', 'exists:%{i}.x', 'redirect=x', 'exp=x']) {
    assert.equal(looksLikeSpfTerm(t), true, t);
  }
  for (const t of ['am', 'an', 'not', 'record', 'p=none;', 'k=rsa;', 'allow', 'include', 'ip4', 'mx.example.com']) {
    assert.equal(looksLikeSpfTerm(t), false, t);
  }
});

/** [value, issue, written tag span text, replacement, body start text] */
const POSITIVES: [string, string, string, string][] = [
  ['v-spf1 +ip4:AAA.BBB.CCC.DDD +mx -all', 'typo', 'v-spf1', 'v=spf1'],
  ['v=spf -all', 'typo', 'v=spf', 'v=spf1'],
  ['v=spf', 'typo', 'v=spf', 'v=spf1'],
  ['v-spf1', 'typo', 'v-spf1', 'v=spf1'],
  ['vspf1 mx -all', 'typo', 'vspf1', 'v=spf1'],
  ['v=sfp1 mx -all', 'typo', 'v=sfp1', 'v=spf1'],
  ['v=spf1x -all', 'typo', 'v=spf1x', 'v=spf1'],
  ['v=spf1; mx -all', 'typo', 'v=spf1;', 'v=spf1'],
  ['v:spf1 mx', 'typo', 'v:spf1', 'v=spf1'],
  ['V-SPF1 -ALL', 'typo', 'V-SPF1', 'v=spf1'],
  ['v=spf2 ip4:192.0.2.1 -all', 'typo', 'v=spf2', 'v=spf1'],
  ['v=spf10', 'typo', 'v=spf10', 'v=spf1'],
  ['v-spf1 inlude:_spf.example.com -al', 'typo', 'v-spf1', 'v=spf1'],
  ['spf1 ip4:192.0.2.1 -all', 'typo', 'spf1', 'v=spf1'],
  ['spf include:_spf.example.com ~all', 'typo', 'spf', 'v=spf1'],
  ['v=spf 1 include:_spf.example.com -all', 'spacing', 'v=spf 1', 'v=spf1'],
  ['v = spf1 -all', 'spacing', 'v = spf1', 'v=spf1'],
  ['v=spf1mx', 'missing-space', 'v=spf1', 'v=spf1 '],
  ['v=spf1-all', 'missing-space', 'v=spf1', 'v=spf1 '],
  ['v=spf1;include:_spf.example.com ~all', 'missing-space', 'v=spf1;', 'v=spf1 '],
  [' v=spf1 -all', 'leading-space', ' v=spf1', 'v=spf1'],
  ['  v-spf1 -all', 'typo', '  v-spf1', 'v=spf1'],
  ['v=spf1\t-all', 'separator', 'v=spf1\t', 'v=spf1 '],
];

test('near misses are detected with the exact tag span and replacement', () => {
  for (const [value, issue, written, replacement] of POSITIVES) {
    const t = detectVersionTypo(value);
    assert.ok(t, `not detected: ${JSON.stringify(value)}`);
    assert.deepEqual(
      { issue: t.issue, written: value.slice(t.start, t.end), replacement: t.replacement },
      { issue, written, replacement },
      JSON.stringify(value),
    );
    assert.equal(t.written, written);
    // The body starts right after the tag; fixing the tag yields a valid record.
    const fixed = value.slice(0, t.start) + t.replacement + value.slice(t.end);
    assert.match(fixed, /^v=spf1(?: |$)/, `fixed: ${JSON.stringify(fixed)}`);
    assert.equal(t.bodyStart, t.end);
  }
});

const NEGATIVES = [
  'v=spf1 -all',
  'V=SPF1 -ALL',
  'v=spf1',
  'spf2.0/pra ip4:192.0.2.1 -all',
  'spf2.0/mfrom,pra include:_spf.example.com -all',
  'spf2.0/pra',
  'google-site-verification=rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ',
  'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC1',
  'v=DKIM1; h=sha256; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=',
  'v=DMARC1; p=none; rua=mailto:dmarc@example.com',
  'v=DMARC1; p=reject',
  'v=STSv1; id=20190429T010101;',
  'v=TLSRPTv1; rua=mailto:tlsrpt@example.com',
  'v=BIMI1; l=https://example.com/logo.svg',
  'MS=ms12345678',
  'apple-domain-verification=abcdefgh',
  'hello world',
  'v=spfl am not an SPF record',
  'v=spf2 is coming soon',
  'spf',
  'spf is configured elsewhere',
  'a mx -all',
  '',
  '   ',
  'x=spf2',
];

test('other TXT records are not near misses', () => {
  for (const v of NEGATIVES) assert.equal(detectVersionTypo(v), undefined, JSON.stringify(v));
});

test('long tokens are not compared (bounded cost)', () => {
  assert.equal(detectVersionTypo('v' + '='.repeat(100000) + 'spf1 -all'), undefined);
  assert.equal(detectVersionTypo('p=' + 'A'.repeat(100000)), undefined);
});
