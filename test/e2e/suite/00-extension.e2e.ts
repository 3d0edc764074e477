/**
 * Which extension is under test. By default scripts/e2e-launch.mjs installs the packaged
 * sender-guard.vsix and runs the tests from a stub extension, so the active sender-guard
 * extension must be the installed copy, not this repository (E2E_EXTENSION=dev and
 * @vscode/test-electron run the repository folder itself). The launcher passes the expected
 * folder as SENDER_GUARD_E2E_EXTENSION_PATH.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';
import { log } from './log';

/** out/test/e2e/suite -> the repository root. */
const REPOSITORY = path.resolve(__dirname, '..', '..', '..', '..');

const real = (p: string): string => {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

suite('the extension under test', () => {
  test('is loaded from the expected folder and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded; loaded: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
    await ext.activate();
    assert.ok(ext.isActive, 'the extension did not activate');
    const expected = process.env.SENDER_GUARD_E2E_EXTENSION_PATH;
    log(`    (${EXTENSION_ID} ${String((ext.packageJSON as { version?: string }).version)} runs from ${ext.extensionPath})`);
    if (!expected) {
      log('    (SENDER_GUARD_E2E_EXTENSION_PATH is not set: the folder is not checked)');
      return;
    }
    assert.equal(real(ext.extensionPath), real(expected), `${EXTENSION_ID} should run from ${expected}`);
  });

  test('in the default run it is the installed .vsix, not the repository', function () {
    if (process.env.SENDER_GUARD_E2E_MODE !== 'vsix') {
      log(`    (skipped: the extension under test is the development folder)`);
      this.skip();
    }
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const installed = real(ext.extensionPath);
    assert.notEqual(installed, real(REPOSITORY), 'the extension under test is the repository folder, not the installed package');
    const expected = process.env.SENDER_GUARD_E2E_EXTENSION_PATH;
    assert.ok(expected && installed === real(expected), `the extension should run from the installed copy ${expected}, runs from ${installed}`);
    // What a packaged extension has: the bundles, no sources, no node_modules.
    for (const f of ['package.json', 'dist/client.js', 'dist/server.js']) assert.ok(fs.existsSync(path.join(installed, f)), `the installed extension has no ${f}`);
    for (const f of ['node_modules', 'client/src', 'server/src', 'out']) assert.ok(!fs.existsSync(path.join(installed, f)), `the installed extension should not contain ${f}`);
    // The stub extension that carries the tests is another extension: one sender-guard only.
    const dev = vscode.extensions.all.filter((e) => e.id.toLowerCase() === EXTENSION_ID);
    assert.equal(dev.length, 1, `exactly one ${EXTENSION_ID} should be loaded, found ${dev.length}`);
  });
});
