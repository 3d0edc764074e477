/** The live resolver against a DNS server of the test's own on 127.0.0.1 (no other network). */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseDocument } from '../../server/src/core';
import { checkHost } from '../../server/src/core/spf/evaluate';
import { ZoneIndex } from '../../server/src/core/spf/resolver';
import type { ZoneModel } from '../../server/src/core/zone/model';
import { liveResolver, withFallback } from '../../server/src/io/liveDns';
import { TestDnsServer } from '../support/dnsServer';

const server = new TestDnsServer(
  {
    '_spf.provider.test': { TXT: [['v=spf1 ip4:192.0.2.0/24 -all']] },
    'mail.provider.test': { A: ['192.0.2.25'] },
    '_inner.provider.test': { TXT: [['v=spf1 ip4:198.51.100.0/24 -all']] },
    '_bulk.provider.test': { TXT: [['v=spf1 include:_inner.provider.test a:mail.provider.test a:mail.provider.test a:mail.provider.test a:mail.provider.test a:mail.provider.test a:mail.provider.test a:mail.provider.test a:mail.provider.test ~all']] },
  },
  new Set(['slow.provider.test']),
);
before(() => server.start());
after(() => server.stop());

const live = (maxQueries = 10, timeoutMs = 300) => liveResolver({ timeoutMs, maxQueries, servers: [`127.0.0.1:${server.port}`] });

test('answers, NXDOMAIN, a timeout that becomes an error, and the query bound', async () => {
  const r = live(3);
  assert.deepEqual(await r.lookup('_spf.provider.test', 'TXT'), { records: [['v=spf1 ip4:192.0.2.0/24 -all']] });
  assert.deepEqual(await r.lookup('mail.provider.test.', 'A'), { records: ['192.0.2.25'] });
  assert.equal(((await r.lookup('nope.provider.test', 'A')) as { error: string }).error, 'nxdomain');
  const slow = (await r.lookup('slow.provider.test', 'TXT')) as { error: string; detail: string };
  assert.equal(slow.error, 'timeout');
  const bounded = (await r.lookup('other.provider.test', 'A')) as { error: string; detail: string };
  assert.equal(bounded.error, 'timeout');
  assert.match(bounded.detail, /query limit \(3\)/);
  assert.equal(r.queries, 3);
});

test('zone names are answered from the zone; only outside names are asked live', async () => {
  const zone = parseDocument('zone', '$ORIGIN example.jp.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 203.0.113.2\n@ IN TXT "v=spf1 include:_spf.provider.test -all"\n').model as ZoneModel;
  const before = server.queries.length;
  const resolver = withFallback(new ZoneIndex([zone]), live());
  const pass = await checkHost('192.0.2.9', 'example.jp', 'info@example.jp', 'example.jp', resolver);
  assert.equal(pass.result, 'pass');
  const fail = await checkHost('198.51.100.1', 'example.jp', 'info@example.jp', 'example.jp', resolver);
  assert.equal(fail.result, 'fail');
  // One query: the resolver caches answers; the zone's own names never leave the machine.
  assert.deepEqual(server.queries.slice(before), ['_spf.provider.test TXT']);
});

test('senderguard spf test --live asks the given server for names outside the zone files', async () => {
  const { spawn } = await import('node:child_process');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { ROOT } = await import('../support/lspClient');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-live-'));
  const zone = path.join(dir, 'example.jp.zone');
  fs.writeFileSync(zone, '$ORIGIN example.jp.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 203.0.113.2\n@ IN TXT "v=spf1 include:_spf.provider.test -all"\n');
  const run = (extra: string[]) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const p = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'spf', 'test', '--zone', zone, '--ip', '192.0.2.9', '--domain', 'example.jp', '--format', 'json', ...extra]);
      let out = '';
      p.stdout.on('data', (b: Buffer) => (out += b));
      p.on('close', (code) => resolve({ code, out }));
    });
  const offline = await run([]);
  assert.equal(JSON.parse(offline.out).result, 'temperror');
  const online = await run(['--live', '--dns-server', `127.0.0.1:${server.port}`, '--dns-timeout', '500']);
  assert.equal(online.code, 0);
  assert.equal(JSON.parse(online.out).result, 'pass');
});

