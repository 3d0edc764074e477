/**
 * The spam incident in a Yamaha RTX config, end to end: the open path from the LAN to port 25
 * on the internet is flagged, hover explains filter fields, and the "Block outbound SMTP" quick
 * fix closes the path in the editor.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  applyCodeAction,
  codeActions,
  diagnostic,
  exampleUri,
  findAction,
  hoverAt,
  rangeOf,
  replaceAll,
  revertAndClose,
  screenshot,
  waitForCodeGone,
  waitForCodes,
} from './helpers';

const SMTP_OPEN = 'rtx-smtp-egress-open';

suite('RTX config: outbound SMTP from the LAN', () => {
  const uri = exampleUri('broken/router.rtx');
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument(uri);
    editor = await vscode.window.showTextDocument(doc, { preview: false });
  });

  suiteTeardown(async () => {
    await revertAndClose(uri);
  });

  test('the document is an RTX config', () => {
    assert.equal(doc.languageId, 'rtx');
  });

  test(`reports ${SMTP_OPEN}`, async () => {
    const diags = await waitForCodes(uri, [SMTP_OPEN]);
    const open = diagnostic(diags, SMTP_OPEN);
    editor.revealRange(open.range, vscode.TextEditorRevealType.InCenter);
    await screenshot('rtx-squiggles', '.squiggly-error, .squiggly-warning');
  });

  test('hover on an ip filter field explains what it matches', async () => {
    // The source address field of `ip filter 200003 reject 192.168.100.0/24 * * * *`.
    const line = rangeOf(doc, 'ip filter 200003 reject 192.168.100.0/24');
    const field = rangeOf(doc, '192.168.100.0/24', 0);
    assert.ok(field.start.line === line.start.line, 'fixture: the first 192.168.100.0/24 should be in filter 200003');
    const inside = field.start.translate(0, 3);
    const text = await hoverAt(uri, inside);
    assert.match(text, /192\.168\.100\.255|256/, `hover on 192.168.100.0/24 should say which addresses it covers, got: ${JSON.stringify(text)}`);

    editor.selection = new vscode.Selection(inside, inside);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('rtx-hover', '.monaco-hover:not(.hidden) .hover-contents');
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
  });

  test('"Allow SMTP only to" the mail server named by the zone file of the same workspace closes the path', async () => {
    // examples/broken/example.jp.zone: MX 10 mail.example.jp., mail IN A 203.0.113.25.
    const original = doc.getText();
    const open = diagnostic(await waitForCodes(uri, [SMTP_OPEN]), SMTP_OPEN);
    const actions = await codeActions(uri, open.range);
    const allow = findAction(actions, /allow smtp only to 203\.0\.113\.25/i, '"Allow SMTP only to 203.0.113.25"');
    await applyCodeAction(allow);
    const after = doc.getText();
    assert.match(after, /^ip filter \d+ pass 192\.168\.100\.0\/24 203\.0\.113\.25 tcp \* smtp$/m, 'the pass line for the mail server');
    await waitForCodeGone(uri, SMTP_OPEN);
    // Back to the broken text for the next test.
    await replaceAll(doc, original);
    await waitForCodes(uri, [SMTP_OPEN]);
  });

  test('the "Block outbound SMTP" quick fix closes the path', async () => {
    const open = diagnostic(vscode.languages.getDiagnostics(uri), SMTP_OPEN);

    editor.selection = new vscode.Selection(open.range.start, open.range.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await screenshot('rtx-quick-fix', '.action-widget');
    await vscode.commands.executeCommand('hideCodeActionWidget').then(undefined, () => undefined);

    const actions = await codeActions(uri, open.range);
    const fix = findAction(actions, /block outbound smtp/i, '"Block outbound SMTP"');
    const before = doc.getText();
    await applyCodeAction(fix);
    const after = doc.getText();
    assert.notEqual(after, before, 'the quick fix should change the document');
    // A reject filter for SMTP from the LAN, listed in the WAN's out list.
    const reject = /^ip filter (\d+) reject\S* 192\.168\.100\.0\/24 \* tcp \* smtp$/m.exec(after);
    assert.ok(reject, `the fixed config should reject tcp/smtp from the LAN; got:\n${after}`);
    const outList = /^\s*ip pp secure filter out (.*)$/m.exec(after);
    assert.ok(outList && outList[1].split(/\s+/).includes(reject[1]), `filter ${reject[1]} should be in the out list: ${outList?.[0]}`);
    await waitForCodeGone(uri, SMTP_OPEN);
  });
});
