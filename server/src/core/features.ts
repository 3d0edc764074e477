/**
 * Data types of the editor features (outline, folding, navigation, completion, formatting and
 * editor actions). Offsets only, like the rest of the core; the server converts them to LSP.
 */
import type { RuleContext } from './rule';
import type { Range, TextEdit } from './types';

export type OutlineKind = 'namespace' | 'field' | 'key' | 'module';

/** One node of the document outline. `range` contains `selectionRange` and every child's range. */
export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  range: Range;
  selectionRange: Range;
  children?: OutlineSymbol[];
}

export type FoldingKind = 'comment' | 'imports' | 'region';

/** A foldable stretch of the document: from the line of `start` to the line of `end`. */
export interface FoldingRegion {
  start: number;
  end: number;
  kind?: FoldingKind;
}

export type CompletionKind = 'keyword' | 'type' | 'class' | 'function' | 'property' | 'variable';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** The text the entry replaces (the word being typed, possibly empty). */
  range: Range;
  insertText?: string;
  /** Sort key; entries are offered in this order. */
  sortText?: string;
}

export interface FormatOptions {
  /** Widest owner column before an owner just gets a single space after it. */
  maxOwnerWidth?: number;
}

/** A calendar date (the server supplies today's date: the core reads no clock). */
export interface CalendarDate {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
}

/** What editor actions and commands may need from the environment. */
export interface FeatureEnv {
  today: CalendarDate;
}

/** A code action that is not a quick fix of a finding (a refactoring offered at a place). */
export interface EditorAction {
  title: string;
  kind: 'refactor.rewrite' | 'source';
  edits: TextEdit[];
  /** The workspace command that performs the same change. */
  command?: string;
}

/** The editor features a language offers; each is optional and answers with document offsets. */
export interface LanguageFeatures<M> {
  symbols?(model: M): OutlineSymbol[];
  folding?(model: M): FoldingRegion[];
  definition?(model: M, offset: number): Range[];
  references?(model: M, offset: number, includeDeclaration: boolean): Range[];
  completion?(model: M, offset: number, ctx: RuleContext): CompletionEntry[];
  format?(model: M, options: FormatOptions): TextEdit[];
  /** Code actions offered at `range` that are not quick fixes of a finding. */
  actions?(model: M, range: Range, env: FeatureEnv): EditorAction[];
  /** Edits of a workspace command, or undefined when the command does not apply. */
  command?(model: M, name: string, env: FeatureEnv): TextEdit[] | undefined;
}
