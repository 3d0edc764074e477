// Fuzzes the compiled core (out/): random bytes and mutations of the whole corpus, for every
// parser (zone, rtx, rtxlog, the SPF record parser). Checks that nothing throws, every range lies
// inside the document, no rule fails internally, and time stays linear in input size.
// Not part of `npm test`; run `npm run build` first.
//
//   node scripts/fuzz.mjs [--inputs N] [--seconds S] [--seed K] [--corpus DIR] [--parsers zone,rtx,…]
//   node scripts/fuzz.mjs --fix-safety [--corpus DIR]   applies every quick fix to every corpus file
//
// --inputs is per parser (default 1,000,000); --seconds bounds the whole run (split evenly).
// Failures are saved under /tmp/senderguard-fuzz/ (one reproducer per distinct failure).
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..');
const check = require(join(ROOT, 'out/test/fuzz/check.js'));
const seeds = require(join(ROOT, 'out/test/fuzz/seeds.js'));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const INPUTS = Number(option('inputs', 1_000_000));
const SECONDS = Number(option('seconds', Infinity));
const SEED = Number(option('seed', 1));
const CORPUS = resolve(option('corpus', process.env.SENDER_GUARD_CORPUS ?? join(ROOT, '..', 'shared', 'corpus')));
const PARSERS = option('parsers', 'zone,rtx,rtxlog,spf').split(',');
const OUT_DIR = '/tmp/senderguard-fuzz';

// ------------------------------------------------------------------ corpus
/** Every corpus file with the language it belongs to (zone files, router configs, router logs, SPF data). */
function corpusFiles() {
  if (!existsSync(CORPUS)) return [];
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (statSync(p).size > 0) out.push({ path: p, rel: relative(CORPUS, p), lang: classify(relative(CORPUS, p)), text: readFileSync(p, 'utf8') });
    }
  };
  walk(CORPUS);
  return out;
}
function classify(rel) {
  if (rel.startsWith('zones/')) return 'zone';
  if (rel.startsWith('yamaha/syslog/') || /\.(log|rtxlog)$/.test(rel)) return 'rtxlog';
  if (rel.startsWith('yamaha/')) return 'rtx';
  return 'spf';
}

// ------------------------------------------------------------------ randomness
let state = SEED >>> 0;
function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(rand() * n);
const pick = (xs) => xs[int(xs.length)];
/** Mostly short, sometimes long. */
const size = (max) => Math.min(max, Math.floor(Math.exp(rand() * Math.log(max + 1))));

const BYTE_ALPHABETS = [
  () => int(256),
  () => pick([9, 10, 13, 32, 34, 35, 36, 40, 41, 42, 46, 47, 58, 59, 61, 64, 92]),
  () => 32 + int(95),
  () => pick([0x30 + int(10), 0x61 + int(26), 0x2e, 0x3a, 0x20, 0x0a]),
];

function randomBytesInput() {
  const n = size(4096);
  const buf = Buffer.alloc(n);
  const alpha = pick(BYTE_ALPHABETS);
  for (let i = 0; i < n; i++) buf[i] = alpha();
  return rand() < 0.5 ? buf.toString('utf8') : buf.toString('latin1');
}

function mutate(text, donors) {
  let t = text;
  const k = 1 + int(8);
  for (let i = 0; i < k; i++) {
    const at = int(t.length + 1);
    switch (int(8)) {
      case 0: t = t.slice(0, at) + t.slice(at + 1 + int(16)); break;
      case 1: t = t.slice(0, at) + pick(seeds.TOKENS) + t.slice(at); break;
      case 2: t = t.slice(0, at) + randomBytesInput().slice(0, 1 + int(8)) + t.slice(at); break;
      case 3: { // repeat a line
        const s = t.lastIndexOf('\n', at - 1) + 1;
        const e = t.indexOf('\n', at);
        const line = t.slice(s, e < 0 ? t.length : e + 1);
        t = t.slice(0, s) + line.repeat(1 + int(4)) + t.slice(s); break;
      }
      case 4: { // splice a piece of another document
        const d = pick(donors);
        const s = int(d.length + 1);
        t = t.slice(0, at) + d.slice(s, s + size(512)) + t.slice(at); break;
      }
      case 5: t = t.slice(0, at) + String.fromCharCode(int(65536)) + t.slice(at + 1); break;
      case 6: { // swap two lines
        const ls = t.split('\n');
        const a = int(ls.length), b = int(ls.length);
        [ls[a], ls[b]] = [ls[b], ls[a]];
        t = ls.join('\n'); break;
      }
      default: t = t.slice(0, at) + t.slice(at).replace(/\d+/, () => pick(['0', '-1', '255', '256', '65536', '4294967296', '99999999999999999999'])); break;
    }
  }
  return t;
}

