import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hover, makeContext, parseDocument } from '../engine';
import { markers } from '../testing';
import { spfHover } from './hover';
import type { ZoneModel } from '../zone/model';

/** Hover at the `|` of a fixture; `[[…]]` marks the expected hover range. */
function at(fixture: string, ctx = makeContext()): { contents: string; range: { start: number; end: number } } | undefined {
  const { text, ranges, cursor } = markers(fixture, { cursor: true });
  assert.ok(cursor !== undefined);
  const h = hover(parseDocument('zone', text), cursor, ctx);
  if (h && ranges.length > 0) assert.deepEqual(h.range, ranges[0], fixture);
  return h;
}

const Z = '$ORIGIN example.jp.\n@ IN TXT ';

test('a mechanism: what it does, its qualifier, RFC section and DNS cost', () => {
  const inc = at(Z + '"v=spf1 [[~incl|ude:_spf.example.net]] -all"\n')!;
  assert.match(inc.contents, /`include`.*SPF mechanism/);
  assert.match(inc.contents, /§5\.2/);
  assert.match(inc.contents, /Qualifier `~`.*softfail/);
  assert.match(inc.contents, /DNS lookup:\*\* yes/);

  const all = at(Z + '"v=spf1 mx [[-a|ll]]"\n')!;
  assert.match(all.contents, /`all`.*§5\.1/);
  assert.match(all.contents, /`fail`/);
  assert.match(all.contents, /DNS lookup:\*\* no/);

  const ip = at(Z + '"v=spf1 [[ip4:203.0.113.0/2|4]] -all"\n')!;
  assert.match(ip.contents, /§5\.6/);
  assert.match(ip.contents, /No qualifier.*`pass`/);
  assert.match(ip.contents, /DNS lookup:\*\* no/);
  assert.match(ip.contents, /256 addresses/);

  const ptr = at(Z + '"v=spf1 [[p|tr]] -all"\n')!;
  assert.match(ptr.contents, /SHOULD NOT/);
});

test('modifiers, unknown terms and invalid terms', () => {
  const red = at(Z + '"v=spf1 [[redi|rect=_spf.example.net]]"\n')!;
  assert.match(red.contents, /`redirect=`.*§6\.1/);
  assert.match(red.contents, /DNS lookup:\*\* yes/);
  const exp = at(Z + '"v=spf1 -all [[e|xp=explain.example.net]]"\n')!;
  assert.match(exp.contents, /§6\.2/);
  assert.match(exp.contents, /DNS lookup:\*\* no/);
  assert.match(at(Z + '"v=spf1 -all [[fo|o=bar]]"\n')!.contents, /Unknown modifier `foo=`.*\n\n.*ignored/);
  assert.match(at(Z + '"v=spf1 [[inl|ude2:x.example.net]] -all"\n')!.contents, /Unknown mechanism `inlude2`[\s\S]*permerror/);
  assert.match(at(Z + '"v=spf1 [[=a|ll]]"\n')!.contents, /Invalid SPF term/);
});

test('a macro inside a domain-spec', () => {
  const h = at(Z + '"v=spf1 exists:[[%{i|r}]].%{l1r-}.spf.example.net -all"\n')!;
  assert.match(h.contents, /`%\{ir\}`.*SPF macro/);
  assert.match(h.contents, /sending IP/);
  assert.match(h.contents, /reversed/);
  const d = at(Z + '"v=spf1 exists:%{ir}.[[%{l1r|-}]].spf.example.net -all"\n')!;
  assert.match(d.contents, /local-part/);
  assert.match(d.contents, /split on `-`, reversed, keeping the 1 right-most part\b/);
  assert.match(at(Z + '"v=spf1 a:x[[%|-]]y.example.net -all"\n')!.contents, /URL-encoded space/);
});

