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
import * as path from 'path';
import { pathToFileURL } from 'url';
import { makeIncludeReader } from '../io/includeReader';
import { collectFiles, decodeFile, looksBinary, UsageError } from './files';

/** The CLI follows `$INCLUDE` wherever its user can read. */
const includeReader = makeIncludeReader(() => true);

export interface CheckOptions {
  language?: LanguageId;
  mailServers: string[];
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
  const mailServers = zones.flatMap((z) => mailServersFromZone(z));
  const ctx = makeContext(readSettings({ mailServers: opts.mailServers }), { mailServers, zones });
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

export function toText(results: FileResult[]): string {
  return toJson(results)
    .map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column}: ${f.severity} ${f.rule} ${f.message}\n`)
    .join('');
}
