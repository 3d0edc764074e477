/** `senderguard check`, run as the real bundled CLI. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from '../support/lspClient';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmpdir(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

interface JsonFinding {
  file: string;
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
}

describe('senderguard check', () => {
  test('examples/: the incident rules fire on the broken files and nothing on the fixed ones', () => {
    const r = run(['check', '--format', 'json', 'examples/']);
    assert.equal(r.code, 1, r.stderr);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    const rules = (file: string) => findings.filter((f) => f.file === path.join('examples', file)).map((f) => f.rule);
    assert.ok(rules('broken/example.jp.zone').includes('spf-version-typo'));
    assert.ok(rules('broken/example.jp.zone').includes('spf-invalid-ip'));
    assert.ok(rules('broken/router.rtx').includes('rtx-smtp-egress-open'));
    assert.deepEqual(rules('fixed/example.jp.zone'), []);
    assert.deepEqual(rules('fixed/router.rtx'), []);
  });

  test('JSON findings carry 1-based line/column ranges that point at the text', () => {
    const r = run(['check', '--format=json', 'examples/broken/example.jp.zone']);
    const text = fs.readFileSync(path.join(ROOT, 'examples/broken/example.jp.zone'), 'utf8').split('\n');
    const typo = (JSON.parse(r.stdout) as JsonFinding[]).find((f) => f.rule === 'spf-version-typo')!;
    assert.equal(typo.severity, 'error');
    const line = text[typo.range.start.line - 1];
    assert.equal(line.slice(typo.range.start.column - 1, typo.range.end.column - 1), 'v-spf1');
  });

  test('text format is file:line:col: severity rule-id message', () => {
    const r = run(['check', 'examples/broken/router.rtx']);
    assert.match(r.stdout, /^examples\/broken\/router\.rtx:\d+:\d+: warning rtx-smtp-egress-open .+$/m);
    assert.equal(r.code, 0, 'warnings alone do not fail the run');
  });

  test('fixed examples exit 0 with no output', () => {
    const r = run(['check', 'examples/fixed']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
  });

  test('language by content: a zone without a .zone name, a Yamaha config by its header', () => {
    const dir = tmpdir({
      'named/example.txt': '$ORIGIN example.com.\n@ 3600 IN TXT "v=spf1 ip4:192.0.2.300 -all"\n',
      'router/config.txt': '# RTX1210 Rev.14.01.42 (Fri Jul  5 11:17:45 2024)\nip lan1 address 192.168.0.1/24\n',
      'notes/readme.md': '# nothing to see\n',
    });
    const r = run(['check', '--format', 'json', dir]);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    assert.ok(findings.some((f) => f.file.endsWith('example.txt') && f.rule === 'spf-invalid-ip'));
    assert.ok(!findings.some((f) => f.file.endsWith('readme.md')));
  });

  test('usage and read errors exit 2 with a clear message and no stack trace', () => {
    for (const args of [['check'], ['check', '--format', 'xml', 'x'], ['frobnicate'], ['check', 'does/not/exist.zone'], ['check', '--bogus', 'x']]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^senderguard: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
    const dir = tmpdir({ 'unknown.txt': 'hello\n' });
    const r = run(['check', path.join(dir, 'unknown.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--language/);
  });

  test('binary, empty and unterminated files are analysed without crashing', () => {
    const bin = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 131) % 256));
    const dir = tmpdir({
      'bin.zone': bin,
      'empty.zone': '',
      'quote.zone': '$ORIGIN example.\n@ IN TXT "v=spf1 -all\nwww IN A 192.0.2.1\n',
      'paren.zone': '$ORIGIN example.\n@ IN SOA ns hostmaster ( 1 2 3 4 5\n',
      'bin.rtx': bin,
    });
    const r = run(['check', '--format', 'json', dir]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    assert.ok(findings.some((f) => f.file.endsWith('quote.zone') && f.rule === 'zone-syntax'));
    assert.ok(findings.some((f) => f.file.endsWith('paren.zone') && f.rule === 'zone-syntax'));
  });

  test('--help prints usage and exits 0', () => {
    const r = run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /senderguard check/);
  });
});

describe('senderguard check with $INCLUDE', () => {
  test('included files are read relative to the including file; missing ones are reported', () => {
    const dir = tmpdir({
      'zones/example.jp.zone': '$ORIGIN example.jp.\n$TTL 1h\n@ IN SOA ns1 hostmaster 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 203.0.113.2\n@ IN MX 10 mail\n$INCLUDE hosts.inc\n$INCLUDE missing.inc\n',
      'zones/hosts.inc': 'mail IN A 203.0.113.25\n',
    });
    const r = run(['check', '--format', 'json', path.join(dir, 'zones', 'example.jp.zone')]);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    assert.ok(!findings.some((f) => f.rule === 'zone-target-no-address'), JSON.stringify(findings));
    const missing = findings.filter((f) => f.rule === 'zone-include');
    assert.equal(missing.length, 1);
    assert.equal(missing[0].range.start.line, 8);
  });
});

describe('check into a reader that stops early', () => {
  test('a closed pipe ends the output quietly; the exit status still counts the problems', async () => {
    const lines = ['$ORIGIN example.jp.', '$TTL 1h', '@ SOA ns1 hostmaster 1 2 3 4 5', '@ NS ns1', 'ns1 A 192.0.2.1'];
    for (let i = 0; i < 20000; i++) lines.push(`h${i} A 300.0.0.${i % 250}`);
    const dir = tmpdir({ 'big.zone': lines.join('\n') + '\n' });
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [CLI, 'check', path.join(dir, 'big.zone')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    // Like `| head -1`: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 1, stderr);
    assert.doesNotMatch(stderr, /EPIPE|internal error|Error:/);
    assert.match(stderr, /20000 problems \(20000 errors\)/);
  });
});

describe('senderguard check --server', () => {
  const zone =
    '$ORIGIN example.com.\r\n$TTL 3600\r\n@ SOA ns1 hostmaster 1 7200 900 604800 300\r\n@ NS ns1\r\nns1 A 192.0.2.1\r\nns1 SSHFP 1 0\r\n';

  test('--server knot turns CRLF line endings and an SSHFP record without fingerprint into errors', () => {
    const dir = tmpdir({ 'example.com.zone': zone });
    const bind = run(['check', '--format', 'json', dir]);
    assert.equal(bind.code, 0, bind.stdout + bind.stderr);
    const warned = (JSON.parse(bind.stdout) as JsonFinding[]).filter((f) => f.rule === 'zone-portability');
    assert.deepEqual(warned.map((f) => [f.severity, f.range.start.line]), [['warning', 6]]);
    const knot = run(['check', '--format', 'json', '--server', 'knot', dir]);
    assert.equal(knot.code, 1, knot.stdout + knot.stderr);
    const refused = (JSON.parse(knot.stdout) as JsonFinding[]).filter((f) => f.rule === 'zone-server-refuses');
    assert.deepEqual(refused.map((f) => [f.severity, f.range.start.line]), [['error', 1], ['error', 6]]);
    assert.match(refused[0].message, /^Knot DNS refuses CRLF \(DOS\) line endings; the zone will not load there/);
    assert.equal((JSON.parse(knot.stdout) as JsonFinding[]).filter((f) => f.rule === 'zone-portability').length, 0);
  });

  test('--server powerdns and --server=bind are accepted; another name is a usage error', () => {
    const dir = tmpdir({ 'example.com.zone': zone });
    assert.equal(run(['check', '--server', 'powerdns', dir]).code, 0);
    assert.equal(run(['check', '--server=bind', dir]).code, 0);
    const bad = run(['check', '--server', 'nsd', dir]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--server must be bind, knot or powerdns, not 'nsd'/);
  });
});
