import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../engine';
import type { ZoneModel } from '../zone/model';
import { checkHost, checkMailFrom, type CheckOptions, type SpfCheck } from './evaluate';
import { zoneResolver, type Resolver } from './resolver';

/** A zone for example.jp (SOA added) with the given lines. */
function zone(lines: string[], origin = 'example.jp'): string {
  return [`$ORIGIN ${origin}.`, '$TTL 1h', '@ IN SOA ns1 hostmaster 1 3h 15m 1w 1h', ...lines, ''].join('\n');
}

function resolver(zones: string[], outside: 'nxdomain' | 'servfail' = 'nxdomain'): Resolver {
  return zoneResolver(
    zones.map((z) => parseDocument('zone', z).model as ZoneModel),
    { outside },
  );
}

function check(ip: string, mailFrom: string, zones: string[], opts: CheckOptions & { helo?: string } = {}): Promise<SpfCheck> {
  return checkMailFrom(ip, mailFrom, opts.helo ?? 'mx.example.org', resolver(zones), { timestamp: 1700000000, ...opts });
}

const FIXED = zone([
  '@    IN MX  10 mail',
  '@    IN TXT "v=spf1 ip4:203.0.113.25 mx -all"',
  'mail IN A   203.0.113.26',
]);

test('the fixed incident record: ip4 and mx pass, anyone else fails with an explanation', async () => {
  const a = await check('203.0.113.25', 'info@example.jp', [FIXED]);
  assert.equal(a.result, 'pass');
  assert.deepEqual(a.decidedBy, { domain: 'example.jp', term: 'ip4:203.0.113.25' });
  assert.equal(a.lookups, 0);

  const b = await check('203.0.113.26', 'info@example.jp', [FIXED]);
  assert.equal(b.result, 'pass');
  assert.deepEqual(b.decidedBy, { domain: 'example.jp', term: 'mx' });
  assert.equal(b.lookups, 1);

  const c = await check('192.0.2.99', 'info@example.jp', [FIXED]);
  assert.equal(c.result, 'fail');
  assert.equal(c.explanationSource, 'default');
  assert.equal(c.explanation, '192.0.2.99 is not authorised by the SPF record of example.jp to send mail for info@example.jp');
  assert.deepEqual(
    c.trace.filter((s) => s.kind === 'term').map((s) => [s.term, s.match]),
    [
      ['ip4:203.0.113.25', false],
      ['mx', false],
      ['-all', true],
    ],
  );
});

test('the broken incident record is not SPF at all: none', async () => {
  const broken = zone(['@ IN TXT "v-spf1 +ip4:AAA.BBB.CCC.DDD +mx -all"']);
  const r = await check('192.0.2.99', 'info@example.jp', [broken]);
  assert.equal(r.result, 'none');
  assert.equal(r.problemCode, 'no-record');
});

test('record selection: none, permerror for two records, type SPF ignored, syntax errors anywhere', async () => {
  assert.equal((await check('192.0.2.1', 'a@nothing.example.jp', [FIXED])).problemCode, 'nxdomain');
  assert.equal((await check('192.0.2.1', 'a@example.jp', [zone(['@ IN TXT "hello"'])])).result, 'none');
  const two = await check('192.0.2.1', 'a@example.jp', [zone(['@ IN TXT "v=spf1 -all"', '@ IN TXT "V=SPF1 +all"'])]);
  assert.equal(two.result, 'permerror');
  assert.equal(two.problemCode, 'multiple-records');
  assert.equal((await check('192.0.2.1', 'a@example.jp', [zone(['@ IN SPF "v=spf1 +all"', '@ IN TXT "v=spf1 -all"'])])).result, 'fail');
  const syntax = await check('192.0.2.1', 'a@example.jp', [zone(['@ IN TXT "v=spf1 ip4:192.0.2.1 -all moo"'])]);
  assert.equal(syntax.result, 'permerror');
  assert.equal(syntax.problemCode, 'syntax');
  assert.match(syntax.problem!, /Unknown mechanism 'moo'/);
});