/** A window of a seed document (whole when small), mutated. */
function mutatedInput(pool, donors) {
  const text = pick(pool);
  let t = text;
  if (text.length > 8192) {
    const s = text.lastIndexOf('\n', int(text.length)) + 1;
    t = text.slice(s, s + size(8192));
  }
  return mutate(t, donors);
}

// ------------------------------------------------------------------ running
function runOne(parser, text, offsets) {
  if (parser === 'spf') return check.checkSpfValue(text);
  return check.checkDocument(parser, text, { offsets });
}

const failures = new Map();
function record(parser, text, problems) {
  const sig = `${parser}: ${problems[0].replace(/\d+/g, 'N').replace(/'[^']*'/g, "'…'").slice(0, 200)}`;
  const entry = failures.get(sig);
  if (entry) {
    entry.count++;
    if (text.length < entry.text.length) entry.text = text;
    return;
  }
  failures.set(sig, { parser, count: 1, text, problems });
}

function timeOf(parser, text, offsets) {
  const t0 = performance.now();
  runOne(parser, text, offsets);
  return performance.now() - t0;
}

function fuzzParser(parser, files, deadline) {
  const own = files.filter((f) => f.lang === parser).map((f) => f.text);
  const spfLines = parser === 'spf' ? files.flatMap((f) => f.text.match(/v=spf1[^"\n]*/g) ?? []) : [];
  const pool = [...own, ...spfLines, ...(parser === 'spf' ? [] : seeds.SEEDS[parser])];
  const donors = files.map((f) => f.text);
  if (donors.length === 0) donors.push(...Object.values(seeds.SEEDS).flat());
  let runs = 0;
  let bytes = 0;
  /** The inputs (≥ 1 KB) slowest per KB on first measurement; re-timed at the end (JIT and GC noise). */
  let top = [];
  let slowestAbs = { ms: 0, len: 0 };
  const wholeFiles = own.slice();
  const t0 = performance.now();
  for (; runs < INPUTS && performance.now() < deadline; runs++) {
    // Each corpus file of the language is also run whole once (large-input timing).
    const text = wholeFiles.length ? wholeFiles.pop() : rand() < 0.4 ? randomBytesInput() : pool.length ? mutatedInput(pool, donors) : randomBytesInput();
    const offsets = [int(text.length + 1), int(text.length + 1)];
    const s = performance.now();
    let problems;
    try {
      problems = runOne(parser, text, offsets);
    } catch (e) {
      problems = [`harness: ${e?.stack ?? e}`];
    }
    const ms = performance.now() - s;
    bytes += text.length;
    if (problems.length) record(parser, text, problems);
    if (ms > slowestAbs.ms) slowestAbs = { ms, len: text.length };
    if (text.length >= 1024 && (top.length < 8 || ms / (text.length / 1024) > top[top.length - 1].perKB)) {
      top.push({ perKB: ms / (text.length / 1024), ms, len: text.length, text, offsets });
      top = top.sort((a, b) => b.perKB - a.perKB).slice(0, 8);
    }
  }
  let slowest = { perKB: 0, ms: 0, len: 0, text: '', offsets: [] };
  for (const c of top) {
    const ms = Math.min(timeOf(parser, c.text, c.offsets), timeOf(parser, c.text, c.offsets), timeOf(parser, c.text, c.offsets));
    if (ms / (c.len / 1024) > slowest.perKB) slowest = { perKB: ms / (c.len / 1024), ms, len: c.len, text: c.text, offsets: c.offsets };
  }
  const elapsed = (performance.now() - t0) / 1000;
  return { parser, runs, bytes, elapsed, slowest, slowestAbs };
}

/**
 * Repeats the slowest input ×1, ×4, ×16 and compares time per KB: linear time keeps it flat. The
 * hover offsets that made it slow are kept (in the first copy).
 */
function linearity(parser, text, offsets) {
  const sizes = [1, 4, 16];
  const perKB = sizes.map((k) => {
    const t = text.repeat(k);
    const ms = Math.min(timeOf(parser, t, offsets), timeOf(parser, t, offsets));
    return ms / (t.length / 1024);
  });
  return { perKB, ratio: perKB[2] / perKB[0] };
}

function save(name, text, meta) {
  mkdirSync(OUT_DIR, { recursive: true });
  const base = join(OUT_DIR, `${name}-${createHash('sha1').update(text).digest('hex').slice(0, 10)}`);
  writeFileSync(`${base}.input`, text);
  writeFileSync(`${base}.json`, JSON.stringify(meta, null, 2) + '\n');
  return `${base}.input`;
}

// ------------------------------------------------------------------ fix safety over the corpus
async function fixSafetyRun(files) {
  const { fixSafety } = require(join(ROOT, 'out/test/fixsafety/fixSafety.js'));
  let findings = 0, fixes = 0, checked = 0;
  const bad = [];
  for (const f of files) {
    if (f.lang === 'spf') continue;
    checked++;
    const r = fixSafety(f.lang, f.text);
    findings += r.findings;
    fixes += r.fixes;
    for (const v of r.violations) bad.push({ file: f.rel, lang: f.lang, ...v });
  }
  console.log(`fix safety: ${checked} corpus files, ${findings} findings, ${fixes} quick fixes applied, ${bad.length} violations`);
  const byKind = new Map();
  for (const b of bad) {
    const k = `${b.rule} | ${b.fix.replace(/\d+/g, 'N')} | ${b.problem.replace(/\d+/g, 'N').slice(0, 120)}`;
    if (!byKind.has(k)) byKind.set(k, []);
    byKind.get(k).push(b);
  }
  for (const [k, bs] of byKind) {
    const b = bs[0];
    const path = save(`fix-${b.rule}`, files.find((f) => f.rel === b.file).text, { lang: b.lang, file: b.file, ...b });
    console.log(`  ${bs.length}× ${k}\n     first: ${b.file} at offset ${b.at}: ${b.problem.slice(0, 300)}\n     saved: ${path}`);
  }
  return bad.length;
}

// ------------------------------------------------------------------ main
const files = corpusFiles();
console.log(`corpus: ${files.length} files from ${existsSync(CORPUS) ? CORPUS : '(none)'}; seed ${SEED}`);
if (process.argv.includes('--fix-safety')) {
  process.exit((await fixSafetyRun(files)) ? 1 : 0);
}
const start = performance.now();
const results = [];
PARSERS.forEach((parser, i) => {
  const remaining = SECONDS * 1000 - (performance.now() - start);
  const deadline = performance.now() + remaining / (PARSERS.length - i);
  const r = fuzzParser(parser, files, deadline);
  const lin = r.slowest.len ? linearity(parser, r.slowest.text, r.slowest.offsets) : undefined;
  results.push({ ...r, lin });
  const line = [
    `${parser.padEnd(6)} ${r.runs.toLocaleString('en')} inputs (${(r.bytes / 1048576).toFixed(1)} MiB) in ${r.elapsed.toFixed(1)} s`,
    `failures ${[...failures.values()].filter((f) => f.parser === parser).reduce((n, f) => n + f.count, 0)}`,
    `slowest ${r.slowestAbs.ms.toFixed(1)} ms (${r.slowestAbs.len} chars)`,
    r.slowest.len ? `slowest per KB ${r.slowest.perKB.toFixed(2)} ms/KB (${r.slowest.len} chars, re-timed)` : 'no input ≥ 1 KB',
    lin ? `×1/×4/×16: ${lin.perKB.map((x) => x.toFixed(2)).join('/')} ms/KB` : '',
  ];
  console.log(line.filter(Boolean).join('; '));
  if (lin && lin.ratio > 4 && lin.perKB[2] > 1) {
    const path = save(`slow-${parser}`, r.slowest.text, { parser, perKB: lin.perKB, hoverOffsets: r.slowest.offsets });
    record(parser, r.slowest.text, [`super-linear time: ${lin.perKB.map((x) => x.toFixed(2)).join(' → ')} ms/KB at ×1/×4/×16 (saved ${path})`]);
  }
});
console.log(`failures: ${failures.size} distinct`);
for (const [sig, f] of failures) {
  const path = save(`fail-${f.parser}`, f.text, { parser: f.parser, count: f.count, problems: f.problems });
  console.log(`  ${f.count}× ${sig}\n     ${f.problems.slice(0, 3).join('\n     ')}\n     reproducer (${f.text.length} chars): ${path}`);
}
process.exit(failures.size ? 1 : 0);
