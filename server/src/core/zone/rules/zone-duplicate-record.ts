/** `zone-duplicate-record`: the same record (owner, class, type and data) appears twice. */
import type { Rule } from '../../rule';
import type { ZoneModel, ZoneRecord } from '../model';
import { canonicalRdata, multiRecordSets } from './rrsets';

export const zoneDuplicateRecord: Rule<ZoneModel> = {
  meta: {
    id: 'zone-duplicate-record',
    language: 'zone',
    severity: 'warning',
    description: 'The same record appears more than once; servers keep one copy.',
  },
  check(model, _ctx, report) {
    for (const set of multiRecordSets(model)) {
      const seen = new Map<string, ZoneRecord>();
      for (const r of set) {
        const key = canonicalRdata(r, model.text);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, r);
          continue;
        }
        report({
          range: r.range,
          message: `Duplicate record: this ${r.owner} ${r.type} record is already in the zone`,
          related: [{ range: first.range, message: 'first occurrence' }],
          tags: ['unnecessary'],
        });
      }
    }
  },
};
