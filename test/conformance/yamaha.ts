/**
 * Yamaha RTX conformance against the corpus (corpus/yamaha):
 *
 *  - yamaha/configs: every real configuration (and the RTX1210 config of terraform-provider-rtx)
 *    parses without `rtx-syntax` errors on the lines the router accepts. A config is one case; it
 *    passes when the lines with rtx-syntax errors are exactly the exceptions listed for it in
 *    `yamaha-expected.tsv` (template placeholders, fill-in notes — each with its reason).
 *  - yamaha/terraform-patterns: the `examples: {input, expected}` of terraform-provider-rtx's
 *    `patterns/*.yaml` that concern `ip filter` / `ipv6 filter` / `secure filter` lines. Our parse
 *    is compared field by field with their expectation. Their data is partly wrong (see the corpus
 *    MANIFEST); every disagreement we stand by is listed in the same TSV with the reason, and
 *    counts as agreed.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { makeContext, parseDocument, validate } from '../../server/src/core/engine';
import { decode } from '../../server/src/cli/files';
import type { DynamicFilter, RtxModel, StaticFilter } from '../../server/src/core/rtx/model';
import type { CaseFailure, SuiteReport } from './report';

/** Where the checked-in list of expected exceptions lives (beside this file in the sources). */
export const EXPECTED_TSV = path.resolve(__dirname, '..', '..', '..', 'test', 'conformance', 'yamaha-expected.tsv');

interface Expected {
  source: string;
  where: string;
  reason: string;
}

export function readExpected(file = EXPECTED_TSV): Expected[] {
  const out: Expected[] = [];
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const [source, where, reason] = raw.split('\t');
    if (source === 'source') continue; // header
    if (!source || !where || !reason) throw new Error(`yamaha-expected.tsv: malformed row: ${raw}`);
    out.push({ source, where, reason });
  }
  return out;
}

/** The corpus configs: configs/* (licence files excluded) and the terraform provider's RTX1210 config. */
export function corpusConfigs(yamahaDir: string): string[] {
  const dir = path.join(yamahaDir, 'configs');
  const files = fs
    .readdirSync(dir)
    .filter((f) => !/licen[cs]e/i.test(f))
    .sort()
    .map((f) => `configs/${f}`);
  return [...files, 'terraform-provider-rtx/rtx1210_config_raw.txt'];
}

function configSuite(yamahaDir: string, expected: Expected[]): SuiteReport {
  const failures: CaseFailure[] = [];
  const files = corpusConfigs(yamahaDir);
  let passed = 0;
  for (const rel of files) {
    const text = decode(fs.readFileSync(path.join(yamahaDir, rel))).text;
    const doc = parseDocument('rtx', text);
    const lines = new Map<number, string>();
    for (const f of validate(doc, makeContext())) {
      if (f.rule !== 'rtx-syntax') continue;
      const line = doc.lines.positionAt(f.range.start).line + 1;
      if (!lines.has(line)) lines.set(line, f.message);
    }
    const want = new Set(expected.filter((e) => e.source === rel).map((e) => Number(e.where)));
    const unexpected = [...lines.keys()].filter((l) => !want.has(l)).sort((a, b) => a - b);
    const missing = [...want].filter((l) => !lines.has(l)).sort((a, b) => a - b);
    if (unexpected.length === 0 && missing.length === 0) {
      passed++;
      continue;
    }
    failures.push({
      case: rel,
      expected: want.size ? `rtx-syntax only on lines ${[...want].sort((a, b) => a - b).join(', ')}` : 'no rtx-syntax error',
      actual: [
        ...unexpected.map((l) => `line ${l}: ${lines.get(l)}`),
        ...missing.map((l) => `line ${l}: listed in yamaha-expected.tsv but no rtx-syntax error`),
      ].join('; '),
    });
  }
  return { suite: 'yamaha/configs', total: files.length, passed, failures };
}

// ----- terraform-provider-rtx patterns -------------------------------------------------------------

interface PatternExample {
  input?: unknown;
  expected?: Record<string, unknown>;
}

const FILTER_LINE = /^(?:ip|ipv6) (?:filter \d|filter dynamic \d|\S+ secure filter )/;

