/** `zone-ttl-mismatch`: records of one RRset have different TTLs (RFC 2181 §5.2). */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../model';
import { multiRecordSets } from './rrsets';

export const zoneTtlMismatch: Rule<ZoneModel> = {
  meta: {
    id: 'zone-ttl-mismatch',
    language: 'zone',
    severity: 'warning',
    description: 'Records of the same RRset (owner, class, type) have different TTLs.',
  },
  check(model, _ctx, report) {
    for (const set of multiRecordSets(model)) {
      // Signatures of different types share an owner and type but are separate sets in effect.
      if (set[0].typeCode === 46) continue;
      const ttl = set[0].ttl;
      if (ttl === undefined) continue;
      for (const r of set) {
        if (r.ttl === undefined || r.ttl === ttl) continue;
        report({
          range: r.ttlRange ?? r.typeRange,
          message: `TTL ${r.ttl} differs from ${ttl} of the other ${r.owner} ${r.type} records; servers use one TTL for the whole set (RFC 2181 §5.2)`,
          related: [{ range: set[0].ttlRange ?? set[0].typeRange, message: `TTL ${ttl}` }],
        });
      }
    }
  },
};
