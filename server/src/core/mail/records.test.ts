import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../engine';
import { zone } from '../spf/rules/testkit';
import type { ZoneModel } from '../zone/model';
import { docRange, kindOfOwner, kindOfValue, mailAt, mailRecords } from './records';

const model = (lines: string[]): ZoneModel => parseDocument('zone', zone(lines)).model as ZoneModel;

test('owner names give the kind, the domain and the selector', () => {
  assert.deepEqual(kindOfOwner('_dmarc.example.jp.'), { kind: 'dmarc', domain: 'example.jp.' });
  assert.deepEqual(kindOfOwner('s1.mail._domainkey.example.jp.'), { kind: 'dkim', domain: 'example.jp.', selector: 's1.mail' });
  assert.deepEqual(kindOfOwner('_mta-sts.example.jp.'), { kind: 'mta-sts', domain: 'example.jp.' });
  assert.deepEqual(kindOfOwner('_smtp._tls.example.jp.'), { kind: 'tls-rpt', domain: 'example.jp.' });
  assert.deepEqual(kindOfOwner('default._bimi.example.jp.'), { kind: 'bimi', domain: 'example.jp.', selector: 'default' });
  assert.deepEqual(kindOfOwner('example.com._report._dmarc.example.jp.'), {
    kind: 'dmarc-report-auth',
    domain: 'example.jp.',
    reportedDomain: 'example.com.',
  });
  assert.equal(kindOfOwner('www.example.jp.'), undefined);
  assert.equal(kindOfOwner('_sip._tcp.example.jp.'), undefined);
});

test('version tags: exact, wrong case, near misses, run-ons; SPF and prose are not mail records', () => {
  assert.deepEqual(kindOfValue('v=DMARC1; p=none'), { kind: 'dmarc', version: { state: 'ok', span: { start: 0, end: 8 }, written: 'v=DMARC1' } });
  assert.equal(kindOfValue('v=dmarc1; p=none')?.version.state, 'case');
  assert.equal(kindOfValue('v=DMARC; p=none')?.version.state, 'typo');
  assert.equal(kindOfValue('v:DMARC1; p=none')?.version.state, 'typo');
  // RFC 7489's grammar allows blanks around '=' and a capital V; the value itself is exact.
  assert.equal(kindOfValue('v = DMARC1; p=none')?.version.state, 'ok');
  assert.equal(kindOfValue('V=DMARC1; p=none')?.version.state, 'ok');
  assert.equal(kindOfValue('V = dmarc1; p=none')?.version.state, 'typo');
  assert.equal(kindOfValue('v = STSv1; id=1')?.version.state, 'typo');
  assert.deepEqual(kindOfValue('v=DMARC1 p=none'), { kind: 'dmarc', version: { state: 'typo', span: { start: 0, end: 8 }, written: 'v=DMARC1' } });
  assert.equal(kindOfValue('v=STSv1; id=20240101')?.kind, 'mta-sts');
  assert.equal(kindOfValue('v=TLSRPTv1; rua=mailto:t@example.jp')?.kind, 'tls-rpt');
  assert.equal(kindOfValue('v=BIMI1; l=https://example.jp/l.svg')?.kind, 'bimi');
  assert.equal(kindOfValue('v=DKIM1; k=rsa; p=')?.kind, 'dkim');
  assert.equal(kindOfValue('v=spf1 mx -all'), undefined);
  assert.equal(kindOfValue('very long text'), undefined);
  assert.equal(kindOfValue('google-site-verification=abc'), undefined);
});

test('mailRecords finds records by owner and misplaced ones by value, with ranges in the document', () => {
  const m = model([
    '_dmarc IN TXT "v=DMARC1; p=none; " "rua=mailto:d@example.jp"',
    'sel._domainkey IN TXT "k=rsa; p=MIIB"',
    '@ IN TXT "v=DMARC1; p=reject"',
    '@ IN TXT "v=spf1 mx -all"',
    'www IN TXT "hello"',
  ]);
  const found = mailRecords(m);
  assert.deepEqual(
    found.map((r) => [r.kind, r.record.owner, r.domain, r.version.state, r.ownerKind ?? null, r.valueKind ?? null]),
    [
      ['dmarc', '_dmarc.example.jp.', 'example.jp.', 'ok', 'dmarc', 'dmarc'],
      ['dkim', 'sel._domainkey.example.jp.', 'example.jp.', 'missing', 'dkim', null],
      ['dmarc', 'example.jp.', 'example.jp.', 'ok', null, 'dmarc'],
    ],
  );
  const rua = found[0].tags.find((t) => t.name === 'rua')!;
  const r = docRange(found[0], rua.valueSpan);
  assert.equal(m.text.slice(r.start, r.end), 'mailto:d@example.jp');
  const at = mailAt(m, r.start + 2);
  assert.equal(at?.tag?.name, 'rua');
  assert.equal(at?.on, 'value');
});
