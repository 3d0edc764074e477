/**
 * The `contributes.configuration.properties` block of package.json, derived from the settings
 * schema and the rule registry. `npm run sync-manifest` writes it; a test keeps them equal.
 */
import { allRules } from './registry';
import { SETTINGS_SCHEMA } from './settings';

export function configurationProperties(): Record<string, unknown> {
  const ruleProps: Record<string, unknown> = {};
  for (const r of [...allRules()].sort((a, b) => a.id.localeCompare(b.id))) {
    ruleProps[r.id] = {
      type: 'string',
      enum: ['off', 'hint', 'info', 'warning', 'error'],
      default: r.severity,
      description: r.description,
    };
  }
  return {
    'senderGuard.rules': {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: ruleProps,
      markdownDescription: 'Severity per rule (`off`, `hint`, `info`, `warning`, `error`), keyed by rule id. Unlisted rules keep their default.',
    },
    ...SETTINGS_SCHEMA,
  };
}
