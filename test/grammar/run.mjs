// Grammar tests with a real TextMate engine (vscode-textmate + oniguruma, via vscode-tmgrammar-test):
//  1. unit assertions: test/grammar/unit/* (a "SYNTAX TEST" header, then "^^^ scope" lines under source lines);
//  2. snapshots: every fixture in test/grammar/snap/ is tokenized and compared with its committed .snap file.
// Grammars and file extensions come from package.json `contributes` (so a broken grammar entry fails here too).
// Fails on any assertion or snapshot mismatch, and on a fixture without a snapshot (never writes one silently).
// `node test/grammar/run.mjs --update` rewrites the snapshots; read the diff before committing it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const tool = dirname(require.resolve('vscode-tmgrammar-test/package.json'));
const update = process.argv.includes('--update');
const rel = (p) => relative(root, p).split('\\').join('/');

const unitDir = join(root, 'test', 'grammar', 'unit');
const snapDir = join(root, 'test', 'grammar', 'snap');
const unitFiles = readdirSync(unitDir).filter((f) => !f.startsWith('.')).sort().map((f) => rel(join(unitDir, f)));
const fixtures = readdirSync(snapDir).filter((f) => !f.startsWith('.') && !f.endsWith('.snap')).sort().map((f) => join(snapDir, f));

let failed = false;
const run = (label, script, args) => {
  console.log(`\n== ${label}`);
  const r = spawnSync(process.execPath, [join(tool, 'dist', script), ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    failed = true;
    console.error(`== ${label}: FAILED (exit ${r.status ?? r.signal})`);
  }
};

run(`unit assertions (${unitFiles.length} files)`, 'unit.js', ['--config', 'package.json', ...unitFiles]);

if (!update) {
  const missing = fixtures.filter((f) => !existsSync(`${f}.snap`));
  for (const f of missing) console.error(`missing snapshot for ${rel(f)} (run: node test/grammar/run.mjs --update)`);
  const orphans = readdirSync(snapDir).filter((f) => f.endsWith('.snap') && !existsSync(join(snapDir, f.slice(0, -5))));
  for (const f of orphans) console.error(`snapshot without fixture: test/grammar/snap/${f}`);
  if (missing.length || orphans.length) failed = true;
}
if (!failed || update) {
  run(`snapshots (${fixtures.length} fixtures)`, 'snapshot.js', ['--config', 'package.json', ...(update ? ['--updateSnapshot'] : []), ...fixtures.map(rel)]);
}

console.log(failed ? '\ngrammar tests FAILED' : '\ngrammar tests passed');
process.exit(failed ? 1 : 0);
