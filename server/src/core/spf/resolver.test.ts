import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../engine';
import type { ZoneModel } from '../zone/model';
import { ZoneIndex, zoneResolver } from './resolver';

function models(...texts: string[]): ZoneModel[] {
  return texts.map((t) => parseDocument('zone', t).model as ZoneModel);
}

const ZONE = [
  '$ORIGIN example.jp.',
  '$TTL 1h',
  '@        IN SOA ns1 hostmaster 1 3h 15m 1w 1h',
  '@        IN MX  10 mail',
  '@        IN MX  20 backup.example.net.',
  '@        IN TXT "v=spf1 mx " "-all"',
  '@        IN SPF "v=spf1 +all"',
  'mail     IN A   203.0.113.25',
  'mail     IN AAAA 2001:DB8:0:0::25',
  'www      IN CNAME @',
  'loop1    IN CNAME loop2',
  'loop2    IN CNAME loop1',
  '*.users  IN TXT "wild"',
  'a.b.deep IN A   192.0.2.1',
  '25.113.0.203.in-addr.arpa. IN PTR mail.example.jp.',
  '',
].join('\n');

test('answers A, AAAA, MX (relative names made absolute), TXT strings and PTR', async () => {
  const r = zoneResolver(models(ZONE));
  assert.deepEqual(await r.lookup('Mail.Example.JP.', 'A'), { records: ['203.0.113.25'] });
  assert.deepEqual(await r.lookup('mail.example.jp', 'AAAA'), { records: ['2001:db8::25'] });
  assert.deepEqual(await r.lookup('example.jp', 'MX'), {
    records: [
      { preference: 10, exchange: 'mail.example.jp' },
      { preference: 20, exchange: 'backup.example.net' },
    ],
  });
  // Character-strings are kept apart; type SPF (99) is not answered as TXT.
  assert.deepEqual(await r.lookup('example.jp', 'TXT'), { records: [['v=spf1 mx ', '-all']] });
  assert.deepEqual(await r.lookup('25.113.0.203.in-addr.arpa', 'PTR'), { records: ['mail.example.jp'] });
});

test('NODATA, NXDOMAIN, empty non-terminals, wildcards, CNAMEs and names outside the zones', async () => {
  const r = zoneResolver(models(ZONE));
  assert.deepEqual(await r.lookup('mail.example.jp', 'MX'), { records: [] });
  assert.deepEqual(await r.lookup('nope.example.jp', 'A'), { error: 'nxdomain' });
  assert.deepEqual(await r.lookup('b.deep.example.jp', 'A'), { records: [] });
  assert.deepEqual(await r.lookup('alice.users.example.jp', 'TXT'), { records: [['wild']] });
  assert.deepEqual(await r.lookup('www.example.jp', 'TXT'), { records: [['v=spf1 mx ', '-all']] });
  const loop = await r.lookup('loop1.example.jp', 'A');
  assert.ok('error' in loop && loop.error === 'servfail');
  const out = await r.lookup('example.net', 'A');
  assert.ok('error' in out && out.error === 'servfail' && /outside the zone files/.test(out.detail ?? ''));
  assert.deepEqual(await zoneResolver(models(ZONE), { outside: 'nxdomain' }).lookup('example.net', 'A'), { error: 'nxdomain' });
});

test('several zone files answer together; only complete zones (SOA, no $INCLUDE) prove absence', async () => {
  const other = zone('example.net', ['backup IN A 198.51.100.9']);
  const idx = new ZoneIndex(models(ZONE, other));
  assert.deepEqual([...idx.apexes].sort(), ['example.jp', 'example.net']);
  const r = zoneResolver(idx);
  assert.deepEqual(await r.lookup('backup.example.net', 'A'), { records: ['198.51.100.9'] });
  assert.deepEqual(await r.lookup('gone.example.net', 'A'), { error: 'nxdomain' });
  // A snippet without SOA, or a zone split with $INCLUDE, cannot show that a name is missing.
  const snippet = '$ORIGIN example.org.\nwww IN A 192.0.2.1\n';
  const split = zone('example.com', ['$INCLUDE hosts.zone', 'www IN A 192.0.2.2']);
  const r2 = zoneResolver(models(snippet, split));
  assert.deepEqual(await r2.lookup('www.example.org', 'A'), { records: ['192.0.2.1'] });
  assert.deepEqual(await r2.lookup('www.example.com', 'A'), { records: ['192.0.2.2'] });
  for (const name of ['mail.example.org', 'mail.example.com']) {
    const a = await r2.lookup(name, 'A');
    assert.ok('error' in a && a.error === 'servfail' && /outside the zone files/.test(a.detail ?? ''), name);
  }
});

test('names below a delegation belong to the child zone: unknown, except glue records', async () => {
  const parent = zone('example.jp', ['sub IN NS ns.sub', 'ns.sub IN A 192.0.2.53', '@ IN NS ns1']);
  const r = zoneResolver(models(parent));
  assert.deepEqual(await r.lookup('ns.sub.example.jp', 'A'), { records: ['192.0.2.53'] });
  for (const name of ['mail.sub.example.jp', 'sub.example.jp']) {
    const a = await r.lookup(name, 'A');
    assert.ok('error' in a && a.error === 'servfail', name);
  }
  assert.deepEqual(await r.lookup('other.example.jp', 'A'), { error: 'nxdomain' });
});

function zone(origin: string, lines: string[]): string {
  return [`$ORIGIN ${origin}.`, '@ IN SOA ns1 hostmaster 1 3h 15m 1w 1h', ...lines, ''].join('\n');
}

test('two files of the same zone: the first one (the document itself) answers, the copy is ignored', async () => {
  const doc = '$ORIGIN example.jp.\n@ 3600 IN SOA ns1 h 1 2 3 4 5\n@ IN TXT "v=spf1 ip4:203.0.113.25 -all"\n';
  const copy = '$ORIGIN example.jp.\n@ 3600 IN SOA ns1 h 1 2 3 4 5\n@ IN TXT "v-spf1 ip4:AAA.BBB.CCC.DDD -all"\nother IN A 192.0.2.1\n';
  const r = zoneResolver(models(doc, copy));
  assert.deepEqual(await r.lookup('example.jp', 'TXT'), { records: [['v=spf1 ip4:203.0.113.25 -all']] });
  assert.equal(((await r.lookup('other.example.jp', 'A')) as { error: string }).error, 'nxdomain');
});
