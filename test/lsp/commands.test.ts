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

  test('explainBounce: cause, reply range and the related findings of the open documents', async () => {
    const zone = 'file:///ws/bounce/example.jp.zone';
    const log = 'file:///ws/bounce/router-syslog.rtxlog';
    client.open(zone, 'zone', read('broken/example.jp.zone'));
    client.open(log, 'rtxlog', read('broken/router-syslog.rtxlog'));
    await client.diagnostics(zone);
    type Result = {
      cause: { id: string };
      status: string;
      remoteMta: { host: string; ip: string };
      replyRange: { start: { line: number; character: number } };
      relatedFindings: { uri: string; rule: string; range: { start: { line: number } } }[];
    };
    const explain = (text: string) => client.request<Result>('workspace/executeCommand', { command: 'senderGuard.server.explainBounce', arguments: [{ text }] });
    const text = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'bounces', 'incident-gmail-5.7.1-no-authentication.eml'), 'utf8');
    const auth = await explain(text);
    assert.equal(auth.cause.id, 'unauthenticated');
    assert.equal(auth.status, '5.7.1');
    assert.deepEqual(auth.remoteMta, { host: 'gmail-smtp-in.l.google.com', ip: '192.0.2.17' });
    assert.ok(text.split('\n')[auth.replyRange.start.line].slice(auth.replyRange.start.character).startsWith('550-5.7.1 This message'));
    const typo = auth.relatedFindings.filter((f) => f.uri === zone && f.rule === 'spf-version-typo');
    assert.equal(typo.length, 1, JSON.stringify(auth.relatedFindings));
    assert.equal(read('broken/example.jp.zone').split('\n')[typo[0].range.start.line].includes('v-spf1'), true);
    // Text given while the zone is the active editor (uri): the zone's findings still count.
    const fromZone = await client.request<Result>('workspace/executeCommand', { command: 'senderGuard.server.explainBounce', arguments: [{ text, uri: zone }] });
    assert.ok(fromZone.relatedFindings.some((f) => f.uri === zone && f.rule === 'spf-version-typo'), JSON.stringify(fromZone.relatedFindings));
    const blocked = await explain(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'bounces', 'incident-spamhaus-company-ip.eml'), 'utf8'));
    assert.equal(blocked.cause.id, 'blocklisted-ip');
    assert.ok(blocked.relatedFindings.some((f) => f.uri === log && f.rule === 'log-infected-host'));
    assert.ok(!blocked.relatedFindings.some((f) => f.rule.startsWith('spf-')));
    await assert.rejects(client.request('workspace/executeCommand', { command: 'senderGuard.server.explainBounce', arguments: [{}] }), /text of the bounce/);
    // Without text, the open document named by uri is read.
    const eml = 'file:///ws/bounce/returned.eml';
    client.open(eml, 'plaintext', fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'bounces', 'postfix-relay-access-denied.eml'), 'utf8'));
    const relay = await client.request<Result>('workspace/executeCommand', { command: 'senderGuard.server.explainBounce', arguments: [{ uri: eml }] });
    assert.equal(relay.cause.id, 'relay-denied');
    assert.deepEqual(relay.relatedFindings, []);
  });
});

describe('command code actions (VS Code client)', { timeout: 30000 }, () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize({ clientCommands: true });
  });
  after(async () => {
    await client.shutdown();
  });

  const actionsAt = async (uri: string, line: number, character: number) =>
    (
      await client.request<{ title: string; kind?: string; command?: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line, character }, end: { line, character } },
        context: { diagnostics: [] },
      })
    ).map((a) => `${a.kind ?? ''}|${a.title}|${a.command?.command ?? ''}`);

  test('an SPF record offers the SPF test, a fixable file offers fix-all', async () => {
    const uri = 'file:///ws/b.zone';
    const text = read('broken/example.jp.zone').replace('"v-spf1 ', '"v=spf1 ');
    client.open(uri, 'zone', text);
    await client.diagnostics(uri);
    const line = text.split('\n').findIndex((l) => l.includes('v=spf1'));
    const got = await actionsAt(uri, line, text.split('\n')[line].indexOf('+mx') + 1);
    assert.ok(got.includes('|Test an IP address against this SPF record|senderGuard.testSpf'), got.join('\n'));
    assert.ok(!got.some((a) => a.includes('senderGuard.fixAll')), 'nothing is auto-fixable in this zone');
    client.change(uri, read('broken/example.jp.zone'));
    await client.nextDiagnostics(uri);
    assert.ok((await actionsAt(uri, 0, 0)).includes('source.fixAll.senderGuard|Fix all auto-fixable problems|senderGuard.fixAll'));
  });

  test('a secure filter line offers the packet simulation; a log offers the infected-host table', async () => {
    const rtx = read('fixed/router.rtx');
    client.open('file:///ws/r.rtx', 'rtx', rtx);
    const line = rtx.split('\n').findIndex((l) => l.includes('secure filter out'));
    assert.ok((await actionsAt('file:///ws/r.rtx', line, 3)).some((a) => a.endsWith('senderGuard.simulatePacket')));
    assert.ok(!(await actionsAt('file:///ws/r.rtx', 0, 0)).some((a) => a.endsWith('senderGuard.simulatePacket')));
    client.open('file:///ws/l.rtxlog', 'rtxlog', read('broken/router-syslog.rtxlog'));
    assert.ok((await actionsAt('file:///ws/l.rtxlog', 0, 0)).some((a) => a.endsWith('senderGuard.showInfectedHosts')));
  });
});
