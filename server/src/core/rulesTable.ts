/** The README's rules table, generated from the registry (`npm run sync-manifest`; a test checks it). */
import { allRules } from './registry';

const LANGUAGE_NAMES = { zone: 'zone', rtx: 'Yamaha config', rtxlog: 'Yamaha log' } as const;

export function rulesTableMarkdown(): string {
  const rows = allRules().map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${LANGUAGE_NAMES[r.language]} | ${r.severity} | ${r.description.replace(/\|/g, '\\|')} |`);
  return ['| rule | file | default | what it reports |', '|---|---|---|---|', ...rows].join('\n');
}

export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';

/** `readme` with the block between the markers replaced by the current table. */
export function withRulesTable(readme: string): string {
  const a = readme.indexOf(RULES_START);
  const b = readme.indexOf(RULES_END);
  if (a < 0 || b < a) return readme;
  return `${readme.slice(0, a + RULES_START.length)}\n${rulesTableMarkdown()}\n${readme.slice(b)}`;
}
