/**
 * spf-invalid-macro: a malformed macro in a domain-spec or modifier value (RFC 7208 §7.1): a `%`
 * not followed by `{`, `%`, `_` or `-`; an unknown letter; an unterminated `%{`; a zero digit
 * count; the exp-only letters `c`, `r`, `t` outside explanation text. Owns the parser code
 * `macro`. Quick fixes: `%(ir)` → `%{ir}`, a lone `%` → `%%`, a missing `}`.
 */
import type { Rule } from '../../rule';
import type { QuickFix } from '../../types';
import type { ZoneModel } from '../../zone/model';
import type { SpfErrorCode } from '../parse';
import { candidateAt, errorAt, replaceInValue, spfRecords, errorsOf } from '../records';
import { macroLetter } from '../terms';

export const INVALID_MACRO_CODES: ReadonlySet<SpfErrorCode> = new Set<SpfErrorCode>(['macro']);

const ID = 'spf-invalid-macro';
const SPEC = /^([A-Za-z])([0-9]*)([rR]?)([.\-+,/_=]*)$/;

function validSpec(inner: string): boolean {
  const m = SPEC.exec(inner);
  return !!m && !!macroLetter(m[1]) && !/^0+$/.test(m[2]);
}

export const spfInvalidMacro: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'A malformed SPF macro (%{…}, %%, %_, %-), which makes the whole record a permerror',
  },
  check(model, _ctx, report) {
    for (const c of spfRecords(model)) {
      for (const e of errorsOf(c)) if (INVALID_MACRO_CODES.has(e.code)) report({ range: e.range, message: e.message });
    }
  },
  fix(model, finding) {
    const c = candidateAt(model, finding.range);
    const e = c && errorAt(c, finding.range, INVALID_MACRO_CODES);
    if (!c || !e) return [];
    const v = c.text.value;
    const text = v.slice(e.start, e.end);
    const fixes: QuickFix[] = [];
    if (text.startsWith('%(')) {
      const close = v.indexOf(')', e.start);
      const inner = close < 0 ? '' : v.slice(e.start + 2, close);
      if (close > 0 && validSpec(inner)) {
        fixes.push({ title: `Write %{${inner}}`, rule: ID, edits: replaceInValue(c, e.start, close + 1, `%{${inner}}`), preferred: true });
      }
    } else if (text.startsWith('%{') && !text.endsWith('}') && validSpec(text.slice(2))) {
      fixes.push({ title: `Close the macro: ${text}}`, rule: ID, edits: replaceInValue(c, e.end, e.end, '}'), preferred: true });
    }
    if (text.length <= 2 && !text.startsWith('%{') && !text.startsWith('%(')) {
      fixes.push({ title: "Write '%%' for a literal percent sign", rule: ID, edits: replaceInValue(c, e.start, e.start, '%'), preferred: fixes.length === 0 });
    }
    return fixes;
  },
};
