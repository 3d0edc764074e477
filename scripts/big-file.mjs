// The language server on a 100 MB zone file and a binary file, opened through didOpen like an
// editor would: it must answer with its degraded-mode diagnostics (syntax rules only above 32 MiB,
// at most 1000 diagnostics plus a note), keep its memory bounded, and answer the next request on a
// small document correctly. Too slow for the unit suite (tens of seconds, GBs moved), so a script:
//
//   npm run build && node scripts/big-file.mjs [--mb 100] [--max-rss-mb 1536] [--timeout 600]
//
// Prints the time and the server's resident memory (current and peak, from /proc) after each step.
// Exits 1 when an expectation fails, the peak memory exceeds --max-rss-mb, or --timeout seconds pass.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const ROOT = resolve(import.meta.dirname, '..');
function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? Number(process.argv[i + 1]) : fallback;
}
const MB = option('mb', 100);
const MAX_RSS_MB = option('max-rss-mb', 1536);
const TIMEOUT_S = option('timeout', 600);

const timer = setTimeout(() => {
  console.error(`big-file: not done within ${TIMEOUT_S} s`);
  process.exit(1);
}, TIMEOUT_S * 1000);

const proc = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
const stderr = [];
proc.stderr.on('data', (b) => stderr.push(b.toString()));
const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
const waiters = [];
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  for (const w of waiters.splice(0)) if (!w(p)) waiters.push(w);
});
conn.onRequest('workspace/configuration', () => [{}]);
conn.onNotification('window/logMessage', () => undefined);
conn.listen();
const diagnosticsOf = (uri) => new Promise((res) => waiters.push((p) => (p.uri === uri ? (res(p.diagnostics), true) : false)));

function memory() {
  const status = existsSync(`/proc/${proc.pid}/status`) ? readFileSync(`/proc/${proc.pid}/status`, 'utf8') : '';
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}
const t0 = Date.now();
const results = [];
function step(name, extra = '') {
  const m = memory();
  const line = `${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s; server RSS ${m.rss} MiB, peak ${m.peak} MiB${extra ? `; ${extra}` : ''}`;
  results.push({ name, ...m });
  console.log(line);
  return m;
}

await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
await conn.sendNotification('initialized', {});
step('initialized');

// ---- a 100 MB zone file: syntax rules only, and a note saying so
const head = '$ORIGIN big.example.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 900 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n@ IN TXT "v-spf1 -all"\nbad IN TXT "unterminated\n';
const parts = [head];
let size = head.length;
for (let i = 0; size < MB * 1024 * 1024; i++) {
  const line = `h${i} IN A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} ; host ${i}\n`;
  parts.push(line);
  size += line.length;
}
let text = parts.join('');
parts.length = 0;
const bigUri = 'file:///ws/hundred-mb.zone';
let got = diagnosticsOf(bigUri);
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'zone', version: 1, text } });
const chars = text.length;
text = '';
let ds = await got;
const codes = ds.map((d) => d.code);
step(`${(chars / 1048576).toFixed(0)} MiB zone opened`, `${ds.length} diagnostics: ${JSON.stringify(ds[0]?.message)}`);
assert.match(ds[0].message, /Large file \(\d+ MiB\): only the syntax rules run in the editor/);
assert.ok(codes.includes('zone-syntax'), JSON.stringify(codes));
assert.ok(!codes.includes('spf-version-typo'), 'non-syntax rules are skipped on a very large file');
const hover = await conn.sendRequest('textDocument/hover', { textDocument: { uri: bigUri }, position: { line: 2, character: 6 } });
step('hover on the 100 MiB zone', JSON.stringify(hover)?.slice(0, 60));

// ---- a binary file: bytes as an editor would hand them over (Latin-1), many problems, capped
let seed = 0xb1;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) & 255;
const binary = Buffer.alloc(8 * 1024 * 1024);
for (let i = 0; i < binary.length; i++) binary[i] = rand();
const binUri = 'file:///ws/firmware.bin.zone';
got = diagnosticsOf(binUri);
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: binUri, languageId: 'zone', version: 1, text: binary.toString('latin1') } });
ds = await got;
step('8 MiB binary opened as a zone file', `${ds.length} diagnostics; last: ${JSON.stringify(ds[ds.length - 1]?.message)}`);
assert.ok(ds.length <= 1001 && ds.length > 0, `${ds.length} diagnostics`);
if (ds.length === 1001) assert.match(ds[1000].message, /more problems not shown/);

// ---- close both; a small document is answered correctly
for (const uri of [bigUri, binUri]) {
  got = diagnosticsOf(uri);
  await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  assert.deepEqual(await got, []);
}
const smallUri = 'file:///ws/small.zone';
const small = readFileSync(join(ROOT, 'examples/broken/example.jp.zone'), 'utf8');
got = diagnosticsOf(smallUri);
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: smallUri, languageId: 'zone', version: 1, text: small } });
ds = await got;
assert.ok(ds.some((d) => d.code === 'spf-version-typo'), JSON.stringify(ds.map((d) => d.code)));
const lines = small.split('\n');
const line = lines.findIndex((l) => /TXT\s+"v-spf1/.test(l));
const h = await conn.sendRequest('textDocument/hover', { textDocument: { uri: smallUri }, position: { line, character: lines[line].indexOf('ip4:') + 1 } });
assert.match(JSON.stringify(h), /SPF mechanism/);
const end = step('small document after both', `${ds.length} diagnostics, hover answered`);

await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
clearTimeout(timer);
console.log(`peak server RSS ${end.peak} MiB (limit ${MAX_RSS_MB} MiB); total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
if (!(end.peak <= MAX_RSS_MB)) {
  console.error(`big-file: peak RSS ${end.peak} MiB over ${MAX_RSS_MB} MiB`);
  process.exit(1);
}
process.exit(0);
