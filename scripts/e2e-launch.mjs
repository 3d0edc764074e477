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
// The extension under test is, by default, the packaged sender-guard.vsix (built with
// `npm run package` unless it is newer than everything that goes into it) installed into the run's
// --extensions-dir with `code-server --install-extension`. The workbench still needs an extension
// under development to run tests: a stub extension generated in the run folder (another name, no
// code, no activation) plays that part, so the installed copy is the one that runs. The suite
// checks that the active extension's extensionPath is that copy. E2E_EXTENSION=dev runs the
// repository folder itself as the extension under development instead (quicker to iterate).
//
// Environment:
//   E2E_TIMEOUT_MS       global deadline (default 300000)
//   E2E_GREP             only run the tests whose full title matches this pattern
//   E2E_KEEP_RUNS        how many run folders to keep (default 3, the newest)
//   E2E_VERBOSE=1        also print code-server's output and the whole workbench log
//   E2E_EXTENSION        vsix (default): test the installed package; dev: the repository folder
//   E2E_VSIX             test this .vsix as it is (no freshness check, no build)
//   E2E_UPDATE_IMAGES=1  after a green run, copy the README screenshots into images/
//   E2E_TRACE=1          trace the client ⇄ server messages into the run's extension host logs
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

const VSIX = path.join(ROOT, 'sender-guard.vsix');
const IMAGES = path.join(ROOT, 'images');
const EXTENSION_ID = 'sender-guard.sender-guard';
/** What goes into the .vsix: a change to any of these makes sender-guard.vsix stale. */
const VSIX_INPUTS = [
  'package.json',
  '.vscodeignore',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'client/src',
  'client/language-configuration',
  'server/src',
  'syntaxes',
  'examples',
  'walkthrough',
  'images/icon.png',
  'scripts/bundle.mjs',
];
/** Screenshots (.e2e/screenshots/<name>.png) that E2E_UPDATE_IMAGES=1 copies into images/. */
const README_IMAGES = {
  'zone-squiggles': 'screenshot-zone-squiggles.png',
  'zone-hover': 'screenshot-zone-hover.png',
  'zone-quick-fix': 'screenshot-zone-quick-fix.png',
  'spf-mx-hover': 'screenshot-spf-mx-hover.png',
  'rtx-quick-fix': 'screenshot-rtx-quick-fix.png',
  'rtx-verdict-hover': 'screenshot-rtx-verdict-hover.png',
  'log-diagnostics': 'screenshot-log-diagnostics.png',
  'log-hover': 'screenshot-log-hover.png',
  'zone-sender-requirements-hover': 'screenshot-sender-requirements-hover.png',
};

const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 300_000);
const MODE = (process.env.E2E_EXTENSION || 'vsix').toLowerCase();
const UPDATE_IMAGES = process.env.E2E_UPDATE_IMAGES === '1';
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
  if (process.env.E2E_VSIX && !fs.existsSync(process.env.E2E_VSIX)) missing.push(`${process.env.E2E_VSIX} (E2E_VSIX)`);
  if (missing.length) fail(`missing:\n  - ${missing.join('\n  - ')}`);
  if (MODE !== 'vsix' && MODE !== 'dev') fail(`E2E_EXTENSION must be vsix or dev, not ${MODE}`);
}

// ---------------------------------------------------------------------------------------------
// The extension under test: the packaged .vsix, installed into the run's extensions folder

