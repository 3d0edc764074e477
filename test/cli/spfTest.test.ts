/** `senderguard spf test`, run as the real bundled CLI. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from '../support/lspClient';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'spf', 'test', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ZONE = [
  '$ORIGIN example.jp.',
  '$TTL 1h',
  '@    IN SOA ns1 hostmaster 1 3h 15m 1w 1h',
  '@    IN MX  10 mail',
  '@    IN TXT "v=spf1 ip4:203.0.113.25 mx include:_spf.example.net -all exp=why.example.jp"',
  'mail IN A   203.0.113.26',
  'why  IN TXT "%{i} may not send for %{d}"',
  'solo IN TXT "v=spf1 a -all"',
  'solo IN A   192.0.2.7',
  '',
].join('\n');

const PROVIDER = ['$ORIGIN example.net.', '@ IN SOA ns1 hostmaster 1 3h 15m 1w 1h', '_spf IN TXT "v=spf1 ip4:198.51.100.0/24 ~all"', ''].join('\n');

function files(): { jp: string; net: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-spf-'));
  const jp = path.join(dir, 'example.jp.zone');
  const net = path.join(dir, 'example.net.zone');
  fs.writeFileSync(jp, ZONE);
  fs.writeFileSync(net, PROVIDER);
  return { jp, net };
}

interface JsonOut {
  result: string;
  explanation: string | null;
  lookups: number;
  problem: string | null;
  trace: { kind: string; depth: number; text: string; term?: string; match?: boolean }[];
}

describe('senderguard spf test', () => {
  test('a pass, in text: the trace, the result and the lookup count', () => {
    const { jp, net } = files();
    const r = run(['--zone', jp, '--zone', net, '--ip', '203.0.113.26', '--sender', 'info@example.jp']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^SPF check of info@example\.jp from 203\.0\.113\.26 \(HELO example\.jp\)$/m);
    assert.match(r.stdout, /✗ ip4:203\.0\.113\.25 does not match/);
    assert.match(r.stdout, /✓ mx matches → pass/);
    assert.match(r.stdout, /^Result: pass$/m);
    assert.match(r.stdout, /^DNS lookups: 1 of 10/m);
  });

  test('a fail, in JSON: explanation from exp=, lookups through the other zone file, the trace', () => {
    const { jp, net } = files();
    const r = run(['--zone', jp, '--zone', net, '--ip', '192.0.2.99', '--sender', 'info@example.jp', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as JsonOut;
    assert.equal(j.result, 'fail');
    assert.equal(j.explanation, '192.0.2.99 may not send for example.jp');
    assert.equal(j.lookups, 2);
    assert.ok(j.trace.some((s) => s.kind === 'record' && s.depth === 1 && /198\.51\.100\.0\/24/.test(s.text)));
    assert.deepEqual(
      j.trace.filter((s) => s.kind === 'term' && s.depth === 0 && s.match !== undefined).map((s) => [s.term, s.match]),
      [
        ['ip4:203.0.113.25', false],
        ['mx', false],
        ['include:_spf.example.net', false],
        ['-all', true],
      ],
    );
  });

  test('--domain checks a name directly; a name outside the zone files makes a temperror, still exit 0', () => {
    const { jp } = files();
    const solo = run(['--zone', jp, '--ip', '192.0.2.7', '--domain', 'solo.example.jp', '--format', 'json']);
    assert.equal(solo.code, 0, solo.stderr);
    assert.equal((JSON.parse(solo.stdout) as JsonOut).result, 'pass');
    const r = run(['--zone', jp, '--ip', '192.0.2.99', '--sender', 'info@example.jp', '--format=json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as JsonOut;
    assert.equal(j.result, 'temperror');
    assert.match(j.problem ?? '', /_spf\.example\.net is outside the zone files/);
  });

  test('usage and read errors exit 2 with a clear message', () => {
    const { jp } = files();
    const cases: [string[], RegExp][] = [
      [['--ip', '192.0.2.1', '--sender', 'a@example.jp'], /needs at least one --zone FILE/],
      [['--zone', jp, '--sender', 'a@example.jp'], /needs --ip ADDR/],
      [['--zone', jp, '--ip', '999.1.1.1', '--sender', 'a@example.jp'], /'999\.1\.1\.1' is not an IPv4 or IPv6 address/],
      [['--zone', jp, '--ip', '192.0.2.1'], /needs --sender LOCAL@DOMAIN or --domain NAME/],
      [['--zone', jp, '--ip', '192.0.2.1', '--sender', 'a@example.jp', '--format', 'xml'], /--format must be text or json/],
      [['--zone', jp, '--ip', '192.0.2.1', '--sender', 'a@example.jp', '--bogus'], /unknown option --bogus/],
      [['--zone', path.join(path.dirname(jp), 'missing.zone'), '--ip', '192.0.2.1', '--sender', 'a@example.jp'], /cannot read .*missing\.zone: no such file or directory/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stdout, '');
    }
  });
});
