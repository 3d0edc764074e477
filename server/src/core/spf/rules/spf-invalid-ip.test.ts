import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument, quickFixes, validate } from '../../engine';
import { applyEdits, markers } from '../../testing';

const RULE = 'spf-invalid-ip';

function zone(rdata: string): string {
  return `$ORIGIN example.jp.\n@ IN TXT ${rdata}\n`;
}

function check(fixture: string): string {
  const { text, ranges } = markers(fixture);
  const found = validate(parseDocument('zone', text)).filter((f) => f.rule === RULE);
  assert.deepEqual(found.map((f) => f.range), ranges, fixture);
  for (const f of found) assert.equal(f.severity, 'error');
  return text;
}

test('the incident address is reported even though the version tag is mistyped', () => {
  const text = check(zone('"v-spf1 +ip4:[[AAA.BBB.CCC.DDD]] +mx -all"'));
  const f = validate(parseDocument('zone', text)).find((x) => x.rule === RULE)!;
  assert.match(f.message, /placeholder/);
  assert.deepEqual(quickFixes(parseDocument('zone', text), f), []);
});

test('bad addresses: range is the address', () => {
  for (const fixture of [
    '"v=spf1 ip4:[[AAA.BBB.CCC.DDD]] -all"',
    '"v=spf1 ip4:[[192.0.2.300]] -all"',
    '"v=spf1 ip4:[[010.0.0.1]] -all"',
    '"v=spf1 ip4:[[10.1]] -all"',
    '"v=spf1 ip4:[[192.0.2.1:25]] -all"',
    '"v=spf1 ip6:[[2001:db8:::1]] -all"',
    '"v=spf1 ip6:[[fe80::1%eth0]] -all"',
    '"v=spf1 ~ip4:[[1.2.3]] ip6:[[12345::]] -all"',
  ]) {
    check(zone(fixture));
  }
});

test('a bad address with a bad prefix: the address here, the prefix is spf-invalid-cidr', () => {
  check(zone('"v=spf1 ip4:[[1.2.3]]/99 -all"'));
});

test('valid addresses and networks are not reported', () => {
  check(zone('"v=spf1 ip4:203.0.113.25 ip4:0.0.0.0/0 ip4:198.51.100.0/24 ip6:2001:db8::/32 ip6:::ffff:192.0.2.1 ip6:::1.1.1.1/0 -all"'));
});

test('an address of the other family: quick fix switches the mechanism', () => {
  const cases: [string, string, string][] = [
    ['"v=spf1 ip4:[[2001:db8::25]] -all"', 'Change to ip6:', '"v=spf1 ip6:2001:db8::25 -all"'],
    ['"v=spf1 -ip6:[[192.0.2.1]]/32 -all"', 'Change to ip4:', '"v=spf1 -ip4:192.0.2.1/32 -all"'],
  ];
  for (const [fixture, title, want] of cases) {
    const text = check(zone(fixture));
    const doc = parseDocument('zone', text);
    const f = validate(doc).find((x) => x.rule === RULE)!;
    const fixes = quickFixes(doc, f);
    assert.deepEqual(fixes.map((q) => q.title), [title]);
    const out = applyEdits(text, fixes[0].edits);
    assert.equal(out, zone(want));
    assert.deepEqual(validate(parseDocument('zone', out)).filter((x) => x.rule.startsWith('spf-') && x.severity === 'error'), []);
  }
});

test('not reported outside SPF records', () => {
  check(zone('"note ip4:AAA.BBB.CCC.DDD"'));
  check(zone('"spf2.0/pra ip4:AAA.BBB.CCC.DDD -all"'));
});
