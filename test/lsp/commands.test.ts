/** The server's commands over workspace/executeCommand, as the palette commands call them. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, TestClient } from '../support/lspClient';

const read = (f: string) => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8');

describe('server commands', { timeout: 30000 }, () => {
  let client: TestClient;
  const applied: unknown[] = [];
  before(async () => {
    client = new TestClient();
    client.conn.onRequest('workspace/applyEdit', (p: unknown) => {
      applied.push(p);
      return { applied: true };
    });
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  test('testSpf evaluates against the open zone: the mail server passes, others fail', async () => {
    const uri = 'file:///ws/example.jp.zone';
    client.open(uri, 'zone', read('fixed/example.jp.zone'));
    await client.diagnostics(uri);
    const run = (ip: string) =>
      client.request<{ result: string; lookups: number; trace: unknown[] }>('workspace/executeCommand', {
        command: 'senderGuard.server.testSpf',
        arguments: [{ uri, ip, sender: 'info@example.jp' }],
      });
    const pass = await run('203.0.113.25');
    assert.equal(pass.result, 'pass');
    assert.ok(pass.trace.length > 0);
    assert.equal((await run('198.51.100.9')).result, 'fail');
    await assert.rejects(run('not-an-ip'), /not an IPv4 or IPv6 address/);
  });

  test('simulate: the fixed router rejects LAN SMTP to the internet at filter 42', async () => {
    const uri = 'file:///ws/router.rtx';
    client.open(uri, 'rtx', read('fixed/router.rtx'));
    const r = await client.request<{ verdict: string; steps: { filter: unknown; action: string }[] }>('workspace/executeCommand', {
      command: 'senderGuard.server.simulate',
      arguments: [{ uri, from: '192.168.100.37', to: '198.51.100.25', proto: 'tcp', port: '25' }],
    });
    assert.equal(r.verdict, 'reject');
    assert.deepEqual(r.steps[r.steps.length - 1], { ...r.steps[r.steps.length - 1], filter: 42, action: 'reject' });
    const bad = await client.request<{ errors: string[] }>('workspace/executeCommand', {
      command: 'senderGuard.server.simulate',
      arguments: [{ uri, from: 'x', to: '198.51.100.25', proto: 'tcp', port: '25' }],
    });
    assert.ok(bad.errors.length > 0);
  });

  test('infectedHosts lists 192.168.100.37 from the example log', async () => {
    const uri = 'file:///ws/router-syslog.rtxlog';
    client.open(uri, 'rtxlog', read('broken/router-syslog.rtxlog'));
    const r = await client.request<{ hosts: { host: string; likelyInfected: boolean }[] }>('workspace/executeCommand', {
      command: 'senderGuard.server.infectedHosts',
      arguments: [{ uri }],
    });
    assert.deepEqual(r.hosts.filter((h) => h.likelyInfected).map((h) => h.host), ['192.168.100.37']);
  });

  test('fixAll applies every unambiguous fix through workspace/applyEdit', async () => {
    const uri = 'file:///ws/broken.zone';
    client.open(uri, 'zone', read('broken/example.jp.zone'));
    await client.diagnostics(uri);
    const r = await client.request<{ fixed: string[] }>('workspace/executeCommand', { command: 'senderGuard.server.fixAll', arguments: [{ uri }] });
    assert.deepEqual(r.fixed, ['spf-version-typo']);
    assert.equal(applied.length, 1);
  });
});
