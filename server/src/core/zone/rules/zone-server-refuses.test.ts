import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext, parseDocument, quickFixes, validate } from '../../engine';
import { DEFAULT_SETTINGS } from '../../settings';
import { applyEdits, markers } from '../../testing';
import type { Finding } from '../../types';
import { DIALECT_POINTS, ZONE_SERVERS, type DialectPointId, type ZoneServer } from '../servers';
import { HEAD } from './testkit';

const ctxFor = (server: ZoneServer) => makeContext({ ...DEFAULT_SETTINGS, zone: { server } });

function findings(text: string, server: ZoneServer): Finding[] {
  return validate(parseDocument('zone', text), ctxFor(server));
}

/** What each server's profile gives on the marked spot: the rule and its severity, or nothing. */
type Outcome = 'refused' | 'warned' | 'nothing' | `error:${string}`;

interface Case {
  point: DialectPointId;
  fixture: string;
  bind: Outcome;
  knot: Outcome;
  powerdns: Outcome;
}

const NOTTL = '$ORIGIN example.com.\n@ 3600 SOA ns1 hostmaster 1 2h 15m 1w 300\n@ 3600 NS ns1\nns1 3600 A 192.0.2.1\n';
const DIGEST = 'A'.repeat(64);
const KNOT_ONLY = { bind: 'warned', knot: 'refused', powerdns: 'warned' } as const;
const BIND_ONLY = { bind: 'refused', knot: 'warned', powerdns: 'warned' } as const;
const PDNS_ONLY = { bind: 'warned', knot: 'warned', powerdns: 'refused' } as const;
const KNOT_ZONE = { bind: 'nothing', knot: 'refused', powerdns: 'nothing' } as const;
const PDNS_ACCEPTS = (rule: string) => ({ bind: `error:${rule}`, knot: `error:${rule}`, powerdns: 'warned' }) as const;

