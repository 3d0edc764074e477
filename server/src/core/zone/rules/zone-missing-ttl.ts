/**
 * `zone-missing-ttl`: a record has no TTL and none can be inferred: no `$TTL` before it, no earlier
 * record with a TTL, and it is not an SOA (whose minimum field would do). `named` refuses it
 * ("no TTL specified").
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../model';
import { refuses, targetServer } from '../servers';

export const zoneMissingTtl: Rule<ZoneModel> = {
  meta: {
    id: 'zone-missing-ttl',
    language: 'zone',
    severity: 'error',
    description: 'A record has no TTL: no $TTL, no TTL on an earlier record, none written on it.',
  },
  check(model, ctx, report) {
    // A target server that gives such records a default TTL: zone-portability warns instead.
    if (!refuses(targetServer(ctx.settings), 'missing-ttl')) return;
    // Records get a TTL from the first one that has one on: only the leading records can lack it.
    for (const r of model.records) {
      if (r.ttl !== undefined) break;
      report({ range: r.typeRange, message: 'No TTL: write one on the record or put $TTL <seconds> at the top of the file (RFC 2308 §4)' });
    }
  },
};
