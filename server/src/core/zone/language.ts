/** Zone files (BIND master files): parser and hover for the engine. */
import type { LanguageSupport } from '../language';
import { zoneHoverProviders } from './hoverProviders';
import { resolveIncludes } from './include';
import type { ZoneModel } from './model';
import { parseZone } from './parser';

export const zoneLanguage: LanguageSupport<ZoneModel> = {
  id: 'zone',
  parse: (text, lines, options) => {
    const model = parseZone(text, { lines, origin: options?.origin });
    if (options?.includeReader) resolveIncludes(model, options.includeReader, options.uri);
    return model;
  },
  hover(model, offset, ctx) {
    for (const provider of zoneHoverProviders) {
      const result = provider(model, offset, ctx);
      if (result) return result;
    }
    return undefined;
  },
};
