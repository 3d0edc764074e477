import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, findingsOf, problems, zone } from '../testkit';

const RULE = 'dmarc-syntax';
const at = (rdata: string): string => zone([`_dmarc IN TXT ${rdata}`]);

test('valid records of RFC 7489 and DMARCbis are quiet', () => {
  for (const rdata of [
    '"v=DMARC1; p=none"',
    '"v=DMARC1;p=ReJect"',
    '"v=DMARC1; p=reject; sp=quarantine; np=reject; psd=n; t=y"',
    '"v=DMARC1; p=quarantine; pct=0; adkim=s; aspf=r; fo=0:1:d:s"',
    '"v=DMARC1; p=none; rua=mailto:d@example.jp!10m, mailto:e@example.jp; ruf=mailto:f@example.jp!5"',
    '"v=DMARC1; p=none; sp=none; fo=1; pct=50; adkim=r; aspf=r; rf=afrf; ri=86400; rua=mailto:a@example.jp"',
    '"v=DMARC1; p=reject; rua=https://reports.example.jp/dmarc"',
    '"v=DMARC1; p=reject;"',
  ]) {
    expectRanges(at(rdata), RULE);
  }
});

test('invalid values: the range is the value', () => {
  const cases: [string, RegExp][] = [
    ['"v=DMARC1; p=[[foo]]"', /p="foo" is not allowed: p is none, quarantine or reject; without a valid rua=.*ignore/],
    ['"v=DMARC1; p=[[rejct]]; rua=mailto:d@example.jp"', /treat the record as p=none \(RFC 7489 §6.6.3\)/],
    ['"v=DMARC1; p=reject; sp=[[invalid]]"', /sp is none, quarantine or reject/],
    ['"v=DMARC1; p=reject; np=[[invalid]]"', /np is none/],
    ['"v=DMARC1; p=reject; pct=[[101]]"', /0 to 100/],
    ['"v=DMARC1; p=reject; pct=[[-1]]"', /0 to 100/],
    ['"v=DMARC1; p=reject; adkim=[[relaxed]]"', /r \(relaxed\) or s/],
    ['"v=DMARC1; p=reject; aspf=[[x]]"', /r \(relaxed\) or s/],
    ['"v=DMARC1; p=reject; fo=[[invalid_value]]"', /0, 1, d or s/],
    ['"v=DMARC1; p=reject; fo=[[0::1]]"', /0, 1, d or s/],
    ['"v=DMARC1; p=reject; psd=[[x]]"', /y, n or u/],
    ['"v=DMARC1; p=reject; t=[[u]]"', /y or n/],
    ['"v=DMARC1; p=reject; [[t=]]"', /t= has no value/],
  ];
  for (const [rdata, message] of cases) {
    const { found } = expectRanges(at(rdata), RULE);
    assert.match(found[0].message, message, rdata);
    assert.equal(found[0].severity, 'error');
  }
});

test('report URIs: each bad entry is reported on itself', () => {
  const cases: [string, RegExp][] = [
    ['"v=DMARC1; p=none; rua=[[reports@example.net]],mailto:d@example.jp"', /not a URI: report addresses are written as mailto:/],
    ['"v=DMARC1; p=none; rua=[[__mailto:reports@example.net]]"', /not a URI/],
    ['"v=DMARC1; p=none; rua=[[mailto:reports.example.net]]"', /no @/],
    ['"v=DMARC1; p=none; rua=[[mailto:@example.net]]"', /nothing before the @/],
    ['"v=DMARC1; p=none; rua=[[mailto:d@localhost]]"', /"localhost" is not a valid domain name/],
    ['"v=DMARC1; p=none; rua=[[mailto:d@example.jp!10x]]"', /"!10x" is not a size limit/],
    ['"v=DMARC1; p=none; rua=mailto:d@example.jp,[[]]"'.replace('[[]]', ''), /stray comma/],
    ['"v=DMARC1; p=none; [[rua=]]"', /rua= has no value/],
  ];
  for (const [rdata, message] of cases) {
    if (rdata.includes('[[')) {
      const { found } = expectRanges(at(rdata), RULE);
      assert.match(found[0].message, message, rdata);
    } else {
      const found = findingsOf(at(rdata), RULE);
      assert.equal(found.length, 1, rdata);
      assert.match(found[0].message, message);
    }
  }
});

test('fixes: a misspelt policy word, a bare report address', () => {
  const cases: [string, string, string][] = [
    ['"v=DMARC1; p=[[rejct]]"', 'Change to reject', '"v=DMARC1; p=reject"'],
    ['"v=DMARC1; p=reject; sp=[[quarantaine]]"', 'Change to quarantine', '"v=DMARC1; p=reject; sp=quarantine"'],
    ['"v=DMARC1; p=[[nonr]]"', 'Change to none', '"v=DMARC1; p=none"'],
    ['"v=DMARC1; p=none; rua=mailto:a@example.jp, [[d@example.jp!10m]]"', 'Change to mailto:d@example.jp!10m', '"v=DMARC1; p=none; rua=mailto:a@example.jp, mailto:d@example.jp!10m"'],
  ];
  for (const [rdata, title, want] of cases) {
    const { text } = expectRanges(at(rdata), RULE);
    const out = applyFix(text, RULE, title);
    assert.equal(out, at(want), rdata);
    assert.deepEqual(problems(out, ['dmarc-syntax', 'dmarc-version']), [], rdata);
  }
});

test('a missing p is reported on the version tag, saying what receivers do', () => {
  const { found } = expectRanges(at('"[[v=DMARC1]]; rua=mailto:d@example.jp"'), RULE);
  assert.match(found[0].message, /no p= tag.*treat the record as p=none \(RFC 7489 §6.6.3\)/);
  const { found: bare } = expectRanges(at('"[[v=DMARC1]]; adkim=s"'), RULE);
  assert.match(bare[0].message, /ignore the record/);
});

test('an unquoted value cut by a comment: the message says why p is missing', () => {
  const { found } = expectRanges(zone(['_dmarc IN TXT [[v=DMARC1]];p=reject']), RULE);
  assert.match(found[0].message, /not quoted, so the ";" after it starts a comment/);
  const { found: mta } = expectRanges(zone(['_mta-sts IN TXT [[v=STSv1]];id=1']), 'mta-sts-syntax');
  assert.match(mta[0].message, /no id= tag.*starts a comment/);
});

test('tag-list errors and non-ASCII characters come from the parser, with ranges', () => {
  const { found } = expectRanges(at('"v=DMARC1; [[p none]]"'), RULE);
  assert.match(found[0].message, /not a tag/);
  expectRanges(at('"v=DMARC1[[;;]]p=none"'), RULE);
  const { found: na } = expectRanges(at('"v=DMARC1; p=none; rua=mailto:d@ex[[é]]ample.jp"'), RULE);
  assert.match(na[0].message, /U\+00E9/);
});

test('misplaced records are checked too; other protocols at _dmarc are left to dmarc-version', () => {
  expectRanges(zone(['@ IN TXT "v=DMARC1; p=[[nonee]]"']), RULE);
  expectRanges(at('"v=spf1 include:example.com -all"'), RULE);
  assert.equal(problems(at('"v=DMARC1; p=reject"'), ['dmarc-']).length, 0);
});
