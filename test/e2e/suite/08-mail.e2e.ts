/**
 * Beyond SPF, end to end: the broken zone sends mail without DMARC or DKIM, the SOA hover shows
 * the sender-requirements checklist, the quick fix appends a starter DMARC record, and the hover
 * on its tags explains them.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  applyCodeAction,
  codeActions,
  codeOf,
  diagnostic,
  exampleUri,
  findAction,
  hoverAt,
  openEditor,
  revertAndClose,
  screenshotHover,
  waitForCodes,
  waitForDiagnostics,
} from './helpers';

const RULE = 'sender-requirements';
const STARTER = '_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.jp"';

suite('zone file: sender requirements, DMARC and its hover', () => {
  const uri = exampleUri('broken/example.jp.zone');
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    ({ doc, editor } = await openEditor(uri));
  });

  suiteTeardown(async () => {
    await revertAndClose(uri);
  });

  test('the broken zone is reported for sending mail without DMARC and DKIM', async () => {
    const d = diagnostic(await waitForCodes(uri, [RULE]), RULE);
    assert.match(d.message, /no DKIM key and no DMARC record/);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  });

  test('hover on the SOA owner shows the checklist', async () => {
    const soaLine = doc.getText().split('\n').findIndex((l) => /\bSOA\b/.test(l));
    const at = new vscode.Position(soaLine, 0);
    const text = await hoverAt(uri, at);
    assert.match(text, /Sender requirements/, `SOA owner hover: ${JSON.stringify(text)}`);
    assert.match(text, /DMARC record \(at least p=none\)/);
    assert.match(text, /Forward-confirmed reverse DNS/);
    await screenshotHover(editor, at, 'zone-sender-requirements-hover');
  });

  test('the starter DMARC fix appends a record that validates, and the hover explains its policy tag', async () => {
    const d = diagnostic(vscode.languages.getDiagnostics(uri), RULE);
    const fix = findAction(await codeActions(uri, d.range), /starter DMARC record/, 'that adds a starter DMARC record');
    const before = doc.getText();
    await applyCodeAction(fix);
    assert.equal(doc.getText(), `${before}${before.endsWith('\n') ? '' : '\n'}${STARTER}\n`, 'the fix should only append the record');
    const after = await waitForDiagnostics(
      uri,
      (diags) => diags.some((x) => codeOf(x) === RULE && !/DMARC/.test(x.message)),
      'sender-requirements without the DMARC complaint',
    );
    assert.ok(!after.some((x) => /^dmarc-/.test(codeOf(x)) && x.severity <= vscode.DiagnosticSeverity.Warning), 'the starter record should validate');

    const line = doc.lineCount - 2;
    const p = doc.lineAt(line).text.indexOf('p=none');
    const text = await hoverAt(uri, new vscode.Position(line, p));
    assert.match(text, /\*\*p=\*\*/, `hover on p= should document the tag, got ${JSON.stringify(text)}`);
    assert.match(text, /RFC 7489/);
    await screenshotHover(editor, new vscode.Position(line, p), 'zone-dmarc-hover');
  });
});
