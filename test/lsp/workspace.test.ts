/** Zone files of the workspace feed the router rules: their mail servers become "Allow SMTP only to …". */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyLspEdits } from '../support/edits';
import { ROOT, TestClient } from '../support/lspClient';

const ROUTER = fs.readFileSync(path.join(ROOT, 'examples/broken/router.rtx'), 'utf8');
const ZONE = (address: string) =>
  `$ORIGIN example.jp.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n@ IN NS ns1\n@ IN MX 10 mail\nns1 IN A 203.0.113.2\nmail IN A ${address}\n`;

const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.shutdown();
});

async function actionTitles(client: TestClient, uri: string): Promise<string[]> {
  const ds = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'rtx-smtp-egress-open'));
  const diag = ds.find((d) => d.code === 'rtx-smtp-egress-open') as Diagnostic;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
  return actions.map((a) => a.title);
}

test('a zone file on disk in the workspace folder offers its MX host as the mail server', { timeout: 20000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-ws-'));
  fs.writeFileSync(path.join(dir, 'example.jp.zone'), ZONE('203.0.113.77'));
  const client = new TestClient();
  clients.push(client);
  await client.initialize({}, dir);
  const uri = pathToFileURL(path.join(dir, 'router.rtx')).toString();
  client.open(uri, 'rtx', ROUTER);
  const titles = await actionTitles(client, uri);
  assert.ok(titles.some((t) => t.includes('203.0.113.77')), titles.join(' | '));
  // Applied, the fix closes the path and the rule stops firing.
  const ds = await client.diagnostics(uri);
  const diag = ds.find((d) => d.code === 'rtx-smtp-egress-open') as Diagnostic;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
  const allow = actions.find((a) => a.title.includes('203.0.113.77'))!;
  const fixed = applyLspEdits(ROUTER, allow.edit!.changes![uri]);
  assert.match(fixed, /^ip filter \d+ pass 192\.168\.100\.0\/24 203\.0\.113\.77 tcp \* smtp$/m);
  const next = client.nextDiagnostics(uri);
  client.change(uri, fixed);
  assert.ok(!(await next).some((d) => d.code === 'rtx-smtp-egress-open'));
});

test('an open zone document counts too, and editing it updates the offer', { timeout: 20000 }, async () => {
  const client = new TestClient();
  clients.push(client);
  await client.initialize();
  const zoneUri = 'untitled:zone-1';
  client.open(zoneUri, 'zone', ZONE('198.51.100.33'));
  await client.diagnostics(zoneUri);
  const uri = 'untitled:router-1';
  client.open(uri, 'rtx', ROUTER);
  assert.ok((await actionTitles(client, uri)).some((t) => t.includes('198.51.100.33')));
  const republished = client.nextDiagnostics(uri);
  client.change(zoneUri, ZONE('198.51.100.44'));
  await republished;
  const titles = await actionTitles(client, uri);
  assert.ok(titles.some((t) => t.includes('198.51.100.44')), titles.join(' | '));
  assert.ok(!titles.some((t) => t.includes('198.51.100.33')), titles.join(' | '));
});

test('a zone file reached through a symlink out of the workspace is not read', { timeout: 20000 }, async () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-out-'));
  fs.writeFileSync(path.join(outside, 'secret.zone'), ZONE('192.0.2.99'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-ws-'));
  fs.symlinkSync(path.join(outside, 'secret.zone'), path.join(dir, 'linked.zone'));
  const client = new TestClient();
  clients.push(client);
  await client.initialize({}, dir);
  const uri = pathToFileURL(path.join(dir, 'router.rtx')).toString();
  client.open(uri, 'rtx', ROUTER);
  const titles = await actionTitles(client, uri);
  assert.ok(!titles.some((t) => t.includes('192.0.2.99')), titles.join(' | '));
});