/** Our reading of one example line, in their field names. */
function ourFields(model: RtxModel, input: string): Record<string, unknown> | string {
  const syntax = model.problems.map((p) => p.message);
  if (syntax.length) return `rtx-syntax: ${syntax.join('; ')}`;
  const text = (t: { token?: { value: string } } | undefined): string => t?.token?.value ?? '*';
  const statics: StaticFilter[] = [...model.filters.staticDefs, ...model.filters.v6.staticDefs];
  const dynamics: DynamicFilter[] = [...model.filters.dynamicDefs, ...model.filters.v6.dynamicDefs];
  if (/ filter dynamic /.test(input) && dynamics[0]) {
    const d = dynamics[0];
    return { number: d.num, source: text(d.src), dest: text(d.dst), protocol: d.application?.name ?? 'filter', syslog: d.syslog };
  }
  if (statics[0]) {
    const f = statics[0];
    return {
      number: f.num,
      action: f.action.name,
      source_address: text(f.src),
      dest_address: text(f.dst),
      protocol: text(f.proto),
      source_port: text(f.sport),
      dest_port: text(f.dport),
      established: false,
    };
  }
  const b = model.bindings[0];
  if (b) {
    const iface = b.iface.kind === 'if' ? b.iface.name : b.iface.kind;
    return {
      interface: iface,
      direction: b.dir,
      filters: b.list.map((e) => e.num),
      static_filters: b.list.map((e) => e.num),
      dynamic_filters: b.dynamic.map((e) => e.num),
    };
  }
  return 'nothing parsed';
}

function agrees(ours: Record<string, unknown>, theirs: Record<string, unknown>): string[] {
  const diffs: string[] = [];
  for (const [k, v] of Object.entries(theirs)) {
    if (!(k in ours)) continue; // a field we do not model (e.g. `syslog` given as text)
    const want = Array.isArray(v) ? v.map(String).join(' ') : String(v);
    const got = ours[k];
    const have = Array.isArray(got) ? got.map(String).join(' ') : String(got);
    // `filters` means the whole list when the example has no `dynamic` part.
    if (want !== have) diffs.push(`${k}: ${have} (expected ${want})`);
  }
  return diffs;
}

function patternSuite(yamahaDir: string, expected: Expected[]): SuiteReport {
  const dir = path.join(yamahaDir, 'terraform-provider-rtx', 'patterns');
  const failures: CaseFailure[] = [];
  let total = 0;
  let passed = 0;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const rel = `terraform-provider-rtx/patterns/${file}`;
    const data = YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { commands?: { examples?: PatternExample[] }[] };
    for (const cmd of data?.commands ?? []) {
      for (const ex of cmd.examples ?? []) {
        const input = typeof ex.input === 'string' ? ex.input.trim() : '';
        if (!FILTER_LINE.test(input) || !ex.expected) continue;
        total++;
        // `ip pp …` / `ip tunnel …` need the selected PP or tunnel, as the examples note.
        const select = /^ipv?6? ?(pp|tunnel) /.exec(input.replace(/^ipv6 /, 'ip '));
        const prefix = select ? `${select[1]} select 1\n` : '';
        const model = parseDocument('rtx', `${prefix}${input}\n`).model as RtxModel;
        const ours = ourFields(model, input);
        const diffs = typeof ours === 'string' ? [ours] : agrees(ours, ex.expected);
        const listed = expected.find((e) => e.source === rel && e.where === input);
        if (diffs.length === 0 && !listed) {
          passed++;
          continue;
        }
        if (diffs.length > 0 && listed) {
          passed++; // a known, deliberate disagreement (reason in yamaha-expected.tsv)
          continue;
        }
        failures.push({
          case: `${rel}: ${input}`,
          expected: JSON.stringify(ex.expected),
          actual: diffs.length ? diffs.join('; ') : 'agrees, but yamaha-expected.tsv lists a disagreement',
          ...(listed ? { note: listed.reason } : {}),
        });
      }
    }
  }
  return { suite: 'yamaha/terraform-patterns (ip filter lines)', total, passed, failures };
}

/** The suite: corpus dir is the folder holding `yamaha/`. */
export function yamahaSuite(corpusDir: string): SuiteReport[] {
  const yamahaDir = path.join(corpusDir, 'yamaha');
  const expected = readExpected();
  return [configSuite(yamahaDir, expected), patternSuite(yamahaDir, expected)];
}
