import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument, validate } from '../../engine';
import { MappedText } from '../../text';
import { markers } from '../../testing';
import { parseSpf, type SpfErrorCode } from '../parse';

const RULE = 'spf-syntax';
const SPF_RULES = ['spf-syntax', 'spf-invalid-ip', 'spf-unknown-term', 'spf-invalid-cidr', 'spf-invalid-macro', 'spf-duplicate-modifier'];

function zone(rdata: string): string {
  return `$ORIGIN example.jp.\n@ IN TXT ${rdata}\n`;
}

function check(fixture: string, rule = RULE): string {
  const { text, ranges } = markers(fixture);
  const found = validate(parseDocument('zone', text)).filter((f) => f.rule === rule);
  assert.deepEqual(found.map((f) => f.range), ranges, fixture);
  for (const f of found) assert.equal(f.severity, 'error');
  return text;
}

test('each kind of syntax error, with the range on the offending part', () => {
  for (const fixture of [
    '"v=spf1 [[include:]] -all"',
    '"v=spf1 [[include]] +all"',
    '"v=spf1 -all[[.]]"',
    '"v=spf1 ptr[[/0]] -all"',
    '"v=spf1 include:_spf.example.jp[[/24]] -all"',
    '"v=spf1 a:[[museum]] -all"',
    '"v=spf1 a:[[example.jp:8080]] -all"',
    '"v=spf1 [[redirect=]]"',
    '"v=spf1 [[-]]redirect=a.example.jp"',
    '"v=spf1 [[1up=foo]] -all"',
    '"v=spf1 [[=all]]"',
    '"v=spf1 a[[\t]]-all"',
    '"v=spf1 mx a:foo.example.jp[[\\000]]"',
    '"v=spf1 [[\\128]]a:example.net -all"',
  ]) {
    check(zone(fixture));
  }
});

test('valid records, near misses without body errors and non-SPF text give nothing', () => {
  check(zone('"v=spf1 a mx/24 a:example.jp/24//64 ptr:example.jp include:_spf.example.jp exists:%{ir}.%{l1r-}.e.example.jp ip4:192.0.2.0/24 -all"'));
  check(zone('"v=spf1 redirect=%{d}._spf.example.jp. exp=%{d}.exp.example.jp foo=%{c}"'));
  check(zone('"v=spf1 a:macro%%percent%_space%-url.example.jp -all"'));
  check(zone('"v-spf1 mx -all"'));
  check(zone('"hello % world {"'));
  check(zone('"v=DKIM1; k=rsa; p=%%%"'));
});

test('a broken record does not hide findings in later records', () => {
  check(
    [
      '$ORIGIN example.jp.',
      '@    IN TXT "v=spf1 [[include:]] -all"',
      'www  IN TXT "v=spf1 [[exists]] -all"',
      'mail IN TXT "v=spf1 a:[[example.123]] -all"',
      '',
    ].join('\n'),
  );
});

test('the codes owned by more specific rules are not reported here', () => {
  check(zone('"v=spf1 exists:%{z}.example.jp a/33 ip4:192.0.2.0/33 ip4:1.2.3 moo redirect=a.example.jp redirect=b.example.jp"'));
});

test('every parser error is reported by exactly one SPF rule, with the parser range', () => {
  // One record per error code.
  const samples: Record<SpfErrorCode, string> = {
    separator: 'v=spf1 a\t-all',
    'invalid-character': 'v=spf1 a:foo.example.jp\\000',
    'unknown-mechanism': 'v=spf1 moo',
    'invalid-term': 'v=spf1 =all',
    'qualified-modifier': 'v=spf1 -redirect=a.example.jp',
    'missing-argument': 'v=spf1 include',
    'unexpected-argument': 'v=spf1 all:x',
    'empty-domain': 'v=spf1 include:',
    'domain-end': 'v=spf1 a:museum',
    macro: 'v=spf1 exists:%{z}.example.jp',
    cidr: 'v=spf1 a/33',
    'ip4-address': 'v=spf1 ip4:1.2.3',
    'ip6-address': 'v=spf1 ip6:1::2::3',
    'ip-prefix': 'v=spf1 ip4:1.2.3.4/33',
    'duplicate-modifier': 'v=spf1 exp=a.example.jp exp=b.example.jp',
  };
  for (const [code, record] of Object.entries(samples)) {
    const text = zone(`"${record}"`);
    const doc = parseDocument('zone', text);
    const findings = validate(doc).filter((f) => SPF_RULES.includes(f.rule));
    const value = record.replace('\\000', '\u0000');
    const errors = parseSpf(MappedText.contiguous(value, 0)).errors;
    assert.deepEqual(errors.map((e) => e.code), [code], record);
    assert.equal(findings.length, 1, `${code}: ${findings.map((f) => f.rule).join(', ')}`);
    assert.equal(text.slice(findings[0].range.start, findings[0].range.end).replace('\\000', '\u0000'), value.slice(errors[0].start, errors[0].end), code);
  }
});
