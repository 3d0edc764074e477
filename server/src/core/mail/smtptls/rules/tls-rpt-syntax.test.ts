import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, problems, zone } from '../../dmarc/testkit';

const RULE = 'tls-rpt-syntax';
const at = (rdata: string): string => zone([`_smtp._tls IN TXT ${rdata}`]);

test('valid records are quiet', () => {
  for (const rdata of ['"v=TLSRPTv1; rua=mailto:tls@example.jp"', '"v=TLSRPTv1;rua=mailto:a@example.jp,https://reports.example.net/tls"', '"v=TLSRPTv1; rua=mailto:a@example.jp; ext-1=x"']) {
    expectRanges(at(rdata), RULE);
  }
});

test('version near misses are fixed in place', () => {
  for (const [rdata, want] of [
    ['"[[v=TLSRPT1]]; rua=mailto:tls@example.jp"', '"v=TLSRPTv1; rua=mailto:tls@example.jp"'],
    ['"[[v=tlsrptv1]]; rua=mailto:tls@example.jp"', '"v=TLSRPTv1; rua=mailto:tls@example.jp"'],
  ]) {
    const { text } = expectRanges(at(rdata), RULE);
    const out = applyFix(text, RULE, 'Replace with v=TLSRPTv1');
    assert.equal(out, at(want));
    assert.deepEqual(problems(out, ['tls-rpt-']), []);
  }
});

test('a bare address gets mailto: from the fix', () => {
  const { text } = expectRanges(at('"v=TLSRPTv1; rua=[[tls@example.jp]]"'), RULE);
  const out = applyFix(text, RULE, 'Change to mailto:tls@example.jp');
  assert.equal(out, at('"v=TLSRPTv1; rua=mailto:tls@example.jp"'));
  assert.deepEqual(problems(out, ['tls-rpt-']), []);
});

test('rua: required, mailto: or https: URIs only', () => {
  const { found } = expectRanges(at('"[[v=TLSRPTv1]]"'), RULE);
  assert.match(found[0].message, /no rua= tag/);
  const cases: [string, RegExp][] = [
    ['"v=TLSRPTv1; rua=[[tls@example.jp]]"', /not a mailto: or https: URI/],
    ['"v=TLSRPTv1; rua=mailto:tls@example.jp, [[http://example.jp/r]]"', /not a mailto: or https:/],
    ['"v=TLSRPTv1; rua=[[mailto:tls]]"', /no @/],
    ['"v=TLSRPTv1; rua=[[https://localhost/r]]"', /not a valid host name/],
    ['"v=TLSRPTv1; [[rua=]]"', /has no value/],
  ];
  for (const [rdata, message] of cases) {
    const { found: f } = expectRanges(at(rdata), RULE);
    assert.match(f[0].message, message, rdata);
  }
});
