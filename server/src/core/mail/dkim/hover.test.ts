import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hover, parseDocument } from '../../engine';
import { zone } from '../../spf/rules/testkit';
import { markers } from '../../testing';
import { DKIM_TAGS } from './record';
import { DKIM_DOCS } from './tags';
import { ed25519Key, rsaKey, txt } from './testdata';

function hoverAt(fixture: string): { text: string; contents: string; covered: string } {
  const { text, cursor } = markers(fixture, { cursor: true });
  const h = hover(parseDocument('zone', text), cursor!);
  assert.ok(h, `no hover at ${cursor}`);
  return { text, contents: h.contents, covered: text.slice(h.range.start, h.range.end) };
}

test('every DKIM tag has documentation with a specification section', () => {
  for (const name of DKIM_TAGS) {
    const doc = DKIM_DOCS.tags[name];
    assert.ok(doc, name);
    assert.ok(doc.title && doc.doc && doc.spec.url.startsWith('https://www.rfc-editor.org/rfc/rfc'), name);
  }
  assert.equal(DKIM_DOCS.tags.p.required, true);
  assert.equal(DKIM_DOCS.tags.k.default, 'rsa');
  assert.deepEqual(Object.keys(DKIM_DOCS.tags.k.values ?? {}), ['rsa', 'ed25519']);
});

test('hover on a tag name shows its docs, values, default and section, marking the written value', () => {
  const ED = ed25519Key().raw;
  const { contents, covered } = hoverAt(zone([`sel._domainkey IN TXT "v=DKIM1; |k=ed25519; p=${ED}"`]));
  assert.equal(covered, 'k');
  assert.match(contents, /^\*\*k=\*\* — Key type \(DKIM public key record\)/);
  assert.match(contents, /\| `ed25519` ◀ \|/);
  assert.match(contents, /\*\*Default:\*\* `rsa`/);
  assert.match(contents, /\[RFC 6376 §3\.6\.1\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc6376#section-3\.6\.1\)/);
  const t = hoverAt(zone([`sel._domainkey IN TXT "v=DKIM1; t=|y; k=ed25519; p=${ED}"`]));
  assert.equal(t.covered, 't=y');
  assert.match(t.contents, /\| `y` ◀ \| Testing mode/);
});

test('hover on p= shows the decoded key type and size', () => {
  const ED = ed25519Key().raw;
  const ed = hoverAt(zone([`sel._domainkey IN TXT "v=DKIM1; k=ed25519; |p=${ED}"`]));
  assert.match(ed.contents, /\*\*This key:\*\* Ed25519, 32 bytes/);
  assert.match(ed.contents, /\*\*Required\.\*\*/);
  const k = rsaKey(2048);
  const value = `v=DKIM1; k=rsa; p=${k}`;
  // On the part of the key in the second string.
  const rsa = hoverAt(zone([`sel._domainkey IN TXT "${value.slice(0, 255)}" "${value.slice(255, 300)}|${value.slice(300)}"`]));
  assert.match(rsa.contents, /\*\*This key:\*\* RSA, 2048 bits \(SubjectPublicKeyInfo, 294 bytes\)\./);
  assert.ok(rsa.covered.startsWith('p=MII') && rsa.covered.endsWith(k.slice(-10)), rsa.covered);
  const weak = hoverAt(zone([`sel._domainkey IN TXT "|p=${rsaKey(1024, 'pkcs1')}"`]));
  assert.match(weak.contents, /RSA, 1024 bits \(bare RSAPublicKey, 140 bytes\) — weak/);
  const revoked = hoverAt(zone(['sel._domainkey IN TXT "v=DKIM1; |p="']));
  assert.match(revoked.contents, /revoked/);
});

test('no key detail when the key cannot be read or does not match k=', () => {
  const ED = ed25519Key().raw;
  const bad = hoverAt(zone([`sel._domainkey IN TXT "v=DKIM1; k=ed25519; |p=${ED.slice(0, 30)}"`]));
  assert.doesNotMatch(bad.contents, /This key/);
  const mismatch = hoverAt(zone([`sel._domainkey IN TXT ${txt(`v=DKIM1; k=ed25519; |p=${rsaKey(2048)}`)}`]));
  assert.doesNotMatch(mismatch.contents, /This key/);
});

test('an obsolete g= and an unknown tag', () => {
  const g = hoverAt(zone(['sel._domainkey IN TXT "|g=*; p="']));
  assert.match(g.contents, /Granularity \(obsolete\)/);
  const x = hoverAt(zone(['sel._domainkey IN TXT "|x=1; p="']));
  assert.match(x.contents, /not a tag of the DKIM public key record/);
});
