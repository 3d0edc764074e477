import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nsec3Hash } from './dnssec';
import { edit, expectFindings, rrsig } from './testkit';

const ID = 'zone-nsec3-chain';

/** A signed zone with an NSEC3 chain (no salt, no extra iterations) over its names. */
function nsec3Zone(names: Record<string, string>, extra = '', optOut = false): { text: string; hash: Record<string, string> } {
  const hash: Record<string, string> = {};
  for (const n of Object.keys(names)) hash[n] = nsec3Hash(n === '@' ? 'example.com.' : `${n}.example.com.`, [], 0);
  const order = Object.keys(names).sort((a, b) => (hash[a] < hash[b] ? -1 : 1));
  let text = '$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 7200 900 604800 300\n@ NS ns1\n@ NSEC3PARAM 1 0 0 -\nns1 A 192.0.2.1\nwww A 192.0.2.2\n' + extra;
  order.forEach((n, i) => {
    text += `${hash[n]} NSEC3 1 ${optOut ? 1 : 0} 0 - ${hash[order[(i + 1) % order.length]]} ${names[n]}\n`;
  });
  text += `@ ${rrsig('SOA', 2)}\n`;
  return { text, hash };
}

const NAMES = { '@': 'NS SOA RRSIG NSEC3PARAM', ns1: 'A', www: 'A' };

test('a clean NSEC3 chain gives nothing', () => {
  expectFindings(ID, nsec3Zone(NAMES).text);
});

test('a name without its NSEC3', () => {
  const { text } = nsec3Zone(NAMES, 'mail A 192.0.2.5\n');
  const [f] = expectFindings(ID, text.replace('mail A', '[[mail]] A'));
  assert.match(f.message, /^No NSEC3 for mail\.example\.com\. \(hash [0-9a-v]{32}\.example\.com\.\)$/);
});

test('a wrong next hash and a wrong bitmap', () => {
  const { text, hash } = nsec3Zone(NAMES);
  const line = text.split('\n').find((l) => l.startsWith(hash.www))!;
  const next = line.split(' ')[6];
  const wrong = next === hash.ns1 ? hash['@'] : hash.ns1;
  const [f] = expectFindings(ID, edit(text, line, line.replace(` ${next} `, ` [[${wrong}]] `)));
  assert.match(f.message, /gives next hash .*; the next NSEC3 of the chain is/);
  const [g] = expectFindings(ID, edit(text, line, line.replace(/ A$/, ' [[A AAAA]]')));
  assert.match(g.message, /The type bitmap of the NSEC3 for www\.example\.com\. .* lists AAAA, absent from www\.example\.com\./);
});

test('NSEC3PARAM flags, a missing NSEC3PARAM, and parameters that differ', () => {
  const { text, hash } = nsec3Zone(NAMES);
  const [f] = expectFindings(ID, edit(text, 'NSEC3PARAM 1 0 0 -', 'NSEC3PARAM 1 [[1]] 0 -'));
  assert.match(f.message, /flags of an NSEC3PARAM must be 0/);
  const noParam = edit(text, '@ NSEC3PARAM 1 0 0 -\n', '');
  const first = noParam.split('\n').find((l) => / NSEC3 /.test(l))!;
  const [g] = expectFindings(ID, edit(noParam, first, first.replace(' NSEC3 ', ' [[NSEC3]] ')));
  assert.match(g.message, /no NSEC3PARAM at the apex/);
  // An NSEC3 of another chain (other iterations) is reported once, and the chain itself stays whole.
  const [h] = expectFindings(ID, text + `${hash.ns1} NSEC3 [[1 0 5 -]] ${hash.www} A\n`);
  assert.match(h.message, /uses algorithm 1, 5 iterations, salt -; the NSEC3PARAM says algorithm 1, 0 iterations, salt -/);
});

test('an insecure delegation needs an NSEC3 unless an opt-out NSEC3 covers it', () => {
  const deleg = 'sub NS ns.sub\nns.sub A 192.0.2.9\n';
  const { text } = nsec3Zone(NAMES, deleg);
  const [f] = expectFindings(ID, text.replace('sub NS', '[[sub]] NS'));
  assert.match(f.message, /insecure delegation, but the NSEC3 covering its hash has no opt-out flag/);
  expectFindings(ID, nsec3Zone(NAMES, deleg, true).text);
  expectFindings(ID, nsec3Zone({ ...NAMES, sub: 'NS' }, deleg).text);
});

test('an empty non-terminal needs its NSEC3, a leftover NSEC3 is reported', () => {
  const { text } = nsec3Zone({ ...NAMES, 'b.a': 'A' }, 'b.a A 192.0.2.7\n');
  const [f] = expectFindings(ID, text.replace('b.a A 192', '[[b.a]] A 192'));
  assert.match(f.message, /No NSEC3 for the empty non-terminal a\.example\.com\./);
  expectFindings(ID, nsec3Zone({ ...NAMES, 'b.a': 'A', a: '' }, 'b.a A 192.0.2.7\n').text);
  const left = nsec3Zone({ ...NAMES, gone: 'A' });
  const h = left.hash.gone;
  const [g] = expectFindings(ID, left.text.replace(`${h} NSEC3`, `[[${h}]] NSEC3`));
  assert.match(g.message, /matches no name of the zone/);
});

test('an NSEC3 with too few fields is left to zone-bad-rdata, never an internal error', async () => {
  const { makeContext, parseDocument, validate } = await import('../../engine');
  const { text } = nsec3Zone({ '@': 'NS SOA NSEC3PARAM RRSIG', ns1: 'A', www: 'A' }, 'short NSEC3 1 1 10\nshorter NSEC3 1\n');
  const found = validate(parseDocument('zone', text), makeContext());
  assert.deepEqual(found.filter((f) => f.message.startsWith('Internal error')), []);
  assert.ok(found.some((f) => f.rule === 'zone-bad-rdata'));
});
