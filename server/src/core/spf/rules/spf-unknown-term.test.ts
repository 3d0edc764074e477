import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument, quickFixes, validate } from '../../engine';
import { applyEdits, markers } from '../../testing';

const RULE = 'spf-unknown-term';

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

/** The quick fixes of the single finding, each applied to the whole text. */
function fixes(text: string): { title: string; text: string; preferred: boolean }[] {
  const doc = parseDocument('zone', text);
  const found = validate(doc).filter((f) => f.rule === RULE);
  assert.equal(found.length, 1, text);
  return quickFixes(doc, found[0]).map((q) => {
    assert.equal(q.rule, RULE);
    return { title: q.title, text: applyEdits(text, q.edits), preferred: q.preferred === true };
  });
}

test('misspelt mechanisms: range is the name, the fix replaces only the name', () => {
  const cases: [string, string, string][] = [
    ['"v=spf1 [[inlude]]:_spf.example.net -all"', "Did you mean 'include'?", '"v=spf1 include:_spf.example.net -all"'],
    ['"v=spf1 -[[inlcude]]:_spf.example.net -all"', "Did you mean 'include'?", '"v=spf1 -include:_spf.example.net -all"'],
    ['"v=spf1 [[ip]]:203.0.113.25 -all"', "Did you mean 'ip4'?", '"v=spf1 ip4:203.0.113.25 -all"'],
    ['"v=spf1 [[ip]]:2001:db8::25 -all"', "Did you mean 'ip6'?", '"v=spf1 ip6:2001:db8::25 -all"'],
    ['"v=spf1 [[ipv4]]:203.0.113.0/24 -all"', "Did you mean 'ip4'?", '"v=spf1 ip4:203.0.113.0/24 -all"'],
    ['"v=spf1 [[ip5]]:203.0.113.25 -all"', "Did you mean 'ip4'?", '"v=spf1 ip4:203.0.113.25 -all"'],
    ['"v=spf1 mx -[[al]]"', "Did you mean 'all'?", '"v=spf1 mx -all"'],
    ['"v=spf1 [[exsits]]:%{i}.spf.example.net -all"', "Did you mean 'exists'?", '"v=spf1 exists:%{i}.spf.example.net -all"'],
    ['"v=spf1 [[prt]] -all"', "Did you mean 'ptr'?", '"v=spf1 ptr -all"'],
    ['"v=spf1 [[redirect:_spf.example.net]]"'.replace('[[redirect:_spf.example.net]]', '[[redirect]]:_spf.example.net'), "Did you mean 'redirect='?", '"v=spf1 redirect=_spf.example.net"'],
    ['"v=spf1 [[redirct]]:_spf.example.net"', "Did you mean 'redirect='?", '"v=spf1 redirect=_spf.example.net"'],
  ];
  for (const [fixture, title, want] of cases) {
    const text = check(zone(fixture));
    const got = fixes(text);
    assert.deepEqual(got.map((g) => g.title), [title], fixture);
    assert.equal(got[0].text, zone(want), fixture);
    assert.equal(got[0].preferred, true);
    assert.deepEqual(validate(parseDocument('zone', got[0].text)).filter((f) => f.rule.startsWith('spf-') && f.severity === 'error'), [], want);
  }
});

test('near misses of redirect= and exp=, and mechanisms written with =', () => {
  const cases: [string, string, string][] = [
    ['"v=spf1 [[redirct]]=_spf.example.net"', "Did you mean 'redirect='?", '"v=spf1 redirect=_spf.example.net"'],
    ['"v=spf1 [[redirekt]]=_spf.example.net"', "Did you mean 'redirect='?", '"v=spf1 redirect=_spf.example.net"'],
    ['"v=spf1 -all [[epx]]=explain.example.net"', "Did you mean 'exp='?", '"v=spf1 -all exp=explain.example.net"'],
    ['"v=spf1 -all [[explanation]]=explain.example.net"', "Did you mean 'exp='?", '"v=spf1 -all exp=explain.example.net"'],
    ['"v=spf1 [[include]]=_spf.example.net -all"', "Did you mean 'include:'?", '"v=spf1 include:_spf.example.net -all"'],
    ['"v=spf1 [[ip4]]=203.0.113.25 -all"', "Did you mean 'ip4:'?", '"v=spf1 ip4:203.0.113.25 -all"'],
  ];
  for (const [fixture, title, want] of cases) {
    const text = check(zone(fixture));
    const got = fixes(text);
    assert.deepEqual(got.map((g) => g.title), [title], fixture);
    assert.equal(got[0].text, zone(want), fixture);
    assert.deepEqual(validate(parseDocument('zone', got[0].text)).filter((f) => f.rule.startsWith('spf-') && f.severity === 'error'), [], want);
  }
  const msg = validate(parseDocument('zone', zone('"v=spf1 redirct=_spf.example.net"'))).find((f) => f.rule === RULE)!.message;
  assert.match(msg, /ignored by receivers/);
});

test('unknown mechanisms without a close name are reported without a fix', () => {
  const text = check(zone('"v=spf1 ip4:203.0.113.25 -all [[moo]]"'));
  assert.deepEqual(fixes(text), []);
  const msg = validate(parseDocument('zone', text)).find((f) => f.rule === RULE)!.message;
  assert.match(msg, /Unknown mechanism 'moo'.*permerror/);
});

test('a tie offers every closest name, none preferred', () => {
  // "ip" without an address is one edit from both "ip4" and "ip6"; nothing decides.
  const text = check(zone('"v=spf1 [[ip]] -all"'));
  const got = fixes(text);
  assert.deepEqual(got.map((g) => [g.title, g.preferred, g.text]), [
    ["Did you mean 'ip4'?", false, zone('"v=spf1 ip4 -all"')],
    ["Did you mean 'ip6'?", false, zone('"v=spf1 ip6 -all"')],
  ]);
});

test('legal unknown modifiers are ignored', () => {
  check(zone('"v=spf1 -all foo=bar ra=postmaster rp=100 rr=all default=pass moo.cow-far_out=man:dog/cat"'));
});

test('ranges are right in a near-miss record and in a second character-string', () => {
  check(zone('"v-spf1 [[inlude]]:_spf.example.net" " [[al]]"'));
});
