import type { LanguageSupport } from '../language';
import type { LogModel } from './model';

export const logLanguage: LanguageSupport<LogModel> = {
  id: 'rtxlog',
  parse: (text, lines) => ({ text, lines }),
};
