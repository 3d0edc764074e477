/**
 * LSP handlers of the editor features (outline, folding, navigation, completion, formatting,
 * editor code actions and the `senderGuard.server.bumpSerial` command). Language-generic: each goes
 * through the core's facade, which dispatches to the document's language.
 */
import {
  CodeAction,
  CompletionItemKind,
  FoldingRangeKind,
  SymbolKind,
  type Connection,
  type DocumentSymbol,
  type FoldingRange,
  type Location,
  type Range as LspRange,
  type ServerCapabilities,
  type TextDocuments,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  completion,
  definition,
  editorActions,
  executeCommand,
  folding,
  format,
  references,
  symbols,
  type CalendarDate,
  type CompletionKind,
  type FeatureEnv,
  type FoldingKind,
  type LineIndex,
  type OutlineKind,
  type OutlineSymbol,
  type ParsedDocument,
  type RuleContext,
  type TextEdit,
} from '../core';
import { BUMP_SERIAL_COMMAND } from '../core/zone/serial';
import { fromLspRange, toLspRange } from './convert';

export const COMMANDS: readonly string[] = [BUMP_SERIAL_COMMAND];

export const featureCapabilities: ServerCapabilities = {
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  completionProvider: { triggerCharacters: ['$'] },
  documentFormattingProvider: true,
  executeCommandProvider: { commands: [...COMMANDS] },
};

/** Code action kinds of the editor actions (added to the quick fixes' kind). */
export const FEATURE_ACTION_KINDS = ['refactor.rewrite', 'source'];

/** Today's date where the server runs (the core takes it as an input). */
export function today(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

export function featureEnv(): FeatureEnv {
  return { today: today() };
}

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  namespace: SymbolKind.Namespace,
  field: SymbolKind.Field,
  key: SymbolKind.Key,
  module: SymbolKind.Module,
};

const FOLDING_KIND: Record<FoldingKind, string> = {
  comment: FoldingRangeKind.Comment,
  imports: FoldingRangeKind.Imports,
  region: FoldingRangeKind.Region,
};

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  type: CompletionItemKind.TypeParameter,
  class: CompletionItemKind.EnumMember,
  function: CompletionItemKind.Function,
  property: CompletionItemKind.Property,
  variable: CompletionItemKind.Variable,
};

function toSymbol(lines: LineIndex, s: OutlineSymbol): DocumentSymbol {
  return {
    name: s.name || ' ',
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: toLspRange(lines, s.range),
    selectionRange: toLspRange(lines, s.selectionRange),
    children: s.children?.map((c) => toSymbol(lines, c)),
  };
}

function toEdits(lines: LineIndex, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toLspRange(lines, e.range), newText: e.newText }));
}

/** Editor code actions (not quick fixes) for `range`. */
export function featureCodeActions(uri: string, p: ParsedDocument, range: LspRange, only?: string[]): CodeAction[] {
  return editorActions(p, fromLspRange(p.lines, range), featureEnv())
    .filter((a) => !only || only.some((k) => a.kind === k || a.kind.startsWith(k + '.')))
    .map((a) => {
      const action = CodeAction.create(a.title, a.kind);
      action.edit = { changes: { [uri]: toEdits(p.lines, a.edits) } };
      return action;
    });
}

export interface FeatureDeps {
  documents: TextDocuments<TextDocument>;
  parsed(doc: TextDocument): ParsedDocument | undefined;
  runSafe<T>(what: string, fallback: T, fn: () => T): T;
  context(): RuleContext;
  /**
   * Other `workspace/executeCommand` commands of the server: LSP allows one handler, so the one
   * registered here passes every command that is not an editor-feature command on to this.
   */
  otherCommand?(command: string, args: unknown[] | undefined): Promise<unknown>;
}

