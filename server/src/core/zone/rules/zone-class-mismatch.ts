/** `zone-class-mismatch`: records of different classes in one zone (named: "class mismatch"). */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';

export const zoneClassMismatch: Rule<ZoneModel> = {
  meta: {
    id: 'zone-class-mismatch',
    language: 'zone',
    severity: 'error',
    description: 'A record has a different class than the rest of the zone.',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    const records = facts.records;
    if (records.length === 0) return;
    const zoneClass = (facts.ofType(6)[0] ?? records[0]).class;
    for (const r of records) {
      if (r.class === zoneClass) continue;
      report({ range: r.classRange ?? r.typeRange, message: `Class ${r.class} differs from the zone's class ${zoneClass}` });
    }
  },
};
