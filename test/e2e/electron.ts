/**
 * Runs the end-to-end suite in a desktop VS Code downloaded by @vscode/test-electron, for
 * machines that can download it (elsewhere scripts/e2e-launch.mjs runs the same suite in
 * code-server). Build first, then: `node out/test/e2e/electron.js`.
 *
 * Environment: VSCODE_TEST_VERSION (default 'stable'; e.g. 1.100.3), E2E_GREP.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<number> {
  // out/test/e2e/electron.js -> the repository root
  const root = path.resolve(__dirname, '..', '..', '..');
  const extensionTestsPath = path.join(__dirname, 'suite', 'index.js');

  // The suite edits documents: give it a copy of examples/ as its workspace.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sender-guard-e2e-'));
  fs.cpSync(path.join(root, 'examples'), path.join(workspace, 'examples'), { recursive: true });
  try {
    return await runTests({
      version: process.env.VSCODE_TEST_VERSION || 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath,
      // The extension under test is this repository folder (the suite checks its extensionPath).
      extensionTestsEnv: { SENDER_GUARD_E2E_GREP: process.env.E2E_GREP ?? '', SENDER_GUARD_E2E_EXTENSION_PATH: root, SENDER_GUARD_E2E_MODE: 'dev' },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
      ],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`end-to-end run failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
