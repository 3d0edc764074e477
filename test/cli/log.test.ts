/** `senderguard log`: in-process (the module) and as the real bundled CLI. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { logCommand, StreamDecoder } from '../../server/src/cli/log';
import { ROOT } from '../support/lspClient';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const EXAMPLE = path.join(ROOT, 'examples', 'broken', 'router-syslog.rtxlog');

interface HostJson {
  host: string;
  verdict: string;
  likelyInfected: boolean;
  attempts: number;
  destinations: number;
  destinationsCapped: boolean;
  passed: number;
  smtps: number;
  submission: number;
  firstSeen: { file: string | null; line: number; time: string | null } | null;
  lastSeen: { file: string | null; line: number; time: string | null } | null;
  filters: { label: string; interface: string | null; direction: string; filter: number | string; verdict: string; count: number }[];
}

async function run(args: string[], stdin?: NodeJS.ReadableStream): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await logCommand(
    args,
    (s) => (stdout += s),
    (s) => (stderr += s),
    stdin,
  );
  return { code, stdout, stderr };
}

function tmp(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-log-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const stamp = (s: number): string => `2026/11/27 ${String(9 + Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
const reject = (s: number, src: string, dst: string, port = 25): string => `${stamp(s)}: PP[01] Rejected at OUT(42) filter: TCP ${src}:${40000 + (s % 20000)} > ${dst}:${port}`;

describe('senderguard log (module)', () => {
  test('the incident example: the infected PC is the only row, marked, exit 1', async () => {
    const r = await run([EXAMPLE]);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^HOST\s+PORT25\s+DESTS\s+PASSED\s+465\s+587\s+FIRST SEEN\s+LAST SEEN\s+VERDICT\s+FILTERS$/);
    assert.equal(lines.length, 2);
    assert.match(lines[1], /^192\.168\.100\.37\s+\d+\s+12\s+0\s+0\s+0\s+2026\/11\/27 09:07:05\s+2026\/11\/27 09:\d\d:\d\d\s+LIKELY INFECTED\s+PP\[01\] OUT\(42\) rejected \d+$/);
    // Columns line up: every header starts where its values start (left-aligned ones).
    assert.equal(lines[0].indexOf('FIRST SEEN'), lines[1].indexOf('2026/11/27'));
    assert.match(r.stderr, /^1 likely infected host \(>= 10 attempts to >= 5 hosts on port 25\), 0 other hosts with SMTP passed; 96 lines in 1 file: /);
  });

  test('JSON: an array of host objects sorted by attempts', async () => {
    const text = [
      ...Array.from({ length: 12 }, (_, i) => reject(i, '192.168.1.50', `198.51.100.${(i % 6) + 1}`)),
      ...Array.from({ length: 3 }, (_, i) => reject(100 + i, '192.168.1.20', '198.51.100.9')),
      reject(200, '192.168.1.20', '198.51.100.9', 587),
      `${stamp(300)}: PP[01] Passed at OUT(200099) filter: TCP 192.168.1.30:5000 > 203.0.113.25:25`,
    ].join('\n');
    const dir = tmp({ 'a.log': text });
    const r = await run(['--format', 'json', path.join(dir, 'a.log')]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    const hosts = JSON.parse(r.stdout) as HostJson[];
    assert.deepEqual(
      hosts.map((h) => [h.host, h.attempts, h.destinations, h.verdict]),
      [
        ['192.168.1.50', 12, 6, 'likely-infected'],
        ['192.168.1.20', 3, 1, 'ok'],
        ['192.168.1.30', 1, 1, 'smtp-passed'],
      ],
    );
    assert.equal(hosts[1].submission, 1);
    assert.deepEqual(hosts[0].firstSeen, { file: path.join(dir, 'a.log'), line: 1, time: '2026/11/27 09:00:00' });
    assert.deepEqual(hosts[0].filters, [{ label: 'PP[01] OUT(42)', interface: 'PP[01]', direction: 'out', filter: 42, dynamic: false, verdict: 'rejected', count: 12 }]);
    // Thresholds and mail servers from the command line.
    const strict = await run(['--format=json', '--min-attempts', '13', '--mail-server', '203.0.113.25', path.join(dir, 'a.log')]);
    assert.equal(strict.code, 0);
    const h2 = JSON.parse(strict.stdout) as HostJson[];
    assert.deepEqual(
      h2.map((h) => [h.host, h.verdict]),
      [
        ['192.168.1.50', 'ok'],
        ['192.168.1.20', 'ok'],
        ['192.168.1.30', 'ok'],
      ],
    );
    assert.equal((await run(['--min-destinations=7', path.join(dir, 'a.log')])).code, 0);
  });

  test('several files are one analysis; rows name file:line when there are no timestamps', async () => {
    const a = Array.from({ length: 6 }, (_, i) => `<13> PP[01] Rejected at OUT(42) filter: TCP 10.0.0.9:${i} > 198.51.100.${i + 1}:25`).join('\n');
    const b = ['same message repeated 4 times', ...Array.from({ length: 2 }, (_, i) => `<13> PP[01] Rejected at OUT(42) filter: TCP 10.0.0.9:${i} > 198.51.100.7:25`)].join('\n');
    const dir = tmp({ 'old.log': a, 'new.log': b });
    const r = await run([path.join(dir, 'old.log'), path.join(dir, 'new.log')]);
    assert.equal(r.code, 0, 'the repeat line at the top of new.log does not reach back into old.log');
    assert.match(r.stdout, /^10\.0\.0\.9\s+8\s+7\s+0\s+0\s+0\s+old\.log:1\s+new\.log:3\s+-\s+/m);
    assert.match(r.stderr, /9 lines in 2 files/);
  });

  test('malformed lines are counted and the first ones named on stderr', async () => {
    const dir = tmp({ 'cut.log': 'PP[01] Rejected at IN(2000) filter: TCP 198.51.100.77:999\nPP[01] PPP/IPCP up\n' });
    const r = await run([path.join(dir, 'cut.log')]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'No SMTP from LAN hosts towards the internet in the log.\n');
    assert.match(r.stderr, /1 malformed/);
    assert.match(r.stderr, /cut\.log:1: malformed line: the line is cut short: '> destination' is missing/);
  });

  test('usage and read errors exit 2', async () => {
    const dir = tmp({});
    const cases: [string[], RegExp][] = [
      [[], /needs at least one FILE/],
      [['--format', 'xml', 'x'], /--format must be text or json/],
      [['--min-attempts', 'ten', 'x'], /positive whole number/],
      [['--mail-server', 'mx.example', 'x'], /address or prefix/],
      [['--bogus', 'x'], /unknown option --bogus/],
      [[path.join(dir, 'missing.log')], /cannot read .*missing\.log: no such file or directory/],
      [[dir], /it is a directory/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: senderguard log /);
    assert.match(help.stdout, /Exit status: 0 no likely-infected host, 1 at least one likely-infected host/);
  });

  test('streaming: a character and a CRLF split across read chunks, many chunks, stdin', async () => {
    const CHUNK = 64 * 1024; // the read size of the log command
    const parts: string[] = [];
    let bytes = 0;
    const add = (s: string): void => {
      parts.push(s);
      bytes += Buffer.byteLength(s);
    };
    let attempts = 0;
    const spam = (s: number): void => {
      add(`${reject(s, '192.168.0.77', `198.51.100.${(s % 200) + 1}`)}\r\n`);
      attempts++;
    };
    spam(0);
    // '説' (3 bytes in UTF-8) starts one byte before the first chunk boundary.
    add(`PP[01] ${'x'.repeat(CHUNK - 1 - bytes - 7)}`);
    add('説明\r\n');
    spam(1);
    // The CR of this line is the last byte of the second chunk, its LF the first of the third.
    add(`PP[01] ${'y'.repeat(2 * CHUNK - 1 - bytes - 7)}`);
    add('\r\n');
    for (let s = 2; bytes < 4 * CHUNK + 5000; s++) {
      if (s % 10 === 0) spam(s);
      else add(`${stamp(s)}: PP[01] PPP/LCP 説明 ${'z'.repeat(100)}\r\n`);
    }
    const text = parts.join('');
    assert.equal(Buffer.from(text).subarray(CHUNK - 1, CHUNK + 2).toString(), '説');
    assert.equal(Buffer.from(text).subarray(2 * CHUNK - 1, 2 * CHUNK + 1).toString(), '\r\n');
    const lineCount = text.split('\r\n').length - 1;
    const dir = tmp({ 'big.log': text });
    const r = await run([path.join(dir, 'big.log')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`^1 likely infected host .*; ${lineCount} lines in 1 file: ${attempts} filter, 0 inspect, 0 repeat, ${lineCount - attempts} other, 0 malformed\n$`));
    const json = await run(['--format', 'json', path.join(dir, 'big.log')]);
    const [h] = JSON.parse(json.stdout) as HostJson[];
    assert.equal(h.attempts, attempts);

    const viaStdin = await run(['--format', 'json', '-'], Readable.from([Buffer.from(text).subarray(0, 1001), Buffer.from(text).subarray(1001)]));
    assert.equal((JSON.parse(viaStdin.stdout) as HostJson[])[0].attempts, attempts);
  });

  test('decoding: Shift_JIS chosen from the head; invalid bytes later are replaced and reported', async () => {
    const sjis = Buffer.concat([Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x0a]), Buffer.from(`${reject(0, '10.1.1.1', '198.51.100.1')}\n`)]);
    const d = new StreamDecoder();
    assert.equal(d.decode(sjis).split('\n')[0], 'テスト');
    assert.equal(d.encoding, 'shift_jis');
    const dir = tmp({ 'sjis.log': sjis, 'late.log': Buffer.concat([Buffer.alloc(2 * 1024 * 1024, 0x61), Buffer.from([0x0a, 0xff, 0xfe, 0x0a])]) });
    const r = await run([path.join(dir, 'sjis.log')]);
    assert.match(r.stdout, /^10\.1\.1\.1\s+1\s+1\s/m);
    const late = await run([path.join(dir, 'late.log')]);
    assert.equal(late.code, 0);
    assert.match(late.stderr, /late\.log: 2 undecodable byte sequences replaced \(read as utf-8, chosen from the start of the file\)/);
  });
});

describe('senderguard log (bundled CLI)', () => {
  const cli = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, 'log', ...args], { cwd: ROOT, encoding: 'utf8', input });

  test('the incident example as JSON, exit 1', () => {
    const r = cli(['--format', 'json', 'examples/broken/router-syslog.rtxlog']);
    assert.equal(r.status, 1, r.stderr);
    const hosts = JSON.parse(r.stdout) as HostJson[];
    assert.equal(hosts.length, 1);
    assert.deepEqual([hosts[0].host, hosts[0].likelyInfected, hosts[0].destinations], ['192.168.100.37', true, 12]);
    assert.equal(hosts[0].filters[0].label, 'PP[01] OUT(42)');
  });

  test('stdin, a clean log exits 0; no FILE exits 2', () => {
    const r = cli(['-'], `${reject(0, '192.168.5.5', '198.51.100.1')}\n`);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^192\.168\.5\.5\s+1\s+1\s/m);
    const u = cli([]);
    assert.equal(u.status, 2);
    assert.match(u.stderr, /needs at least one FILE/);
  });
});
