import type { LanguageSupport } from '../language';
import type { ZoneModel } from './model';

export const zoneLanguage: LanguageSupport<ZoneModel> = {
  id: 'zone',
  parse: (text, lines) => ({ text, lines, records: [], problems: [] }),
};
