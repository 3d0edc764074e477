/**
 * spf-invalid-ip: an `ip4:`/`ip6:` value that is not an address of its family (RFC 7208 §5.6,
 * §12). Range: the address. A bad prefix length is `spf-invalid-cidr`.
 * Quick fix when the address is valid in the other family: switch `ip4:` ↔ `ip6:`.
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import { ip4Problem, ip6Problem } from '../ip';
import type { SpfErrorCode } from '../parse';
import { candidateAt, replaceInValue, spfRecords, termWithPart, errorsOf } from '../records';

/** Parser error codes this rule reports. */
export const INVALID_IP_CODES: ReadonlySet<SpfErrorCode> = new Set<SpfErrorCode>(['ip4-address', 'ip6-address']);

export const spfInvalidIp: Rule<ZoneModel> = {
  meta: {
    id: 'spf-invalid-ip',
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'An ip4:/ip6: mechanism whose address is invalid, which makes the whole SPF record a permerror',
  },
  check(model, _ctx, report) {
    for (const c of spfRecords(model)) {
      for (const e of errorsOf(c)) {
        if (INVALID_IP_CODES.has(e.code)) report({ range: e.range, message: e.message });
      }
    }
  },
  fix(model, finding) {
    const c = candidateAt(model, finding.range);
    if (!c) return [];
    const t = termWithPart(c, finding.range, (x) => (x.kind === 'mechanism' ? x.network : undefined));
    if (!t || t.kind !== 'mechanism' || !t.network || !t.mechanism) return [];
    const addr = t.network.text;
    const other = t.mechanism === 'ip4' ? 'ip6' : 'ip4';
    const fitsOther = other === 'ip6' ? ip6Problem(addr) === undefined : ip4Problem(addr) === undefined;
    if (!fitsOther) return [];
    return [
      {
        title: `Change to ${other}:`,
        rule: 'spf-invalid-ip',
        edits: replaceInValue(c, t.name.start, t.name.end, other),
        preferred: true,
      },
    ];
  },
};
