import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, problems, zone } from '../../dmarc/testkit';

const RULE = 'mta-sts-syntax';
const MAIL = ['@ IN MX 10 mail', 'mail IN A 192.0.2.25', '_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:tls@example.jp"'];
const at = (rdata: string): string => zone([...MAIL, `_mta-sts IN TXT ${rdata}`]);

test('valid records, with extensions, are quiet', () => {
  for (const rdata of ['"v=STSv1; id=20240131T1200"', '"v=STSv1;id=1;"', '"v=STSv1; id=abc; x-ext.1=value"']) {
    expectRanges(at(rdata), RULE);
    assert.deepEqual(problems(at(rdata), ['mta-sts-', 'tls-rpt-']), [], rdata);
  }
});

test('version near misses are fixed in place', () => {
  const cases: [string, string][] = [
    ['"[[v=stsv1]]; id=1"', '"v=STSv1; id=1"'],
    ['"[[v=STSv2]]; id=1"', '"v=STSv1; id=1"'],
    ['"[[v=STSv1]] id=1"', '"v=STSv1; id=1"'],
  ];
  for (const [rdata, want] of cases) {
    const { text, found } = expectRanges(at(rdata), RULE);
    assert.equal(found[0].severity, 'error');
    const out = applyFix(text, RULE, 'Replace with v=STSv1');
    assert.equal(out, at(want));
    assert.deepEqual(problems(out, ['mta-sts-', 'tls-rpt-']), []);
  }
});

test('id: required, 1 to 32 letters and digits', () => {
  const { found } = expectRanges(at('"[[v=STSv1]]"'), RULE);
  assert.match(found[0].message, /no id= tag/);
  const bad = expectRanges(at('"v=STSv1; id=[[2024-01-31]]"'), RULE);
  assert.match(bad.found[0].message, /1 to 32 letters and digits/);
  expectRanges(at(`"v=STSv1; id=[[${'a'.repeat(33)}]]"`), RULE);
  expectRanges(at('"v=STSv1; [[id=]]"'), RULE);
});

test('blanks around =, duplicates, broken lists, another protocol', () => {
  expectRanges(at('"v=STSv1; [[id = 1]]"'), RULE);
  expectRanges(at('"v=STSv1; id=1; [[id=2]]"'), RULE);
  expectRanges(at('"v=STSv1; id=1; [[junk]]"'), RULE);
  const { found } = expectRanges(at('"[[v=DMARC1]]; p=none"'), RULE);
  assert.match(found[0].message, /a DMARC record at an MTA-STS name: senders look here/);
});
