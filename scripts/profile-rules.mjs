// Profiles the zone analysis in-process: generates an N-record zone (the same shape as
// `scripts/bench.mjs`: SOA, NS, 100 mail hosts, then A/AAAA/MX/TXT-SPF/CNAME per host), parses it
// with the built core and times every zone rule on its own. Prints parse time, the rules sorted by
// cost, the total validate time (the engine's own `validate`, suppressions and sorting included)
// and heap/RSS. Prints figures; asserts nothing.
//
// Usage: node [--max-old-space-size=8192] scripts/profile-rules.mjs [--size 100000]
//          [--core out/server/src/core] [--top 15] [--runs 1] [--gc]
// --core points at another build of the core (e.g. `.build-NAME/server/src/core`).
// --runs repeats the rules pass and the validate pass on the same parsed document (a re-validation
//   after an edit parses again: each run re-parses, so caches keyed by the model start cold).
// --gc (needs `node --expose-gc`) collects garbage before each measurement and shows the heap
//   each rule leaves behind.
// --validate-only skips the rule-by-rule pass: parse + validate only, as `senderguard check` does
//   (its peak RSS is then the one to compare).
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const SIZE = Number(opt('--size', '100000'));
const CORE = path.resolve(ROOT, opt('--core', 'out/server/src/core'));
const TOP = Number(opt('--top', '15'));
const RUNS = Number(opt('--runs', '1'));
const ORIGIN = 'bench.example.';

const require = createRequire(import.meta.url);
const core = require(CORE);
const { rulesFor } = require(path.join(CORE, 'registry'));

/** The zone of `scripts/bench.mjs` (kept in step with its `generateZone`), as a string. */
function generateZone(n) {
  const parts = [
    `$ORIGIN ${ORIGIN}\n$TTL 3600\n@ IN SOA ns1 hostmaster ( 2026010100 1h 15m 1w 1h )\n  IN NS ns1\n  IN NS ns2\nns1 IN A 192.0.2.1\nns2 IN A 192.0.2.2\n`,
  ];
  let count = 5;
  for (let k = 0; k < 100; k++) {
    parts.push(`mx${k} IN A 198.51.100.${k + 1}\n`);
    count++;
  }
  for (let i = 0; count < n; i++) {
    const h = `h${i}`;
    parts.push(
      `${h} IN A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}\n` +
        `${h} IN AAAA 2001:db8::${(i & 0xffff).toString(16)}:${(i >>> 16).toString(16)}\n` +
        `${h} IN MX 10 mx${i % 100}\n` +
        `${h} IN TXT "v=spf1 ip4:10.0.0.0/8 ip6:2001:db8::/32 mx -all"\n` +
        `c${i} IN CNAME ${h}\n`,
    );
    count += 5;
  }
  // One flat string, as a file read gives (not a rope of concatenations).
  return { text: Buffer.from(parts.join(''), 'latin1').toString('latin1'), count };
}

const gc = args.includes('--gc') ? globalThis.gc : undefined;
if (args.includes('--gc') && !gc) console.log('# --gc needs node --expose-gc: ignored');
const ms = (t) => `${t.toFixed(0).padStart(7)} ms`;
const mib = (b) => `${(b / 1048576).toFixed(0)} MiB`;
const memory = () => {
  const m = process.memoryUsage();
  return `heap used ${mib(m.heapUsed)}, RSS ${mib(m.rss)}`;
};
let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};

const { text, count } = generateZone(SIZE);
console.log(`# node ${process.version}; core ${path.relative(ROOT, CORE) || '.'}; ${count} records (${(text.length / 1048576).toFixed(1)} MiB)`);
gc?.();
console.log(`before parse: ${memory()}`);

for (let run = 1; run <= RUNS; run++) {
  if (RUNS > 1) console.log(`\n## run ${run}`);
  let t0 = performance.now();
  let doc = core.parseDocument('zone', text);
  const parseMs = performance.now() - t0;
  sample();
  console.log(`parse: ${ms(parseMs)}  (${memory()})`);

  const ctx = core.makeContext();
  if (!args.includes('--validate-only')) doc = rulesOneByOne(doc, ctx);
  else doc = undefined;

  // The engine's validate on a freshly parsed document (cold per-model caches), as the CLI runs it.
  gc?.();
  const doc2 = core.parseDocument('zone', text);
  t0 = performance.now();
  const all = core.validate(doc2, ctx);
  const validateMs = performance.now() - t0;
  sample();
  console.log(`validate (fresh parse, all rules): ${ms(validateMs)}, ${all.length} findings (${memory()})`);
  console.log(`parse + validate: ${ms(parseMs + validateMs)}`);
}
console.log(`peak RSS: ${mib(process.resourceUsage().maxRSS * 1024)} (sampled after each step: ${mib(peakRss)})`);

function rulesOneByOne(doc, ctx) {
  // Every rule on its own, in registry order (a rule that reads a shared per-model analysis first
  // pays for it; the rules after it get it for free).
  const times = [];
  // With --gc: the heap each rule leaves behind (its caches and the shared analyses it built).
  let heapAfterLast = process.memoryUsage().heapUsed;
  let rulesTotal = 0;
  let findings = 0;
  for (const rule of rulesFor('zone')) {
    if (ctx.settings.rules[rule.meta.id] === 'off') continue;
    let n = 0;
    const s = performance.now();
    try {
      // runCheck drains a check that yields between steps (a bare rule.check would only create it).
      core.runCheck(rule, doc.model, ctx, () => n++);
    } catch (e) {
      console.log(`${rule.meta.id} threw: ${e instanceof Error ? e.message : e}`);
    }
    const t = performance.now() - s;
    sample();
    rulesTotal += t;
    findings += n;
    let kept = NaN;
    if (gc) {
      const before = heapAfterLast;
      gc();
      heapAfterLast = process.memoryUsage().heapUsed;
      kept = heapAfterLast - before;
    }
    times.push({ id: rule.meta.id, t, n, kept });
  }
  times.sort((a, b) => b.t - a.t);
  console.log(`rules one by one: ${ms(rulesTotal)} total, ${findings} findings (${memory()})`);
  for (const { id, t, n, kept } of times.slice(0, TOP)) {
    console.log(`  ${id.padEnd(32)} ${ms(t)}  ${String(n).padStart(7)} findings${gc ? `  ${mib(kept).padStart(8)} kept` : ''}`);
  }
  const rest = times.slice(TOP);
  if (rest.length > 0) console.log(`  (${rest.length} more rules: ${ms(rest.reduce((a, r) => a + r.t, 0))} together)`);
  return undefined;
}
