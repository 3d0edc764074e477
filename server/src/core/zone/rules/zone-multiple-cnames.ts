/**
 * `zone-multiple-cnames`: more than one CNAME at a name (RFC 2181 §10.1). The same CNAME written
 * twice is one record (RFC 2181 §5: servers keep one copy); zone-duplicate-record reports it.
 */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel, ZoneRecord } from '../model';
import { canonicalRdata } from './rrsets';

export const zoneMultipleCnames: Rule<ZoneModel> = {
  meta: {
    id: 'zone-multiple-cnames',
    language: 'zone',
    severity: 'error',
    description: 'A name has more than one CNAME record.',
  },
  check(model, _ctx, report) {
    // The data of a name's CNAMEs is compared only when the name has more than one.
    const first = new Map<string, { record: ZoneRecord; data?: Set<string> }>();
    for (const c of zoneFacts(model).ofType(5)) {
      const seen = first.get(c.owner);
      if (!seen) {
        first.set(c.owner, { record: c });
        continue;
      }
      seen.data ??= new Set([canonicalRdata(seen.record, model.text)]);
      const data = canonicalRdata(c, model.text);
      if (seen.data.has(data)) continue;
      seen.data.add(data);
      report({ range: c.typeRange, message: `${c.owner} has more than one CNAME; an alias points at exactly one name`, related: [{ range: seen.record.typeRange, message: 'first CNAME' }] });
    }
  },
};
