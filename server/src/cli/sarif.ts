/** SARIF 2.1.0 output for code-scanning services (GitHub code scanning and others). */
import { allRules, docsUrl, type Finding, type Severity } from '../core';
import { VERSION } from '../version';
import { ChunkedOutput, type FileResult } from './check';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function artifactUri(file: string): string {
  return file.split('\\').join('/').split('/').map(encodeURIComponent).join('/');
}

/** The SARIF log without its results (`results` holds `resultsValue`). */
function sarifLog(resultsValue: unknown): unknown {
  const rules = allRules();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Sender Guard',
            semanticVersion: VERSION,
            informationUri: 'https://github.com/sender-guard/sender-guard',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description },
              helpUri: docsUrl(r.id),
              help: { text: `${r.description} See ${docsUrl(r.id)}` },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { language: r.language },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: resultsValue,
      },
    ],
  };
}

/** Rule id → its index in the driver's `rules`. */
function ruleIndexes(): Map<string, number> {
  return new Map(allRules().map((r, i) => [r.id, i]));
}

function sarifResult(index: Map<string, number>, uri: string, lines: FileResult['lines'], f: Finding): unknown {
  const s = lines.positionAt(f.range.start);
  const e = lines.positionAt(f.range.end);
  return {
    ruleId: f.rule,
    ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 },
        },
      },
    ],
  };
}

export function toSarif(results: FileResult[]): unknown {
  const index = ruleIndexes();
  return sarifLog(results.flatMap(({ file, lines, findings }) => findings.map((f) => sarifResult(index, artifactUri(file), lines, f))));
}

/** Where the results go in the log's JSON text: the one string value no rule or path can hold. */
const RESULTS_SLOT = '\u0000results\u0000';
/** Indentation of a result in `JSON.stringify(log, null, 2)` (log → runs → run → results). */
const RESULT_INDENT = '\n        ';

/** The text `JSON.stringify(toSarif(results), null, 2) + '\n'` gives, written result by result. */
export function writeSarif(results: FileResult[], out: (s: string) => void): void {
  const log = JSON.stringify(sarifLog(RESULTS_SLOT), null, 2);
  const slot = JSON.stringify(RESULTS_SLOT);
  const at = log.lastIndexOf(slot);
  const w = new ChunkedOutput(out);
  w.write(log.slice(0, at));
  const index = ruleIndexes();
  let first = true;
  w.write('[');
  for (const { file, lines, findings } of results) {
    const uri = artifactUri(file);
    for (const f of findings) {
      w.write((first ? '' : ',') + RESULT_INDENT + JSON.stringify(sarifResult(index, uri, lines, f), null, 2).replace(/\n/g, RESULT_INDENT));
      first = false;
    }
  }
  w.write(first ? ']' : '\n      ]');
  w.write(log.slice(at + slot.length) + '\n');
  w.flush();
}
