/**
 * The palette commands (package.json contributes.commands), run the way the palette runs them
 * but with their input given as the arguments object (client/src/commands.ts skips the input
 * boxes then) and their result returned. They act on the active editor.
 *
 * Last in the suite: the commands show notifications and the "Sender Guard" output channel, which
 * the screenshots of the earlier files should not have.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, exampleUri, openEditor, revertAndClose, waitForCodes, waitForDiagnostics, waitForText, withTimeout } from './helpers';

/** Runs a palette command; the commands return undefined when they failed (and show an error). */
async function run<T>(command: string, args: Record<string, unknown>): Promise<T> {
  const r = await withTimeout(vscode.commands.executeCommand<T>(command, args), `${command} ${JSON.stringify(args)}`);
  assert.ok(r !== undefined && r !== null, `${command} ${JSON.stringify(args)} returned nothing (it failed: see the error notification / extension host log)`);
  return r;
}

const SERIAL = /(\d+)(\s*;\s*serial)/;

suite('palette commands', () => {
  const opened: vscode.Uri[] = [];
  const open = async (relative: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> => {
    const uri = exampleUri(relative);
    opened.push(uri);
    return openEditor(uri);
  };

  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(async () => {
    for (const uri of opened.splice(0)) await revertAndClose(uri);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('notifications.clearAll').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closePanel').then(undefined, () => undefined);
  });

  test('every command is registered', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['senderGuard.testSpf', 'senderGuard.simulatePacket', 'senderGuard.bumpSerial', 'senderGuard.showInfectedHosts', 'senderGuard.fixAll', 'senderGuard.openExample', 'senderGuard.explainBounce']) {
      assert.ok(all.includes(id), `command ${id} is not registered`);
    }
  });

  test('Test an IP Address Against SPF: the mail server passes, a foreign address fails', async () => {
    await open('fixed/example.jp.zone');
    const ok = await run<{ result: string }>('senderGuard.testSpf', { ip: '203.0.113.25', sender: 'info@example.jp' });
    assert.equal(ok.result, 'pass', `203.0.113.25 sending for info@example.jp: ${JSON.stringify(ok)}`);
    const foreign = await run<{ result: string }>('senderGuard.testSpf', { ip: '198.51.100.99', sender: 'info@example.jp' });
    assert.equal(foreign.result, 'fail', `198.51.100.99 sending for info@example.jp: ${JSON.stringify(foreign)}`);
  });

  test('Simulate a Packet: SMTP from the infected PC is rejected by filter 42 of the fixed router', async () => {
    await open('fixed/router.rtx');
    const r = await run<{ verdict?: string; steps?: { filter: number | string; action: string }[]; errors?: string[] }>('senderGuard.simulatePacket', {
      from: '192.168.100.37',
      to: '198.51.100.25',
      proto: 'tcp',
      port: '25',
    });
    assert.equal(r.verdict, 'reject', `verdict: ${JSON.stringify(r)}`);
    const last = r.steps?.[r.steps.length - 1];
    assert.ok(last, `the simulation should list its steps: ${JSON.stringify(r)}`);
    assert.equal(String(last.filter), '42', `the last step should be filter 42: ${JSON.stringify(r.steps)}`);
  });

  test('Explain a Bounce Message: the incident bounce is unauthenticated mail, and the open zone shows why', async () => {
    const uri = exampleUri('broken/example.jp.zone');
    await open('broken/example.jp.zone');
    await waitForCodes(uri, ['sender-requirements', 'spf-version-typo']);
    const text = [
      'host gmail-smtp-in.l.google.com[192.0.2.17] said:',
      '    550-5.7.1 This message does not have authentication information or fails to',
      '    550-5.7.1 pass authentication checks. To best protect our users from spam, the',
      '    550 5.7.1 message has been blocked. - gsmtp (in reply to end of DATA command)',
    ].join('\n');
    const r = await run<{ cause: { id: string }; relatedFindings: { rule: string }[] }>('senderGuard.explainBounce', { text });
    assert.equal(r.cause.id, 'unauthenticated', JSON.stringify(r));
    const rules = r.relatedFindings.map((f) => f.rule);
    assert.ok(rules.includes('spf-version-typo') && rules.includes('sender-requirements'), `related findings: ${rules.join(', ')}`);
  });

  test('Show Likely Infected Hosts: exactly 192.168.100.37 in the broken log', async () => {
    const uri = exampleUri('broken/router-syslog.rtxlog');
    await open('broken/router-syslog.rtxlog');
    // The log as the server has it names the infected host (the file on disk is unchanged).
    await waitForCodes(uri, ['log-infected-host']);
    const r = await run<{ hosts: { host: string; likelyInfected: boolean }[] }>('senderGuard.showInfectedHosts', {});
    assert.ok(Array.isArray(r.hosts) && r.hosts.length > 0, `the report should list the LAN hosts: ${JSON.stringify(r)}`);
    assert.deepEqual(
      r.hosts.filter((h) => h.likelyInfected).map((h) => h.host),
      ['192.168.100.37'],
    );
  });

  test('Bump SOA Serial: the serial in the document increases, nothing else changes', async () => {
    const { doc } = await open('fixed/example.jp.zone');
    const before = doc.getText();
    const m = SERIAL.exec(before);
    assert.ok(m, 'fixture: the zone should have a "; serial" comment');
    const old = m[1];
    await withTimeout(vscode.commands.executeCommand('senderGuard.bumpSerial', {}), 'senderGuard.bumpSerial');
    const after = await waitForText(doc, (t) => SERIAL.exec(t)?.[1] !== old, `the serial to change from ${old}`);
    const now = SERIAL.exec(after)![1];
    assert.ok(BigInt(now) > BigInt(old), `the new serial ${now} should be greater than ${old}`);
    assert.equal(after, before.replace(SERIAL, `${now}$2`), 'only the serial should change');
  });

  test('Fix All: the broken zone gets v=spf1 and the typo diagnostic goes away', async () => {
    const uri = exampleUri('broken/example.jp.zone');
    const { doc } = await open('broken/example.jp.zone');
    await waitForCodes(uri, ['spf-version-typo']);
    const r = await run<{ fixed: string[] }>('senderGuard.fixAll', {});
    assert.ok(r.fixed.includes('spf-version-typo'), `fixAll should report fixing spf-version-typo: ${JSON.stringify(r)}`);
    const text = await waitForText(doc, (t) => t.includes('"v=spf1 '), 'v=spf1 in the record');
    // (The file's comment still tells the story of "v-spf1"; the record must not.)
    assert.match(text, /IN\s+TXT\s+"v=spf1 \+ip4:AAA\.BBB\.CCC\.DDD \+mx -all"/, 'the record should read v=spf1 (fix all has no fix for the unfilled address)');
    assert.ok(!/TXT\s+"v-spf1/.test(text), `no record should start with v-spf1 any more:\n${text}`);
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'spf-version-typo'), 'spf-version-typo to disappear after fix all');
  });
});
