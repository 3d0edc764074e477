/**
 * The openspf SPF test suites (RFC 7208 and RFC 4408 editions) and the extra suites in the same
 * format, run through the evaluator (`checkMailFrom`) with a resolver built from each
 * scenario's `zonedata`.
 *
 * A case passes when the result is the expected one (any of them when a list is given) and, when
 * the case gives an `explanation`, the explanation is that text. As the suites' own drivers do,
 * the default explanation is set to the literal `DEFAULT`, so `explanation: DEFAULT` means "no
 * exp= explanation applies". Fields of pyspf's own harness that are not SPF results (`header`,
 * the `Received-SPF` text it formats) are not compared.
 *
 * Failures carry a note when the evaluation shows a known reason: a rule RFC 7208 changed
 * from RFC 4408, or behaviour outside RFC 7208 that a suite expects. The extra suites' failures
 * are listed one by one, with their reason, in `spf-expected-differences.tsv`; a failure of those
 * suites that is not listed there says so (and listed cases that now pass are printed as stale).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { checkMailFrom, type SpfCheck } from '../../server/src/core/spf/evaluate';
import type { CaseFailure, SuiteReport } from './report';
import { zonedataResolver } from './spfZonedata';

interface TestCase {
  host?: unknown;
  mailfrom?: unknown;
  helo?: unknown;
  result?: unknown;
  explanation?: unknown;
  receiver?: unknown;
  strict?: unknown;
}

interface Scenario {
  description?: string;
  tests?: Record<string, TestCase>;
  zonedata?: unknown;
}

function loadScenarios(file: string): Scenario[] {
  const text = fs.readFileSync(file, 'utf8');
  return YAML.parseAllDocuments(text).map((d) => (d.toJS() ?? {}) as Scenario);
}

function expectedResults(r: unknown): string[] {
  return (Array.isArray(r) ? r : [r]).map((x) => String(x).toLowerCase());
}

/**
 * Why a case may legitimately fail, read from the evaluation (never from the case's name).
 * `edition` is the RFC the suite was written for.
 */
function noteFor(check: SpfCheck, expected: string[], tc: TestCase, edition: '7208' | '4408' | 'extra'): string | undefined {
  if (tc.strict !== undefined) {
    return `the case sets pyspf's 'strict: ${String(tc.strict)}' mode (lax or harsh checking beyond RFC 7208), which this evaluator does not have`;
  }
  if (expected.includes('ambiguous')) return "'ambiguous' is a pyspf-only result of its harsh mode, not an RFC 7208 result";
  const code = check.problemCode;
  if (edition === '4408') {
    if (code === 'void-limit') return 'RFC 7208 §4.6.4 added the limit of two void lookups (permerror); RFC 4408 had no such limit';
    if (code === 'mx-limit') return 'RFC 7208 §4.6.4 makes more than 10 MX names a permerror; RFC 4408 only said not to look up more';
    if (check.result === 'none' || code === 'include-none' || code === 'redirect-none') {
      return 'RFC 7208 §3.1/§4.4 use TXT records only; this case relies on a type-99 SPF record that RFC 4408 also read';
    }
  }
  const singleLabel =
    (code === 'syntax' && /needs at least one dot/.test(check.problem ?? '')) ||
    (code === 'invalid-domain' && /not a multi-label domain/.test(check.problem ?? ''));
  if (singleLabel) {
    return 'the case uses single-label domains; RFC 7208 §7.1 requires a domain-spec to end in "." toplabel and §4.3 gives none for a domain that is not multi-label';
  }
  return undefined;
}

interface Known {
  ours: string;
  reason: string;
}

let knownCache: Map<string, Known> | undefined;
/** The listed differences, by `suite<TAB>case` (`spf-expected-differences.tsv`). */
function known(): Map<string, Known> {
  if (knownCache) return knownCache;
  knownCache = new Map();
  const file = path.join(__dirname, '..', '..', '..', 'test', 'conformance', 'spf-expected-differences.tsv');
  if (fs.existsSync(file)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [suite, name, ours, , reason] = line.split('\t');
      if (suite && name && suite !== 'suite') knownCache.set(`${suite}\t${name}`, { ours: ours ?? '', reason: reason ?? '' });
    }
  }
  return knownCache;
}

