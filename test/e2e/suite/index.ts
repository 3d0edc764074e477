/**
 * Entry of the end-to-end suite, loaded by VS Code's extension host as `extensionTestsPath`
 * (under code-server by scripts/e2e-launch.mjs, or under a downloaded VS Code by
 * test/e2e/electron.ts). Runs every `*.e2e.js` file beside it with mocha's TDD interface.
 *
 * The last line it prints is `N passed, N failed`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { log } from './log';

export async function run(): Promise<void> {
  // Loaded with require: the extension host resolves it from the repository's node_modules.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const Mocha = require('mocha') as typeof import('mocha');
  Mocha.reporters.Base.consoleLog = log;
  const grep = process.env.SENDER_GUARD_E2E_GREP;
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    timeout: 60_000,
    ...(grep ? { grep } : {}),
  });

  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.e2e.js'))
    .sort();
  if (files.length === 0) throw new Error(`no *.e2e.js files in ${__dirname}`);
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const started = Date.now();
  let passed = 0;
  let failed = 0;
  await new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => passed++);
      runner.on('fail', () => failed++);
    } catch (e) {
      reject(e);
    }
  });
  log(`e2e suite finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} end-to-end test(s) failed`);
  if (passed === 0) throw new Error('no end-to-end test ran');
}