test('malformed domains give none without a query; an empty MAIL FROM checks postmaster@HELO', async () => {
  for (const from of ['a@nodots', 'a@[192.0.2.1]', 'a@x..example.jp', `a@${'x'.repeat(64)}.example.jp`]) {
    const r = await check('192.0.2.1', from, [FIXED]);
    assert.equal(r.result, 'none', from);
    assert.equal(r.problemCode, 'invalid-domain', from);
    assert.equal(r.dnsQueries, 0, from);
  }
  const helo = await check('203.0.113.25', '', [FIXED], { helo: 'example.jp' });
  assert.equal(helo.result, 'pass');
  const exp = zone(['@ IN TXT "v=spf1 -all exp=why.example.jp"', 'why IN TXT "%{s} / %{l} / %{o}"']);
  assert.equal((await check('192.0.2.1', '', [exp], { helo: 'example.jp' })).explanation, 'postmaster@example.jp / postmaster / example.jp');
  assert.equal((await check('192.0.2.1', '@example.jp', [exp])).explanation, 'postmaster@example.jp / postmaster / example.jp');
});

test('a and mx with prefix lengths; IPv4-mapped clients are IPv4; ip6 never matches them', async () => {
  const z = zone([
    '@    IN TXT "v=spf1 a:host.example.jp/24//64 ip6:::ffff:198.51.100.0/120 -all"',
    'host IN A 192.0.2.10',
    'host IN AAAA 2001:db8:1:2::10',
  ]);
  assert.equal((await check('192.0.2.200', 'a@example.jp', [z])).result, 'pass');
  assert.equal((await check('::ffff:192.0.2.200', 'a@example.jp', [z])).result, 'pass');
  assert.equal((await check('2001:db8:1:2::ffff', 'a@example.jp', [z])).result, 'pass');
  assert.equal((await check('2001:db8:1:3::10', 'a@example.jp', [z])).result, 'fail');
  assert.equal((await check('::ffff:198.51.100.7', 'a@example.jp', [z])).result, 'fail');
});

test('include: pass matches, fail/softfail/neutral do not, none and permerror are permerror', async () => {
  const z = zone([
    'pass   IN TXT "v=spf1 +all"',
    'fail   IN TXT "v=spf1 -all"',
    'soft   IN TXT "v=spf1 ~all"',
    'broken IN TXT "v=spf1 include"',
    'empty  IN A   192.0.2.1',
    't1 IN TXT "v=spf1 include:pass.example.jp -all"',
    't2 IN TXT "v=spf1 include:fail.example.jp include:soft.example.jp ?all"',
    't3 IN TXT "v=spf1 include:empty.example.jp +all"',
    't4 IN TXT "v=spf1 include:broken.example.jp +all"',
  ]);
  assert.equal((await check('192.0.2.1', 'a@t1.example.jp', [z])).result, 'pass');
  assert.equal((await check('192.0.2.1', 'a@t2.example.jp', [z])).result, 'neutral');
  const none = await check('192.0.2.1', 'a@t3.example.jp', [z]);
  assert.equal(none.result, 'permerror');
  assert.equal(none.problemCode, 'include-none');
  assert.equal((await check('192.0.2.1', 'a@t4.example.jp', [z])).problemCode, 'syntax');
  // A name outside the zone files cannot be answered offline: temperror.
  const outside = await checkMailFrom('192.0.2.1', 'a@example.jp', 'h', resolver([zone(['@ IN TXT "v=spf1 include:_spf.example.net -all"'])], 'servfail'));
  assert.equal(outside.result, 'temperror');
  assert.match(outside.problem!, /outside the zone files/);
});

