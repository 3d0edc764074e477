import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, findingsOf, problems, zone } from '../testkit';

const RULE = 'dmarc-version';

test('near misses of v=DMARC1: exact range, the fix rewrites only the tag, the result is clean', () => {
  const cases: [string, string, string][] = [
    ['"[[v=dmarc1]]; p=reject"', 'Replace with v=DMARC1', '"v=DMARC1; p=reject"'],
    ['"[[v=DMARC]]; p=reject"', 'Replace with v=DMARC1', '"v=DMARC1; p=reject"'],
    ['"[[v:DMARC1]]; p=reject"', 'Replace with v=DMARC1', '"v=DMARC1; p=reject"'],
    ['"[[v=DMARC1]] p=reject"', 'Replace with v=DMARC1', '"v=DMARC1; p=reject"'],
    ['"[[v=DMRAC1]]; p=reject"', 'Replace with v=DMARC1', '"v=DMARC1; p=reject"'],
    ['"p=reject; [[v=DMARC1]]"', 'Move v=DMARC1 to the front', '"v=DMARC1; p=reject"'],
    ['"p=reject; [[v=dmarc1]];"', 'Move v=DMARC1 to the front', '"v=DMARC1; p=reject"'],
    ['"p=reject; [[v=DMARC1]]; rua=mailto:d@example.jp"', 'Move v=DMARC1 to the front', '"v=DMARC1; p=reject; rua=mailto:d@example.jp"'],
    ['[["p=reject; adkim=s"]]', 'Insert v=DMARC1 as the first tag', '"v=DMARC1; p=reject; adkim=s"'],
  ];
  for (const [rdata, title, want] of cases) {
    const { text, found } = expectRanges(zone([`_dmarc IN TXT ${rdata}`]), RULE);
    assert.equal(found[0].severity, 'error');
    const out = applyFix(text, RULE, title);
    assert.equal(out, zone([`_dmarc IN TXT ${want}`]), rdata);
    assert.deepEqual(problems(out, ['dmarc-']), [], rdata);
  }
});

test('messages say what receivers do', () => {
  const run = findingsOf(zone(['_dmarc IN TXT "v=DMARC1 p=none"']), RULE)[0];
  assert.match(run.message, /not followed by ';'.*"DMARC1 p=none"/);
  const kase = findingsOf(zone(['_dmarc IN TXT "v=dmarc1; p=none"']), RULE)[0];
  assert.match(kase.message, /exactly "v=DMARC1".*case-sensitive/);
  const blanks = findingsOf(zone(['_dmarc IN TXT "v = DMARC1 ; p=none"']), RULE);
  assert.deepEqual(blanks, [], 'RFC 7489 §6.4 allows blanks around "=" (and before ";")');
});

test('RFC 7489 grammar: a capital V and blanks around = are valid; the value DMARC1 is exact', () => {
  expectRanges(zone(['_dmarc IN TXT "V=DMARC1; p=reject"', 'sub._dmarc IN TXT "v =\tDMARC1; p=none"']), RULE);
  expectRanges(zone(['_dmarc IN TXT "[[V = Dmarc1]]; p=reject"']), RULE);
});

test('a version split over strings or unquoted is fixed in place', () => {
  const { text } = expectRanges(zone(['_dmarc IN TXT "[[v=DM" "ARC]]; p=reject"']), RULE);
  assert.equal(applyFix(text, RULE, 'Replace with v=DMARC1'), zone(['_dmarc IN TXT "v=DMARC1" "; p=reject"']));
});

test('another protocol at _dmarc is reported without a fix', () => {
  const { found } = expectRanges(zone(['_dmarc IN TXT "[[v=spf1 include:example.com -all]]"']), RULE);
  assert.match(found[0].message, /an SPF record at a DMARC name/);
  const { found: dkim } = expectRanges(zone(['_dmarc IN TXT "[[v=DKIM1]]; k=rsa; p=MIGf"']), RULE);
  assert.match(dkim[0].message, /DKIM key record at a DMARC name/);
});

test('valid records, report authorisations and other names are quiet', () => {
  expectRanges(
    zone([
      '_dmarc IN TXT "v=DMARC1; p=reject"',
      '_dmarc.shop IN TXT "v=DMARC1;p=quarantine;"',
      'example.net._report._dmarc IN TXT "v=DMARC1"',
      '@ IN TXT "v=spf1 -all"',
      'www IN TXT "hello"',
    ]),
    RULE,
  );
  const { text } = expectRanges(zone(['example.net._report._dmarc IN TXT "[[v=DMARC]]"']), RULE);
  assert.equal(applyFix(text, RULE, 'Replace with v=DMARC1'), zone(['example.net._report._dmarc IN TXT "v=DMARC1"']));
});

test('hostile values give findings, not exceptions', () => {
  for (const rdata of ['""', '";;;"', '"v"', '"v="', '"=;="', '"vé=DMARC1"', '"v=DMARC1\\000; p=none"', '"\\"v=DMARC1"']) {
    assert.doesNotThrow(() => problems(zone([`_dmarc IN TXT ${rdata}`]), ['dmarc-']), rdata);
  }
});
