#!/usr/bin/env node
// Runs the end-to-end suite (out/test/e2e/suite/index.js) inside a real VS Code: code-server
// (VS Code 1.100.3 as a server) serves the workbench, headless chromium opens it with the
// extension under development and the test suite in the URL payload, and the workbench reports
// the end of the run through window.codeAutomationExit. Everything the run writes (code-server's
// state, a copy of examples/ used as the workspace, logs, the browser profile) lives in one run
// folder .e2e/run-*; screenshots go to .e2e/screenshots/.
//
// Waits only on conditions (the port, /healthz, the workbench element, the exit callback), under
// one global deadline that stops everything and fails clearly.
//
// Environment:
//   E2E_TIMEOUT_MS   global deadline (default 300000)
//   E2E_GREP         only run the tests whose full title matches this pattern
//   E2E_KEEP_RUNS    how many run folders to keep (default 3, the newest)
//   E2E_VERBOSE=1    also print code-server's output and the whole workbench log
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const E2E = path.join(ROOT, '.e2e');
const TOOLS = path.join(E2E, 'tools');
const SCREENSHOTS = path.join(E2E, 'screenshots');
const CODE_SERVER = path.join(TOOLS, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = '/usr/bin/chromium';
const SUITE = path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
const EXAMPLES = path.join(ROOT, 'examples');

const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 300_000);
const KEEP_RUNS = Math.max(1, Number(process.env.E2E_KEEP_RUNS || 3));
const VERBOSE = process.env.E2E_VERBOSE === '1';

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const say = (msg) => process.stdout.write(`[e2e ${elapsed()}] ${msg}\n`);

class E2EError extends Error {}
const fail = (msg) => {
  throw new E2EError(msg);
};

// ---------------------------------------------------------------------------------------------
// Preconditions

