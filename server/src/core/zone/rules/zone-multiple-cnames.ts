/** `zone-multiple-cnames`: more than one CNAME at a name (RFC 2181 §10.1). */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';

export const zoneMultipleCnames: Rule<ZoneModel> = {
  meta: {
    id: 'zone-multiple-cnames',
    language: 'zone',
    severity: 'error',
    description: 'A name has more than one CNAME record.',
  },
  check(model, _ctx, report) {
    const first = new Map<string, { start: number; end: number }>();
    for (const c of zoneFacts(model).ofType(5)) {
      const at = first.get(c.owner);
      if (!at) {
        first.set(c.owner, c.typeRange);
        continue;
      }
      report({ range: c.typeRange, message: `${c.owner} has more than one CNAME; an alias points at exactly one name`, related: [{ range: at, message: 'first CNAME' }] });
    }
  },
};
