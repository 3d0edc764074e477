import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, withZones, zone } from '../../dmarc/testkit';

const RULE = 'mta-sts-no-mx';

test('a domain with MTA-STS and no MX, or a null MX, is warned about', () => {
  const { found } = expectRanges(zone(['_mta-sts IN TXT [["v=STSv1; id=1"]]', 'www IN A 192.0.2.1']), RULE);
  assert.equal(found[0].severity, 'warning');
  assert.match(found[0].message, /example\.jp has no MX record/);
  const nul = expectRanges(zone(['@ IN MX 0 .', '_mta-sts IN TXT [["v=STSv1; id=1"]]']), RULE);
  assert.match(nul.found[0].message, /null MX/);
  expectRanges(zone(['_mta-sts.shop IN TXT [["v=STSv1; id=1"]]']), RULE);
});

test('quiet with MX records, for invalid records, and when the zone is not known', () => {
  expectRanges(zone(['@ IN MX 10 mail', 'mail IN A 192.0.2.25', '_mta-sts IN TXT "v=STSv1; id=1"']), RULE);
  expectRanges(zone(['_mta-sts IN TXT "v=STSv2; id=1"']), RULE);
  // A fragment without SOA: the domain's other records may be elsewhere.
  expectRanges('$ORIGIN example.jp.\n_mta-sts IN TXT "v=STSv1; id=1"\n', RULE, withZones());
});
