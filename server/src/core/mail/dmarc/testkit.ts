/** Helpers of the DMARC, MTA-STS, TLS-RPT and BIMI rule tests (beside the SPF testkit they build on). */
import { makeContext, parseDocument, validate } from '../../engine';
import type { RuleContext } from '../../rule';

export { applyFix, expectRanges, findingsOf, withZones, zone } from '../../spf/rules/testkit';

/** `rule: message` of every finding whose rule id starts with one of `prefixes` and whose severity is error or warning. */
export function problems(text: string, prefixes: string[], ctx: RuleContext = makeContext()): string[] {
  return validate(parseDocument('zone', text), ctx)
    .filter((f) => prefixes.some((p) => f.rule.startsWith(p)) && (f.severity === 'error' || f.severity === 'warning'))
    .map((f) => `${f.rule}: ${f.message}`);
}

/** The rule ids of every finding (any severity) whose id starts with one of `prefixes`. */
export function ruleIds(text: string, prefixes: string[], ctx: RuleContext = makeContext()): string[] {
  return validate(parseDocument('zone', text), ctx)
    .filter((f) => prefixes.some((p) => f.rule.startsWith(p)))
    .map((f) => f.rule);
}
