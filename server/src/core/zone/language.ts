/** Zone files (BIND master files): parser and hover for the engine. */
import type { LanguageSupport } from '../language';
import { zoneHoverProviders } from './hoverProviders';
import type { ZoneModel } from './model';
import { parseZone } from './parser';

export const zoneLanguage: LanguageSupport<ZoneModel> = {
  id: 'zone',
  parse: (text, lines) => parseZone(text, { lines }),
  hover(model, offset, ctx) {
    for (const provider of zoneHoverProviders) {
      const result = provider(model, offset, ctx);
      if (result) return result;
    }
    return undefined;
  },
};
