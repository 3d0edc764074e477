/**
 * dmarc-policy-none: `p=none`, a monitoring-only policy: receivers deliver mail that fails DMARC
 * as if there were no policy (RFC 7489 §6.3). Info with the path to enforcement. Range: the tag.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { docRange } from '../../records';
import { tag } from '../../tagList';
import { bare } from '../../records';
import { dmarcRecords } from '../policy';

export const dmarcPolicyNone: Rule<ZoneModel> = {
  meta: {
    id: 'dmarc-policy-none',
    scope: 'record',
    language: 'zone',
    severity: 'info',
    description: 'A DMARC policy of p=none, which only monitors: spoofed mail is still delivered',
  },
  check(model, _ctx, report) {
    for (const m of dmarcRecords(model)) {
      const p = tag(m.tags, 'p');
      if (!p || p.value.toLowerCase() !== 'none') continue;
      const reports = tag(m.tags, 'rua')
        ? 'read the aggregate reports (rua=)'
        : 'add rua=mailto:… to receive aggregate reports, read them';
      report({
        range: docRange(m, p.span),
        message: `p=none only monitors: mail that fails DMARC for ${bare(m.domain)} is still delivered. Path to enforcement: ${reports} until every legitimate sender passes aligned SPF or DKIM, then p=quarantine (ramping with pct=, or t=y in DMARCbis), then p=reject`,
      });
    }
  },
};
