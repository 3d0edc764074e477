/**
 * spf-invalid-cidr: a prefix length that is malformed or out of range — `/33` on an IPv4 network,
 * `//129`, `/032`, `a/24/64`, `ip4:…//8` (RFC 7208 §5.3, §5.6, §12). Owns the parser codes `cidr`
 * (a, mx) and `ip-prefix` (ip4, ip6); a prefix on a mechanism that takes none (`ptr/24`,
 * `include:…/24`) is `spf-syntax`. Quick fixes when the intent is clear: drop leading zeros,
 * `//n` → `/n` on ip4/ip6, `/24/64` → `/24//64` on a/mx.
 */
import type { Rule } from '../../rule';
import type { QuickFix } from '../../types';
import type { ZoneModel } from '../../zone/model';
import { prefixProblem } from '../ip';
import type { SpfErrorCode } from '../parse';
import { candidateAt, errorAt, replaceInValue, spfRecords, errorsOf } from '../records';

export const INVALID_CIDR_CODES: ReadonlySet<SpfErrorCode> = new Set<SpfErrorCode>(['cidr', 'ip-prefix']);

const ID = 'spf-invalid-cidr';

/** The corrected prefix text for a malformed one, when the intent is clear. */
function corrected(text: string, ipMechanism: 4 | 6 | undefined): string | undefined {
  const valid = (digits: string, family: 4 | 6) => prefixProblem(digits, family) === undefined;
  const strip = (d: string) => (/^0+$/.test(d) ? '0' : d.replace(/^0+/, ''));
  if (ipMechanism) {
    const m = /^\/\/?([0-9]+)$/.exec(text);
    if (m && valid(strip(m[1]), ipMechanism)) return `/${strip(m[1])}`;
    return undefined;
  }
  let m = /^\/([0-9]+)\/\/?([0-9]+)$/.exec(text);
  if (m && valid(strip(m[1]), 4) && valid(strip(m[2]), 6)) return `/${strip(m[1])}//${strip(m[2])}`;
  m = /^\/\/([0-9]+)$/.exec(text);
  if (m && valid(strip(m[1]), 6)) return `//${strip(m[1])}`;
  m = /^\/([0-9]+)$/.exec(text);
  if (m && valid(strip(m[1]), 4)) return `/${strip(m[1])}`;
  return undefined;
}

export const spfInvalidCidr: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'A prefix length (/n or //n) that is malformed or out of range, which makes the whole SPF record a permerror',
  },
  check(model, _ctx, report) {
    for (const c of spfRecords(model)) {
      for (const e of errorsOf(c)) if (INVALID_CIDR_CODES.has(e.code)) report({ range: e.range, message: e.message });
    }
  },
  fix(model, finding) {
    const c = candidateAt(model, finding.range);
    const e = c && errorAt(c, finding.range, INVALID_CIDR_CODES);
    if (!c || !e) return [];
    const term = c.spf.terms.find((t) => t.start <= e.start && e.end <= t.end);
    if (!term || term.kind !== 'mechanism') return [];
    const family = term.mechanism === 'ip4' ? 4 : term.mechanism === 'ip6' ? 6 : undefined;
    const text = c.text.value.slice(e.start, e.end);
    const fixed = corrected(text, family);
    if (!fixed || fixed === text) return [];
    const fix: QuickFix = { title: `Change '${text}' to '${fixed}'`, rule: ID, edits: replaceInValue(c, e.start, e.end, fixed), preferred: true };
    return [fix];
  },
};
