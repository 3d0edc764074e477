/**
 * spf-exp-invalid: an `exp=` whose explanation receivers will ignore (RFC 7208 §6.2): the target
 * has no TXT record, several TXT records, text that is not plain ASCII, or a malformed macro.
 * Judged from the zone files at hand, for targets known offline (literal text or `%{d}`).
 * Range: the exp= modifier; related information: the TXT record when it is in this file.
 */
import type { Rule } from '../../rule';
import type { RelatedInfo } from '../../types';
import type { ZoneModel } from '../../zone/model';
import { staticTarget, zoneIndexFor } from '../lookups';
import { parseMacroText, type SpfModifier } from '../parse';
import { evaluatedRecords, shapeOf } from '../records';
import { MappedText } from '../../text';
import { normalizeName } from '../resolver';

function problem(texts: string[][] | undefined, error: string | undefined): string | undefined {
  if (error) return error === 'nxdomain' ? 'does not exist' : 'cannot be looked up';
  if (!texts || texts.length === 0) return 'has no TXT record';
  if (texts.length > 1) return `has ${texts.length} TXT records (exactly one is needed)`;
  const text = texts[0].join('');
  if (!/^[\x20-\x7e]*$/.test(text)) return 'holds text that is not plain ASCII';
  const parsed = parseMacroText(MappedText.contiguous(text, 0));
  if (parsed.errors.length > 0) return `holds a malformed macro: ${parsed.errors[0].message}`;
  return undefined;
}

export const spfExpInvalid: Rule<ZoneModel> = {
  meta: {
    id: 'spf-exp-invalid',
    language: 'zone',
    severity: 'warning',
    description: 'An exp= explanation that receivers will ignore (missing, duplicated, non-ASCII or malformed TXT record)',
  },
  check(model, ctx, report) {
    for (const c of evaluatedRecords(model)) {
      if (!shapeOf(c).terms.some((t) => t.kind === 'modifier' && t.modifier === 'exp')) continue;
      const exp = c.spf.terms.find((t): t is SpfModifier => t.kind === 'modifier' && t.modifier === 'exp');
      if (!exp || exp.value.text === '') continue;
      const index = zoneIndexFor(model, ctx);
      const target = staticTarget(exp.value, normalizeName(c.record.owner));
      if (target === undefined || index.status(target) === 'outside') continue;
      const r = index.lookup(target, 'TXT');
      const why = problem('error' in r ? undefined : r.records, 'error' in r ? r.error : undefined);
      if (!why) continue;
      const related: RelatedInfo[] = model
        .recordsOfType('TXT')
        .filter((x) => normalizeName(x.owner) === target)
        .map((x) => ({ range: x.range, message: 'the explanation record' }));
      report({
        range: exp.range,
        message: `'${exp.text}': ${target} ${why}, so receivers ignore the explanation and use their default (RFC 7208 §6.2)`,
        related,
      });
    }
  },
};
