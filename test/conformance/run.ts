/**
 * `npm run conformance`: runs the suites others wrote (../shared/corpus, or the folder named by
 * SENDER_GUARD_CORPUS) through the core and prints pass rates per suite. Not part of `npm test`.
 * Writes the full report (every failure with its reason) to conformance-report.json when
 * `--json FILE` is given. Exit status: 1 when an *enforced* suite misses its goal (a suite is
 * enforced once its engine claims the goal), 2 when the corpus is missing, 0 otherwise.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Suite, SuiteReport } from './report';

/** Each suite module, with the pass rate it must reach. Suites are added as engines grow. */
const SUITES: { name: string; load: () => Suite; goal: number; enforced: boolean }[] = [
  { name: 'spf-rfc7208', load: () => require('./spf').rfc7208Suite, goal: 1, enforced: true },
  { name: 'spf-rfc4408', load: () => require('./spf').rfc4408Suite, goal: 1, enforced: true },
  // Other libraries' own cases: some expect behaviour outside RFC 7208 (each failure says which).
  { name: 'spf-extra', load: () => require('./spf').extraSpfSuites, goal: 1, enforced: false },
  // Zone files: other implementations' master-file suites (differences listed in zones-expected-differences.tsv).
  // dnspython's and ldns's stay below the goal, each difference explained there ($UNICODE; 'A \\# 0').
  { name: 'zones-knot-libzscanner', load: () => require('./zones').knotScannerSuite, goal: 0.99, enforced: true },
  { name: 'zones-knot-semantic-check', load: () => require('./zones').knotSemanticSuite, goal: 0.99, enforced: true },
  { name: 'zones-bind9-checkzone', load: () => require('./zones').bindCheckzoneSuite, goal: 0.99, enforced: true },
  { name: 'zones-bind9-master-loader', load: () => require('./zones').bindMasterLoaderSuite, goal: 0.99, enforced: true },
  { name: 'zones-bind9-rdata', load: () => require('./zones').bindRdataSuite, goal: 0.99, enforced: true },
  { name: 'zones-powerdns-rdata', load: () => require('./zones').pdnsRdataSuite, goal: 0.99, enforced: true },
  { name: 'zones-dnspython', load: () => require('./zones').dnspythonSuite, goal: 0.99, enforced: false },
  { name: 'zones-ldns', load: () => require('./zones').ldnsSuite, goal: 0.99, enforced: false },
  { name: 'zones-powerdns-regression', load: () => require('./zones').pdnsRegressionSuite, goal: 0.99, enforced: true },
  { name: 'zones-powerdns-generate', load: () => require('./zones').pdnsGenerateSuite, goal: 0.99, enforced: true },
  // Edits re-checked from the edited records alone agree with the whole analysis (skipped: edits it leaves to the whole analysis).
  { name: 'zones-regional', load: () => require('./regional').regionalSuite, goal: 1, enforced: true },
  // Yamaha configs parse without rtx-syntax errors where the router accepts them; terraform-provider-rtx
  // filter-line expectations (exceptions and disagreements listed in yamaha-expected.tsv).
  { name: 'yamaha', load: () => require('./yamaha').yamahaSuite, goal: 1, enforced: true },
  // DMARC records: checkdmarc's record cases; "invalid" = any dmarc-* error. Known differences
  // (RFC 7489 where checkdmarc follows DMARCbis or normalises the version) are listed in dmarc.ts.
  { name: 'dmarc-checkdmarc', load: () => require('./dmarc').checkdmarcSuite, goal: 0.85, enforced: true },
];

function corpusDir(): string {
  const fromEnv = process.env.SENDER_GUARD_CORPUS;
  if (fromEnv) return path.resolve(fromEnv);
  return path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
}

async function main(): Promise<number> {
  const dir = corpusDir();
  if (!fs.existsSync(dir)) {
    process.stderr.write(`conformance: corpus not found at ${dir} (set SENDER_GUARD_CORPUS)\n`);
    return 2;
  }
  const jsonAt = process.argv.indexOf('--json');
  const reports: (SuiteReport & { goal: number })[] = [];
  let ok = true;
  for (const s of SUITES) {
    for (const r of await s.load()(dir)) {
      const rate = r.total === 0 ? 0 : r.passed / r.total;
      const meets = rate >= s.goal;
      if (s.enforced) ok &&= meets;
      reports.push({ ...r, goal: s.goal });
      process.stdout.write(
        `${meets ? 'ok  ' : s.enforced ? 'FAIL' : 'below'} ${r.suite.padEnd(44)} ${String(r.passed).padStart(5)}/${String(r.total).padEnd(5)} ${(rate * 100).toFixed(1).padStart(5)}% (goal ${(s.goal * 100).toFixed(0)}%${s.enforced ? '' : ', not yet enforced'})${r.skipped ? `, ${r.skipped} skipped (${r.skipReason ?? 'need live DNS'})` : ''}\n`,
      );
      for (const f of r.failures.slice(0, 10)) {
        process.stdout.write(`       - ${f.case}: expected ${f.expected}, got ${f.actual}${f.note ? ` (${f.note})` : ''}\n`);
      }
      if (r.failures.length > 10) process.stdout.write(`       … ${r.failures.length - 10} more\n`);
    }
  }
  if (jsonAt >= 0 && process.argv[jsonAt + 1]) fs.writeFileSync(process.argv[jsonAt + 1], JSON.stringify(reports, null, 2));
  const passed = reports.reduce((n, r) => n + r.passed, 0);
  const total = reports.reduce((n, r) => n + r.total, 0);
  process.stdout.write(`conformance: ${passed} of ${total} cases agree (${total ? ((passed / total) * 100).toFixed(1) : '0.0'}%)\n`);
  return ok ? 0 : 1;
}

void main().then((code) => {
  process.exitCode = code;
});
