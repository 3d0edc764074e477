import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument, quickFixes, validate } from '../../engine';
import { applyEdits, markers } from '../../testing';

const RULE = 'spf-version-typo';

function zone(rdata: string, type = 'TXT'): string {
  return `$ORIGIN example.jp.\n$TTL 1h\n@ IN ${type} ${rdata}\n`;
}

/** Findings of this rule for a fixture whose `[[…]]` markers give the expected ranges. */
function check(fixture: string): { text: string } {
  const { text, ranges } = markers(fixture);
  const found = validate(parseDocument('zone', text)).filter((f) => f.rule === RULE);
  assert.deepEqual(found.map((f) => f.range), ranges, fixture);
  for (const f of found) assert.equal(f.severity, 'error');
  return { text };
}

/** Applies the single quick fix of the single finding and returns the whole new text. */
function fixed(text: string): string {
  const doc = parseDocument('zone', text);
  const found = validate(doc).filter((f) => f.rule === RULE);
  assert.equal(found.length, 1);
  const fixes = quickFixes(doc, found[0]);
  assert.equal(fixes.length, 1);
  assert.equal(fixes[0].title, 'Replace with v=spf1');
  assert.equal(fixes[0].rule, RULE);
  assert.equal(fixes[0].preferred, true);
  const out = applyEdits(text, fixes[0].edits);
  // The fixed text is a valid SPF record as far as this rule is concerned.
  assert.deepEqual(validate(parseDocument('zone', out)).filter((f) => f.rule === RULE), []);
  return out;
}

test('the incident record: "v-spf1" is reported on the tag and fixed', () => {
  const { text } = check(zone('"[[v-spf1]] +ip4:AAA.BBB.CCC.DDD +mx -all"'));
  assert.equal(fixed(text), zone('"v=spf1 +ip4:AAA.BBB.CCC.DDD +mx -all"'));
  const f = validate(parseDocument('zone', text)).find((x) => x.rule === RULE)!;
  assert.match(f.message, /"v-spf1" instead of "v=spf1"/);
});

test('each kind of near miss: exact range and whole-text fix', () => {
  const cases: [string, string][] = [
    ['"[[v=spf]] -all"', '"v=spf1 -all"'],
    ['"[[v=spf 1]] include:_spf.example.net -all"', '"v=spf1 include:_spf.example.net -all"'],
    ['"[[vspf1]] mx -all"', '"v=spf1 mx -all"'],
    ['"[[v=sfp1]] mx -all"', '"v=spf1 mx -all"'],
    ['"[[v=spf1x]] -all"', '"v=spf1 -all"'],
    ['"[[v:spf1]] mx -all"', '"v=spf1 mx -all"'],
    ['"[[spf1]] ip4:203.0.113.25 -all"', '"v=spf1 ip4:203.0.113.25 -all"'],
    ['"[[v=spf2]] ip4:203.0.113.25 -all"', '"v=spf1 ip4:203.0.113.25 -all"'],
    ['"[[v=spf1]]mx -all"', '"v=spf1 mx -all"'],
    ['"[[ v=spf1]] -all"', '"v=spf1 -all"'],
    ['"[[v=spf1\t]]mx -all"', '"v=spf1 mx -all"'],
    ['"[[V-SPF1]] -ALL"', '"v=spf1 -ALL"'],
  ];
  for (const [fixture, want] of cases) {
    const { text } = check(zone(fixture));
    assert.equal(fixed(text), zone(want), fixture);
  }
});

test('a tag split over character-strings, written with escapes, or unquoted', () => {
  // "v=sp" "f 1 -all" concatenates to "v=spf 1 -all": the fix spans both strings.
  const split = check(zone('"[[v=sp" "f 1]] -all"'));
  assert.equal(fixed(split.text), zone('"v=spf1" " -all"'));
  const escaped = check(zone('"[[v\\-spf1]] -all"'));
  assert.equal(fixed(escaped.text), zone('"v=spf1 -all"'));
  // Unquoted: the inserted space must be escaped, or it would split the string in two.
  const bare = check(zone('[[v=spf1]]mx'));
  assert.equal(fixed(bare.text), zone('v=spf1\\032mx'));
  // Multi-line record in parentheses.
  const paren = check(zone('( "[[v-spf1]]"\n    " -all" )'));
  assert.equal(fixed(paren.text), zone('( "v=spf1"\n    " -all" )'));
});

test('type SPF records are checked too', () => {
  const { text } = check(zone('"[[v-spf1]] -all"', 'SPF'));
  assert.equal(fixed(text), zone('"v=spf1 -all"', 'SPF'));
});

test('valid records and other protocols are not reported', () => {
  for (const rdata of [
    '"v=spf1 -all"',
    '"V=SPF1 -ALL"',
    '"v=spf1"',
    '"spf2.0/pra ip4:203.0.113.25 -all"',
    '"google-site-verification=rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ"',
    '"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC1"',
    '"v=DMARC1; p=none; rua=mailto:dmarc@example.jp"',
    '"hello world"',
    '"v=spfl am not an SPF record"',
  ]) {
    check(zone(rdata));
  }
  // Not a TXT record at all.
  check('$ORIGIN example.jp.\n@ IN MX 10 v-spf1.example.jp.\n');
});

test('several records: each near miss is reported, valid ones are not', () => {
  check(
    [
      '$ORIGIN example.jp.',
      '@    IN TXT "[[v-spf1]] mx -all"',
      'www  IN TXT "v=spf1 -all"',
      'mail IN TXT "[[v=spf]] a -all"',
      '_dmarc IN TXT "v=DMARC1; p=reject"',
      '',
    ].join('\n'),
  );
});
