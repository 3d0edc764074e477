// Fuzzes the compiled core (out/): random bytes and mutations of the whole corpus, for every
// parser (zone, rtx, rtxlog, the SPF record parser), the SPF macro expander (`macro`: a macro-string
// and arbitrary letter values) and the RTX packet-filter simulator (`simulate`: a mutated config and
// arbitrary command-line arguments). Checks that nothing throws, every range lies
// inside the document, no rule fails internally, and time stays linear in input size.
// Not part of `npm test`; run `npm run build` first.
//
//   node scripts/fuzz.mjs [--inputs N] [--seconds S] [--seed K] [--corpus DIR] [--parsers zone,rtx,…] [--out DIR] [--progress]
//   node scripts/fuzz.mjs --fix-safety [--corpus DIR]   applies every quick fix to every corpus file
//   node scripts/fuzz.mjs --splice [--edits N] [--seed K]   random edits of every corpus zone file:
//     the edited parse spliced into the old one (what the language server does) must equal the
//     parse of the whole new text
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
function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
/** The compiled tree to fuzz (`out/` by default; a private `tsc --outDir` build works too). */
const BUILD = resolve(ROOT, option('out', 'out'));
const check = require(join(BUILD, 'test/fuzz/check.js'));
const seeds = require(join(BUILD, 'test/fuzz/seeds.js'));
const INPUTS = Number(option('inputs', 1_000_000));
const SECONDS = Number(option('seconds', Infinity));
const SEED = Number(option('seed', 1));
const CORPUS = resolve(option('corpus', process.env.SENDER_GUARD_CORPUS ?? join(ROOT, '..', 'shared', 'corpus')));
const PARSERS = option('parsers', 'zone,rtx,rtxlog,spf,macro,simulate').split(',');
const OUT_DIR = '/tmp/senderguard-fuzz';
const PROGRESS = process.argv.includes('--progress');

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

// ------------------------------------------------------------------ macro values and simulator arguments
const MACRO_LETTERS = ['s', 'l', 'o', 'd', 'i', 'v', 'h', 'c', 'r', 't', 'p'];
const MACRO_VALUE_SAMPLES = ['', 'postmaster', 'user@example.org', 'example.org', 'a.b.c.d.e.f.g', '192.0.2.3', '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2', 'in-addr', 'ip6', 'unknown', 'mx.example.net', '…é ', '%{d}', '-_+.=', '1700000000'];
function macroValue() {
  switch (int(4)) {
    case 0: return pick(MACRO_VALUE_SAMPLES);
    case 1: return randomBytesInput().slice(0, size(300));
    case 2: return Array.from({ length: size(200) }, () => pick(['a', 'bb', '.', '-', '+', '=', '_', '/', 'é', '1'])).join('');
    default: return pick(MACRO_VALUE_SAMPLES).repeat(1 + int(40));
  }
}
function macroInput(pool, donors) {
  const text = rand() < 0.3 ? randomBytesInput().slice(0, size(1024)) : mutatedInput(pool, donors).slice(0, size(2048));
  const values = Object.fromEntries(MACRO_LETTERS.map((l) => [l, macroValue()]));
  return { text, values };
}

const SIM_WORDS = ['192.168.0.10', '192.168.100.2', '203.0.113.25', '198.51.100.1', '10.0.0.1', '2001:db8::1', '2001:db8:1:2::25', 'fe80::1', '::', '0.0.0.0', '255.255.255.255', '*',
  'tcp', 'udp', 'icmp', 'icmp6', 'gre', 'esp', 'tcpfin', 'established', '25', '0', '587', '65535', '65536', '-1', 'smtp', 'submission', 'www', '1-1024',
  'pp 1', 'pp 0', 'lan1', 'lan2', 'lan3/1', 'tunnel 9', 'tunnel 1', 'bridge1', 'in', 'out', 'both', 'syn', 'ack', 'syn,ack', '0x12', 'fin', 'rst', '8', '3', ''];
