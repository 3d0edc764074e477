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
  assert.equal(server.queries.length, before + 1);
});
