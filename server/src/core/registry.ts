/**
 * The one rule registry. Every rule of every language is listed here exactly once; its id is the
 * diagnostic code, the key of its severity setting, the key its quick fixes dispatch on and the
 * name of its docs page (docs/rules/<id>.md).
 *
 * Adding a rule: write the module (with its test beside it), add it to the list of its language
 * below, write docs/rules/<id>.md. Nothing else.
 */
import type { Rule, RuleMeta } from './rule';
import type { LanguageId } from './types';
import type { ZoneModel } from './zone/model';
import type { RtxModel } from './rtx/model';
import type { LogModel } from './rtxlog/model';

export const ZONE_RULES: Rule<ZoneModel>[] = [];

export const RTX_RULES: Rule<RtxModel>[] = [];

export const LOG_RULES: Rule<LogModel>[] = [];

export function rulesFor(language: LanguageId): Rule<unknown>[] {
  switch (language) {
    case 'zone':
      return ZONE_RULES as Rule<unknown>[];
    case 'rtx':
      return RTX_RULES as Rule<unknown>[];
    case 'rtxlog':
      return LOG_RULES as Rule<unknown>[];
  }
}

export function allRules(): RuleMeta[] {
  return [...ZONE_RULES, ...RTX_RULES, ...LOG_RULES].map((r) => r.meta);
}

export function ruleById(id: string): Rule<unknown> | undefined {
  for (const lang of ['zone', 'rtx', 'rtxlog'] as const) {
    const r = rulesFor(lang).find((x) => x.meta.id === id);
    if (r) return r;
  }
  return undefined;
}
