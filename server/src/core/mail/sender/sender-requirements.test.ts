import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hover, makeContext, parseDocument, quickFixes, validate } from '../../engine';
import { applyFix, expectRanges, findingsOf, zone } from '../../spf/rules/testkit';
import type { ZoneModel } from '../../zone/model';
import { sendingDomains } from './requirements';

const RULE = 'sender-requirements';
const KEY = 'sel._domainkey IN TXT "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="';

const statuses = (text: string) =>
  sendingDomains(parseDocument('zone', text).model as ZoneModel).map((d) => [d.domain, Object.fromEntries(d.requirements.map((r) => [r.id, r.status]))]);

test('a sending domain without DMARC and DKIM is reported once, on the owner of its SPF record', () => {
  const { found } = expectRanges(zone(['[[@]] IN TXT "v=spf1 mx -all"', '@ IN MX 10 mail', 'mail IN A 192.0.2.25']), RULE);
  assert.match(found[0].message, /^example\.jp\. sends mail but publishes no DKIM key and no DMARC record: .*require both.* No DMARC record at _dmarc\.example\.jp\.$/);
  assert.deepEqual(found[0].data, { domain: 'example.jp.', missing: ['dkim', 'dmarc'] });
});

test('a domain that only receives mail (MX, no SPF) counts as sending; the finding sits on the MX owner', () => {
  expectRanges(zone(['[[@]] IN MX 10 mail', 'mail IN A 192.0.2.25', '_dmarc IN TXT "v=DMARC1; p=none"']), RULE);
});

test('silent when DMARC and a DKIM key (or a CNAME-delegated selector) are published', () => {
  expectRanges(zone(['@ IN TXT "v=spf1 mx -all"', '@ IN MX 10 mail', 'mail IN A 192.0.2.25', '_dmarc IN TXT "v=DMARC1; p=reject"', KEY]), RULE);
  expectRanges(zone(['@ IN TXT "v=spf1 include:_spf.example.net -all"', '_dmarc IN TXT "v=DMARC1; p=none"', 's1._domainkey IN CNAME s1.dkim.example.net.']), RULE);
});

test('domains that send nothing are not senders: v=spf1 -all, null MX, SPF building blocks, underscore names', () => {
  const text = zone([
    '@ IN TXT "v=spf1 include:_spf.example.jp include:spf2.example.jp -all"',
    '_dmarc IN TXT "v=DMARC1; p=none"',
    KEY,
    '_spf IN TXT "v=spf1 ip4:192.0.2.0/24 -all"',
    'spf2 IN TXT "v=spf1 ip4:198.51.100.0/24 -all"',
    'parked IN TXT "v=spf1 -all"',
    'nomail IN MX 0 .',
  ]);
  assert.deepEqual(statuses(text).map(([d]) => d), ['example.jp.']);
  expectRanges(text, RULE);
});

test('wildcards, single-label names and the root are not senders', () => {
  expectRanges(zone(['* IN MX 10 mail.example.jp.', '*.sub IN TXT "v=spf1 mx -all"', '_dmarc IN TXT "v=DMARC1; p=none"', KEY, '@ IN TXT "v=spf1 -all"']), RULE);
  expectRanges(zone(['mail. IN MX 10 mail.example.jp.', 'mail. IN TXT "v=spf1 mx -all"', '. IN MX 0 x.example.jp.']), RULE);
});

test('a subdomain is covered by the organisational domain\'s DMARC, but needs its own DKIM key', () => {
  const text = zone(['@ IN TXT "v=spf1 mx -all"', '_dmarc IN TXT "v=DMARC1; p=quarantine; sp=reject"', KEY, '[[news]] IN TXT "v=spf1 ip4:192.0.2.80 -all"']);
  const { found, text: plain } = expectRanges(text, RULE);
  assert.deepEqual(found[0].data, { domain: 'news.example.jp.', missing: ['dkim'] });
  assert.deepEqual(statuses(plain)[1], ['news.example.jp.', { spf: 'met', dkim: 'unmet', dmarc: 'met', alignment: 'met', fcrdns: 'outside' }]);
});