/** One fixture per dialect point: the three outcomes (default bind, knot, powerdns). */
const CASES: Case[] = [
  { point: 'relative-origin', fixture: HEAD + '$ORIGIN [[sub]]\nwww A 192.0.2.1\n', ...KNOT_ONLY },
  { point: 'relative-include-origin', fixture: HEAD + '$INCLUDE part.db [[other]]\n', ...KNOT_ONLY },
  { point: 'class', fixture: HEAD + 'b [[CLASS1]] A 192.0.2.2\n', ...KNOT_ONLY },
  { point: 'name-character', fixture: HEAD + '_sip[[+]]d2t._tcp SRV 0 0 5060 ns1\n', ...KNOT_ONLY },
  { point: 'nested-parenthesis', fixture: HEAD + 'a TXT ( "x" [[(]] "y" ) )\n', ...KNOT_ONLY },
  { point: 'base64-split', fixture: HEAD + 'k DNSKEY 256 3 8 ( AwEAAcw5 [[QLr0Jf8Zx]] XUgAA== )\n', ...KNOT_ONLY },
  { point: 'crlf-line-ending', fixture: '$ORIGIN example.com.[[\r\n]]$TTL 1h\r\n@ SOA ns1 hostmaster 1 2h 15m 1w 300\r\n@ NS ns1\r\nns1 A 192.0.2.1\r\n', ...KNOT_ZONE },
  { point: 'sshfp-empty-fingerprint', fixture: HEAD + 'ns1 SSHFP 1 [[0]]\n', ...KNOT_ONLY },
  { point: 'rrsig-date-after-2225', fixture: HEAD + 'ns1 RRSIG A 13 3 3600 [[22260101000000]] 20250101000000 1 example.com. c2lnbmF0dXJl\n', ...KNOT_ONLY },
  { point: 'nsec3-hash-partial-block', fixture: HEAD + 'ns1 NSEC3 2 0 0 - [[CPNMUOJ]] A\n', ...KNOT_ONLY },
  { point: 'nsec3-hash-padding', fixture: HEAD + 'ns1 NSEC3 1 0 0 - [[CPNMU===]] A\n', ...BIND_ONLY },
  { point: 'nsec3-sha1-hash-length', fixture: HEAD + 'ns1 NSEC3 1 0 0 - [[CPNMUOJ1CPNMUOJ1]] A\n', ...BIND_ONLY },
  { point: 'nsec3-owner-padding', fixture: HEAD + '[[CPNMU===]] NSEC3 1 0 0 - CPNMUOJ1CPNMUOJ1CPNMUOJ1CPNMUOJ1 A\n', ...BIND_ONLY },
  { point: 'rdata-over-message', fixture: HEAD + `t TXT [[${`"${'x'.repeat(255)}" `.repeat(255)}"${'y'.repeat(232)}"]]\n`, ...BIND_ONLY },
  { point: 'txt-unquoted', fixture: HEAD + 't TXT [[v=spf1]] "-all"\n', ...PDNS_ONLY },
  { point: 'l64-short-group', fixture: HEAD + 'ns1 L64 10 [[2001:db8:1140:100]]\n', ...KNOT_ONLY },
  { point: 'cds-without-cdnskey', fixture: HEAD + `@ [[CDS]] 2371 13 2 ${DIGEST}\n`, ...KNOT_ZONE },
  { point: 'ns-beside-dname', fixture: HEAD + 'foo DNAME bar.example.net.\nfoo [[NS]] ns1\n', ...KNOT_ZONE },
  {
    point: 'txt-string-over-255',
    fixture: HEAD + `t TXT [["${'x'.repeat(256)}"]]\n`,
    bind: 'error:zone-txt-too-long',
    knot: 'warned',
    powerdns: 'warned',
  },
  { point: 'missing-ttl', fixture: '$ORIGIN example.com.\nwww [[A]] 192.0.2.9\n' + NOTTL.slice('$ORIGIN example.com.\n'.length), bind: 'error:zone-missing-ttl', knot: 'warned', powerdns: 'error:zone-missing-ttl' },
  {
    point: 'loc-latitude-over-90',
    fixture: HEAD + 'l LOC [[90]] 59 59.999 S 100 W 10m\n',
    bind: 'error:zone-bad-rdata',
    knot: 'warned',
    powerdns: 'error:zone-bad-rdata',
  },
  { point: 'loc-missing-altitude', fixture: HEAD + 'l LOC 32 7 19 S 116 2 25 [[E]]\n', ...PDNS_ACCEPTS('zone-bad-rdata') },
  { point: 'loc-seconds-60', fixture: HEAD + 'l LOC 51 11 [[60.000]] N 2 12 5.080 W 0.00m\n', ...PDNS_ACCEPTS('zone-bad-rdata') },
  { point: 'ipseckey-missing-gateway', fixture: HEAD + 'i IPSECKEY 255 0 [[0]]\n', ...PDNS_ACCEPTS('zone-bad-rdata') },
  { point: 'svcb-mandatory-absent-key', fixture: HEAD + 's SVCB 1 ns1 [[mandatory=alpn]] port=53\n', ...PDNS_ACCEPTS('zone-bad-rdata') },
  {
    point: 'svcb-no-default-alpn-alone',
    fixture: HEAD + 's SVCB 1 ns1 [[no-default-alpn]]\n',
    bind: 'error:zone-bad-rdata',
    knot: 'warned',
    powerdns: 'warned',
  },
  { point: 'svcb-alpn-id-over-255', fixture: HEAD + `s SVCB 1 ns1 [[alpn=${'x'.repeat(256)}]]\n`, ...PDNS_ACCEPTS('zone-bad-rdata') },
  { point: 'svcb-dohpath-unchecked', fixture: HEAD + 's SVCB 1 ns1 alpn=h2 [[dohpath=path]]\n', ...PDNS_ACCEPTS('zone-bad-rdata') },
  { point: 'svcb-key-leading-zero', fixture: HEAD + 's SVCB 1 ns1 [[key0998=foo]]\n', ...PDNS_ACCEPTS('zone-bad-rdata') },
  { point: 'short-decimal-escape', fixture: HEAD + 'n NAPTR 100 10 "" "" "/(.*)$/[[\\2]]/i" .\n', ...PDNS_ACCEPTS('zone-syntax') },
  { point: 'zonemd-digest-length', fixture: HEAD + `@ ZONEMD 1 1 1 [[${'AB'.repeat(20)}]]\n`, ...PDNS_ACCEPTS('zone-bad-rdata') },
  { point: 'tsig-tkey-record', fixture: HEAD + 't [[TSIG]] HMAC-MD5.SIG-ALG.REG.INT. 1368386956 60 16 dGVzdA== 1 0 0\n', ...PDNS_ACCEPTS('zone-syntax') },
];