function checkPreconditions() {
  const missing = [];
  if (!fs.existsSync(CODE_SERVER)) missing.push(`${path.relative(ROOT, CODE_SERVER)} (run scripts/e2e-setup.sh)`);
  if (!fs.existsSync(path.join(TOOLS, 'node_modules', 'playwright-core'))) missing.push('playwright-core in .e2e/tools (run scripts/e2e-setup.sh)');
  if (!fs.existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (run scripts/e2e-setup.sh as root)`);
  for (const f of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(ROOT, f))) missing.push(`${f} (run npm run build)`);
  }
  if (!fs.existsSync(SUITE)) missing.push(`${path.relative(ROOT, SUITE)} (run npm run build)`);
  if (!fs.existsSync(EXAMPLES)) missing.push('examples/');
  if (missing.length) fail(`missing:\n  - ${missing.join('\n  - ')}`);
}

// ---------------------------------------------------------------------------------------------
// The run folder

/**
 * Stops code-server groups left behind by runs whose launcher was killed outright (SIGKILL): a
 * group is stopped only if its leader is still the code-server of that run folder (its working
 * directory is the folder).
 */
function stopLeftovers(runs) {
  for (const name of runs) {
    const dir = path.join(E2E, name);
    let pid;
    try {
      pid = Number(fs.readFileSync(path.join(dir, 'code-server.pid'), 'utf8'));
    } catch {
      continue;
    }
    let cwd;
    try {
      cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      continue; // gone
    }
    if (pid > 1 && cwd === dir) {
      say(`stopping code-server (pgid ${pid}) left running by ${name}`);
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
    }
  }
}

function pruneOldRuns() {
  const runs = fs
    .readdirSync(E2E)
    .filter((n) => n.startsWith('run-'))
    .sort(); // names start with a sortable timestamp
  stopLeftovers(runs);
  for (const name of runs.slice(0, Math.max(0, runs.length - (KEEP_RUNS - 1)))) {
    fs.rmSync(path.join(E2E, name), { recursive: true, force: true });
  }
}

function prepareRunFolder() {
  fs.mkdirSync(E2E, { recursive: true });
  pruneOldRuns();
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const run = path.join(E2E, `run-${stamp}-${process.pid}`);
  const dirs = {
    run,
    xdgConfig: path.join(run, 'xdg-config'),
    xdgData: path.join(run, 'xdg-data'),
    tmp: path.join(run, 'tmp'),
    userData: path.join(run, 'user-data'),
    extensions: path.join(run, 'extensions'),
    browser: path.join(run, 'browser-profile'),
    workspace: path.join(run, 'workspace'),
    logs: path.join(run, 'logs'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });

  // The workspace is a copy: whatever the tests do to the documents, examples/ stays as it is.
  fs.cpSync(EXAMPLES, path.join(dirs.workspace, 'examples'), { recursive: true });

  fs.writeFileSync(path.join(run, 'config.yaml'), 'auth: none\n');
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'git.enabled': false,
    'security.workspace.trust.enabled': false,
    'window.restoreWindows': 'none',
    'files.hotExit': 'off',
    // Hovers open without delay when the suite asks for them, for the screenshots.
    'editor.hover.delay': 0,
  };
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return dirs;
}

// ---------------------------------------------------------------------------------------------
// code-server, in a process group of its own

/** Starts code-server on a port it picks itself and resolves with that port. */
function startCodeServer(dirs, env, state) {
  const logFile = fs.openSync(path.join(dirs.logs, 'code-server.log'), 'a');
  const args = [
    CODE_SERVER,
    '--config', path.join(dirs.run, 'config.yaml'),
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    dirs.workspace,
  ];
  const child = spawn(process.execPath, args, {
    cwd: dirs.run,
    env,
    detached: true, // setsid: the whole tree (extension host, language server, watchers) is one group
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  state.codeServer = child;
  fs.writeFileSync(path.join(dirs.run, 'code-server.pid'), String(child.pid));
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk) => {
      fs.writeSync(logFile, chunk);
      if (VERBOSE) process.stdout.write(`[code-server] ${chunk}`);
      if (state.port) return;
      buffered += chunk.toString();
      const m = /HTTP server listening on https?:\/\/127\.0\.0\.1:(\d+)/.exec(buffered);
      if (m) {
        state.port = Number(m[1]);
        resolve(state.port);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => reject(new E2EError(`could not start code-server: ${e.message}`)));
    child.on('exit', (code, signal) => {
      state.codeServerExited = true;
      const msg = `code-server exited (${signal ?? `code ${code}`}); see ${path.relative(ROOT, path.join(dirs.logs, 'code-server.log'))}`;
      if (!state.port) reject(new E2EError(msg));
      else if (!state.stopping) state.onUnexpectedExit?.(msg);
    });
  });
}

/** Resolves once GET /healthz answers 200; retries on each refused connection. */
async function waitForHealthz(port, state) {
  for (;;) {
    if (state.codeServerExited) fail('code-server exited before /healthz answered');
    const ok = await new Promise((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 5000 }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(false));
    });
    if (ok) return;
    // The port is already bound (code-server printed it), so a refusal is rare; back off briefly.
    await new Promise((r) => setTimeout(r, 100));
  }
}

function killGroup(child, signal) {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole group, SIGKILL to whatever is left after 5 s. */
async function stopCodeServer(state) {
  const child = state.codeServer;
  if (!child?.pid) return;
  state.stopping = true;
  killGroup(child, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while (groupAlive(child.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (groupAlive(child.pid)) {
    say('code-server group still alive after SIGTERM; sending SIGKILL');
    killGroup(child, 'SIGKILL');
  }
}

// ---------------------------------------------------------------------------------------------
// The control channel: the suite (in the extension host) asks for screenshots over HTTP

function startControlServer(state) {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      let reply;
      try {
        const msg = JSON.parse(body || '{}');
        if (req.url === '/screenshot') reply = await takeScreenshot(state, msg);
        else reply = { ok: false, error: `unknown request ${req.url}` };
      } catch (e) {
        reply = { ok: false, error: String(e?.message ?? e) };
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Waits until `waitFor` (a CSS selector) is visible in the workbench, then saves a PNG.
 * A selector that never shows up is reported back (and counted), not thrown.
 */
async function takeScreenshot(state, { name, waitFor, timeoutMs = 10_000 }) {
  const page = state.page;
  if (!page) return { ok: false, error: 'no page' };
  if (!/^[\w.-]+$/.test(String(name))) return { ok: false, error: `bad screenshot name ${name}` };
  let waited = true;
  let error;
  if (waitFor) {
    try {
      await page.locator(waitFor).first().waitFor({ state: 'visible', timeout: timeoutMs });
      // Wait for fade-ins (finite animations) to end, then for a painted frame.
      await page.evaluate(async () => {
        const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
        await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => {}))), new Promise((r) => setTimeout(r, 2000))]);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      });
    } catch (e) {
      waited = false;
      error = `${waitFor} not visible within ${timeoutMs} ms`;
    }
  }
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  state.screenshots.push({ name, ok: waited, error });
  say(`screenshot ${path.relative(ROOT, file)}${waited ? '' : ` (WARNING: ${error})`}`);
  return { ok: waited, path: file, error };
}

// ---------------------------------------------------------------------------------------------
// The browser

async function runWorkbench(dirs, port, state) {
  const require = createRequire(path.join(TOOLS, 'package.json'));
  const { chromium } = require('playwright-core');
  const context = await chromium.launchPersistentContext(dirs.browser, {
    executablePath: CHROMIUM,
    headless: true,
    // Our own handlers close the browser and then stop code-server too.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    viewport: { width: 1280, height: 800 },
    env: { ...process.env, XDG_CONFIG_HOME: dirs.browser, TMPDIR: dirs.tmp },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  state.context = context;
  say('browser started');
  const page = context.pages()[0] ?? (await context.newPage());
  state.page = page;

  page.on('crash', () => state.onUnexpectedExit?.('the workbench page crashed'));
  context.on('close', () => {
    if (!state.stopping) state.onUnexpectedExit?.('the browser closed unexpectedly');
  });

  const browserLog = fs.createWriteStream(path.join(dirs.logs, 'browser-console.log'));
  page.on('console', (m) => browserLog.write(`${elapsed()} [${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => browserLog.write(`${elapsed()} [pageerror] ${e.stack ?? e.message}\n`));
  page.on('requestfailed', (r) => browserLog.write(`${elapsed()} [requestfailed] ${r.url()} ${r.failure()?.errorText ?? ''}\n`));

  const exited = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (code, logs) => {
      // The workbench hands over its log files (renderer, extension host, ...): keep them.
      for (const { relativePath, contents } of Array.isArray(logs) ? logs : []) {
        const target = path.join(dirs.logs, 'workbench', relativePath);
        if (!target.startsWith(path.join(dirs.logs, 'workbench'))) continue;
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, contents);
      }
      resolve(Number(code));
    });
  });
  // The workbench's log and the extension host's console arrive here mixed. The suite marks its
  // own lines (test/e2e/suite/log.ts): those are printed; of the rest only errors that are not
  // known noise of an offline machine. Everything goes to logs/workbench.log.
  const workbenchLog = fs.createWriteStream(path.join(dirs.logs, 'workbench.log'));
  const MARK = '[sg-e2e] ';
  const NOISE = /ENOTFOUND|ERR_NAME_NOT_RESOLVED|ECONNREFUSED .*:443|vsda|Failed to load resource|open-vsx|marketplace|telemetry/i;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = (Array.isArray(args) ? args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') : String(args)).replace(/\n$/, '');
    workbenchLog.write(`[${type}] ${text}\n`);
    const lines = text.split('\n');
    if (!lines.some((l) => l.startsWith(MARK))) {
      if (VERBOSE || (type === 'error' && !NOISE.test(text))) process.stdout.write(`[workbench] ${text}\n`);
      return;
    }
    for (const raw of lines) {
      const line = raw.startsWith(MARK) ? raw.slice(MARK.length) : raw;
      const summary = /^(\d+) passed, (\d+) failed$/.exec(line.trim());
      if (summary) {
        state.summary = { passed: Number(summary[1]), failed: Number(summary[2]) };
        continue; // printed once, last, by the launcher
      }
      process.stdout.write(`${line}\n`);
    }
  });

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(SUITE)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  fs.writeFileSync(path.join(dirs.logs, 'url.txt'), url + '\n');
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ state: 'attached', timeout: 60_000 });
  say('workbench is up; the suite runs in the extension host');
  return exited;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  checkPreconditions();
  const dirs = prepareRunFolder();
  say(`run folder ${path.relative(ROOT, dirs.run)}`);
  const state = { screenshots: [], summary: undefined };

  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  const timer = setTimeout(() => finish({ code: 1, reason: `global timeout: the run did not finish within ${TIMEOUT_MS / 1000} s` }), TIMEOUT_MS);
  state.onUnexpectedExit = (msg) => finish({ code: 1, reason: msg });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish({ code: 1, reason: `interrupted (${sig})` }));

  const control = await startControlServer(state);
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    TMPDIR: dirs.tmp,
    // Read by the suite in the extension host (which inherits code-server's environment).
    SENDER_GUARD_E2E_CONTROL: `http://127.0.0.1:${control.address().port}`,
    SENDER_GUARD_E2E_GREP: process.env.E2E_GREP ?? '',
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  // Skips the server's resolution of a login shell's environment for the extension host (seconds
  // per start, and it would read the machine user's shell profile). Only that reads this variable.
  env.VSCODE_CLI = '1';

  (async () => {
    const port = await startCodeServer(dirs, env, state);
    await waitForHealthz(port, state);
    say(`code-server is up on 127.0.0.1:${port} (pgid ${state.codeServer.pid})`);
    const code = await runWorkbench(dirs, port, state);
    finish({ code, reason: code === 0 ? undefined : `the suite exited with code ${code}` });
  })().catch((e) => finish({ code: 1, reason: e instanceof E2EError ? e.message : e?.stack ?? String(e) }));

  const result = await finished;
  clearTimeout(timer);

  // Tear down: browser first (it holds the connection), then the code-server process group.
  state.stopping = true;
  await Promise.race([state.context?.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
  await stopCodeServer(state);
  control.close();

  const badShots = state.screenshots.filter((s) => !s.ok);
  if (badShots.length) say(`WARNING: ${badShots.length} screenshot(s) taken without their condition: ${badShots.map((s) => s.name).join(', ')}`);
  say(`logs: ${path.relative(ROOT, dirs.logs)}`);
  if (result.reason) say(`FAILED: ${result.reason}`);
  // The closing line (also when the suite never reported: then the run itself counts as failed).
  const summary = { ...(state.summary ?? { passed: 0, failed: 0 }) };
  let code = result.code;
  if (code === 0 && (!state.summary || summary.failed > 0 || summary.passed === 0)) code = 1;
  if (code !== 0 && summary.failed === 0) summary.failed = 1; // the run itself failed
  process.stdout.write(`e2e: ${summary.passed} passed, ${summary.failed} failed\n`);
  process.exit(code);
}

main().catch((e) => {
  process.stderr.write(`[e2e] FAILED: ${e instanceof E2EError ? e.message : e?.stack ?? e}\n`);
  process.stdout.write('e2e: 0 passed, 1 failed\n');
  process.exit(1);
});
