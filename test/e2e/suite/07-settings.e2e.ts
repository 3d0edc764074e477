/**
 * Settings take effect while documents are open: `senderGuard.rules` changed in the workspace
 * settings (as the Settings editor does) turns a rule off or changes its severity, and removing
 * the setting brings the defaults back — each time awaited on the diagnostics of the document.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, diagnostic, exampleUri, openEditor, revertAndClose, waitForCodes, waitForDiagnostics, withTimeout } from './helpers';

const has = (diags: readonly vscode.Diagnostic[], code: string): boolean => diags.some((d) => codeOf(d) === code);

async function setRules(value: Record<string, string> | undefined): Promise<void> {
  const what = value ? `senderGuard.rules = ${JSON.stringify(value)}` : 'removing senderGuard.rules';
  await withTimeout(vscode.workspace.getConfiguration('senderGuard').update('rules', value, vscode.ConfigurationTarget.Workspace), `the workspace setting update (${what})`);
}

suite('settings: senderGuard.rules', () => {
  const uri = exampleUri('broken/example.jp.zone');

  suiteSetup(async () => {
    await openEditor(uri);
  });

  suiteTeardown(async () => {
    await setRules(undefined);
    await revertAndClose(uri);
  });

  test('turning spf-invalid-ip off removes its diagnostic; removing the setting brings it back', async () => {
    await waitForCodes(uri, ['spf-version-typo', 'spf-invalid-ip']);

    await setRules({ 'spf-invalid-ip': 'off' });
    assert.deepEqual(vscode.workspace.getConfiguration('senderGuard').get('rules'), { 'spf-invalid-ip': 'off' });
    await waitForDiagnostics(
      uri,
      (d) => !has(d, 'spf-invalid-ip') && has(d, 'spf-version-typo'),
      'spf-invalid-ip to disappear (rule off) while spf-version-typo stays',
    );

    await setRules(undefined);
    await waitForCodes(uri, ['spf-version-typo', 'spf-invalid-ip']);
  });

  test('a severity setting changes the severity of the diagnostic', async () => {
    const before = diagnostic(await waitForCodes(uri, ['spf-version-typo']), 'spf-version-typo');
    assert.equal(before.severity, vscode.DiagnosticSeverity.Error, 'spf-version-typo is an error by default');

    await setRules({ 'spf-version-typo': 'info' });
    await waitForDiagnostics(
      uri,
      (d) => d.some((x) => codeOf(x) === 'spf-version-typo' && x.severity === vscode.DiagnosticSeverity.Information),
      'spf-version-typo as information',
    );

    await setRules(undefined);
    await waitForDiagnostics(
      uri,
      (d) => d.some((x) => codeOf(x) === 'spf-version-typo' && x.severity === vscode.DiagnosticSeverity.Error),
      'spf-version-typo back to an error',
    );
  });
});

suite('settings: senderGuard.zone.server', () => {
  const TEXT = [
    '$ORIGIN example.jp.',
    '$TTL 1h',
    '@ IN SOA ns1 hostmaster 2026010101 2h 15m 1w 300',
    '@ IN NS ns1',
    'ns1 IN A 192.0.2.1',
    'ns1 IN SSHFP 1 0',
    '',
  ].join('\n');
  let uri: vscode.Uri;

  async function setServer(value: string | undefined): Promise<void> {
    await withTimeout(vscode.workspace.getConfiguration('senderGuard').update('zone.server', value, vscode.ConfigurationTarget.Workspace), `the workspace setting update (zone.server = ${value})`);
  }

  suiteSetup(async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'zone', content: TEXT });
    await vscode.window.showTextDocument(doc);
    uri = doc.uri;
  });

  suiteTeardown(async () => {
    await setServer(undefined);
    await revertAndClose(uri);
  });

  test('an SSHFP record without fingerprint is a portability warning under BIND and an error under Knot DNS', async () => {
    const bind = diagnostic(await waitForCodes(uri, ['zone-portability']), 'zone-portability');
    assert.equal(bind.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(bind.message, /^Knot DNS refuses an SSHFP record without a fingerprint/);

    await setServer('knot');
    const knot = await waitForDiagnostics(uri, (d) => has(d, 'zone-server-refuses') && !has(d, 'zone-portability'), 'zone-server-refuses under knot');
    assert.equal(diagnostic(knot, 'zone-server-refuses').severity, vscode.DiagnosticSeverity.Error);

    await setServer(undefined);
    await waitForDiagnostics(uri, (d) => has(d, 'zone-portability') && !has(d, 'zone-server-refuses'), 'the warning back under the default server');
  });
});
