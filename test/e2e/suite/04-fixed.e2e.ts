/**
 * The repaired examples are clean in the editor, and edits are re-validated both ways: breaking
 * a fixed document brings the finding back, restoring it clears every diagnostic again.
 *
 * (An absence cannot be awaited directly, so each document is broken first: the diagnostics that
 * arrive after restoring it are the server's full answer for the clean text.)
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { exampleUri, rangeOf, revertAndClose, waitForCodes, waitForDiagnostics } from './helpers';

async function breakAndRestore(relative: string, good: string, bad: string, code: string): Promise<void> {
  const uri = exampleUri(relative);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  try {
    const original = doc.getText();
    const at = rangeOf(doc, good);

    const breaking = new vscode.WorkspaceEdit();
    breaking.replace(uri, at, bad);
    assert.ok(await vscode.workspace.applyEdit(breaking), 'applying the breaking edit');
    await waitForCodes(uri, [code]);

    const restoring = new vscode.WorkspaceEdit();
    restoring.replace(uri, new vscode.Range(at.start, doc.positionAt(doc.offsetAt(at.start) + bad.length)), good);
    assert.ok(await vscode.workspace.applyEdit(restoring), 'applying the restoring edit');
    assert.equal(doc.getText(), original);
    await waitForDiagnostics(uri, (diags) => diags.length === 0, `no diagnostics at all in the fixed ${relative}`);
  } finally {
    await revertAndClose(uri);
  }
}

suite('fixed examples', () => {
  test('fixed/example.jp.zone is clean; a version typo typed into it is found and cleared', async () => {
    await breakAndRestore('fixed/example.jp.zone', '"v=spf1 ip4:203.0.113.25 mx -all"', '"v-spf1 ip4:203.0.113.25 mx -all"', 'spf-version-typo');
  });

  test('fixed/router.rtx is clean; dropping the SMTP filters from the out list reopens port 25', async () => {
    await breakAndRestore('fixed/router.rtx', 'ip pp secure filter out 41 42 ', 'ip pp secure filter out ', 'rtx-smtp-egress-open');
  });
});

