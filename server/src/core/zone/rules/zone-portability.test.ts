import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, quickFixes, validate } from '../../engine';
import { applyOnlyFix, expectFindings, HEAD } from './testkit';

const R = 'zone-portability';

test('zone-portability: a relative $ORIGIN and a relative $INCLUDE origin', () => {
  const found = expectFindings('zone-portability', HEAD + '$ORIGIN [[sub]]\nwww A 192.0.2.1\n$ORIGIN @\n$INCLUDE part.db [[other]]\n$INCLUDE part.db other.example.com.\n$ORIGIN example.com.\n');
  assert.match(found[0].message, /Knot DNS refuses a relative \$ORIGIN.*absolute name sub\.example\.com\.$/);
  assert.deepEqual(found[0].data, { construct: 'relative-origin', servers: ['knot'] });
  assert.equal((found[1].data as { construct: string }).construct, 'relative-include-origin');
});

test('zone-portability: a class written other than IN', () => {
  const found = expectFindings('zone-portability', HEAD + 'a in A 192.0.2.1\nb [[CLASS1]] A 192.0.2.2\nc 300 [[CH]] TXT "x"\n');
  assert.match(found[0].message, /^Knot DNS refuses the class CLASS1 \(it loads only class IN, written as IN\); BIND accepts CLASS1$/);
});

test('zone-portability: characters Knot refuses unescaped in owner names and RDATA names', () => {
  const found = expectFindings(
    'zone-portability',
    HEAD +
      '_sip[[+]]d2t._tcp SRV 0 0 5060 sip\n' +
      'x\\+y A 192.0.2.1\n' +
      '*._tcp.a-b/c TXT "a&b is fine in text"\n' +
      '@ MX 10 mail[[,]]x\n' +
      'x NS @\n' +
      'y NS a[[@]]b\n' +
      'k\\038 RRSIG A 8 3 300 20260101000000 20250101000000 1 exa[[%]]mple.com. AAAA\n',
  );
  assert.match(found[0].message, /refuses the unescaped character '\+' in an owner name; BIND accepts it\. Write \\\+/);
  assert.match(found[1].message, /in the MX exchange/);
  assert.match(found[3].message, /in the RRSIG signer's name/);
});

test('zone-portability: a non-ASCII character in a name suggests the escaped or punycode form', () => {
  const [f] = expectFindings('zone-portability', HEAD + 'k[[ö]]nig A 192.0.2.1\n');
  assert.match(f.message, /punycode/);
});

test('zone-portability: a parenthesis opened inside another', () => {
  expectFindings('zone-portability', HEAD + 'a TXT ( "(" ; (\n  "x" [[(]] "y" ) )\nb TXT ( "one" ) ( "two" )\n');
});

test('zone-portability: base64 split inside a 4-character block', () => {
  const [f] = expectFindings('zone-portability', HEAD + 'k DNSKEY 256 3 8 ( AwEAAcw5 [[QLr0Jf8Zx]] XUgAA== )\nj DNSKEY 256 3 8 AwEAAcw5 QLr0Jf8Z xXUgAA==\n');
  assert.match(f.message, /this piece has 9 characters.*Split the DNSKEY public key at multiples of 4/);
});

test('zone-portability: a plain zone, CRLF line endings and escaped names give no warning', () => {
  const text = (HEAD + 'www A 192.0.2.1\n_dmarc TXT "v=DMARC1; p=none"\n\\@x A 192.0.2.2\nlong TXT ( "a"\n "b" )\n').replace(/\n/g, '\r\n');
  assert.deepEqual(validate(parseDocument('zone', text)).filter((f) => f.rule === 'zone-portability'), []);
});

test('zone-portability fixes: the absolute origin (case kept), an escaped character, IN for CLASS1', () => {
  const origin = applyOnlyFix(R, HEAD + '$ORIGIN Sub\nwww A 192.0.2.1\n');
  assert.equal(origin, HEAD + '$ORIGIN Sub.example.com.\nwww A 192.0.2.1\n');
  expectFindings(R, origin);
  const include = applyOnlyFix(R, HEAD + '$INCLUDE part.db other\n');
  assert.equal(include, HEAD + '$INCLUDE part.db other.example.com.\n');
  const escaped = applyOnlyFix(R, HEAD + '_sip+d2t._tcp SRV 0 0 5060 sip\n');
  assert.equal(escaped, HEAD + '_sip\\+d2t._tcp SRV 0 0 5060 sip\n');
  expectFindings(R, escaped);
  // The escaped name is the same name: the record's owner does not change.
  const before = parseDocument('zone', HEAD + '_sip+d2t._tcp SRV 0 0 5060 sip\n').model as { records: { owner: string }[] };
  const after = parseDocument('zone', escaped).model as { records: { owner: string }[] };
  assert.equal(after.records.at(-1)?.owner, before.records.at(-1)?.owner);
  const cls = applyOnlyFix(R, HEAD + 'a CLASS1 A 192.0.2.1\n');
  assert.equal(cls, HEAD + 'a IN A 192.0.2.1\n');
  expectFindings(R, cls);
});

test('zone-portability: no fix where the portable spelling would change the data', () => {
  for (const text of [HEAD + 'a CH TXT "x"\n', HEAD + 'k\u00f6nig A 192.0.2.1\n', HEAD + 'a TXT ( ( "x" ) )\n']) {
    const doc = parseDocument('zone', text);
    const found = validate(doc).filter((f) => f.rule === R);
    assert.equal(found.length, 1, text);
    assert.deepEqual(quickFixes(doc, found[0]), [], text);
  }
});
