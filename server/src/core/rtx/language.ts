import type { LanguageSupport } from '../language';
import type { RtxModel } from './model';

export const rtxLanguage: LanguageSupport<RtxModel> = {
  id: 'rtx',
  parse: (text, lines) => ({ text, lines, problems: [] }),
};
