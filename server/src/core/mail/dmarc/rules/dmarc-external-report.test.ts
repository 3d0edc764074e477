import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, withZones, zone } from '../testkit';

const RULE = 'dmarc-external-report';

const other = (lines: string[]): string => zone(lines, 'example.net');

test('reports to a workspace zone without the authorisation record are reported, naming it', () => {
  const ctx = withZones(other(['@ IN MX 10 mail', 'mail IN A 192.0.2.1']));
  const { found } = expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=none; rua=[[mailto:d@example.net]]; ruf=[[mailto:f@example.net!5m]]"']), RULE, ctx);
  assert.match(found[0].message, /Aggregate reports about example\.jp go to example\.net.*example\.jp\._report\._dmarc\.example\.net\. IN TXT "v=DMARC1" \(RFC 7489 §7\.1\)/);
  assert.match(found[1].message, /Failure reports/);
  assert.equal(found[0].severity, 'warning');
});

test('an authorisation record (exact or wildcard) silences it; a wrong one does not', () => {
  const rua = '_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:d@example.net"';
  expectRanges(zone([rua]), RULE, withZones(other(['example.jp._report._dmarc IN TXT "v=DMARC1"'])));
  expectRanges(zone([rua]), RULE, withZones(other(['*._report._dmarc IN TXT "v=DMARC1"'])));
  expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=none; rua=[[mailto:d@example.net]]"']), RULE, withZones(other(['example.jp._report._dmarc IN TXT "hello"'])));
});

test('the other domain\'s zone may be this document itself (a file holding two zones)', () => {
  // Both zones in one document: the report zone is the document itself.
  const text = [
    '$ORIGIN example.jp.',
    '$TTL 1h',
    '@ IN SOA ns1 hostmaster 1 3h 15m 1w 1h',
    '_dmarc IN TXT "v=DMARC1; p=none; rua=[[mailto:d@example.org]]"',
    '$ORIGIN example.org.',
    '@ IN SOA ns1 hostmaster 1 3h 15m 1w 1h',
    '',
  ].join('\n');
  expectRanges(text, RULE);
});

test('quiet: the same domain or organisation, or a domain whose zone is not in the workspace', () => {
  expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:d@example.jp,mailto:e@reports.example.jp"']), RULE);
  expectRanges(zone(['_dmarc.shop IN TXT "v=DMARC1; p=none; rua=mailto:d@example.jp,mailto:e@mail.example.jp"']), RULE);
  expectRanges(zone(['_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:d@reports.example.com"']), RULE, withZones(other([])));
});
