// Benchmark (not a test) of `senderguard log`: writes a synthetic Yamaha log of --size MB (default
// 100) to the temp directory and reports the throughput and the peak RSS of `node dist/cli.js log`
// on it. Run after `npm run build`:  node scripts/bench-log.mjs [--size 100] [--keep] [--cli dist/cli.js]
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : def;
};
const sizeMB = Number(opt('--size', '100'));
const cli = resolve(opt('--cli', 'dist/cli.js'));
const keep = args.includes('--keep');
const file = join(tmpdir(), `senderguard-bench-${sizeMB}mb.rtxlog`);
const preload = join(tmpdir(), 'senderguard-bench-rss.cjs');

// Deterministic PRNG (mulberry32) so every run reads the same log.
let seed = 20261127;
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (n) => Math.floor(rand() * n);
const pad = (n) => String(n).padStart(2, '0');
const ip = () => `${[198, 203, 192, 45, 91, 151][int(6)]}.${int(256)}.${int(256)}.${1 + int(254)}`;

function line(sec) {
  const d = new Date(Date.UTC(2026, 10, 1) + sec * 1000);
  const ts = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const r = rand();
  if (r < 0.45) {
    const svc = [
      [200082, 443],
      [200082, 80],
      [200081, 53],
      [200098, 993],
    ][int(4)];
    const proto = svc[1] === 53 ? 'UDP' : 'TCP';
    return `${ts}: [INSPECT] PP[01][out][${svc[0]}] ${proto} 192.168.100.${2 + int(150)}:${1024 + int(60000)} > ${ip()}:${svc[1]} (${ts})`;
  }
  if (r < 0.65) return `${ts}: PP[01] Rejected at IN(200021) filter: TCP ${ip()}:${1024 + int(60000)} > 203.0.113.1:${[135, 445, 23, 3389][int(4)]}`;
  if (r < 0.9) {
    // A handful of infected PCs, one of them spraying far more destinations than the per-host cap.
    const host = [37, 38, 41, 99][int(4)];
    return `${ts}: PP[01] Rejected at OUT(42) filter: TCP 192.168.100.${host}:${1024 + int(60000)} > ${ip()}:25`;
  }
  if (r < 0.93) return `${ts}: same message repeated ${2 + int(5)} times`;
  if (r < 0.96) return `${ts}: [DHCPD] LAN1(port${1 + int(4)}) Extends 192.168.100.${2 + int(150)}: 02:00:5e:10:00:${pad(int(99))}`;
  if (r < 0.98) return `${ts}: PP[01] PPP/IPCP up  (Local: 203.0.113.1, Remote: 203.0.113.254)`;
  return `${ts}: [IKE] respond ISAKMP phase to ${ip()} (local address 203.0.113.1)`;
}

function generate() {
  const target = sizeMB * 1024 * 1024;
  const fd = openSync(file, 'w');
  let written = 0;
  let lines = 0;
  let sec = 0;
  let buf = [];
  let bufLen = 0;
  while (written + bufLen < target) {
    const l = line(sec) + '\n';
    sec += int(3);
    buf.push(l);
    bufLen += l.length;
    lines++;
    if (bufLen > 1 << 20) {
      written += writeSync(fd, buf.join(''));
      buf = [];
      bufLen = 0;
    }
  }
  written += writeSync(fd, buf.join(''));
  closeSync(fd);
  return { bytes: written, lines };
}

const t0 = performance.now();
const gen = generate();
const genS = (performance.now() - t0) / 1000;
console.log(`generated ${file}: ${(gen.bytes / 1048576).toFixed(1)} MiB, ${gen.lines.toLocaleString('en')} lines in ${genS.toFixed(1)} s`);

// The preload reports the child's peak RSS when it exits.
writeFileSync(preload, "process.on('exit', () => process.stderr.write('\\nBENCH_MAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n");
const t1 = performance.now();
const r = spawnSync(process.execPath, ['-r', preload, cli, 'log', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const runS = (performance.now() - t1) / 1000;
const rss = Number(/BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr ?? '')?.[1] ?? NaN);
const mb = statSync(file).size / 1048576;
console.log(r.stdout.split('\n').slice(0, 8).join('\n'));
console.log(
  `senderguard log: exit ${r.status}, ${runS.toFixed(2)} s, ${(mb / runS).toFixed(1)} MiB/s, ` +
    `${Math.round(gen.lines / runS).toLocaleString('en')} lines/s, peak RSS ${(rss / 1024).toFixed(0)} MiB`,
);
if (r.status !== 0 && r.status !== 1) console.error(r.stderr);
if (!keep) rmSync(file, { force: true });
rmSync(preload, { force: true });