/** The newest modification time (ms) of the files under `rel` (a file or a folder). */
function newestMtime(rel) {
  const abs = path.join(ROOT, rel);
  let st;
  try {
    st = fs.statSync(abs);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file changes its folder
  for (const e of fs.readdirSync(abs, { withFileTypes: true })) newest = Math.max(newest, newestMtime(path.join(rel, e.name)));
  return newest;
}

/** Runs a command in a process group of its own with its output in `logPath`; resolves with its exit code. */
function runLogged(cmd, args, { env, cwd, logPath }, state) {
  const out = fs.openSync(logPath, 'a');
  fs.writeSync(out, `$ ${[cmd, ...args].join(' ')}\n`);
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', out, out] });
  state.helpers.add(child);
  return new Promise((resolve) => {
    child.on('error', (e) => {
      fs.writeSync(out, `could not start: ${e.message}\n`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      state.helpers.delete(child);
      fs.closeSync(out);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).map((l) => `    ${l}`).join('\n');
  } catch {
    return '    (no log)';
  }
}

/** The .vsix to install: E2E_VSIX, or sender-guard.vsix when it is newer than its inputs, else a fresh `npm run package`. */
async function packagedVsix(dirs, state) {
  if (process.env.E2E_VSIX) return path.resolve(process.env.E2E_VSIX);
  const built = fs.existsSync(VSIX) ? fs.statSync(VSIX).mtimeMs : 0;
  const stale = VSIX_INPUTS.filter((rel) => newestMtime(rel) > built);
  if (built && stale.length === 0) {
    say(`${path.relative(ROOT, VSIX)} is newer than its sources; using it`);
    return VSIX;
  }
  say(built ? `${path.relative(ROOT, VSIX)} is older than ${stale.join(', ')}: npm run package` : 'npm run package (no sender-guard.vsix yet)');
  const started = Date.now();
  const logPath = path.join(dirs.logs, 'package.log');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const code = await runLogged(npm, ['run', 'package'], { cwd: ROOT, env: process.env, logPath }, state);
  if (code !== 0 || !fs.existsSync(VSIX) || fs.statSync(VSIX).mtimeMs < started - 1000) {
    fail(`npm run package failed (exit ${code}); last lines of ${path.relative(ROOT, logPath)}:\n${tail(logPath)}`);
  }
  say(`packaged ${path.relative(ROOT, VSIX)} (${Math.round(fs.statSync(VSIX).size / 1024)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return VSIX;
}

/** Installs `vsix` into the run's extensions folder and returns the installed extension's folder. */
async function installVsix(vsix, dirs, env, state) {
  const started = Date.now();
  const logPath = path.join(dirs.logs, 'install-extension.log');
  const args = [CODE_SERVER, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix];
  const code = await runLogged(process.execPath, args, { cwd: dirs.run, env, logPath }, state);
  const log = fs.readFileSync(logPath, 'utf8');
  if (code !== 0 || !/successfully installed/i.test(log)) {
    fail(`code-server --install-extension ${path.relative(ROOT, vsix)} failed (exit ${code}); last lines of ${path.relative(ROOT, logPath)}:\n${tail(logPath)}`);
  }
  const folders = fs.readdirSync(dirs.extensions).filter((n) => n.toLowerCase().startsWith(`${EXTENSION_ID}-`));
  if (folders.length !== 1) fail(`expected one ${EXTENSION_ID}-* folder in ${path.relative(ROOT, dirs.extensions)} after installing, found: ${folders.join(', ') || 'none'}`);
  const installed = path.join(dirs.extensions, folders[0]);
  for (const f of ['package.json', 'dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(installed, f))) fail(`the installed extension has no ${f} (${path.relative(ROOT, installed)})`);
  }
  say(`installed ${path.relative(ROOT, vsix)} as ${path.relative(ROOT, installed)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return installed;
}

/**
 * The extension "under development" that carries the tests when the extension under test is the
 * installed one: another name, no code, no activation events, so it contributes nothing.
 */
function writeStubExtension(dirs) {
  const dir = path.join(dirs.run, 'test-runner-extension');
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'sender-guard-e2e-runner',
    displayName: 'Sender Guard end-to-end test runner (stub)',
    description: 'Generated by scripts/e2e-launch.mjs: carries the extension tests; the extension under test is the installed sender-guard.vsix.',
    publisher: 'sender-guard-e2e',
    version: '0.0.0',
    private: true,
    engines: { vscode: '*' },
    activationEvents: [],
    contributes: {},
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  return dir;
}

/** Copies this run's README screenshots into images/ (only called after a green run). */
function updateImages(state) {
  const taken = new Map(state.screenshots.map((s) => [s.name, s]));
  const copied = [];
  const skipped = [];
  for (const [shot, image] of Object.entries(README_IMAGES)) {
    const s = taken.get(shot);
    if (!s?.ok) {
      skipped.push(`${shot} (${s ? s.error : 'not taken in this run'})`);
      continue;
    }
    fs.copyFileSync(path.join(SCREENSHOTS, `${shot}.png`), path.join(IMAGES, image));
    copied.push(`images/${image}`);
  }
  say(`updated ${copied.length} README image(s): ${copied.join(', ') || 'none'}`);
  if (skipped.length) say(`WARNING: README image(s) not updated: ${skipped.join('; ')}`);
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
    // The web workbench's default is afterDelay (1 s): the tests' edits would be written to the
    // workspace copy, and a later revert would go back to an edited file, not the example.
    'files.autoSave': 'off',
    // Hovers open without delay when the suite asks for them, for the screenshots.
    'editor.hover.delay': 0,
    // E2E_TRACE=1: the client logs every LSP message (user-data/logs/*/exthost1/output_logging_*/).
    ...(process.env.E2E_TRACE === '1' ? { 'senderGuard.trace.server': 'verbose' } : {}),
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
    ['extensionDevelopmentPath', remote(state.developmentPath)],
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
  const state = { screenshots: [], summary: undefined, helpers: new Set() };
  say(`extension under test: ${MODE === 'dev' ? 'the repository folder (E2E_EXTENSION=dev)' : 'the packaged .vsix, installed'}`);

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
    if (MODE === 'dev') {
      state.developmentPath = ROOT;
      env.SENDER_GUARD_E2E_EXTENSION_PATH = ROOT;
    } else {
      // A copy in the run folder: a concurrent `npm run package` cannot change it under the install.
      const built = await packagedVsix(dirs, state);
      const vsix = path.join(dirs.run, path.basename(built));
      fs.copyFileSync(built, vsix);
      env.SENDER_GUARD_E2E_EXTENSION_PATH = await installVsix(vsix, dirs, env, state);
      state.developmentPath = writeStubExtension(dirs);
    }
    env.SENDER_GUARD_E2E_MODE = MODE;
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
  for (const child of state.helpers) killGroup(child, 'SIGKILL'); // a package/install step cut short
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
  if (UPDATE_IMAGES) {
    if (code === 0) updateImages(state);
    else say('E2E_UPDATE_IMAGES=1: the run failed, images/ left as it was');
  }
  process.stdout.write(`e2e: ${summary.passed} passed, ${summary.failed} failed\n`);
  process.exit(code);
}

main().catch((e) => {
  process.stderr.write(`[e2e] FAILED: ${e instanceof E2EError ? e.message : e?.stack ?? e}\n`);
  process.stdout.write('e2e: 0 passed, 1 failed\n');
  process.exit(1);
});
