/** $INCLUDE in the editor: followed inside the workspace folders, never outside them. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { ROOT, TestClient } from '../support/lspClient';

const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.shutdown();
});

/**
 * Writes `zone` as example.jp.zone in the workspace folder `ws`, opens it in a server started on
 * that folder and waits for its $INCLUDE findings.
 */
async function openZone(ws: string, zone: string) {
  fs.writeFileSync(path.join(ws, 'example.jp.zone'), zone);
  const client = new TestClient();
  clients.push(client);
  await client.initialize({}, ws);
  const uri = pathToFileURL(path.join(ws, 'example.jp.zone')).toString();
  client.open(uri, 'zone', zone);
  const ds = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'zone-include'));
  const byLine = (line: number) => ds.filter((d) => d.range.start.line === line).map((d) => `${d.code}: ${d.message}`);
  return { client, uri, ds, byLine };
}

test('an included file inside the workspace is read; one outside (also through a link) is not', { timeout: 20000 }, async () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-inc-out-'));
  fs.writeFileSync(path.join(outside, 'secret.inc'), 'www IN A 192.0.2.1\n');
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-inc-ws-'));
  fs.writeFileSync(path.join(ws, 'hosts.inc'), 'mail IN A 203.0.113.25\nbad IN AX 192.0.2.7\n');
  fs.symlinkSync(path.join(outside, 'secret.inc'), path.join(ws, 'linked.inc'));
  const zone = [
    '$ORIGIN example.jp.',
    '$TTL 1h',
    '@ IN SOA ns1 hostmaster 1 2 3 4 5',
    '@ IN NS ns1',
    'ns1 IN A 203.0.113.2',
    '@ IN MX 10 mail',
    '$INCLUDE hosts.inc',
    `$INCLUDE ${path.join(outside, 'secret.inc')}`,
    '$INCLUDE linked.inc',
    '',
  ].join('\n');
  const { ds, byLine } = await openZone(ws, zone);
  assert.ok(byLine(6).some((m) => /zone-include: .*hosts\.inc/.test(m) && /AX/.test(m)), `the error inside hosts.inc is reported on its $INCLUDE line: ${JSON.stringify(ds)}`);
  assert.ok(!ds.some((d) => d.code === 'zone-target-no-address'), 'mail is defined in the included file');
  assert.ok(byLine(7).some((m) => /outside the workspace/.test(m)), JSON.stringify(byLine(7)));
  assert.ok(byLine(8).some((m) => /outside the workspace/.test(m)), JSON.stringify(byLine(8)));
});

test('no way out through $INCLUDE: ../, a linked folder, a nested include, a prefix sibling', { timeout: 30000 }, async () => {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sg-inc2-')));
  const ws = path.join(tmp, 'ws');
  const outside = path.join(tmp, 'outside');
  fs.mkdirSync(ws);
  fs.mkdirSync(outside);
  fs.mkdirSync(path.join(tmp, 'ws-evil'));
  fs.writeFileSync(path.join(outside, 'secret.inc'), 'secret IN A 192.0.2.66\n');
  fs.writeFileSync(path.join(tmp, 'ws-evil', 'secret.inc'), 'evil IN A 192.0.2.67\n');
  fs.symlinkSync(outside, path.join(ws, 'linkdir'));
  // Inside the workspace, but itself including a file outside it.
  fs.writeFileSync(path.join(ws, 'nested.inc'), `ok IN A 203.0.113.9\n$INCLUDE ../outside/secret.inc\n`);
  const zone = [
    '$ORIGIN example.jp.',
    '$TTL 1h',
    '@ IN SOA ns1 hostmaster 1 2 3 4 5',
    '@ IN NS ns1',
    'ns1 IN A 203.0.113.2',
    '$INCLUDE ../outside/secret.inc',
    '$INCLUDE linkdir/secret.inc',
    '$INCLUDE ../ws-evil/secret.inc',
    '$INCLUDE nested.inc',
    '@ IN MX 10 ok',
    '',
  ].join('\n');
  const { client, uri, ds, byLine } = await openZone(ws, zone);
  for (const line of [5, 6, 7]) assert.ok(byLine(line).some((m) => /outside the workspace/.test(m)), `line ${line}: ${JSON.stringify(ds)}`);
  // The nested file is read (its host `ok` is defined), and its own way out is refused, reported on the outer $INCLUDE.
  assert.ok(byLine(8).some((m) => /outside the workspace/.test(m)), `nested: ${JSON.stringify(byLine(8))}`);
  assert.ok(!ds.some((d) => d.code === 'zone-target-no-address'), `ok is defined in nested.inc: ${JSON.stringify(ds)}`);
  // Nothing of the secrets reached the server's answers: the names they define are nowhere.
  const symbols = await client.request<{ name: string; detail?: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.filter((s) => ['secret', 'evil'].includes(s.name) || /192\.0\.2\.6[67]/.test(JSON.stringify(s))), []);
  assert.ok(!/192\.0\.2\.6[67]/.test(JSON.stringify(ds)), JSON.stringify(ds));
});

test('cross-file facts: a zone file linked in from outside, or in a linked folder, never counts', { timeout: 30000 }, async () => {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sg-facts-')));
  const ws = path.join(tmp, 'ws');
  const outside = path.join(tmp, 'outside');
  fs.mkdirSync(ws);
  fs.mkdirSync(outside);
  const ZONE = (address: string) => `$ORIGIN example.jp.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n@ IN NS ns1\n@ IN MX 10 mail\nns1 IN A 203.0.113.2\nmail IN A ${address}\n`;
  fs.writeFileSync(path.join(outside, 'secret.zone'), ZONE('192.0.2.99'));
  fs.mkdirSync(path.join(outside, 'zones'));
  fs.writeFileSync(path.join(outside, 'zones', 'other.zone'), ZONE('192.0.2.98'));
  fs.symlinkSync(path.join(outside, 'zones'), path.join(ws, 'linked-zones'));
  fs.symlinkSync(path.join(outside, 'secret.zone'), path.join(ws, 'watched.zone'));
  // The control: a real zone file of the workspace does count.
  fs.writeFileSync(path.join(ws, 'real.zone'), ZONE('198.51.100.44'));
  const router = fs.readFileSync(path.join(ROOT, 'examples/broken/router.rtx'), 'utf8');
  const client = new TestClient();
  clients.push(client);
  await client.initialize({}, ws);
  // The editor reports the link as a created file: it is resolved, found outside, and skipped.
  await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: pathToFileURL(path.join(ws, 'watched.zone')).toString(), type: 1 },
      { uri: pathToFileURL(path.join(ws, 'linked-zones', 'other.zone')).toString(), type: 1 },
    ],
  });
  const uri = pathToFileURL(path.join(ws, 'router.rtx')).toString();
  client.open(uri, 'rtx', router);
  const ds = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'rtx-smtp-egress-open'));
  const diag = ds.find((d) => d.code === 'rtx-smtp-egress-open')!;
  const actions = await client.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
  const titles = actions.map((a) => a.title).join(' | ');
  assert.ok(titles.includes('198.51.100.44'), titles);
  assert.ok(!titles.includes('192.0.2.99') && !titles.includes('192.0.2.98'), titles);
});
