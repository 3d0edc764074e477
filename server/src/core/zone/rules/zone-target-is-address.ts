/** `zone-target-is-address`: an NS, MX or SRV target is written as an IP address, not a host name. */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';
import { looksLikeAddress, targets } from './common';

export const zoneTargetIsAddress: Rule<ZoneModel> = {
  meta: {
    id: 'zone-target-is-address',
    language: 'zone',
    severity: 'warning',
    description: 'An NS, MX or SRV record names an IP address where a host name is required.',
  },
  check(model, _ctx, report) {
    for (const t of targets(zoneFacts(model), model.text)) {
      if (!looksLikeAddress(t.token.text)) continue;
      report({
        range: t.token.range,
        message: `${t.record.type} target '${t.token.text}' is an address; it must be a host name (it is read as the name ${t.name})`,
      });
    }
  },
};