test('redirect: used only when nothing matched; the target record decides, with its own exp', async () => {
  const z = zone([
    '@      IN TXT "v=spf1 ip4:192.0.2.1 exp=e1.example.jp redirect=_spf.example.jp"',
    '_spf   IN TXT "v=spf1 ip4:192.0.2.2 -all exp=e2.example.jp"',
    'e1     IN TXT "from the first record"',
    'e2     IN TXT "from %{d}"',
    'withall IN TXT "v=spf1 ?all redirect=_spf.example.jp"',
    'gone   IN TXT "v=spf1 redirect=nowhere.example.jp"',
  ]);
  assert.equal((await check('192.0.2.1', 'a@example.jp', [z])).result, 'pass');
  assert.equal((await check('192.0.2.2', 'a@example.jp', [z])).result, 'pass');
  const f = await check('192.0.2.3', 'a@example.jp', [z]);
  assert.equal(f.result, 'fail');
  assert.equal(f.explanation, 'from _spf.example.jp');
  assert.equal(f.lookups, 1);
  assert.equal((await check('192.0.2.3', 'a@withall.example.jp', [z])).result, 'neutral');
  assert.equal((await check('192.0.2.3', 'a@gone.example.jp', [z])).problemCode, 'redirect-none');
});

test('the limit of 10 DNS-querying terms: the 11th is a permerror, in the trace at that term', async () => {
  const ten = Array.from({ length: 9 }, () => 'a').join(' ');
  const z = zone([
    `@   IN TXT "v=spf1 ${ten} include:inc.example.jp -all"`,
    'inc IN TXT "v=spf1 ip4:192.0.2.1"',
    `big IN TXT "v=spf1 ${ten} include:inc2.example.jp ip4:192.0.2.1 -all"`,
    'inc2 IN TXT "v=spf1 mx ip4:192.0.2.5"',
    '@   IN A 198.51.100.1',
    'big IN A 198.51.100.1',
  ]);
  const ok = await check('192.0.2.1', 'a@example.jp', [z]);
  assert.equal(ok.result, 'pass');
  assert.equal(ok.lookups, 10);
  const over = await check('192.0.2.1', 'a@big.example.jp', [z]);
  assert.equal(over.result, 'permerror');
  assert.equal(over.problemCode, 'lookup-limit');
  assert.equal(over.lookups, 11);
  const limit = over.trace.find((s) => s.kind === 'limit')!;
  assert.equal(limit.term, 'mx');
  assert.equal(limit.domain, 'inc2.example.jp');
  assert.equal(limit.depth, 1);
});

test('void lookups: two are allowed, the third is a permerror; exp= lookups do not count', async () => {
  const z = zone([
    'two   IN TXT "v=spf1 a:x1.example.jp exists:x2.example.jp exp=x3.example.jp -all"',
    'three IN TXT "v=spf1 a:x1.example.jp mx:x2.example.jp exists:x3.example.jp -all"',
  ]);
  const two = await check('192.0.2.1', 'a@two.example.jp', [z]);
  assert.equal(two.result, 'fail');
  assert.equal(two.voidLookups, 2);
  assert.equal(two.explanationSource, 'default');
  const three = await check('192.0.2.1', 'a@three.example.jp', [z]);
  assert.equal(three.result, 'permerror');
  assert.equal(three.problemCode, 'void-limit');
});

test('mx: more than 10 exchangers is a permerror; the null MX is skipped', async () => {
  const many = Array.from({ length: 11 }, (_, k) => `many IN MX ${k} h${k}`);
  const z = zone([
    ...many,
    'many IN TXT "v=spf1 mx -all"',
    'null IN MX 0 .',
    'null IN TXT "v=spf1 mx ?all"',
    ...Array.from({ length: 11 }, (_, k) => `h${k} IN A 192.0.2.${k}`),
  ]);
  const r = await check('192.0.2.1', 'a@many.example.jp', [z]);
  assert.equal(r.result, 'permerror');
  assert.equal(r.problemCode, 'mx-limit');
  assert.equal((await check('192.0.2.1', 'a@null.example.jp', [z])).result, 'neutral');
});

