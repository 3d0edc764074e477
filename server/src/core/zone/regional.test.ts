import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeContext, parseDocument, validate, validateEdit } from '../engine';
import { DEFAULT_SETTINGS } from '../settings';
import { rulesFor } from '../registry';
import type { Finding } from '../types';
import { composeChange, type TextChange } from './regional';
import type { ZoneModel } from './model';

/** A zone with something for every rule that judges records on its own, and some for the others. */
const ZONE = `$ORIGIN example.com.
$TTL 1h
@ IN SOA ns1 hostmaster (
        2024010101 ; serial
        2h 15m 1w 300 )
  NS ns1
  NS ns2.example.net.
  MX 10 mail
  TXT "v=spf1 ip4:192.0.2.0/24 include:_spf.example.net -all"
ns1 A 192.0.2.1
mail A 192.0.2.25

; the same host over IPv6
  AAAA 2001:db8::25
www A 192.0.2.300
www CNAME web
dup A 192.0.2.7
dup A 192.0.2.7
bad_host MX 10 mail
shop TXT "v-spf1 +ip4:203.0.113.5 +mx -all"
  TXT "v=spf1 ip4:198.51.100.1/33 ptr +all"
; senderguard-disable-next-line spf-permissive-all
open TXT "v=spf1 +all"
_dmarc TXT "v=DMARC1; p=rejekt; rua=mailto:d@example.com; pct=150"
_dmarc.shop TXT "v=DMARC1; p=none; foo=bar"
sel._domainkey TXT "v=DKIM1; k=rsa; h=sha1; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ"
_mta-sts TXT "v=STSv1; id=2024!"
_smtp._tls TXT "v=TLSRPTv1; rua=ftp://x"
default._bimi TXT "v=BIMI1; l=http://example.com/logo.svg"
long TXT "${'x'.repeat(300)}"
_dns.ns1 SVCB 1 ns1 alpn=h2
$ORIGIN sub.example.com.
host A 192.0.2.9
  TXT "v=spf1 a:host ~all"
other A 10.0.0.1
`;

const LOCAL = new Set(
  rulesFor('zone')
    .filter((r) => r.meta.scope === 'record')
    .map((r) => r.meta.id),
);

const key = (f: Finding): string => `${f.rule} ${f.range.start}-${f.range.end} ${f.message}`;
const localKeys = (list: readonly Finding[]): string[] => list.filter((f) => LOCAL.has(f.rule)).map(key).sort();

/** Replaces [start, end) of the analysed text by `insert` and checks the regional answer against a whole analysis. */
function check(text: string, start: number, end: number, insert: string): Finding[] | undefined {
  const old = parseDocument('zone', text);
  const oldFindings = validate(old);
  const next = text.slice(0, start) + insert + text.slice(end);
  const change: TextChange = { start, oldEnd: end, newEnd: start + insert.length };
  const all = validateEdit(old, oldFindings, next, change);
  if (!all) return undefined;
  const got = all.findings;
  assert.equal(all.total, got.length);
  // With a limit, the same first findings and the same count.
  const some = validateEdit(old, oldFindings, next, change, undefined, 5)!;
  assert.deepEqual(some.findings, got.slice(0, 5));
  assert.equal(some.total, got.length);
  const whole = validate(parseDocument('zone', next));
  assert.deepEqual(localKeys(got), localKeys(whole), `edit ${JSON.stringify(text.slice(start, end))} → ${JSON.stringify(insert)} at ${start}`);
  // Whatever else is published was published before, and moved with the text: it still covers the same words.
  const anchored = (f: Finding, t: string): string => `${f.rule} ${f.message} ${JSON.stringify(t.slice(f.range.start, f.range.end))}`;
  const before = new Set(oldFindings.filter((f) => !LOCAL.has(f.rule)).map((f) => anchored(f, text)));
  for (const f of got.filter((x) => !LOCAL.has(x.rule))) assert.ok(before.has(anchored(f, next)), `kept finding moved wrongly: ${key(f)}`);
  for (const f of got) assert.ok(f.range.start >= 0 && f.range.end <= next.length && f.range.start <= f.range.end);
  return got;
}

test('the fixture exercises every rule that judges records on its own that it should', () => {
  const found = new Set(validate(parseDocument('zone', ZONE)).map((f) => f.rule));
  for (const id of ['zone-bad-rdata', 'zone-txt-too-long', 'zone-bad-hostname', 'spf-version-typo', 'spf-invalid-cidr', 'spf-ptr', 'dmarc-syntax', 'dkim-bad-tag-value', 'dkim-bad-key', 'zone-duplicate-record', 'zone-cname-and-other-data']) {
    assert.ok(found.has(id), `fixture lacks ${id}`);
  }
  assert.ok(LOCAL.has('zone-syntax') && LOCAL.has('spf-syntax') && !LOCAL.has('zone-duplicate-record'));
});

test('re-checking any one record alone gives the findings the whole analysis gives it', () => {
  const model = parseDocument('zone', ZONE).model as ZoneModel;
  let answered = 0;
  for (const r of model.records) {
    if (check(ZONE, r.range.start, r.range.end, ZONE.slice(r.range.start, r.range.end))) answered++;
  }
  // Records after the last directive and between directives are all answered locally.
  assert.equal(answered, model.records.length);
});

