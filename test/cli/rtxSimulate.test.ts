/** `senderguard rtx simulate`, run as the real bundled CLI. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from '../support/lspClient';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'rtx', 'simulate', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonStep {
  interface: string;
  direction: string;
  filter: number | string;
  action: string;
  log?: string;
}

describe('senderguard rtx simulate', () => {
  test('the fixed example rejects SMTP from the LAN at OUT(42) and names it (text)', () => {
    const r = run(['examples/fixed/router.rtx', '--from', '192.168.100.10', '--to', '198.51.100.25', '--proto', 'tcp', '--port', '25']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        'LAN → Internet via pp 1: TCP 192.168.100.10:50000 > 198.51.100.25:25',
        '  lan1 in   pass    no-list — no filter list on this interface and direction: everything passes',
        '  pp 1 out  reject  filter 42 — ip filter 42 (reject-log) is the first filter of the list that matches',
        '            log: PP[01] Rejected at OUT(42) filter: TCP 192.168.100.10:50000 > 198.51.100.25:25',
        'verdict: reject',
        '',
      ].join('\n'),
    );
  });

  test('JSON: verdict and steps; the broken example lets SMTP out at 200099 (exit 0 either way)', () => {
    const r = run(['examples/broken/router.rtx', '--from=192.168.100.10', '--to=198.51.100.25', '--proto=tcp', '--port=25', '--format=json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { verdict: string; steps: JsonStep[] };
    assert.equal(out.verdict, 'pass');
    assert.deepEqual(
      out.steps.map((s) => [s.interface, s.direction, s.filter, s.action]),
      [
        ['lan1', 'in', 'no-list', 'pass'],
        ['pp 1', 'out', 200099, 'pass'],
      ],
    );
  });

  test('one interface and direction: unsolicited inbound SMTP hits IN(default)', () => {
    const r = run(['examples/fixed/router.rtx', '--from', '198.51.100.99', '--to', '203.0.113.1', '--proto', 'tcp', '--port', '25', '--interface', 'pp', '1', '--direction', 'in', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { verdict: string; steps: JsonStep[] };
    assert.deepEqual(out.steps.map((s) => [s.interface, s.filter, s.action, s.log]), [['pp 1', 'default', 'reject', 'PP[01] Rejected at IN(default) filter: TCP 198.51.100.99:50000 > 203.0.113.1:25']]);
  });

  test('a Shift_JIS config file is decoded', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-sim-'));
    const file = path.join(dir, 'router.rtx');
    const sjisComment = Buffer.from([0x23, 0x20, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x0d, 0x0a]); // "# テスト\r\n"
    const body = Buffer.from('ip lan1 address 192.168.1.1/24\r\nip lan2 address dhcp\r\nip lan2 secure filter out 1 2\r\nip filter 1 reject * * tcp * smtp\r\nip filter 2 pass * *\r\n', 'ascii');
    fs.writeFileSync(file, Buffer.concat([sjisComment, body]));
    const r = run([file, '--from', '192.168.1.10', '--to', '198.51.100.25', '--proto', 'tcp', '--port', '25']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /lan2 out {2}reject {2}filter 1/);
  });

  test('usage and read errors exit 2 with a message per problem', () => {
    const bad = run(['examples/fixed/router.rtx', '--from', '192.168.100.10', '--to', 'nowhere', '--proto', 'tcp']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--to 'nowhere' is not an IPv4 or IPv6 address/);
    assert.match(bad.stderr, /--port N is required for tcp and udp/);
    const missing = run(['no/such/file.rtx', '--from', '10.0.0.1', '--to', '10.0.0.2', '--proto', 'udp', '--port', '53']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read no\/such\/file\.rtx: no such file or directory/);
    const unknown = run(['examples/fixed/router.rtx', '--bogus']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option --bogus/);
    const help = run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: senderguard rtx simulate CONFIG/);
  });
});