function simArg() {
  const r = rand();
  if (r < 0.2) return undefined;
  if (r < 0.75) return pick(SIM_WORDS);
  if (r < 0.9) return pick(SIM_WORDS) + pick(['', '/24', '/64', '/129', ':', ' ', '.1', 'x']) + (rand() < 0.5 ? pick(SIM_WORDS) : '');
  return randomBytesInput().slice(0, size(24));
}
function simArgs() {
  const a = {};
  for (const k of ['from', 'to', 'proto', 'port', 'sport', 'interface', 'direction', 'tcpFlags', 'icmpType', 'icmpCode']) {
    const v = simArg();
    if (v !== undefined) a[k] = v;
  }
  if (rand() < 0.3) a.connected = rand() < 0.5;
  if (rand() < 0.2) a.prefixes = Array.from({ length: 1 + int(3) }, () => `${pick(['ra-prefix', 'dhcp-prefix', 'x'])}@${pick(['lan1', 'lan2', 'pp 1', ''])}=${pick(['2001:db8:1:2::/64', '2001:db8::/48', '::/0', 'zz', ''])}`);
  return a;
}
/** Parsed configs the simulator runs on: seeds and corpus configs first, then mutated ones (one in 64 inputs parses a new one). */
const simModels = [];
function simInput(pool, donors) {
  if (simModels.length < 8 || int(64) === 0) {
    const config = simModels.length < pool.length ? pool[simModels.length] : mutatedInput(pool, donors);
    const model = check.parsedRtx(config);
    if (simModels.length < 256) simModels.push({ config, model });
    else simModels[int(simModels.length)] = { config, model };
  }
  const { config, model } = pick(simModels);
  return { text: config, model, args: simArgs() };
}

// ------------------------------------------------------------------ running
/** An input's text plus what else its parser takes. */
function makeInput(parser, pool, donors) {
  if (parser === 'macro') return macroInput(pool, donors);
  if (parser === 'simulate') return simInput(pool, donors);
  const text = rand() < 0.4 ? randomBytesInput() : pool.length ? mutatedInput(pool, donors) : randomBytesInput();
  return { text };
}
function describeInput(parser, input) {
  if (parser === 'macro') return `${JSON.stringify(input.text)}\nvalues ${JSON.stringify(input.values)}`;
  if (parser === 'simulate') return `args ${JSON.stringify(input.args)}\n${input.text}`;
  return input.text;
}

/** The violations of one input (a promise for the macro expander, which is async). */
function runOne(parser, input, offsets) {
  if (parser === 'spf') return check.checkSpfValue(input.text);
  if (parser === 'macro') return check.checkMacroExpansion(input.text, input.values);
  if (parser === 'simulate') return input.model ? check.checkSimulationModel(input.model, input.args) : check.checkSimulation(input.text, input.args);
  return check.checkDocument(parser, input.text, { offsets });
}

const failures = new Map();
function record(parser, input, problems) {
  const text = typeof input === 'string' ? input : describeInput(parser, input);
  const sig = `${parser}: ${problems[0].replace(/\d+/g, 'N').replace(/'[^']*'/g, "'…'").slice(0, 200)}`;
  const entry = failures.get(sig);
  if (entry) {
    entry.count++;
    if (text.length < entry.text.length) entry.text = text;
    return;
  }
  failures.set(sig, { parser, count: 1, text, problems });
  // Saved at once, so an interrupted run keeps its reproducers (re-saved smaller at the end).
  const path = save(`fail-${parser}`, text, { parser, problems });
  console.log(`  new failure (${parser}): ${problems[0].slice(0, 200)}\n     reproducer: ${path}`);
}

async function timeOf(parser, input, offsets) {
  const t0 = performance.now();
  await runOne(parser, input, offsets);
  return performance.now() - t0;
}

/** The language whose corpus files and seeds feed a parser. */
const LANG_OF = { zone: 'zone', rtx: 'rtx', rtxlog: 'rtxlog', spf: 'spf', macro: 'spf', simulate: 'rtx' };

