/** `senderguard check`: analyse files and print findings as text or JSON. */
import * as fs from 'fs';
import {
  detectLanguage,
  mailServersFromZone,
  makeContext,
  parseDocument,
  readSettings,
  validate,
  type Finding,
  type LanguageId,
  type LineIndex,
  type ParsedDocument,
  type Severity,
} from '../core';
import type { ZoneModel } from '../core/zone/model';
import type { ZoneServer } from '../core/zone/servers';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { makeIncludeReader } from '../io/includeReader';
import { collectFiles, decodeFile, looksBinary, UsageError } from './files';

/** The CLI follows `$INCLUDE` wherever its user can read. */
const includeReader = makeIncludeReader(() => true);

export interface CheckOptions {
  language?: LanguageId;
  mailServers: string[];
  /** The DNS server the zone files are loaded on (`--server`, setting `zone.server`). */
  server?: ZoneServer;
  paths: string[];
  /** Called after each file is read, for a progress line on large inputs. */
  progress?: (done: number, total: number) => void;
}

export interface FileResult {
  file: string;
  lines: LineIndex;
  findings: Finding[];
}

export interface JsonFinding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
}

/**
 * Analyse every file; files of no known language are skipped unless named explicitly. Zone files
 * among the inputs tell the router rules which hosts are the organisation's mail servers, as the
 * workspace's zone files do in the editor.
 */
export function checkFiles(opts: CheckOptions): { results: FileResult[]; skipped: string[] } {
  const { files, explicit } = collectFiles(opts.paths);
  const docs: { file: string; doc: ParsedDocument }[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
    }
    const isExplicit = explicit.has(file);
    if (!isExplicit && looksBinary(bytes)) {
      skipped.push(file);
      continue;
    }
    const { text } = decodeFile(file, bytes);
    const language = opts.language ?? detectLanguage(file, text);
    if (!language) {
      if (isExplicit) throw new UsageError(`${file}: cannot tell the file's language; name it with --language zone|rtx|rtxlog`);
      skipped.push(file);
      continue;
    }
    docs.push({ file, doc: parseDocument(language, text, language === 'zone' ? { uri: pathToFileURL(path.resolve(file)).toString(), includeReader } : undefined) });
    opts.progress?.(docs.length + skipped.length, files.length);
  }
  const zones = docs.filter(({ doc }) => doc.languageId === 'zone').map(({ doc }) => doc.model as ZoneModel);
  // Only the router and log rules read the zones' mail servers: a run of zone files alone skips
  // that pass over every MX and SPF record.
  const routerInputs = docs.some(({ doc }) => doc.languageId !== 'zone');
  const mailServers = routerInputs ? zones.flatMap((z) => mailServersFromZone(z)) : [];
  const ctx = makeContext(readSettings({ mailServers: opts.mailServers, zone: { server: opts.server } }), { mailServers, zones });
  const results = docs.map(({ file, doc }) => ({ file, lines: doc.lines, findings: validate(doc, ctx) }));
  return { results, skipped };
}

export function toJson(results: FileResult[]): JsonFinding[] {
  return results.flatMap(({ file, lines, findings }) =>
    findings.map((f) => {
      const s = lines.positionAt(f.range.start);
      const e = lines.positionAt(f.range.end);
      return {
        file,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        range: { start: { line: s.line + 1, column: s.character + 1 }, end: { line: e.line + 1, column: e.character + 1 } },
      };
    }),
  );
}

/**
 * Collects output into chunks of about `size` characters for `out`: findings are written as they
 * are formatted, so no string ever holds the whole report (it can be hundreds of megabytes).
 */
export class ChunkedOutput {
  private buffer = '';

  constructor(
    private readonly out: (s: string) => void,
    private readonly size = 1 << 16,
  ) {}

  write(s: string): void {
    this.buffer += s;
    if (this.buffer.length >= this.size) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    this.out(chunk);
  }
}

/** Text format, one line per finding: `file:line:column: severity rule message`. */
export function writeText(results: FileResult[], out: (s: string) => void): void {
  const w = new ChunkedOutput(out);
  for (const { file, lines, findings } of results) {
    for (const f of findings) {
      const s = lines.positionAt(f.range.start);
      w.write(`${file}:${s.line + 1}:${s.character + 1}: ${f.severity} ${f.rule} ${f.message}\n`);
    }
  }
  w.flush();
}

/** JSON format: the text `JSON.stringify(toJson(results), null, 2) + '\n'` gives, written finding by finding. */
export function writeJson(results: FileResult[], out: (s: string) => void): void {
  const w = new ChunkedOutput(out);
  const q = JSON.stringify;
  let first = true;
  w.write('[');
  for (const { file, lines, findings } of results) {
    const fileJson = q(file);
    for (const f of findings) {
      const s = lines.positionAt(f.range.start);
      const e = lines.positionAt(f.range.end);
      w.write(
        `${first ? '' : ','}\n  {\n    "file": ${fileJson},\n    "rule": ${q(f.rule)},\n    "severity": ${q(f.severity)},\n    "message": ${q(f.message)},\n` +
          `    "range": {\n      "start": {\n        "line": ${s.line + 1},\n        "column": ${s.character + 1}\n      },\n` +
          `      "end": {\n        "line": ${e.line + 1},\n        "column": ${e.character + 1}\n      }\n    }\n  }`,
      );
      first = false;
    }
  }
  w.write(first ? ']\n' : '\n]\n');
  w.flush();
}
