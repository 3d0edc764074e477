/** `senderguard check --format sarif` and `--severity`. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/lspClient';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endColumn: number } } }[];
}

test('SARIF 2.1.0 with rule metadata, help links and located results', () => {
  const r = run(['check', '--format', 'sarif', 'examples/broken']);
  assert.equal(r.status, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  const rules = run0.tool.driver.rules as { id: string; helpUri: string; shortDescription: { text: string } }[];
  const typo = (run0.results as SarifResult[]).find((x) => x.ruleId === 'spf-version-typo')!;
  assert.equal(typo.level, 'error');
  assert.equal(rules[typo.ruleIndex].id, 'spf-version-typo');
  assert.match(rules[typo.ruleIndex].helpUri, /docs\/rules\/spf-version-typo\.md$/);
  const loc = typo.locations[0].physicalLocation;
  assert.equal(loc.artifactLocation.uri, 'examples/broken/example.jp.zone');
  assert.equal(loc.region.endColumn - loc.region.startColumn, 'v-spf1'.length);
  const egress = (run0.results as SarifResult[]).find((x) => x.ruleId === 'rtx-smtp-egress-open')!;
  assert.equal(egress.level, 'warning');
});

test('--severity sets the threshold that fails the run', () => {
  assert.equal(run(['check', 'examples/broken/router.rtx']).status, 0);
  assert.equal(run(['check', '--severity', 'warning', 'examples/broken/router.rtx']).status, 1);
  assert.equal(run(['check', '--severity=hint', 'examples/fixed']).status, 0);
  const bad = run(['check', '--severity', 'loud', 'examples']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--severity must be/);
});

test('the contributed problem matcher parses the text output', () => {
  const pkg = JSON.parse(require('node:fs').readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const matcher = pkg.contributes.problemMatchers.find((m: { name: string }) => m.name === 'senderguard');
  const re = new RegExp(matcher.pattern.regexp);
  const line = run(['check', 'examples/broken/example.jp.zone']).stdout.split('\n').find((l: string) => l.includes('spf-version-typo'))!;
  const m = re.exec(line)!;
  assert.ok(m, line);
  assert.equal(m[matcher.pattern.file], 'examples/broken/example.jp.zone');
  assert.equal(m[matcher.pattern.severity], 'error');
  assert.equal(m[matcher.pattern.code], 'spf-version-typo');
  assert.ok(Number(m[matcher.pattern.line]) > 0 && Number(m[matcher.pattern.column]) > 0);
});
