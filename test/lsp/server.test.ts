/** The real `senderguard-lsp --stdio` process, driven over JSON-RPC as any editor would. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { applyLspEdits } from '../support/edits';
import { ROOT, TestClient } from '../support/lspClient';

const BROKEN_ZONE = fs.readFileSync(path.join(ROOT, 'examples/broken/example.jp.zone'), 'utf8');
const BROKEN_RTX = fs.readFileSync(path.join(ROOT, 'examples/broken/router.rtx'), 'utf8');
const FIXED_ZONE = fs.readFileSync(path.join(ROOT, 'examples/fixed/example.jp.zone'), 'utf8');

const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code));
const has = (code: string) => (ds: Diagnostic[]) => codes(ds).includes(code);
const lacks = (code: string) => (ds: Diagnostic[]) => !codes(ds).includes(code);

function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `fixture lacks ${needle}`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('language server over stdio', { timeout: 30000 }, () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize({ settings: { mailServers: ['203.0.113.25'] } });
  });
  after(async () => {
    await client.shutdown();
  });

  test('reports the incident zone problems with codes, ranges and doc links', async () => {
    const uri = 'file:///ws/example.jp.zone';
    client.open(uri, 'zone', BROKEN_ZONE);
    const ds = await client.diagnostics(uri, (d) => has('spf-version-typo')(d) && has('spf-invalid-ip')(d));
    const typo = ds.find((d) => d.code === 'spf-version-typo')!;
    assert.deepEqual(typo.range.start, positionOf(BROKEN_ZONE, '"v-spf1 +ip4', 1));
    assert.deepEqual(typo.range.end, positionOf(BROKEN_ZONE, '"v-spf1 +ip4', '"v-spf1'.length));
    assert.equal(typo.severity, 1);
    assert.equal(typo.source, 'sender-guard');
    assert.match(typo.codeDescription!.href, /docs\/rules\/spf-version-typo\.md$/);
    const ip = ds.find((d) => d.code === 'spf-invalid-ip')!;
    assert.deepEqual(ip.range.start, positionOf(BROKEN_ZONE, 'AAA.BBB'));
    assert.deepEqual(ip.range.end, positionOf(BROKEN_ZONE, 'AAA.BBB.CCC.DDD', 'AAA.BBB.CCC.DDD'.length));
  });

  test('hover explains an SPF term', async () => {
    const uri = 'file:///ws/example.jp.zone';
    const h = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(BROKEN_ZONE, '+mx', 2),
    });
    assert.ok(h, 'no hover');
    const value = (h.contents as { value: string }).value;
    assert.match(value, /mx/i);
    assert.match(value, /7208/);
  });

  test('the version-typo quick fix repairs the tag and the diagnostic goes away', async () => {
    const uri = 'file:///ws/example.jp.zone';
    const ds = await client.diagnostics(uri, has('spf-version-typo'));
    const typo = ds.find((d) => d.code === 'spf-version-typo')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: typo.range,
      context: { diagnostics: [typo] },
    });
    const fix = actions.find((a) => /v=spf1/.test(a.title));
    assert.ok(fix, `no fix among ${actions.map((a) => a.title).join(', ')}`);
    const fixed = applyLspEdits(BROKEN_ZONE, fix.edit!.changes![uri]);
    assert.equal(fixed, BROKEN_ZONE.replace('"v-spf1 ', '"v=spf1 '));
    const waiting = client.nextDiagnostics(uri);
    client.change(uri, fixed);
    const after = await waiting;
    assert.ok(lacks('spf-version-typo')(after), codes(after).join());
  });

  test('the fixed zone is clean', async () => {
    const uri = 'file:///ws/fixed.zone';
    client.open(uri, 'zone', FIXED_ZONE);
    assert.deepEqual(codes(await client.diagnostics(uri)), []);
  });

  test('detects the language of a file with a foreign language id by name and content', async () => {
    const uri = 'file:///ws/db.example';
    client.open(uri, 'plaintext', BROKEN_ZONE);
    await client.diagnostics(uri, has('spf-version-typo'));
  });

  test('open SMTP egress on the router, fixed by the quick fix', async () => {
    const uri = 'file:///ws/router.rtx';
    client.open(uri, 'rtx', BROKEN_RTX);
    const ds = await client.diagnostics(uri, has('rtx-smtp-egress-open'));
    const diag = ds.find((d) => d.code === 'rtx-smtp-egress-open')!;
    assert.equal(diag.severity, 2);
    assert.equal(diag.range.start.line, positionOf(BROKEN_RTX, ' ip pp secure filter out').line);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag] },
    });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => /Block outbound SMTP/i.test(t)), titles.join());
    const allow = actions.find((a) => a.title.includes('203.0.113.25'));
    assert.ok(allow, `no allow-to-mail-server fix among ${titles.join(', ')}`);
    const fixed = applyLspEdits(BROKEN_RTX, allow.edit!.changes![uri]);
    const waiting = client.nextDiagnostics(uri);
    client.change(uri, fixed);
    assert.ok(lacks('rtx-smtp-egress-open')(await waiting));
  });

  test('a rule set to off disappears; closing clears diagnostics', async () => {
    const uri = 'file:///ws/off.zone';
    client.open(uri, 'zone', BROKEN_ZONE);
    await client.diagnostics(uri, has('spf-invalid-ip'));
    const waiting = client.nextDiagnostics(uri, lacks('spf-invalid-ip'));
    void client.conn.sendNotification('workspace/didChangeConfiguration', {
      settings: { senderGuard: { rules: { 'spf-invalid-ip': 'off' } } },
    });
    const now = await waiting;
    assert.ok(has('spf-version-typo')(now));
    const cleared = client.nextDiagnostics(uri);
    client.close(uri);
    assert.deepEqual(await cleared, []);
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { senderGuard: {} } });
  });
});

describe('language server robustness', { timeout: 30000 }, () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  test('binary and hostile input give diagnostics, not a dead server', async () => {
    const bytes = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    client.open('file:///ws/bin.zone', 'zone', bytes);
    client.open('file:///ws/bin.rtx', 'rtx', bytes);
    client.open('file:///ws/quote.zone', 'zone', '$ORIGIN example.\n@ IN TXT "v=spf1 -all\n' + 'x'.repeat(200000));
    await client.diagnostics('file:///ws/bin.zone');
    await client.diagnostics('file:///ws/bin.rtx');
    await client.diagnostics('file:///ws/quote.zone');
    assert.equal(client.proc.exitCode, null);
  });

  test('requests for unopened documents and out-of-range positions answer neutrally', async () => {
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nope.zone' }, position: { line: 0, character: 0 } }), null);
    client.open('file:///ws/small.zone', 'zone', '$TTL 1h\n');
    const h = await client.request('textDocument/hover', { textDocument: { uri: 'file:///ws/small.zone' }, position: { line: 999, character: 999 } });
    assert.ok(h === null || typeof h === 'object');
    const acts = await client.request<unknown[]>('textDocument/codeAction', {
      textDocument: { uri: 'file:///ws/small.zone' },
      range: { start: { line: 50, character: 0 }, end: { line: 60, character: 0 } },
      context: { diagnostics: [{ range: { start: { line: 50, character: 0 }, end: { line: 60, character: 0 } }, message: 'x', code: 'spf-version-typo', source: 'sender-guard' }] },
    });
    assert.ok(Array.isArray(acts));
  });

  test('an unknown method is an error response and the server keeps answering', async () => {
    await assert.rejects(client.request('senderGuard/noSuchMethod', {}));
    client.open('file:///ws/after.zone', 'zone', BROKEN_ZONE);
    await client.diagnostics('file:///ws/after.zone', has('spf-version-typo'));
  });
});
