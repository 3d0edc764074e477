/** Editor features of zone files, for the engine's facade. */
import type { LanguageFeatures } from '../features';
import { spfCompletion } from '../spf/completion';
import { zoneCompletion } from './completion';
import { zoneFolding } from './folding';
import { zoneFormat } from './format';
import type { ZoneModel } from './model';
import { zoneDefinition, zoneReferences } from './navigation';
import { BUMP_SERIAL_COMMAND, bumpSerialEdits, serialActions } from './serial';
import { zoneSymbols } from './symbols';

export const zoneFeatures: LanguageFeatures<ZoneModel> = {
  symbols: zoneSymbols,
  folding: zoneFolding,
  definition: zoneDefinition,
  references: zoneReferences,
  completion: (model, offset) => spfCompletion(model, offset) ?? zoneCompletion(model, offset),
  format: zoneFormat,
  actions: (model, range, env) => serialActions(model, range, env.today),
  command: (model, name, env) => (name === BUMP_SERIAL_COMMAND ? bumpSerialEdits(model, env.today) : undefined),
};