const DIALECT_RULES = new Set(['zone-server-refuses', 'zone-portability', 'zone-txt-too-long', 'zone-bad-rdata', 'zone-missing-ttl', 'zone-syntax']);

/** The outcome on the marked range: the dialect-related findings there. */
function outcome(found: Finding[], point: DialectPointId): Outcome[] {
  return found.map((f): Outcome => {
    if (f.rule === 'zone-server-refuses') {
      assert.equal(f.severity, 'error');
      assert.equal((f.data as { construct: string }).construct, point);
      return 'refused';
    }
    if (f.rule === 'zone-portability') {
      assert.equal(f.severity, 'warning');
      assert.equal((f.data as { construct: string }).construct, point);
      return 'warned';
    }
    assert.equal(f.severity, 'error');
    return `error:${f.rule}`;
  });
}

test('zone-server-refuses: every dialect point has a fixture', () => {
  assert.deepEqual(CASES.map((c) => c.point).sort(), DIALECT_POINTS.map((p) => p.id).sort());
});

for (const c of CASES) {
  test(`dialect point ${c.point}: bind ${c.bind}, knot ${c.knot}, powerdns ${c.powerdns}`, () => {
    const { text, ranges } = markers(c.fixture);
    assert.equal(ranges.length, 1);
    const [at] = ranges;
    for (const server of ZONE_SERVERS) {
      const all = findings(text, server).filter((f) => DIALECT_RULES.has(f.rule));
      const here = all.filter((f) => f.range.start === at.start && f.range.end === at.end);
      const want = c[server];
      const got = outcome(here, c.point);
      assert.deepEqual(got, want === 'nothing' ? [] : [want], `${server}: ${all.map((f) => `${f.rule} ${f.range.start}-${f.range.end} ${f.message}`).join(' | ')}`);
      // Never twice: no other dialect finding elsewhere for the same construct.
      const elsewhere = all.filter((f) => (f.rule === 'zone-server-refuses' || f.rule === 'zone-portability') && !here.includes(f));
      assert.deepEqual(elsewhere.filter((f) => (f.data as { construct: string }).construct === c.point), [], server);
    }
  });
}

test('zone-server-refuses: the message names the target and says the zone will not load', () => {
  const [f] = findings(HEAD + 'ns1 SSHFP 1 0\n', 'knot').filter((x) => x.rule === 'zone-server-refuses');
  assert.equal(f.message, 'Knot DNS refuses an SSHFP record without a fingerprint; the zone will not load there. Write the fingerprint, or remove the record');
  assert.deepEqual(f.data, { construct: 'sshfp-empty-fingerprint', servers: ['knot'] });
});

test('zone-portability under knot names the servers that refuse what Knot accepts', () => {
  const [f] = findings(HEAD + 's SVCB 1 ns1 no-default-alpn\n', 'knot').filter((x) => x.rule === 'zone-portability');
  assert.equal(
    f.message,
    'BIND refuses SVCB/HTTPS no-default-alpn without alpn (SVCB parameter no-default-alpn: needs alpn as well (RFC 9460 §7.1.1)); Knot DNS keeps the record as written',
  );
  assert.deepEqual(f.data, { construct: 'svcb-no-default-alpn-alone', servers: ['bind'] });
  const [g] = findings(HEAD + 'l LOC 32 7 19 S 116 2 25 E\n', 'powerdns').filter((x) => x.rule === 'zone-portability');
  assert.deepEqual(g.data, { construct: 'loc-missing-altitude', servers: ['bind', 'knot'] });
  assert.match(g.message, /^BIND and Knot DNS refuse a LOC record without its altitude .*; PowerDNS reads the altitude as 0 m$/);
});

