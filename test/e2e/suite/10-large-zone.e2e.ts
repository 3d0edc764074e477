/**
 * Typing in a large zone: the editor's incremental changes (two at once, as with two cursors)
 * reach the server, which answers from the edited records before the whole analysis. Whatever
 * the editor shows first after the edit must already be right: the typed error on its line, and
 * the findings below the inserted line moved down with it.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, waitForCodes, withTimeout } from './helpers';

const lines = ['$ORIGIN example.jp.', '$TTL 1h', '@ IN SOA ns1 hostmaster 1 2 3 4 5', '@ IN NS ns1', 'ns1 IN A 192.0.2.1'];
for (let i = 0; i < 3000; i++) lines.push(`h${i} IN A 10.0.${i >> 8}.${i & 255}`);
lines.push('dup IN A 192.0.2.9', 'dup IN A 192.0.2.9');

const linesOf = (diags: readonly vscode.Diagnostic[], code: string): number[] => diags.filter((d) => codeOf(d) === code).map((d) => d.range.start.line);

suite('a large zone file', () => {
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument({ language: 'zone', content: lines.join('\n') + '\n' });
    editor = await vscode.window.showTextDocument(doc, { preview: false });
  });

  suiteTeardown(async () => {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the first diagnostics after a two-place edit are right', async () => {
    const before = await waitForCodes(doc.uri, ['zone-duplicate-record'], 60_000);
    const dups = linesOf(before, 'zone-duplicate-record');
    const target = lines.findIndex((l) => l.startsWith('h2500 '));
    const firstChange = new Promise<readonly vscode.Diagnostic[]>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (!e.uris.some((u) => u.toString() === doc.uri.toString())) return;
        sub.dispose();
        resolve(vscode.languages.getDiagnostics(doc.uri));
      });
    });
    const applied = await editor.edit((b) => {
      b.insert(new vscode.Position(5, 0), 'new IN A 192.0.2.10\n');
      b.replace(new vscode.Range(target, lines[target].lastIndexOf('.') + 1, target, lines[target].length), '300');
    });
    assert.ok(applied, 'the edit was not applied');
    const first = await withTimeout(firstChange, 'the diagnostics after the edit', 60_000);
    assert.deepEqual(linesOf(first, 'zone-bad-rdata'), [target + 1]);
    assert.deepEqual(linesOf(first, 'zone-duplicate-record'), dups.map((l) => l + 1));
  });
});
