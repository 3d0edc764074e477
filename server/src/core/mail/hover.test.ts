import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hover, makeContext, parseDocument } from '../engine';
import { markers } from '../testing';
import { BIMI_DOCS } from './bimi/tags';
import { DMARC_DOCS } from './dmarc/tags';
import { MTA_STS_DOCS, TLS_RPT_DOCS } from './smtptls/tags';

/** Hover at the `|` of a zone fixture; `[[…]]` marks the expected hover range. */
function at(lines: string[]): { contents: string } {
  const fixture = ['$ORIGIN example.jp.', '$TTL 1h', '@ IN SOA ns1 hostmaster 1 3h 15m 1w 1h', ...lines, ''].join('\n');
  const { text, ranges, cursor } = markers(fixture, { cursor: true });
  assert.ok(cursor !== undefined);
  const h = hover(parseDocument('zone', text), cursor, makeContext());
  assert.ok(h, fixture);
  if (ranges.length > 0) assert.deepEqual(h.range, ranges[0], fixture);
  return h;
}

test('DMARC tags: title, values with the written one marked, default, spec section', () => {
  const p = at(['_dmarc IN TXT "v=DMARC1; [[|p]]=reject; rua=mailto:d@example.jp"']);
  assert.match(p.contents, /\*\*p=\*\* — Requested policy \(DMARC policy record\)/);
  assert.match(p.contents, /\| `reject` ◀ \|/);
  assert.match(p.contents, /6\.6\.3/);
  assert.match(p.contents, /\[RFC 7489 §6\.3\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc7489#section-6\.3\)/);
  const fo = at(['_dmarc IN TXT "v=DMARC1; p=none; [[fo=|1]]"']);
  assert.match(fo.contents, /Failure reporting options/);
  assert.match(fo.contents, /\*\*Default:\*\* `0`/);
  const np = at(['_dmarc IN TXT "v=DMARC1; p=none; [[n|p]]=reject"']);
  assert.match(np.contents, /Non-existent subdomain policy/);
  assert.match(np.contents, /DMARCbis/);
  const pct = at(['_dmarc IN TXT "v=DMARC1; p=none; [[p|ct]]=50"']);
  assert.match(pct.contents, /removed in DMARCbis/);
});

test('MTA-STS, TLS-RPT and BIMI tags', () => {
  assert.match(at(['_mta-sts IN TXT "v=STSv1; [[i|d]]=20240131"']).contents, /Policy id.*MTA-STS/);
  assert.match(at(['_smtp._tls IN TXT "v=TLSRPTv1; [[r|ua]]=mailto:t@example.jp"']).contents, /Report destinations.*SMTP TLS reporting/);
  const l = at(['default._bimi IN TXT "v=BIMI1; [[|l]]=https://example.jp/l.svg"']);
  assert.match(l.contents, /Logo location/);
  assert.match(l.contents, /BIMI draft §4\.2/);
  assert.match(at(['default._bimi IN TXT "v=BIMI1; l=; [[av|p]]=brand"']).contents, /\| `brand` ◀ \|/);
});

test('every tag of the four kinds has complete documentation', () => {
  const expected: [typeof DMARC_DOCS, string[]][] = [
    [DMARC_DOCS, ['v', 'p', 'sp', 'np', 'rua', 'ruf', 'adkim', 'aspf', 'fo', 'pct', 'rf', 'ri', 'psd', 't']],
    [MTA_STS_DOCS, ['v', 'id']],
    [TLS_RPT_DOCS, ['v', 'rua']],
    [BIMI_DOCS, ['v', 'l', 'a', 'avp']],
  ];
  for (const [docs, tags] of expected) {
    assert.deepEqual(Object.keys(docs.tags).sort(), [...tags].sort(), docs.name);
    for (const [name, d] of Object.entries(docs.tags)) {
      assert.ok(d.title && d.doc && d.spec.label && d.spec.url.startsWith('https://') && d.example?.startsWith(`${name}=`), `${docs.name} ${name}`);
    }
  }
});

test('an unknown tag says receivers ignore it; the record hover lists the tags', () => {
  assert.match(at(['_dmarc IN TXT "v=DMARC1; p=none; [[x|yz]]=1"']).contents, /not a tag of the DMARC policy record/);
  const rec = at(['_mta-sts IN TXT |"v=STSv1; id=1"']);
  assert.match(rec.contents, /MTA-STS policy indicator\*\* for `example\.jp\.`/);
  assert.match(rec.contents, /\| `id` \| `1` \| Policy id \|/);
});