test('ptr and %{p}: only validated names count, and only the first 10 PTR names', async () => {
  const names = Array.from({ length: 10 }, (_, k) => `1.2.0.192.in-addr.arpa. IN PTR other${k}.example.net.`);
  const z = zone([
    '2.2.0.192.in-addr.arpa. IN PTR mail.example.jp.',
    '2.2.0.192.in-addr.arpa. IN PTR liar.example.jp.',
    'mail IN A 192.0.2.2',
    'liar IN A 192.0.2.99',
    ...names,
    '1.2.0.192.in-addr.arpa. IN PTR mail.example.jp.',
    '@   IN TXT "v=spf1 ptr -all exp=why.example.jp"',
    'why IN TXT "connect from %{p}"',
  ]);
  assert.equal((await check('192.0.2.2', 'a@example.jp', [z])).result, 'pass');
  const eleventh = await check('192.0.2.1', 'a@example.jp', [z]);
  assert.equal(eleventh.result, 'fail');
  assert.equal(eleventh.explanation, 'connect from unknown');
  const liar = zone(['2.2.0.192.in-addr.arpa. IN PTR liar.example.jp.', 'liar IN A 192.0.2.99', '@ IN TXT "v=spf1 ptr -all"']);
  assert.equal((await check('192.0.2.2', 'a@example.jp', [liar])).result, 'fail');
});

test('explanations: macros incl. c/r/t, ignored when missing, duplicated, non-ASCII or malformed', async () => {
  const z = zone([
    '@    IN TXT "v=spf1 -all exp=%{l}._exp.%{d}"',
    'bob._exp IN TXT "%{L} may not send from %{c} to %{r} at %{t} (%{i})"',
    'two._exp IN TXT "one"',
    'two._exp IN TXT "two"',
    'bad._exp IN TXT "the %{x} files"',
    'ja._exp  IN TXT "\\227\\129\\130"',
  ]);
  const r = await check('2001:db8::1', 'bob@example.jp', [z], { receiver: 'mx.example.org' });
  assert.equal(r.explanationSource, 'exp');
  assert.equal(
    r.explanation,
    'bob may not send from 2001:db8::1 to mx.example.org at 1700000000 (2.0.0.1.0.D.B.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1)',
  );
  for (const who of ['two', 'bad', 'ja', 'nobody']) {
    const d = await check('192.0.2.1', `${who}@example.jp`, [z], { defaultExplanation: 'DEFAULT' });
    assert.equal(d.explanation, 'DEFAULT', who);
    assert.equal(d.explanationSource, 'default', who);
  }
});

test('exists uses A records even for IPv6 clients; macros build the name', async () => {
  const z = zone(['@ IN TXT "v=spf1 exists:%{ir}.%{v}.%{l}.allow.%{d} -all"', '1.2.0.192.in-addr.bob.allow IN A 127.0.0.2']);
  assert.equal((await check('192.0.2.1', 'bob@example.jp', [z])).result, 'pass');
  assert.equal((await check('192.0.2.1', 'eve@example.jp', [z])).result, 'fail');
});

test('temperror on a DNS failure of a term; invalid client IP is a permerror; never throws', async () => {
  const failing: Resolver = {
    lookup: (name, type) =>
      name === 'example.jp' && type === 'TXT'
        ? Promise.resolve({ records: [['v=spf1 a:x.example.jp -all']] as never[] })
        : Promise.reject(new Error('socket closed')),
  };
  const t = await checkHost('192.0.2.1', 'example.jp', 'a@example.jp', 'h', failing);
  assert.equal(t.result, 'temperror');
  assert.match(t.problem!, /socket closed/);
  const bad = await checkHost('not-an-ip', 'example.jp', 'a@example.jp', 'h', failing);
  assert.equal(bad.result, 'permerror');
  assert.equal(bad.problemCode, 'invalid-ip');
});
