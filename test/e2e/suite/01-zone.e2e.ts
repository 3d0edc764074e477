/**
 * The SPF incident in a zone file, end to end: the broken record is flagged, the hover explains
 * the tag, and the quick fix repairs the version tag in the editor.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  applyCodeAction,
  codeActions,
  diagnostic,
  exampleUri,
  findAction,
  hoverAt,
  overlaps,
  rangeIn,
  revertAndClose,
  screenshot,
  waitForCodeGone,
  waitForCodes,
} from './helpers';

const BROKEN_RECORD = '"v-spf1 +ip4:AAA.BBB.CCC.DDD +mx -all"';
const FIXED_RECORD = '"v=spf1 +ip4:AAA.BBB.CCC.DDD +mx -all"';

suite('zone file: the broken SPF record', () => {
  const uri = exampleUri('broken/example.jp.zone');
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument(uri);
    editor = await vscode.window.showTextDocument(doc, { preview: false });
  });

  suiteTeardown(async () => {
    await revertAndClose(uri);
  });

  test('the document is a zone file and the extension is active', async () => {
    assert.equal(doc.languageId, 'zone');
    assert.ok(doc.getText().includes(BROKEN_RECORD), `the copy of the example should contain ${BROKEN_RECORD}`);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.ok(ext.isActive, 'the extension did not activate');
  });

  test('reports the version typo and the invalid IPv4 address', async () => {
    const diags = await waitForCodes(uri, ['spf-version-typo', 'spf-invalid-ip']);
    const typo = diagnostic(diags, 'spf-version-typo');
    const badIp = diagnostic(diags, 'spf-invalid-ip');
    assert.ok(overlaps(typo.range, rangeIn(doc, BROKEN_RECORD, 'v-spf1')), `spf-version-typo should cover v-spf1, got ${doc.getText(typo.range)}`);
    assert.ok(
      overlaps(badIp.range, rangeIn(doc, BROKEN_RECORD, 'AAA.BBB.CCC.DDD')),
      `spf-invalid-ip should cover AAA.BBB.CCC.DDD, got ${doc.getText(badIp.range)}`,
    );
    assert.equal(typo.source, 'sender-guard', 'diagnostics should name their source');

    editor.revealRange(typo.range, vscode.TextEditorRevealType.InCenter);
    await screenshot('zone-squiggles', '.squiggly-error, .squiggly-warning');

    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('zone-problems', '.markers-panel .monaco-list-row');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  });

  test('hover on the version tag explains SPF', async () => {
    const tag = rangeIn(doc, BROKEN_RECORD, 'v-spf1');
    const inside = tag.start.translate(0, 2);
    const text = await hoverAt(uri, inside);
    assert.match(text, /SPF/, `hover at v-spf1 should mention SPF, got: ${JSON.stringify(text)}`);

    editor.selection = new vscode.Selection(inside, inside);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('zone-hover', '.monaco-hover:not(.hidden) .hover-contents');
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
  });

  test('the quick fix rewrites v-spf1 to v=spf1 and the typo diagnostic goes away', async () => {
    const typo = diagnostic(vscode.languages.getDiagnostics(uri), 'spf-version-typo');

    editor.selection = new vscode.Selection(typo.range.start, typo.range.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await screenshot('zone-quick-fix', '.action-widget');
    await vscode.commands.executeCommand('hideCodeActionWidget').then(undefined, () => undefined);

    const actions = await codeActions(uri, typo.range);
    const fix = findAction(actions, /v=spf1/, 'that rewrites the tag to v=spf1');
    assert.ok(
      !fix.kind || vscode.CodeActionKind.QuickFix.contains(fix.kind),
      `"${fix.title}" should be a quick fix, is ${fix.kind?.value}`,
    );
    const before = doc.getText();
    await applyCodeAction(fix);

    assert.ok(doc.getText().includes(FIXED_RECORD), `after the fix the record should read ${FIXED_RECORD}`);
    assert.equal(doc.getText(), before.replace(BROKEN_RECORD, FIXED_RECORD), 'the fix should change nothing but the tag');
    const after = await waitForCodeGone(uri, 'spf-version-typo');
    // The address was never filled in: fixing the tag must not hide that.
    diagnostic(after, 'spf-invalid-ip');
  });
});
