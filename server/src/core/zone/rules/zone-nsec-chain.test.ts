import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edit, expectFindings, rrsig, SIGNED } from './testkit';

const ID = 'zone-nsec-chain';

test('a clean chain gives nothing', () => {
  expectFindings(ID, SIGNED);
});

test('a name without NSEC', () => {
  const text = SIGNED + `[[mail]] A 192.0.2.5\nmail ${rrsig('A', 3)}\n`;
  const [f] = expectFindings(ID, text);
  assert.match(f.message, /No NSEC record at mail\.example\.com\./);
});

test('a next name out of canonical order', () => {
  const [f] = expectFindings(ID, edit(SIGNED, 'ns1 NSEC www A', 'ns1 NSEC [[@]] A'));
  assert.equal(f.message, 'NSEC at ns1.example.com. points to example.com.; the next name of the zone in canonical order is www.example.com.');
});

test('a type bitmap that omits or adds types', () => {
  const [f] = expectFindings(ID, edit(SIGNED, 'www NSEC @ A RRSIG NSEC', 'www NSEC @ [[A RRSIG NSEC AAAA]]'));
  assert.match(f.message, /lists AAAA, absent from the name/);
  const [g] = expectFindings(ID, edit(SIGNED, 'www NSEC @ A RRSIG NSEC', 'www NSEC @ [[RRSIG NSEC]]'));
  assert.match(g.message, /omits A, present at the name/);
});

test('two NSEC at one name, NSEC on glue, and a signed zone without any chain', () => {
  const [f] = expectFindings(ID, SIGNED + 'www [[NSEC]] @ A RRSIG NSEC\n');
  assert.match(f.message, /A second NSEC at www\.example\.com\./);
  const deleg = edit(SIGNED, 'ns1 NSEC www', 'ns1 NSEC sub') + `sub NS ns.sub\nsub NSEC www NS RRSIG NSEC\nsub ${rrsig('NSEC', 3)}\nns.sub A 192.0.2.9\nns.sub [[NSEC]] www A NSEC\n`;
  const [g] = expectFindings(ID, deleg);
  assert.match(g.message, /below a delegation/);
  const noChain = SIGNED.split('\n').filter((l) => !/ NSEC /.test(l)).join('\n').replace('@ SOA', '[[@]] SOA');
  const [h] = expectFindings(ID, noChain);
  assert.match(h.message, /is signed \(it has RRSIG records\) but has no NSEC or NSEC3 records/);
});
