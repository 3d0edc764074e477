/** SARIF 2.1.0 output for code-scanning services (GitHub code scanning and others). */
import { allRules, docsUrl, type Severity } from '../core';
import { VERSION } from '../version';
import type { FileResult } from './check';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function artifactUri(file: string): string {
  return file.split('\\').join('/').split('/').map(encodeURIComponent).join('/');
}

export function toSarif(results: FileResult[]): unknown {
  const rules = allRules();
  const index = new Map(rules.map((r, i) => [r.id, i]));
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
        results: results.flatMap(({ file, lines, findings }) =>
          findings.map((f) => {
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
                    artifactLocation: { uri: artifactUri(file) },
                    region: { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
}
