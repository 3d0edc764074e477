import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectRanges, withZones, zone } from './testkit';

const RULE = 'spf-unresolved-target';

test('include/redirect targets without an SPF record, and a/mx/exists targets without records', () => {
  const { found } = expectRanges(
    zone([
      '@ IN TXT "v=spf1 [[include:_spf.example.jp]] [[a:old.example.jp]] [[mx:mail.example.jp]] [[exists:gone.example.jp]] [[redirect=_r.example.jp]]"',
      '_spf IN TXT "not spf"',
      'mail IN A 192.0.2.1',
      '_r IN TXT "v=spf1 -all"',
      '_r IN TXT "v=spf1 ~all"',
    ]),
    RULE,
  );
  assert.deepEqual(
    found.map((f) => f.message),
    [
      "'include:_spf.example.jp': _spf.example.jp has no SPF record in the zone files, so evaluating this record ends in permerror (RFC 7208 §5.2)",
      "'a:old.example.jp' never matches: old.example.jp does not exist in the zone files",
      "'mx:mail.example.jp' never matches: mail.example.jp has no MX records in the zone files",
      "'exists:gone.example.jp' never matches: gone.example.jp does not exist in the zone files",
      "'redirect=_r.example.jp': _r.example.jp has several SPF records, so evaluating this record ends in permerror (RFC 7208 §6.1)",
    ],
  );
});

test('names outside the zone files, macro names and resolving names are not reported', () => {
  expectRanges(
    zone([
      '@ IN TXT "v=spf1 a mx include:_spf.example.net exists:%{i}.x.example.jp a:%{d} -all"',
      '@ IN A 192.0.2.1',
      '@ IN MX 10 @',
    ]),
    RULE,
  );
  // A snippet without SOA cannot show that a name is missing.
  expectRanges('$ORIGIN example.jp.\n@ IN TXT "v=spf1 a:old.example.jp mx -all"\n', RULE);
});

test('targets in other zone files of the workspace are resolved', () => {
  const other = zone(['_spf IN TXT "v=spf1 ip4:198.51.100.0/24 -all"'], 'example.net');
  const text = zone(['@ IN TXT "v=spf1 include:_spf.example.net [[include:_nope.example.net]] -all"']);
  expectRanges(text, RULE, withZones(other));
});