/** The note of a failure: its listed reason, else the reason the evaluation shows. */
function listedNote(suite: string, name: string, check: SpfCheck, shown: string | undefined, edition: '7208' | '4408' | 'extra'): string | undefined {
  const k = known().get(`${suite}\t${name}`);
  if (k) return k.ours === check.result ? `known: ${k.reason}` : `listed as giving ${k.ours}, now gives ${check.result}: ${k.reason}`;
  if (edition !== 'extra') return shown;
  return `NOT LISTED in spf-expected-differences.tsv${shown ? `; ${shown}` : ''}`;
}

async function runFile(file: string, suite: string, edition: '7208' | '4408' | 'extra'): Promise<SuiteReport> {
  const scenarios = loadScenarios(file);
  const names = new Map<string, number>();
  for (const s of scenarios) for (const n of Object.keys(s.tests ?? {})) names.set(n, (names.get(n) ?? 0) + 1);
  const failures: CaseFailure[] = [];
  let total = 0;
  let passed = 0;
  for (const [k, s] of scenarios.entries()) {
    const resolver = zonedataResolver(s.zonedata);
    for (const [name, tc] of Object.entries(s.tests ?? {})) {
      total++;
      const caseName = (names.get(name) ?? 0) > 1 ? `${name} (scenario ${k + 1}: ${s.description ?? ''})` : name;
      const expected = expectedResults(tc.result);
      const check = await checkMailFrom(String(tc.host ?? ''), String(tc.mailfrom ?? ''), tc.helo === undefined ? '' : String(tc.helo), resolver, {
        defaultExplanation: 'DEFAULT',
        receiver: tc.receiver === undefined ? undefined : String(tc.receiver),
      });
      const resultOk = expected.includes(check.result);
      const wantExp = tc.explanation === undefined || tc.explanation === null ? undefined : String(tc.explanation);
      const expOk = wantExp === undefined || check.explanation === wantExp;
      if (resultOk && expOk) {
        passed++;
        continue;
      }
      const exp = (e: string | undefined) => (e === undefined ? '' : ` with explanation ${JSON.stringify(e)}`);
      failures.push({
        case: caseName,
        expected: `${expected.join(' or ')}${resultOk ? exp(wantExp) : ''}`,
        actual: `${check.result}${resultOk ? exp(check.explanation) : ''}${check.problem ? ` — ${check.problem}` : ''}`,
        note: listedNote(suite, caseName, check, noteFor(check, expected, tc, edition), edition),
      });
    }
  }
  // Listed differences that no longer occur: the list should shrink with them.
  const failing = new Set(failures.map((f) => f.case));
  const stale = [...known().keys()].filter((k) => k.startsWith(`${suite}\t`) && !failing.has(k.slice(suite.length + 1)));
  if (stale.length) process.stdout.write(`note ${suite}: ${stale.length} listed difference(s) no longer occur, e.g. ${stale[0].split('\t')[1]}\n`);
  return { suite, total, passed, failures };
}

/** The RFC 7208 edition of the openspf suite. */
export async function rfc7208Suite(corpusDir: string): Promise<SuiteReport[]> {
  return [await runFile(path.join(corpusDir, 'spf', 'rfc7208-tests.yml'), 'spf/rfc7208-tests.yml', '7208')];
}

/** The RFC 4408 edition: cases whose expectation RFC 7208 changed fail with a note saying which rule. */
export async function rfc4408Suite(corpusDir: string): Promise<SuiteReport[]> {
  return [await runFile(path.join(corpusDir, 'spf', 'rfc4408-tests.yml'), 'spf/rfc4408-tests.yml', '4408')];
}

/** The extra suites (pyspf's regression tests, a Go library's additional cases); files without tests are skipped. */
export async function extraSpfSuites(corpusDir: string): Promise<SuiteReport[]> {
  const dir = path.join(corpusDir, 'spf', 'extra');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.yml')).sort() : [];
  const reports: SuiteReport[] = [];
  for (const f of files) {
    const r = await runFile(path.join(dir, f), `spf/extra/${f}`, 'extra');
    if (r.total > 0) reports.push(r);
  }
  return reports;
}
