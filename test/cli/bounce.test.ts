/** `senderguard bounce`: in-process (the module) and as the real bundled CLI. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { bounceCommand, type BounceJson } from '../../server/src/cli/bounce';
import { ROOT } from '../support/lspClient';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'bounces');
const fixture = (name: string) => path.join(FIXTURES, name);
const BROKEN = path.join(ROOT, 'examples', 'broken');

async function run(args: string[], stdin?: NodeJS.ReadableStream): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await bounceCommand(
    args,
    (s) => (stdout += s),
    (s) => (stderr += s),
    stdin,
  );
  return { code, stdout, stderr };
}

describe('senderguard bounce (module)', () => {
  test('text: the Gmail authentication incident, with its reply position', async () => {
    const r = await run([fixture('incident-gmail-5.7.1-no-authentication.eml')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'Remote MTA:    gmail-smtp-in.l.google.com [192.0.2.17]');
    assert.equal(lines[1], 'Reported by:   mail.example.jp');
    assert.match(lines[2], /^Reply: +550 5\.7\.1 This message does not have authentication information or fails to pass authentication checks \(SPF or DKIM\)\. .* - gsmtp  \(.*incident-gmail-5\.7\.1-no-authentication\.eml:\d+:\d+\)$/);
    assert.match(r.stdout, /^Status: +5\.7\.1: permanent failure .*: delivery not authorized, message refused$/m);
    assert.match(r.stdout, /^SMTP phase: +DATA/m);
    assert.match(r.stdout, /^Recipients: +m\.takahashi@gmail\.com$/m);
    assert.match(r.stdout, /^Cause: +Message not authenticated \(SPF and DKIM did not pass\) \[unauthenticated\]$/m);
    assert.match(r.stdout, /^Explanation: +Evidence: enhanced status 5\.7\.1 and the words 'does not have authentication information'\. /m);
    assert.match(r.stdout, /^Related rules: +spf-missing-record, spf-unauthorised-host, /m);
    assert.match(r.stdout, /Give --workspace PATH/);
    // The position printed is where the reply stands in the file.
    const [line, col] = /:(\d+):(\d+)\)$/.exec(lines[2])!.slice(1).map(Number);
    const text = fs.readFileSync(fixture('incident-gmail-5.7.1-no-authentication.eml'), 'utf8');
    assert.ok(text.split('\n')[line - 1].slice(col - 1).startsWith('550-5.7.1 This message'));
  });

  test('JSON: every fixture gives its expected cause, status and remote MTA', async () => {
    const expected = JSON.parse(fs.readFileSync(fixture('expected.json'), 'utf8')) as Record<string, { cause: string; status: string; remoteMta: { host?: string; ip?: string } }>;
    for (const [name, want] of Object.entries(expected)) {
      const r = await run(['--format', 'json', fixture(name)]);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      const j = JSON.parse(r.stdout) as BounceJson;
      assert.equal(j.cause.id, want.cause, name);
      assert.equal(j.status, want.status, name);
      assert.deepEqual(j.remoteMta, want.remoteMta.host || want.remoteMta.ip ? { host: want.remoteMta.host ?? null, ip: want.remoteMta.ip ?? null } : null, name);
      assert.equal(j.file, fixture(name));
      assert.deepEqual(j.relatedFindings, []);
    }
  });

  test('--workspace: the blocklisting incident points at the open router and the infected PC in the log', async () => {
    const r = await run(['--format', 'json', '--workspace', BROKEN, fixture('incident-spamhaus-company-ip.eml')]);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as BounceJson;
    assert.equal(j.cause.id, 'blocklisted-ip');
    assert.deepEqual(j.relatedRules, ['rtx-smtp-egress-open', 'log-infected-host']);
    const rules = [...new Set(j.relatedFindings.map((f) => f.rule))].sort();
    assert.deepEqual(rules, ['log-infected-host', 'rtx-smtp-egress-open']);
    for (const f of j.relatedFindings) {
      assert.ok(f.file.startsWith(BROKEN), f.file);
      assert.ok(f.range.start.line >= 1 && f.range.start.column >= 1);
    }
    const infected = j.relatedFindings.find((f) => f.rule === 'log-infected-host')!;
    assert.match(infected.message, /192\.168\.100\.37/);
    const text = await run(['--workspace', BROKEN, fixture('incident-spamhaus-company-ip.eml')]);
    assert.match(text.stdout, /^Findings in the workspace \(\d+\):$/m);
    assert.match(text.stdout, /^ {2}.*router-syslog\.rtxlog:\d+:\d+: \w+ log-infected-host .*192\.168\.100\.37/m);
    assert.match(text.stdout, /^ {2}.*router\.rtx:\d+:\d+: \w+ rtx-smtp-egress-open /m);
  });

  test('--workspace with nothing related found says so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-bounce-'));
    fs.writeFileSync(path.join(dir, 'router.rtx'), fs.readFileSync(path.join(ROOT, 'examples', 'fixed', 'router.rtx')));
    const r = await run(['--workspace', dir, fixture('exim-spamhaus-listed.txt')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^No findings of these rules in the workspace\.$/m);
  });

  test('standard input', async () => {
    const r = await run(['--format', 'json', '-'], Readable.from([Buffer.from('550 5.1.1 <a@example.com>: Recipient address rejected: User unknown\n')]));
    assert.equal(r.code, 0);
    const j = JSON.parse(r.stdout) as BounceJson;
    assert.equal(j.cause.id, 'mailbox-unknown');
    assert.deepEqual(j.recipients, ['a@example.com']);
    assert.deepEqual(j.replyRange, { start: { line: 1, column: 1 }, end: { line: 1, column: 68 }, exact: true });
  });

  test('nothing recognisable: exit 1, still an answer', async () => {
    const r = await run(['-'], Readable.from([Buffer.from('just some text\n')]));
    assert.equal(r.code, 1);
    assert.match(r.stdout, /\[unknown\]/);
    assert.match(r.stderr, /no SMTP reply or enhanced status code found/);
  });

  test('usage and read errors: exit 2', async () => {
    assert.equal((await run([])).code, 2);
    assert.equal((await run(['--format', 'xml', 'x'])).code, 2);
    assert.equal((await run(['a', 'b'])).code, 2);
    assert.equal((await run(['--bogus', 'a'])).code, 2);
    const missing = await run([path.join(FIXTURES, 'no-such.eml')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*no such file or directory/);
    assert.equal((await run([FIXTURES])).code, 2);
    assert.equal((await run(['--workspace', path.join(FIXTURES, 'nope'), fixture('exim-spamhaus-listed.txt')])).code, 2);
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: senderguard bounce /);
  });
});

describe('senderguard bounce (bundled CLI)', () => {
  const cli = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, 'bounce', ...args], { cwd: ROOT, encoding: 'utf8', input });

  test('a fixture as JSON', () => {
    const r = cli(['--format', 'json', 'test/fixtures/bounces/outlook-com-s3150-blocklist.txt']);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout) as BounceJson;
    assert.equal(j.cause.id, 'blocklisted-ip');
    assert.equal(j.status, '5.7.1');
    assert.deepEqual(j.remoteMta, { host: 'outlook-com.olc.protection.outlook.com', ip: '198.51.100.190' });
    assert.equal(j.phase, 'MAIL');
    assert.match(j.cause.explanation, /the words 'S3150'/);
  });

  test('stdin, a Japanese ISO-2022-JP notice, the workspace', () => {
    const r = cli(['--workspace', 'examples/broken', '-'], fs.readFileSync(fixture('japanese-iso-2022-jp-unknown-user.eml'), 'latin1'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Cause: +Recipient address does not exist \[mailbox-unknown\]$/m);
    assert.doesNotMatch(r.stdout, /Findings in the workspace/);
  });

  test('help lists the command; a bad option exits 2', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    assert.match(help.stdout, /senderguard bounce \[--format text\|json\] \[--workspace PATH\]\.\.\. FILE\|-/);
    const bad = cli(['--nope']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown option --nope/);
  });
});
