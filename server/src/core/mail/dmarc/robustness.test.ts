import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, parseDocument, quickFixes, validate } from '../../engine';
import { applyEdits, rng } from '../../testing';
import { ruleIds, withZones, zone } from './testkit';

const FAMILIES = ['dmarc-', 'mta-sts-', 'tls-rpt-', 'bimi-'];
const OWNERS = ['_dmarc', '@', '_mta-sts', '_smtp._tls', 'default._bimi', 'example.net._report._dmarc', '  '];

/** Validates, checks ranges and that no rule threw, and applies every quick fix of the four families. */
function exercise(text: string): void {
  const ctx = withZones(zone(['@ IN MX 10 mail'], 'example.net'));
  const doc = parseDocument('zone', text);
  const found = validate(doc, ctx);
  for (const f of found) {
    assert.doesNotMatch(f.message, /^Internal error/, `${f.rule} threw on ${JSON.stringify(text)}`);
    assert.ok(f.range.start >= 0 && f.range.end <= text.length && f.range.start <= f.range.end, JSON.stringify(text));
  }
  for (const f of found.filter((x) => FAMILIES.some((p) => x.rule.startsWith(p)))) {
    for (const q of quickFixes(doc, f, ctx)) {
      assert.equal(q.rule, f.rule);
      assert.doesNotThrow(() => applyEdits(text, q.edits), `${q.title} on ${JSON.stringify(text)}`);
    }
  }
}

test('hostile values at every kind of owner give findings, never exceptions', () => {
  const values = [
    '""',
    '";"',
    '";;;"',
    '"v"',
    '"v="',
    '"=;="',
    '"v=DMARC1;;;p=;rua=,,,;ruf=!;fo=::"',
    '"vé=DMARC1"',
    '"v=DMARC1\\000; p=none"',
    '"\\"v=DMARC1"',
    '"v=DMARC1; rua=mailto:@, mailto:a@, mailto:a@b, https://, mailto:d@example.jp!!"',
    '"v=STSv1; id=; id=; -=x"',
    '"v=TLSRPTv1; rua=mailto:"',
    '"v=BIMI1; l=https://; a=https://x"',
    '"v=DMARC1 v=DMARC1 v=DMARC1"',
    '"p=none; v=DMARC1; v=DMARC1"',
    '"v=DMARC1; p=none; rua=mailto:d@example.net; rua=mailto:e@example.net"',
    'v=DMARC1;p=none',
    '( "v=DMARC1;" "p=quarantine;" )',
    `"${'v=DMARC1; '.repeat(200)}"`,
  ];
  for (const owner of OWNERS) for (const v of values) exercise(zone([`${owner} IN TXT ${v}`]));
});

test('random tag lists do not throw', () => {
  const next = rng(7489);
  const alphabet = ['v', '=', ';', ' ', 'DMARC1', 'STSv1', 'p', 'none', 'rua', 'mailto:', '@', 'example.jp', ',', '!', '10m', ':', 'é', '\\"', 'id', 'l', 'https://', '.svg', 'sp', 'pct', '\t'];
  for (let i = 0; i < 300; i++) {
    let value = '';
    const n = Math.floor(next() * 12);
    for (let k = 0; k < n; k++) value += alphabet[Math.floor(next() * alphabet.length)];
    exercise(zone([`${OWNERS[i % OWNERS.length]} IN TXT "${value}"`]));
  }
});

test('a run-on version is only a version problem', () => {
  assert.deepEqual(ruleIds(zone(['_dmarc IN TXT "v=DMARC1 p=reject"']), FAMILIES), ['dmarc-version']);
  assert.deepEqual(ruleIds(zone(['_smtp._tls IN TXT "v=TLSRPTv1 rua=mailto:t@example.jp"']), FAMILIES), ['tls-rpt-syntax']);
});

test('a complete, well-configured domain is quiet in every family', () => {
  const text = zone([
    '@ IN MX 10 mail',
    'mail IN A 192.0.2.25',
    '@ IN TXT "v=spf1 mx -all"',
    '_dmarc IN TXT "v=DMARC1; p=reject; sp=reject; adkim=s; rua=mailto:dmarc@example.jp!10m; ruf=mailto:dmarc@example.jp; fo=1"',
    '_mta-sts IN TXT "v=STSv1; id=20240131T1200"',
    '_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:tls@example.jp,https://reports.example.jp/tls"',
    'default._bimi IN TXT "v=BIMI1; l=https://example.jp/logo.svg; a=https://example.jp/vmc.pem"',
  ]);
  assert.deepEqual(validate(parseDocument('zone', text), makeContext()).filter((f) => FAMILIES.some((p) => f.rule.startsWith(p))), []);
});
