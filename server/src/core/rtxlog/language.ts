/** The Yamaha log language (`rtxlog`): parser (with the host analysis) and hover. */
import type { LanguageSupport } from '../language';
import { parseLog } from './document';
import { hoverLog } from './hover';
import type { LogModel } from './model';

export const logLanguage: LanguageSupport<LogModel> = {
  id: 'rtxlog',
  parse: (text, lines) => parseLog(text, lines),
  hover: (model, offset, ctx) => hoverLog(model, offset, ctx),
};