test('checklist: invalid SPF, misspelt DMARC, multiple DMARC; alignment needs SPF or DKIM of the domain itself', () => {
  assert.deepEqual(statuses(zone(['@ IN TXT "v=spf1 ip4:192.0.2.300 -all"', '_dmarc IN TXT "v=DMARC1; p=none"']))[0][1], {
    spf: 'unmet',
    dkim: 'unmet',
    dmarc: 'met',
    alignment: 'unmet',
    fcrdns: 'outside',
  });
  const misspelt = zone(['@ IN TXT "v=spf1 mx -all"', '_dmarc IN TXT "v=DMARC; p=none"', KEY]);
  assert.equal((statuses(misspelt)[0][1] as Record<string, string>).dmarc, 'unmet');
  // A DMARC record that is there but broken is the dmarc-* rules' business, not a "missing" finding.
  expectRanges(misspelt, RULE);
  const two = zone(['@ IN TXT "v=spf1 mx -all"', '_dmarc IN TXT "v=DMARC1; p=none"', '_dmarc IN TXT "v=DMARC1; p=reject"', KEY]);
  assert.equal((statuses(two)[0][1] as Record<string, string>).dmarc, 'unmet');
});

test('the fix appends a starter DMARC record at the end of the file; it validates and only DKIM stays missing', () => {
  const text = zone(['@ IN TXT "v=spf1 mx -all"', '@ IN MX 10 mail', '  IN A 192.0.2.25', 'mail IN A 192.0.2.25']);
  const fixed = applyFix(text, RULE, 'Add a starter DMARC record for example.jp. (p=none, reports to dmarc-reports@example.jp)');
  assert.equal(fixed, text + '_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.jp"\n');
  const after = findingsOf(fixed, RULE);
  assert.deepEqual(after.map((f) => f.data), [{ domain: 'example.jp.', missing: ['dkim'] }]);
  const problems = validate(parseDocument('zone', fixed), makeContext()).filter((f) => f.rule.startsWith('dmarc-') && f.severity !== 'info' && f.severity !== 'hint');
  assert.deepEqual(problems, []);
});

test('the starter record is written relative to the origin in effect at the end, and after a missing final newline', () => {
  const text = zone(['@ IN TXT "v=spf1 mx -all"', '$ORIGIN sub.example.jp.', 'x IN A 192.0.2.1']).trimEnd();
  const fixed = applyFix(text, RULE, 'Add a starter DMARC record for example.jp. (p=none, reports to dmarc-reports@example.jp)');
  assert.equal(fixed, text + '\n_dmarc.example.jp. IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.jp"\n');
  assert.deepEqual(findingsOf(fixed, RULE).map((f) => f.data), [{ domain: 'example.jp.', missing: ['dkim'] }]);
});

test('no DMARC fix when only the DKIM key is missing', () => {
  const text = zone(['@ IN TXT "v=spf1 mx -all"', '_dmarc IN TXT "v=DMARC1; p=none"']);
  const doc = parseDocument('zone', text);
  const [f] = validate(doc, makeContext()).filter((x) => x.rule === RULE);
  assert.ok(f);
  assert.deepEqual(quickFixes(doc, f, makeContext()), []);
});

test('hover on the SOA owner shows the checklist after the owner\'s own hover', () => {
  const text = zone(['@ IN TXT "v=spf1 mx -all"', '_dmarc IN TXT "v=DMARC1; p=none"']);
  const soaOwner = text.indexOf('@ IN SOA');
  const h = hover(parseDocument('zone', text), soaOwner, makeContext());
  assert.ok(h);
  assert.match(h.contents, /^\*\*Owner\*\* `example\.jp\.`/);
  assert.match(h.contents, /\*\*Sender requirements\*\*/);
  assert.match(h.contents, /`example\.jp\.` — 3 of 4 met in this zone/);
  assert.match(h.contents, /\| \*\*not met\*\* \| DKIM key published \|/);
  assert.match(h.contents, /\| outside the zone \| Forward-confirmed reverse DNS/);
  const none = zone(['www IN A 192.0.2.1']);
  assert.match(hover(parseDocument('zone', none), none.indexOf('@ IN SOA'), makeContext())!.contents, /No domain of this zone sends mail/);
});
