import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, expectRanges, ruleIds, zone } from '../../dmarc/testkit';

const RULE = 'mta-sts-without-tls-rpt';
const MX = ['@ IN MX 10 mail', 'mail IN A 192.0.2.25'];

test('MTA-STS without TLS-RPT: an info whose fix adds a starter record that validates', () => {
  const { text, found } = expectRanges(zone([...MX, '_mta-sts IN TXT [["v=STSv1; id=20240131"]]', 'www IN A 192.0.2.1']), RULE);
  assert.equal(found[0].severity, 'info');
  assert.match(found[0].message, /no TLS-RPT record at _smtp\._tls\.example\.jp/);
  const out = applyFix(text, RULE, 'Add a TLS-RPT record at _smtp._tls.example.jp (reports to tls-reports@example.jp)');
  assert.equal(
    out,
    zone([...MX, '_mta-sts IN TXT "v=STSv1; id=20240131"', '_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:tls-reports@example.jp"', 'www IN A 192.0.2.1']),
  );
  assert.deepEqual(ruleIds(out, ['mta-sts-', 'tls-rpt-']), []);
});

test('the starter record goes after records that inherit the owner, relative to the origin there', () => {
  const { text } = expectRanges(zone(['_mta-sts.shop IN TXT [["v=STSv1; id=1"]]', '  IN A 192.0.2.9', 'shop IN MX 10 mail', 'mail IN A 192.0.2.25']), RULE);
  const out = applyFix(text, RULE, 'Add a TLS-RPT record at _smtp._tls.shop.example.jp (reports to tls-reports@shop.example.jp)');
  assert.equal(
    out,
    zone(['_mta-sts.shop IN TXT "v=STSv1; id=1"', '  IN A 192.0.2.9', '_smtp._tls.shop IN TXT "v=TLSRPTv1; rua=mailto:tls-reports@shop.example.jp"', 'shop IN MX 10 mail', 'mail IN A 192.0.2.25']),
  );
  assert.deepEqual(ruleIds(out, ['mta-sts-', 'tls-rpt-']), []);
});

test('quiet when a TLS-RPT record exists', () => {
  expectRanges(zone([...MX, '_mta-sts IN TXT "v=STSv1; id=1"', '_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:t@example.jp"']), RULE);
});