test('the language server asks live DNS only when enabled AND the workspace is trusted', { timeout: 20000 }, async () => {
  const { TestClient } = await import('../support/lspClient');
  const zone = '$ORIGIN example.jp.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 203.0.113.2\n@ IN TXT "v=spf1 include:_spf.provider.test -all"\n';
  const resultWith = async (init: Record<string, unknown>): Promise<string> => {
    const client = new TestClient();
    try {
      await client.initialize(init);
      client.open('file:///ws/example.jp.zone', 'zone', zone);
      await client.diagnostics('file:///ws/example.jp.zone');
      const r = await client.request<{ result: string }>('workspace/executeCommand', {
        command: 'senderGuard.server.testSpf',
        arguments: [{ uri: 'file:///ws/example.jp.zone', ip: '192.0.2.9', domain: 'example.jp' }],
      });
      return r.result;
    } finally {
      await client.shutdown();
    }
  };
  const liveOn = { enabled: true, timeoutMs: 500, servers: [`127.0.0.1:${server.port}`] };
  const before = server.queries.length;
  assert.equal(await resultWith({ settings: {} }), 'temperror', 'off by default');
  assert.equal(await resultWith({ settings: { liveDns: liveOn }, trusted: false }), 'temperror', 'never in an untrusted workspace');
  assert.equal(server.queries.length, before, 'no query was sent');
  assert.equal(await resultWith({ settings: { liveDns: liveOn }, trusted: true }), 'pass');
  // The command asks once; the SPF lookup analysis (hover, spf-lookup-limit) may ask the same name
  // with its own resolver. Nothing else leaves the machine.
  const sent = server.queries.slice(before);
  assert.ok(sent.length >= 1 && sent.length <= 2, String(sent));
  assert.deepEqual([...new Set(sent)], ['_spf.provider.test TXT']);
});

test('hover and spf-lookup-limit expand external includes through live DNS only when enabled AND trusted', { timeout: 20000 }, async () => {
  const { TestClient } = await import('../support/lspClient');
  const uri = 'file:///ws/bulk.example.jp.zone';
  const zone = '$ORIGIN example.jp.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 203.0.113.2\n@ IN MX 10 ns1\n@ IN TXT "v=spf1 mx include:_bulk.provider.test -all"\n';
  const at = { line: 5, character: zone.split('\n')[5].indexOf('v=spf1') + 1 };
  type Diag = { code?: string | number };
  const run = async (init: Record<string, unknown>, expanded: boolean): Promise<string> => {
    const client = new TestClient();
    try {
      await client.initialize(init);
      client.open(uri, 'zone', zone);
      const diags = (await client.diagnostics(uri, (d) => !expanded || (d as Diag[]).some((x) => x.code === 'spf-lookup-limit'))) as Diag[];
      const h = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: at });
      if (!expanded) assert.ok(!diags.some((x) => x.code === 'spf-lookup-limit'));
      return h.contents.value;
    } finally {
      await client.shutdown();
    }
  };
  const liveOn = { enabled: true, timeoutMs: 500, servers: [`127.0.0.1:${server.port}`] };
  const before = server.queries.length;
  const off = await run({ settings: {} }, false);
  assert.match(off, /`include:_bulk\.provider\.test` — 1 lookup; not expanded: outside the zone files/);
  const untrusted = await run({ settings: { liveDns: liveOn }, trusted: false }, false);
  assert.match(untrusted, /not expanded: outside the zone files/);
  const mineSoFar = server.queries.slice(before).filter((q) => /^_(bulk|inner)\./.test(q));
  assert.deepEqual(mineSoFar, [], 'no query was sent');
  const on = await run({ settings: { liveDns: liveOn }, trusted: true }, true);
  // mx + include:_bulk (1 + include:_spf (1) + 8 × a:) = 11
  assert.match(on, /\*\*DNS lookups:\*\* 11 of 10/);
  assert.match(on, /`include:_bulk\.provider\.test` — 10 lookups; record from live DNS/);
  assert.match(on, /\n {2}- `include:_inner\.provider\.test` — 1 lookup; record from live DNS/);
  // Only this test's names (another test's server may still be asking for _spf.provider.test).
  const mine = server.queries.slice(before).filter((q) => /^_(bulk|inner)\./.test(q));
  assert.deepEqual(mine.sort(), ['_bulk.provider.test TXT', '_inner.provider.test TXT']);
});