export function registerFeatures(connection: Connection, deps: FeatureDeps): void {
  const { documents, parsed, runSafe } = deps;
  const docOf = (uri: string): { doc: TextDocument; p: ParsedDocument } | undefined => {
    const doc = documents.get(uri);
    const p = doc && parsed(doc);
    return doc && p ? { doc, p } : undefined;
  };

  // A symbol of the outline keeps its conversion: the outline of a version parsed from an earlier
  // one shares the symbols before the edit, whose positions the edit does not move.
  const converted = new WeakMap<OutlineSymbol, DocumentSymbol>();
  connection.onDocumentSymbol((params) =>
    runSafe('document symbols', [], () => {
      const d = docOf(params.textDocument.uri);
      if (!d) return [];
      return symbols(d.p).map((s) => {
        let out = converted.get(s);
        if (!out) converted.set(s, (out = toSymbol(d.p.lines, s)));
        return out;
      });
    }),
  );

  connection.onFoldingRanges((params) =>
    runSafe('folding ranges', [], () => {
      const d = docOf(params.textDocument.uri);
      if (!d) return [];
      return folding(d.p).map((f): FoldingRange => {
        const range: FoldingRange = { startLine: d.p.lines.positionAt(f.start).line, endLine: d.p.lines.positionAt(f.end).line };
        if (f.kind) range.kind = FOLDING_KIND[f.kind];
        return range;
      });
    }),
  );

  connection.onDefinition((params) =>
    runSafe('definition', [], () => {
      const d = docOf(params.textDocument.uri);
      if (!d) return [];
      return definition(d.p, d.p.lines.offsetAt(params.position)).map((r): Location => ({ uri: params.textDocument.uri, range: toLspRange(d.p.lines, r) }));
    }),
  );

  connection.onReferences((params) =>
    runSafe('references', [], () => {
      const d = docOf(params.textDocument.uri);
      if (!d) return [];
      const offset = d.p.lines.offsetAt(params.position);
      return references(d.p, offset, params.context.includeDeclaration).map((r): Location => ({ uri: params.textDocument.uri, range: toLspRange(d.p.lines, r) }));
    }),
  );

  connection.onCompletion((params) =>
    runSafe('completion', [], () => {
      const d = docOf(params.textDocument.uri);
      if (!d) return [];
      return completion(d.p, d.p.lines.offsetAt(params.position), deps.context()).map((e) => ({
        label: e.label,
        kind: COMPLETION_KIND[e.kind],
        detail: e.detail,
        documentation: e.documentation ? { kind: 'markdown' as const, value: e.documentation } : undefined,
        sortText: e.sortText,
        textEdit: { range: toLspRange(d.p.lines, e.range), newText: e.insertText ?? e.label },
      }));
    }),
  );

  connection.onDocumentFormatting((params) =>
    runSafe('formatting', [], () => {
      const d = docOf(params.textDocument.uri);
      return d ? toEdits(d.p.lines, format(d.p)) : [];
    }),
  );

  connection.onExecuteCommand(async (params) => {
    if (!COMMANDS.includes(params.command) && deps.otherCommand) return deps.otherCommand(params.command, params.arguments);
    const edit = runSafe('command', undefined, () => {
      if (!COMMANDS.includes(params.command)) return undefined;
      const arg = params.arguments?.[0] as string | { uri?: string } | undefined;
      const uri = typeof arg === 'string' ? arg : arg?.uri;
      const d = uri ? docOf(uri) : undefined;
      if (!uri || !d) return undefined;
      const edits = executeCommand(d.p, params.command, featureEnv());
      if (!edits || edits.length === 0) return undefined;
      return { documentChanges: [{ textDocument: { uri, version: d.doc.version }, edits: toEdits(d.p.lines, edits) }] };
    });
    if (!edit) return { applied: false };
    try {
      const result = await connection.workspace.applyEdit({ label: 'Bump SOA serial', edit });
      return { applied: result.applied };
    } catch (e) {
      connection.console.error(`Sender Guard: applying ${params.command} failed: ${String(e)}`);
      return { applied: false };
    }
  });
}
