import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definition, parseDocument, references } from '../engine';
import type { Range } from '../types';

const ZONE = `$ORIGIN example.com.
@        IN SOA  ns1 hostmaster 1 1h 15m 1w 1h
         IN NS   ns1.example.com.
         IN MX   10 MAIL
www      IN CNAME web
web      IN A    192.0.2.1
mail     IN A    192.0.2.25
ns1      IN A    192.0.2.53
_sip._tcp IN SRV 0 5 5060 web.example.com.
$ORIGIN other.example.com.
alias    IN CNAME mail.example.com.
mail     IN A    192.0.2.99
`;

const doc = parseDocument('zone', ZONE);
const at = (needle: string, nth = 0, delta = 0): number => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = ZONE.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return i + delta;
};
const texts = (rs: Range[]): string[] => rs.map((r) => `${ZONE.slice(r.start, r.end)}@${r.start}`);

test('definition of a CNAME, MX, NS and SRV target is the owner of its records', () => {
  assert.deepEqual(definition(doc, at('CNAME web', 0, 7)), [{ start: at('web      IN A'), end: at('web      IN A') + 3 }]);
  // Upper-case and absolute spellings name the same records.
  assert.deepEqual(texts(definition(doc, at('MAIL', 0, 1))), [`mail@${at('mail     IN A    192.0.2.25')}`]);
  assert.deepEqual(texts(definition(doc, at('ns1.example.com.', 0, 2))), [`ns1@${at('ns1      IN A')}`]);
  assert.deepEqual(texts(definition(doc, at('web.example.com.'))), [`web@${at('web      IN A')}`]);
  // Under another $ORIGIN, an absolute name still finds the first block's owner.
  assert.deepEqual(texts(definition(doc, at('mail.example.com.'))), [`mail@${at('mail     IN A    192.0.2.25')}`]);
});

test('no definition for non-name fields or names without records', () => {
  assert.deepEqual(definition(doc, at('192.0.2.1')), []);
  assert.deepEqual(definition(doc, at('hostmaster')), []);
  assert.deepEqual(definition(doc, at('5060')), []);
  assert.deepEqual(definition(doc, ZONE.length + 10), []);
});

test('references of an owner: every RDATA name that points at it, and the owner itself', () => {
  const web = at('web      IN A');
  assert.deepEqual(texts(references(doc, web, true)), [`web@${at('CNAME web', 0, 6)}`, `web@${web}`, `web.example.com.@${at('web.example.com.')}`]);
  assert.deepEqual(texts(references(doc, web, false)), [`web@${at('CNAME web', 0, 6)}`, `web.example.com.@${at('web.example.com.')}`]);
  const mail = at('mail     IN A    192.0.2.25');
  assert.deepEqual(texts(references(doc, mail, false)), [`MAIL@${at('MAIL')}`, `mail.example.com.@${at('mail.example.com.')}`]);
  // The other zone's `mail` is another name.
  assert.deepEqual(texts(references(doc, at('mail     IN A    192.0.2.99'), true)), [`mail@${at('mail     IN A    192.0.2.99')}`]);
});

test('one definition per run of records; a name written in two places gives both', () => {
  const text = '$ORIGIN e.\nwww IN CNAME host\nhost IN A 192.0.2.1\n IN AAAA 2001:db8::1\nhost IN TXT "x"\nother IN A 192.0.2.2\nhost.e. IN MX 10 other\n';
  const d = parseDocument('zone', text);
  const defs = definition(d, text.indexOf('CNAME host') + 7);
  assert.deepEqual(defs.map((r) => r.start), [text.indexOf('host IN A'), text.indexOf('host.e. IN MX')]);
  // `host IN TXT` continues the run of `host` records: same owner, no new location.
  const refs = references(d, text.indexOf('host IN A'), true);
  assert.deepEqual(refs.map((r) => text.slice(r.start, r.end)), ['host', 'host', 'host', 'host.e.']);
});
