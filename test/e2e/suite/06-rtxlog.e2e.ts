/**
 * The router's log, end to end: a `*.rtxlog` file is the `rtxlog` language, the PC that kept
 * trying port 25 is reported as likely infected, hover on a reject line explains it and sums up
 * its host, and the finding follows edits of the log.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnostic, exampleUri, hoverAt, openEditor, rangeOf, replaceAll, revertAndClose, screenshot, screenshotHover, waitForCodeGone, waitForCodes } from './helpers';

const INFECTED = 'log-infected-host';
const HOST = '192.168.100.37';

suite('router log: the infected PC', () => {
  const uri = exampleUri('broken/router-syslog.rtxlog');
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    ({ doc, editor } = await openEditor(uri));
  });

  suiteTeardown(async () => {
    await revertAndClose(uri);
  });

  test('the document is a router log (rtxlog)', () => {
    assert.equal(doc.languageId, 'rtxlog');
  });

  test(`reports ${INFECTED} for ${HOST} on its first line`, async () => {
    const d = diagnostic(await waitForCodes(uri, [INFECTED]), INFECTED);
    assert.ok(d.message.includes(HOST), `the finding should name ${HOST}: ${d.message}`);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, 'log-infected-host is a warning by default');
    const line = doc.lineAt(d.range.start.line).text;
    assert.ok(line.includes(`${HOST}:`), `the finding should be on a line of ${HOST}, is on: ${line}`);

    editor.revealRange(d.range, vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('log-diagnostics', '.markers-panel .monaco-list-row');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  });

  test('hover on a "Rejected at OUT(42)" line explains it and sums up the host', async () => {
    const at = rangeOf(doc, 'Rejected at OUT(42)').start.translate(0, 3);
    const text = await hoverAt(uri, at);
    assert.match(text, /Rejected at OUT\(42\)/, `the hover should title the line, got: ${JSON.stringify(text)}`);
    assert.match(text, /\*\*192\.168\.100\.37\*\* \(LAN host\): \d+ SMTP attempts \(port 25\) to \d+ hosts/, `the hover should sum up ${HOST}, got: ${JSON.stringify(text)}`);
    assert.match(text, /Verdict: \*\*likely infected\*\*/, `the hover should give the verdict, got: ${JSON.stringify(text)}`);
    await screenshotHover(editor, at, 'log-hover');
  });

  test(`the finding clears when the host's lines are edited out and comes back when they return`, async () => {
    const original = doc.getText();
    const without = original
      .split('\n')
      .filter((l) => !l.includes(HOST))
      .join('\n');
    await replaceAll(doc, without);
    await waitForCodeGone(uri, INFECTED);
    await replaceAll(doc, original);
    assert.equal(doc.getText(), original);
    await waitForCodes(uri, [INFECTED]);
  });
});