async function fuzzParser(parser, files, deadline) {
  const lang = LANG_OF[parser];
  const own = parser === 'zone' || parser === 'rtx' || parser === 'rtxlog' ? files.filter((f) => f.lang === parser).map((f) => f.text) : [];
  const spfLines = lang === 'spf' ? files.flatMap((f) => f.text.match(/v=spf1[^"\n]*/g) ?? []) : [];
  const simConfigs = parser === 'simulate' ? files.filter((f) => f.lang === 'rtx').map((f) => f.text) : [];
  const pool = [...own, ...simConfigs, ...spfLines, ...(lang === 'spf' ? [] : seeds.SEEDS[lang])];
  const donors = files.map((f) => f.text);
  if (donors.length === 0) donors.push(...Object.values(seeds.SEEDS).flat());
  let runs = 0;
  let bytes = 0;
  /** The inputs (≥ 1 KB) slowest per KB on first measurement; re-timed at the end (JIT and GC noise). */
  let top = [];
  let slowestAbs = { ms: 0, len: 0 };
  const wholeFiles = own.slice();
  const t0 = performance.now();
  const isAsync = parser === 'macro';
  let lastReport = performance.now();
  for (; runs < INPUTS && (runs & 255 || performance.now() < deadline); runs++) {
    // Each corpus file of the language is also run whole once (large-input timing).
    const input = wholeFiles.length ? { text: wholeFiles.pop() } : makeInput(parser, pool, donors);
    const text = input.text;
    const offsets = [int(text.length + 1), int(text.length + 1)];
    const s = performance.now();
    let problems;
    try {
      problems = isAsync ? await runOne(parser, input, offsets) : runOne(parser, input, offsets);
    } catch (e) {
      problems = [`harness: ${e?.stack ?? e}`];
    }
    const ms = performance.now() - s;
    bytes += text.length;
    if (problems.length) record(parser, input, problems);
    if (ms > slowestAbs.ms) slowestAbs = { ms, len: text.length, input };
    if (text.length >= 1024 && (top.length < 8 || ms / (text.length / 1024) > top[top.length - 1].perKB)) {
      top.push({ perKB: ms / (text.length / 1024), ms, len: text.length, input, offsets });
      top = top.sort((a, b) => b.perKB - a.perKB).slice(0, 8);
    }
    if (PROGRESS && (runs & 4095) === 0 && performance.now() - lastReport > 60_000) {
      lastReport = performance.now();
      console.log(`  … ${parser} ${runs.toLocaleString('en')} inputs, ${((lastReport - t0) / 1000).toFixed(0)} s`);
    }
  }
  let slowest = { perKB: 0, ms: 0, len: 0, input: undefined, offsets: [] };
  for (const c of top) {
    const ms = Math.min(await timeOf(parser, c.input, c.offsets), await timeOf(parser, c.input, c.offsets), await timeOf(parser, c.input, c.offsets));
    if (ms / (c.len / 1024) > slowest.perKB) slowest = { perKB: ms / (c.len / 1024), ms, len: c.len, input: c.input, offsets: c.offsets };
  }
  const elapsed = (performance.now() - t0) / 1000;
  return { parser, runs, bytes, elapsed, slowest, slowestAbs };
}

/**
 * Repeats the slowest input ×1, ×4, ×16 and compares time per KB: linear time keeps it flat. The
 * hover offsets that made it slow are kept (in the first copy).
 */
async function linearity(parser, input, offsets) {
  const perKB = [];
  for (const k of [1, 4, 16]) {
    // The simulator's cost lies in its config: repeated configs are parsed again (no cached model).
    const t = { ...input, text: input.text.repeat(k), model: undefined };
    const ms = Math.min(await timeOf(parser, t, offsets), await timeOf(parser, t, offsets));
    perKB.push(ms / (t.text.length / 1024));
  }
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
/** `--splice`: `edits` random edits per corpus zone file; returns the number of violations. */
function spliceRun(files, edits) {
  const { parseZone } = require(join(BUILD, 'server/src/core/zone/parser.js'));
  const pieces = ['', ' ', '\n', '\r\n', 'x', 'A', 'IN', ' A 192.0.2.1', '(', ')', '"', ';', '\\', '$TTL 1m\n', '@', '300 ', 'TXT "q"', '\t', '.', '*'];
  let runs = 0;
  let spliced = 0;
  let zones = 0;
  const bad = [];
  for (const f of files) {
    if (f.lang !== 'zone' || f.text.length > 4 * 1048576) continue;
    zones++;
    const text = f.text;
    // Parsed once: every edit is spliced into this parse.
    const old = parseZone(text);
    for (let k = 0; k < edits; k++) {
      const start = int(text.length + 1);
      const end = Math.min(text.length, start + (int(3) === 0 ? int(10) : 0));
      let insert = '';
      for (let n = int(3); n > 0; n--) insert += int(4) === 0 ? text.slice(int(text.length), int(text.length) + int(12)) : pick(pieces);
      const r = check.checkSplice(old, start, end, insert);
      runs++;
      if (r.spliced) spliced++;
      for (const p of r.problems) bad.push(`${f.rel} [${start}, ${end}) → ${JSON.stringify(insert)}: ${p}`);
    }
  }
  console.log(`splice: ${zones} corpus zone files, ${runs} edits, ${spliced} spliced, ${bad.length} differ from the whole parse`);
  for (const b of bad.slice(0, 20)) console.log(`  ${b}`);
  return bad.length;
}

async function fixSafetyRun(files) {
  const { fixSafety } = require(join(BUILD, 'test/fixsafety/fixSafety.js'));
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
if (process.argv.includes('--splice')) {
  process.exit(spliceRun(files, Number(option('edits', 200))) ? 1 : 0);
}
const start = performance.now();
const results = [];
for (const [i, parser] of PARSERS.entries()) {
  const remaining = SECONDS * 1000 - (performance.now() - start);
  const deadline = performance.now() + remaining / (PARSERS.length - i);
  const r = await fuzzParser(parser, files, deadline);
  let lin = r.slowest.len ? await linearity(parser, r.slowest.input, r.slowest.offsets) : undefined;
  // A flag must survive two more measurements (JIT warm-up, GC and a busy machine skew single runs).
  for (let again = 0; again < 2 && lin && lin.ratio > 4 && lin.perKB[2] > 1; again++) {
    const next = await linearity(parser, r.slowest.input, r.slowest.offsets);
    if (next.ratio < lin.ratio) lin = next;
  }
  results.push({ ...r, lin });
  const line = [
    `${parser.padEnd(6)} ${r.runs.toLocaleString('en')} inputs (${(r.bytes / 1048576).toFixed(1)} MiB) in ${r.elapsed.toFixed(1)} s`,
    `failures ${[...failures.values()].filter((f) => f.parser === parser).reduce((n, f) => n + f.count, 0)}`,
    `slowest ${r.slowestAbs.ms.toFixed(1)} ms (${r.slowestAbs.len} chars)`,
    r.slowest.len ? `slowest per KB ${r.slowest.perKB.toFixed(2)} ms/KB (${r.slowest.len} chars, re-timed)` : 'no input ≥ 1 KB',
    lin ? `×1/×4/×16: ${lin.perKB.map((x) => x.toFixed(2)).join('/')} ms/KB` : '',
  ];
  if (r.slowestAbs.ms > 1000) line.push(`slowest input saved: ${save(`slowest-${parser}`, describeInput(parser, r.slowestAbs.input), { parser, ms: r.slowestAbs.ms })}`);
  console.log(line.filter(Boolean).join('; '));
  if (lin && lin.ratio > 4 && lin.perKB[2] > 1) {
    const path = save(`slow-${parser}`, describeInput(parser, r.slowest.input), { parser, perKB: lin.perKB, hoverOffsets: r.slowest.offsets });
    record(parser, r.slowest.input, [`super-linear time: ${lin.perKB.map((x) => x.toFixed(2)).join(' → ')} ms/KB at ×1/×4/×16 (saved ${path})`]);
  }
}
// The summary, as a Markdown table (quotable as is).
const command = `node scripts/fuzz.mjs ${process.argv.slice(2).join(' ')}`.trim();
console.log(`\nsummary (seed ${SEED}; ${command}; node ${process.version}; ${((performance.now() - start) / 1000).toFixed(0)} s in all)\n`);
console.log('| parser | inputs | MiB | failures | slowest per KB (re-timed) | slowest input | ×1/×4/×16 ms/KB | time |');
console.log('|---|---:|---:|---:|---:|---:|---|---:|');
for (const r of results) {
  const fails = [...failures.values()].filter((f) => f.parser === r.parser).reduce((n, f) => n + f.count, 0);
  const perKB = r.slowest.len ? `${r.slowest.perKB.toFixed(2)} ms/KB (${r.slowest.len} chars)` : '–';
  const lin = r.lin ? r.lin.perKB.map((x) => x.toFixed(2)).join(' / ') : '–';
  console.log(`| ${r.parser} | ${r.runs.toLocaleString('en')} | ${(r.bytes / 1048576).toFixed(1)} | ${fails} | ${perKB} | ${r.slowestAbs.ms.toFixed(1)} ms (${r.slowestAbs.len} chars) | ${lin} | ${r.elapsed.toFixed(0)} s |`);
}
console.log(`\nfailures: ${failures.size} distinct`);
for (const [sig, f] of failures) {
  const path = save(`fail-${f.parser}`, f.text, { parser: f.parser, count: f.count, problems: f.problems });
  console.log(`  ${f.count}× ${sig}\n     ${f.problems.slice(0, 3).join('\n     ')}\n     reproducer (${f.text.length} chars): ${path}`);
}
process.exit(failures.size ? 1 : 0);
