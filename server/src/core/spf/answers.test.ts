import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hover, makeContext, parseDocument, validate } from '../engine';
import { DEFAULT_SETTINGS } from '../settings';
import type { ZoneModel } from '../zone/model';
import { DnsAnswers } from './answers';
import { lookupAnalyses } from './lookups';

const ZONE = [
  '$ORIGIN example.jp.',
  '@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5',
  '@ IN TXT "v=spf1 mx include:_spf.provider.test -all"',
  '@ IN MX 10 mail',
  'mail IN A 203.0.113.25',
  '',
].join('\n');

const txt = (name: string, value: string) => ({ name, type: 'TXT' as const, result: { records: [[value]] } });
const ctxWith = (answers?: DnsAnswers) => makeContext(DEFAULT_SETTINGS, answers ? { dnsAnswers: answers } : {});

test('answers are keyed case-insensitively, without the trailing dot, and never change once built', () => {
  const a = DnsAnswers.of([txt('_SPF.Provider.test.', 'v=spf1 -all')]);
  assert.deepEqual(a.lookup('_spf.provider.test', 'TXT'), { records: [['v=spf1 -all']] });
  assert.equal(a.lookup('_spf.provider.test', 'A'), undefined);
  const b = a.with([{ name: 'x.test', type: 'A', result: { error: 'nxdomain' } }]);
  assert.equal(a.size, 1);
  assert.equal(b.size, 2);
  assert.equal(DnsAnswers.EMPTY.size, 0);
});

test('without answers an external include is one lookup, not expanded', () => {
  const doc = parseDocument('zone', ZONE);
  const [{ analysis }] = lookupAnalyses(doc.model as ZoneModel, ctxWith());
  assert.equal(analysis.total, 2);
  assert.equal(analysis.terms[1].status, 'external');
});

test('with live answers the include is expanded, through includes of includes, and counted', () => {
  const doc = parseDocument('zone', ZONE);
  const answers = DnsAnswers.of([
    txt('_spf.provider.test', 'v=spf1 a:a.provider.test include:_more.provider.test ~all'),
    txt('_more.provider.test', 'v=spf1 a a a a a a a a -all'),
  ]);
  const [{ analysis }] = lookupAnalyses(doc.model as ZoneModel, ctxWith(answers));
  // mx + include (1 + a + include (1 + 8)) = 12
  assert.equal(analysis.total, 12);
  const inc = analysis.terms[1];
  assert.equal(inc.status, 'expanded');
  assert.equal(inc.live, true);
  assert.deepEqual(inc.children.map((c) => c.text), ['a:a.provider.test', 'include:_more.provider.test']);
  assert.equal(inc.children[1].children.length, 8);

  const found = validate(doc, ctxWith(answers)).filter((f) => f.rule === 'spf-lookup-limit');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /needs 12 DNS lookups/);
  assert.equal(ZONE.slice(found[0].range.start, found[0].range.end), 'include:_spf.provider.test');
  assert.deepEqual(validate(doc, ctxWith()).filter((f) => f.rule === 'spf-lookup-limit'), []);
});

test('hover on v=spf1 shows the tree from live DNS; failures and missing records are named', () => {
  const doc = parseDocument('zone', ZONE);
  const at = ZONE.indexOf('v=spf1') + 1;
  const offline = hover(doc, at, ctxWith())!;
  assert.match(offline.contents, /not expanded: outside the zone files/);
  const live = hover(doc, at, ctxWith(DnsAnswers.of([txt('_spf.provider.test', 'v=spf1 a mx -all')])))!;
  assert.match(live.contents, /`include:_spf\.provider\.test` — 3 lookups; record from live DNS/);
  assert.match(live.contents, /\*\*DNS lookups:\*\* 4 of 10 .*targets in the zone files and live DNS add/);
  assert.doesNotMatch(offline.contents, /and live DNS/);
  assert.match(live.contents, /\n {2}- `a` — 1 lookup/);
  assert.match(live.contents, /\n {2}- `mx` — 1 lookup/);
  const failed = hover(doc, at, ctxWith(DnsAnswers.of([{ name: '_spf.provider.test', type: 'TXT', result: { error: 'timeout', detail: 'no answer within 500 ms' } }])))!;
  assert.match(failed.contents, /1 lookup; not expanded: live DNS gave no answer \(no answer within 500 ms\)/);
  const nx = hover(doc, at, ctxWith(DnsAnswers.of([{ name: '_spf.provider.test', type: 'TXT', result: { error: 'nxdomain' } }])))!;
  assert.match(nx.contents, /no SPF record there \(permerror\); from live DNS/);
});

test('names inside the zone files are answered by the zones, never by the answers', () => {
  const text = ZONE.replace('include:_spf.provider.test', 'include:_spf.example.jp') + '_spf IN TXT "v=spf1 ip4:192.0.2.0/24 -all"\n';
  const doc = parseDocument('zone', text);
  const answers = DnsAnswers.of([txt('_spf.example.jp', 'v=spf1 a a a a a a a a a a -all')]);
  const [{ analysis }] = lookupAnalyses(doc.model as ZoneModel, ctxWith(answers));
  assert.equal(analysis.total, 2);
  assert.equal(analysis.terms[1].live, undefined);
});
