/** What each language contributes to the engine: a parser that never throws, hover and extras. */
import type { LineIndex } from './text';
import type { RuleContext } from './rule';
import type { HoverResult, LanguageId } from './types';

export interface LanguageSupport<M> {
  id: LanguageId;
  /** Parse the whole document. Never throws; problems are kept in the model for the syntax rules. */
  parse(text: string, lines: LineIndex): M;
  hover?(model: M, offset: number, ctx: RuleContext): HoverResult | undefined;
}
