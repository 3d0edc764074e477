import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, zone } from '../../dmarc/testkit';

test('mta-sts-multiple-records: every v=STSv1 record after the first', () => {
  const { found } = expectRanges(zone(['_mta-sts IN TXT "v=STSv1; id=1"', '_mta-sts IN TXT [["v=STSv1; id=2"]]', '_mta-sts IN TXT "v=STSv2; id=3"']), 'mta-sts-multiple-records');
  assert.match(found[0].message, /_mta-sts\.example\.jp has 2 MTA-STS records.*as if there were none \(RFC 8461 §3\.1\)/);
  assert.equal(found[0].severity, 'error');
  expectRanges(zone(['_mta-sts IN TXT "v=STSv1; id=1"', '_mta-sts.sub IN TXT "v=STSv1; id=1"']), 'mta-sts-multiple-records');
});

test('tls-rpt-multiple-records: every v=TLSRPTv1 record after the first', () => {
  const { found } = expectRanges(
    zone(['_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:a@example.jp"', '_smtp._tls IN TXT [["v=TLSRPTv1; rua=mailto:b@example.jp"]]', '_smtp._tls IN TXT "hello"']),
    'tls-rpt-multiple-records',
  );
  assert.match(found[0].message, /2 TLS-RPT records.*RFC 8460 §3/);
});