test('the version tag summarises the record', () => {
  const h = at(Z + '"[[v=s|pf1]] ip4:203.0.113.25 mx include:_spf.example.net ~all"\n')!;
  assert.match(h.contents, /\*\*SPF record\*\*/);
  assert.match(h.contents, /4 terms/);
  assert.match(h.contents, /DNS lookups:\*\* 2 of 10 allowed in the worst case \(2 ⟳ terms here/);
  assert.match(h.contents, /everyone else: `softfail`/);
  const r = at(Z + '"[[v=s|pf1]] a redirect=_spf.example.net"\n')!;
  assert.match(r.contents, /DNS lookups:\*\* 2 of 10/);
  assert.match(r.contents, /the record at `_spf\.example\.net`/);
  const bad = at(Z + '"[[v=s|pf1]] include: -all"\n')!;
  assert.match(bad.contents, /1 syntax error.*permerror/);
  const empty = at(Z + '"[[v=s|pf1]]"\n')!;
  assert.match(empty.contents, /No terms/);
});

test('a mistyped tag explains why the record is ignored', () => {
  const h = at(Z + '"[[v-s|pf1]] +ip4:AAA.BBB.CCC.DDD +mx -all"\n')!;
  assert.match(h.contents, /Not recognised as an SPF record/);
  assert.match(h.contents, /"v-spf1" instead of "v=spf1"/);
  assert.match(h.contents, /3 terms/);
});

test('ranges follow the document through several character-strings', () => {
  at(Z + '"v=spf1 ip4:203.0.113.25 " "[[-a|ll]]"\n');
  at(Z + '( "v=spf1 [[incl" "ude:_spf.exa|mple.net]]"\n  " -all" )\n');
});

test('no SPF hover outside SPF records', () => {
  const ctx = makeContext();
  for (const fixture of [
    Z + '"google-site-|verification=abc"\n',
    Z + '"v=DKIM1; k=r|sa; p=abc"\n',
    '$ORIGIN example.jp.\n@ IN M|X 10 mail.example.jp.\n',
    Z + '"v=spf1 -all"  |  \n',
  ]) {
    const { text, cursor } = markers(fixture, { cursor: true });
    const model = parseDocument('zone', text).model as ZoneModel;
    assert.equal(spfHover(model, cursor!, ctx), undefined, fixture);
  }
  // Between two terms (on the separating space) there is nothing to explain.
  const { text, cursor } = markers(Z + '"v=spf1 mx| -all"\n', { cursor: true });
  assert.equal(spfHover(parseDocument('zone', text).model as ZoneModel, cursor!, ctx), undefined);
});

test('the version tag shows the lookup total and the include/redirect tree', () => {
  const zone = [
    '$ORIGIN example.jp.',
    '@    IN SOA ns1 hostmaster 1 3h 15m 1w 1h',
    '@    IN TXT "[[v=s|pf1]] mx include:_spf.example.jp include:_spf.google.example a:old.example.jp -all"',
    '@    IN MX 10 mail',
    '_spf IN TXT "v=spf1 a:mail.example.jp include:_more.example.jp -all"',
    '_more IN TXT "v=spf1 ip4:192.0.2.0/24 exists:%{i}.bl.example.jp"',
    'mail IN A 192.0.2.25',
    '',
  ].join('\n');
  const h = at(zone)!;
  assert.match(h.contents, /DNS lookups:\*\* 7 of 10 allowed in the worst case \(4 ⟳ terms here/);
  assert.ok(
    h.contents.includes(
      [
        '- `mx` — 1 lookup',
        '- `include:_spf.example.jp` — 4 lookups',
        '  - `a:mail.example.jp` — 1 lookup',
        '  - `include:_more.example.jp` — 2 lookups',
        '    - `exists:%{i}.bl.example.jp` — 1 lookup',
        '- `include:_spf.google.example` — 1 lookup; not expanded: outside the zone files',
        '- `a:old.example.jp` — 1 lookup; void: old.example.jp has no A/AAAA records',
      ].join('\n'),
    ),
    h.contents,
  );
  assert.match(h.contents, /Void lookups:\*\* 1 of 2/);
});

test('an include shows its subtree; over the limit is flagged', () => {
  const zone = (cursorTerm: string) =>
    [
      '$ORIGIN example.jp.',
      '@    IN SOA ns1 hostmaster 1 3h 15m 1w 1h',
      `@    IN TXT "v=spf1 a mx ${cursorTerm} -all"`,
      '_spf IN TXT "v=spf1 a a a a a a a a a"',
      '_spf IN A 192.0.2.1',
      '',
    ].join('\n');
  const h = at(zone('[[incl|ude:_spf.example.jp]]'))!;
  assert.match(h.contents, /Lookups through this term:\*\* 10 lookups \(terms 3–12 of the record's 12\)/);
  assert.match(h.contents, /In the record of `_spf\.example\.jp`:\n\n- `a` — 1 lookup\n/);
  assert.match(h.contents, /- `a` — 1 lookup ⚠ #11, over the limit/);
  const v = at(zone('include:_spf.example.jp').replace('"v=spf1', '"v=s|pf1'))!;
  assert.match(v.contents, /12 of 10 allowed.*over the limit: receivers return `permerror`/);
});

test('a qualifier has its own hover', () => {
  const h = at(Z + '"v=spf1 mx [[|~]]all"\n')!;
  assert.match(h.contents, /\*\*Qualifier `~`\*\*.*`all` matches, the result is `softfail`/);
  assert.match(h.contents, /- `\?` → `neutral`/);
});

test('a, mx, ip4 and ip6 show the addresses they authorise, resolved from the zone files', () => {
  const zone = (term: string) =>
    [
      '$ORIGIN example.jp.',
      '@    IN SOA ns1 hostmaster 1 3h 15m 1w 1h',
      `@    IN TXT "v=spf1 ${term} -all"`,
      '@    IN MX 10 mail',
      '@    IN MX 20 mail2',
      'mail IN A 203.0.113.25',
      'mail IN AAAA 2001:db8::25',
      'mail2 IN A 203.0.113.26',
      '',
    ].join('\n');
  const mx = at(zone('[[m|x]]'))!;
  assert.match(mx.contents, /\*\*Authorises\*\* \(from the zone files\):\n\n- `203\.0\.113\.25` \(mail\.example\.jp\)\n- `2001:db8::25` \(mail\.example\.jp\)\n- `203\.0\.113\.26` \(mail2\.example\.jp\)/);
  const a = at(zone('[[a:mail.example.jp/2|4]]'))!;
  assert.match(a.contents, /- `203\.0\.113\.0\/24` \(mail\.example\.jp\)/);
  assert.match(at(zone('[[a:no|ne.example.jp]]'))!.contents, /no address — the zone files hold none/);
  assert.match(at(zone('[[a:_spf.exam|ple.net]]'))!.contents, /not known offline \(_spf\.example\.net is not in the zone files\)/);
  assert.match(at(zone('[[a:%{l}.us|ers.example.jp]]'))!.contents, /not known offline \(the name depends on the sender\)/);
  assert.match(at(zone('[[ip4:192.0.2.1|28/26]]'))!.contents, /\*\*Authorises:\*\* `192\.0\.2\.128` – `192\.0\.2\.191` \(64 addresses, \/26\)/);
  assert.match(at(zone('[[ip6:2001:db8:|:/32]]'))!.contents, /`2001:db8::` – `2001:db8:ffff:ffff:ffff:ffff:ffff:ffff` \(2\^96 addresses, \/32\)/);
  assert.match(at(zone('[[ip4:192.0.|2.7]]'))!.contents, /\*\*Authorises:\*\* `192\.0\.2\.7` \(one address\)/);
});

test('an ip4/ip6 term inside a mail provider range names the provider and its include', () => {
  const g = at(Z + '"v=spf1 [[ip4:209.85.1|28.0/17]] -all"\n')!;
  assert.match(g.contents, /\*\*Provider:\*\* inside Google Workspace's published outbound range `209\.85\.128\.0\/17`/);
  assert.match(g.contents, /`include:_spf\.google\.com`/);
  const m = at(Z + '"v=spf1 [[ip6:2a01:111:f4|03::1]] -all"\n')!;
  assert.match(m.contents, /Microsoft 365.*`include:spf\.protection\.outlook\.com`/);
  const none = at(Z + '"v=spf1 [[ip4:192.0.|2.1]] -all"\n')!;
  assert.doesNotMatch(none.contents, /Provider/);
});
