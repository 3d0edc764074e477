/**
 * Document lifecycle: the diagnostics of a document go away when it is closed.
 *
 * The document is opened with the `vscode.open` command, as a user would: a document opened
 * through `workspace.openTextDocument` stays referenced by the extension host for minutes after
 * its editor closes, so closing the editor would not close the document.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { exampleUri, waitForClose, waitForCodes, waitForDiagnostics } from './helpers';

suite('document lifecycle', () => {
  test('closing a document clears its diagnostics', async () => {
    const source = exampleUri('broken/example.jp.zone');
    const uri = vscode.Uri.joinPath(source, '..', '..', 'lifecycle', 'closing.zone');
    await vscode.workspace.fs.writeFile(uri, await vscode.workspace.fs.readFile(source));

    await vscode.commands.executeCommand('vscode.open', uri);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString(), 'vscode.open should make the document the active editor');
    const before = await waitForCodes(uri, ['spf-version-typo']);
    assert.ok(before.length > 0);

    const closed = waitForClose(uri);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await closed;
    await waitForDiagnostics(uri, (diags) => diags.length === 0, 'no diagnostics after closing the document');
  });
});
