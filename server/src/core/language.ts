/** What each language contributes to the engine: a parser that never throws, hover and extras. */
import type { LineIndex } from './text';
import type { RuleContext } from './rule';
import type { HoverResult, LanguageId } from './types';

/**
 * Reads a file named by a document (`$INCLUDE`), relative to the document that names it. Given by
 * the server or CLI (which decide what may be read); the core itself does no IO.
 */
export type IncludeReader = (path: string, fromUri: string | undefined) => { text: string; uri: string } | { error: string };

/** What the caller knows about a document beyond its text. */
export interface DocumentOptions {
  /** Where the document lives (for relative `$INCLUDE` paths and cycle detection). */
  uri?: string;
  /** The zone's origin, when known (e.g. from the file name). */
  origin?: string;
  includeReader?: IncludeReader;
}

export interface LanguageSupport<M> {
  id: LanguageId;
  /** Parse the whole document. Never throws; problems are kept in the model for the syntax rules. */
  parse(text: string, lines: LineIndex, options?: DocumentOptions): M;
  hover?(model: M, offset: number, ctx: RuleContext): HoverResult | undefined;
}