test('under a server that accepts a point, the rest of the data is still checked', () => {
  // Seconds 60 accepted under powerdns; the bad altitude after it is still an error.
  const found = findings(HEAD + 'l LOC 51 11 60.000 N 2 12 5.080 W 99999999m\n', 'powerdns').filter((f) => f.rule === 'zone-bad-rdata');
  assert.deepEqual(found.map((f) => f.message), ["LOC altitude: '99999999m' is not -100000–42849672.95 m"]);
  // An IPSECKEY without gateway: the key that follows is read as the key.
  assert.deepEqual(findings(HEAD + 'i IPSECKEY 255 0 1 AQID\n', 'powerdns').filter((f) => f.rule === 'zone-bad-rdata'), []);
  assert.equal(findings(HEAD + 'i IPSECKEY 255 0 1 !!!!\n', 'powerdns').filter((f) => f.rule === 'zone-bad-rdata').length, 1);
});

test('zone-server-refuses under bind reports only what BIND refuses beyond the RFC checks (padded NSEC3 hashes)', () => {
  const text = markers(CASES.map((c) => c.fixture).join('')).text;
  const found = findings(text, 'bind').filter((f) => f.rule === 'zone-server-refuses');
  assert.deepEqual(found.map((f) => (f.data as { construct: string }).construct), ['nsec3-hash-padding', 'nsec3-sha1-hash-length', 'nsec3-owner-padding', 'rdata-over-message']);
  assert.equal(found[0].message, "BIND refuses the NSEC3 next hashed owner name 'CPNMU===' (padded with '='); the zone will not load there. Write it without '=' (a SHA-1 hash is 32 characters, whole blocks on every server)");
});

test('zone-server-refuses fixes: the portable spelling, then the zone passes under knot', () => {
  const text = HEAD + '$ORIGIN Sub\nwww A 192.0.2.1\nx CLASS1 A 192.0.2.3\n';
  const doc = parseDocument('zone', text);
  const ctx = ctxFor('knot');
  let fixed = text;
  const found = validate(doc, ctx).filter((f) => f.rule === 'zone-server-refuses');
  assert.equal(found.length, 2);
  // Applied from the end so the earlier offsets hold.
  for (const f of [...found].reverse()) fixed = applyEdits(fixed, quickFixes(doc, f, ctx)[0].edits);
  assert.equal(fixed, HEAD + '$ORIGIN Sub.example.com.\nwww A 192.0.2.1\nx IN A 192.0.2.3\n');
  assert.deepEqual(findings(fixed, 'knot').filter((f) => f.rule === 'zone-server-refuses' || f.rule === 'zone-portability'), []);
});

test('unquoted TXT strings under powerdns: refused, and the fix quotes every bare string of the record', () => {
  const text = HEAD + 't TXT v=spf1 "ip4:192.0.2.0/24" -all\nok TXT "a" last1\n';
  const doc = parseDocument('zone', text);
  const ctx = ctxFor('powerdns');
  const found = validate(doc, ctx).filter((f) => f.rule === 'zone-server-refuses');
  // The last word of letters and digits is what PowerDNS reads without quotes.
  assert.deepEqual(found.map((f) => text.slice(f.range.start, f.range.end)), ['v=spf1']);
  const fixed = applyEdits(text, quickFixes(doc, found[0], ctx)[0].edits);
  assert.equal(fixed, HEAD + 't TXT "v=spf1" "ip4:192.0.2.0/24" "-all"\nok TXT "a" last1\n');
  assert.deepEqual(findings(fixed, 'powerdns').filter((f) => f.rule === 'zone-server-refuses'), []);
});