test('edits are judged like the whole analysis judges them', () => {
  const edits: [string, string, boolean][] = [
    // [what is replaced (first occurrence), by what, answered locally]
    ['192.0.2.300', '192.0.2.30', true],
    ['192.0.2.25', '192.0.2.256', true],
    ['v-spf1', 'v=spf1', true],
    ['p=rejekt', 'p=reject', true],
    ['/33', '/32', true],
    ['h=sha1', 'h=sha256', true],
    ['www A', 'www.example.com. A', true],
    ['mail A 192.0.2.25\n', 'mail A 192.0.2.25\nnew-host A 192.0.2.77\nnew_host MX 0 mail\n', true],
    ['  AAAA 2001:db8::25', 'other AAAA 2001:db8::25', true],
    ['shop TXT', '  TXT', true],
    ['"v=spf1 +all"', '"v=spf1 +all', true],
    ['dup A 192.0.2.7\ndup', 'dup A 192.0.2.7 dup', true],
    ['host A 192.0.2.9', 'host A 192.0.2.9999', true],
    ['; senderguard-disable-next-line spf-permissive-all\n', '', true],
    ['$ORIGIN sub', '$ORIGIN other', false],
    ['$TTL 1h', '$TTL 2h', false],
    ['mail A', '$TTL 5m\nmail A', false],
    ['2h 15m 1w 300 )', '2h 15m 1w 300', false],
  ];
  for (const [from, to, local] of edits) {
    const at = ZONE.indexOf(from);
    assert.ok(at >= 0, from);
    const got = check(ZONE, at, at + from.length, to);
    assert.equal(got !== undefined, local, `${from} → ${to}`);
  }
});

test('a typed error shows at once, whole-zone findings elsewhere move with the text', () => {
  const at = ZONE.indexOf('192.0.2.25');
  const got = check(ZONE, at + 9, at + 10, '6')!; // 192.0.2.25 → 192.0.2.26 is fine …
  assert.ok(!got.some((f) => f.rule === 'zone-bad-rdata' && f.range.start === at));
  const bad = check(ZONE, at + 9, at + 10, '5x')!; // … 192.0.2.25x is not
  assert.ok(bad.some((f) => f.rule === 'zone-bad-rdata' && f.range.start === at));
  const before = validate(parseDocument('zone', ZONE)).find((f) => f.rule === 'zone-duplicate-record')!;
  const moved = bad.find((f) => f.rule === 'zone-duplicate-record')!;
  assert.equal(moved.range.start, before.range.start + 1);
});

test('random one-line edits anywhere are judged like the whole analysis judges them', () => {
  const alphabet = ['a', '0', '9', '.', ' ', '"', ';', '=', ':', '/', '\\', '(', ')', '\n', '$', '@', '*', '-', 'v=spf1 ', 'ip4:'];
  fc.assert(
    fc.property(
      fc.nat(ZONE.length),
      fc.nat(12),
      fc.array(fc.constantFrom(...alphabet), { maxLength: 6 }),
      (pos, length, parts) => {
        const end = Math.min(ZONE.length, pos + length);
        check(ZONE, pos, end, parts.join(''));
      },
    ),
    { numRuns: 300, seed: 7 },
  );
});

test('composed edits map the old text onto the new one', () => {
  fc.assert(
    fc.property(
      fc.string({ minLength: 0, maxLength: 40 }),
      fc.array(fc.tuple(fc.nat(), fc.nat(5), fc.string({ maxLength: 5 })), { minLength: 1, maxLength: 6 }),
      (base, edits) => {
        let text = base;
        let change: TextChange | undefined;
        for (const [p, n, insert] of edits) {
          const start = p % (text.length + 1);
          const end = Math.min(text.length, start + n);
          change = composeChange(change, start, end, insert.length);
          text = text.slice(0, start) + insert + text.slice(end);
        }
        const c = change!;
        assert.equal(base.slice(0, c.start), text.slice(0, c.start));
        assert.equal(base.slice(c.oldEnd), text.slice(c.newEnd));
        assert.ok(c.start <= c.oldEnd && c.start <= c.newEnd);
      },
    ),
    { numRuns: 500, seed: 3 },
  );
});

test('under the knot and powerdns profiles, each record re-checked alone gives the whole analysis its findings', () => {
  // Dialect points of every record-scope kind (parser problems, RDATA validators, Knot's scanner limits, no TTL).
  const text =
    '$ORIGIN example.com.\nnottl A 192.0.2.5\n$TTL 1h\n@ SOA ns1 hostmaster 1 2h 15m 1w 300\n@ NS ns1\nns1 A 192.0.2.1\n' +
    `t TXT "${'x'.repeat(256)}"\nl LOC 32 7 19 S 116 2 25 E\nm LOC 51 11 60.000 N 2 12 5.080 W 0m\ni IPSECKEY 255 0 0\n` +
    's SVCB 1 ns1 no-default-alpn\nh SSHFP 1 0\nn NSEC3 1 0 0 - CPNMUOJ A\nx CLASS1 A 192.0.2.3\nk TSIG HMAC-MD5.SIG-ALG.REG.INT. 1 60 0 1 0 0\n';
  for (const server of ['knot', 'powerdns'] as const) {
    const ctx = { ...makeContext(), settings: { ...DEFAULT_SETTINGS, zone: { server } } };
    const old = parseDocument('zone', text);
    const oldFindings = validate(old, ctx);
    assert.ok(oldFindings.some((f) => f.rule === 'zone-portability'), server);
    let answered = 0;
    for (const r of (old.model as ZoneModel).records) {
      const change: TextChange = { start: r.range.start, oldEnd: r.range.end, newEnd: r.range.end };
      const got = validateEdit(old, oldFindings, text, change, ctx);
      if (!got) continue;
      answered++;
      assert.deepEqual(localKeys(got.findings), localKeys(validate(parseDocument('zone', text), ctx)), `${server}: ${text.slice(r.range.start, r.range.end)}`);
    }
    assert.ok(answered >= 10, `${server}: ${answered} records answered alone`);
  }
});
