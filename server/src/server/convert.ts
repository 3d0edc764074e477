/** Conversions between the core's offset-based data and LSP's line/character types. */
import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type Hover,
  type Position,
  type Range as LspRange,
} from 'vscode-languageserver';
import { docsUrl, type Finding, type HoverResult, type Json, type LineIndex, type QuickFix, type Range, type Severity } from '../core';

export const SOURCE = 'sender-guard';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What turns offsets into positions: the core's `LineIndex`, or the editor's `TextDocument`. */
export interface Positions {
  positionAt(offset: number): Position;
}

export function toLspRange(lines: Positions, r: Range): LspRange {
  return { start: lines.positionAt(r.start), end: lines.positionAt(r.end) };
}

export function fromLspRange(lines: LineIndex, r: LspRange): Range {
  const start = lines.offsetAt(r.start);
  return { start, end: Math.max(start, lines.offsetAt(r.end)) };
}

/** What a diagnostic carries in `data` so that its quick fix can be recomputed statelessly. */
interface DiagnosticData {
  senderGuard: true;
  data?: Json;
}

export function toDiagnostic(uri: string, lines: Positions, f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: toLspRange(lines, f.range),
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: docsUrl(f.rule) },
    source: SOURCE,
    message: f.message,
    data: { senderGuard: true, data: f.data } satisfies DiagnosticData,
  };
  if (f.tags?.length) {
    d.tags = f.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  }
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri, range: toLspRange(lines, r.range) }, message: r.message }));
  }
  return d;
}

const FROM_SEVERITY: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** Rebuild the core finding from a diagnostic the client sent back; undefined if it is not ours. */
export function fromDiagnostic(lines: LineIndex, d: Diagnostic): Finding | undefined {
  if (d.source !== SOURCE || typeof d.code !== 'string') return undefined;
  const data = d.data as Partial<DiagnosticData> | undefined;
  return {
    rule: d.code,
    severity: FROM_SEVERITY[d.severity ?? 1] ?? 'error',
    range: fromLspRange(lines, d.range),
    message: d.message,
    data: data?.data,
  };
}

export function toCodeAction(uri: string, lines: LineIndex, fix: QuickFix, diagnostic: Diagnostic): CodeAction {
  const action = CodeAction.create(fix.title, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.preferred;
  action.edit = { changes: { [uri]: fix.edits.map((e) => ({ range: toLspRange(lines, e.range), newText: e.newText })) } };
  return action;
}

export function toHover(lines: LineIndex, h: HoverResult): Hover {
  return { contents: { kind: 'markdown', value: h.contents }, range: toLspRange(lines, h.range) };
}
