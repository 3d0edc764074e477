/** Architecture invariants of the core: purity, the registry, the settings manifest. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { allRules } from './registry';
import { configurationProperties } from './configurationSchema';
import { withRulesTable } from './rulesTable';
import { readSettings } from './settings';

// Compiled to out/server/src/core/; the sources sit at server/src/core/.
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CORE_SRC = path.join(ROOT, 'server', 'src', 'core');

/** Test-only modules (never imported by runtime code, so never bundled) may use node's modules. */
const TEST_ONLY = /\.test\.ts$|^(testing|testkit|testdata)\.ts$/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !TEST_ONLY.test(e.name) ? [p] : [];
  });
}

test('the core imports no LSP, VS Code or IO module', () => {
  const forbidden = /^(vscode|vscode-languageserver(\/.*)?|vscode-languageclient(\/.*)?|vscode-jsonrpc(\/.*)?|fs|fs\/promises|path|net|dns|dgram|http|https|child_process|os|worker_threads|node:.*)$/;
  const offenders: string[] = [];
  for (const file of sources(CORE_SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)) {
      if (forbidden.test(m[1]) || /\/(testing|testkit|testdata)$/.test(m[1])) offenders.push(`${path.relative(ROOT, file)}: ${m[1]}`);
    }
    if (/\bprocess\.(env|argv|stdout|stderr|exit)\b/.test(text)) offenders.push(`${path.relative(ROOT, file)}: process.*`);
  }
  assert.deepEqual(offenders, []);
});

test('rule ids are unique, kebab-case, prefixed by their language, each with a docs page', () => {
  const rules = allRules();
  assert.ok(rules.length > 0);
  const ids = rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
  const prefix = { zone: /^(zone|spf|dmarc|dkim|mta-sts|tls-rpt|bimi|sender)-/, rtx: /^rtx-/, rtxlog: /^log-/ } as const;
  for (const r of rules) {
    assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)+$/, r.id);
    assert.match(r.id, prefix[r.language], `${r.id} does not fit language ${r.language}`);
    assert.ok(r.description.length > 10 && !r.description.includes('\n'), `${r.id}: description`);
    assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', `${r.id}.md`)), `docs/rules/${r.id}.md is missing`);
  }
});

test('package.json contributes.configuration matches the settings schema and the registry', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.configuration.properties, configurationProperties(), 'run: npm run sync-manifest');
});

test('the README rules table lists every rule of the registry', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.equal(readme, withRulesTable(readme), 'run: npm run sync-manifest');
});

test('readSettings is tolerant', () => {
  assert.deepEqual(readSettings(null).rules, {});
  const s = readSettings({ rules: { 'spf-ptr': 'off', x: 'loud' }, mailServers: ['203.0.113.25', 7, ' '], liveDns: { enabled: 'yes', timeoutMs: -1 } });
  assert.deepEqual(s.rules, { 'spf-ptr': 'off' });
  assert.deepEqual(s.mailServers, ['203.0.113.25']);
  assert.equal(s.liveDns.enabled, false);
  assert.equal(s.liveDns.timeoutMs, 2000);
});
