/** Editor features of zone files over LSP, against the real `senderguard-lsp --stdio` process. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  ApplyWorkspaceEditParams,
  CodeAction,
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  Location,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { applyLspEdits } from '../support/edits';
import { TestClient } from '../support/lspClient';

const ZONE = `; Zone of example.com
; kept by hand
$ORIGIN example.com.
$TTL 1h
@ IN SOA ns1 hostmaster (
        2024010101 ; serial
        1h 15m 1w 1h )
  IN NS ns1
  IN MX 10 mail
www IN CNAME web.example.com.
web 300 IN A 192.0.2.1
mail IN A 192.0.2.25
ns1 IN A 192.0.2.53
`;
const URI = 'file:///ws/features.example.com.zone';

function pos(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `fixture lacks ${needle}`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function todaySerial(): string {
  const d = new Date();
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}00`;
}

describe('zone editor features over stdio', { timeout: 30000 }, () => {
  let client: TestClient;
  const applied: ApplyWorkspaceEditParams[] = [];
  before(async () => {
    client = new TestClient();
    client.conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      applied.push(p);
      return { applied: true };
    });
    const init = (await client.initialize()) as { capabilities: Record<string, unknown> };
    for (const cap of ['documentSymbolProvider', 'foldingRangeProvider', 'definitionProvider', 'referencesProvider', 'completionProvider', 'documentFormattingProvider', 'executeCommandProvider']) {
      assert.ok(init.capabilities[cap], `missing ${cap}`);
    }
    client.open(URI, 'zone', ZONE);
    await client.diagnostics(URI);
  });
  after(async () => {
    await client.shutdown();
  });

  test('document symbols: owners with their RRsets', async () => {
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    const owners = syms.filter((s) => s.children);
    assert.deepEqual(
      owners.map((s) => `${s.name}: ${s.children!.map((c) => c.name).join(',')}`),
      ['@: SOA,NS,MX', 'www: CNAME', 'web: A', 'mail: A', 'ns1: A'],
    );
    assert.deepEqual(owners[1].selectionRange, { start: pos(ZONE, 'www'), end: pos(ZONE, 'www', 3) });
  });

  test('folding ranges: comments, the $ORIGIN block and the SOA', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: URI } });
    assert.deepEqual(
      ranges.map((r) => `${r.kind ?? 'record'} ${r.startLine}-${r.endLine}`),
      ['comment 0-1', 'region 2-12', 'record 4-6'],
    );
  });

  test('definition and references of a name', async () => {
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: URI }, position: pos(ZONE, 'web.example.com.', 1) });
    assert.deepEqual(defs, [{ uri: URI, range: { start: pos(ZONE, 'web 300'), end: pos(ZONE, 'web 300', 3) } }]);
    const mx = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: URI }, position: pos(ZONE, '10 mail', 4) });
    assert.deepEqual(mx.map((l) => l.range.start), [pos(ZONE, 'mail IN A')]);
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: URI },
      position: pos(ZONE, 'ns1 IN A'),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      refs.map((l) => l.range.start),
      [pos(ZONE, 'ns1 hostmaster'), pos(ZONE, 'NS ns1', 3), pos(ZONE, 'ns1 IN A')],
    );
  });

  test('completion of types, classes and directives', async () => {
    const open = (text: string): Promise<CompletionItem[]> => {
      const uri = `file:///ws/complete${Math.random()}.zone`;
      client.open(uri, 'zone', text);
      return client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: pos(text, '|') });
    };
    const types = await open('www IN |');
    assert.ok(types.some((i) => i.label === 'AAAA'));
    assert.ok(!types.some((i) => i.label === 'IN'));
    const dirs = await open('$I|');
    assert.deepEqual(dirs.map((i) => i.label), ['$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE']);
    assert.deepEqual((dirs[2].textEdit as TextEdit).range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
  });

  test('formatting aligns the columns and keeps the records', async () => {
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 8, insertSpaces: true } });
    const out = applyLspEdits(ZONE, edits);
    assert.ok(out.includes('www      IN CNAME web.example.com.'), out);
    assert.ok(out.includes('web  300 IN A     192.0.2.1'), out);
    assert.ok(out.includes('        2024010101 ; serial'), 'continuation lines are kept');
  });

  test('"Bump SOA serial" code action on the SOA, and the workspace command', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: pos(ZONE, 'hostmaster'), end: pos(ZONE, 'hostmaster') },
      context: { diagnostics: [] },
    });
    const bump = actions.find((a) => a.title === 'Bump SOA serial');
    assert.ok(bump, actions.map((a) => a.title).join());
    assert.equal(applyLspEdits(ZONE, bump.edit!.changes![URI]), ZONE.replace('2024010101', todaySerial()));
    const none = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: pos(ZONE, 'mail IN A'), end: pos(ZONE, 'mail IN A') },
      context: { diagnostics: [] },
    });
    assert.deepEqual(none.map((a) => a.title), []);

    const result = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'senderGuard.server.bumpSerial', arguments: [URI] });
    assert.deepEqual(result, { applied: true });
    const change = applied.at(-1)!.edit.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.uri, URI);
    assert.equal(applyLspEdits(ZONE, change.edits as TextEdit[]), ZONE.replace('2024010101', todaySerial()));
  });

  test('features on unknown documents and other languages answer neutrally', async () => {
    const nope = { textDocument: { uri: 'file:///nope.zone' } };
    assert.deepEqual(await client.request('textDocument/documentSymbol', nope), []);
    assert.deepEqual(await client.request('textDocument/definition', { ...nope, position: { line: 0, character: 0 } }), []);
    assert.deepEqual(await client.request('workspace/executeCommand', { command: 'senderGuard.server.bumpSerial', arguments: ['file:///nope.zone'] }), { applied: false });
    client.open('file:///ws/r.rtx', 'rtx', 'ip lan1 address 192.168.0.1/24\n');
    assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri: 'file:///ws/r.rtx' }, options: { tabSize: 2, insertSpaces: true } }), []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///ws/r.rtx' } }), []);
  });
});
