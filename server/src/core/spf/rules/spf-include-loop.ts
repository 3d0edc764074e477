/**
 * spf-include-loop: an include:/redirect= chain of the zone files leads back to a domain already
 * on the chain. Receivers follow it until the lookup limit and return permerror. Range: the term
 * of this record that starts the chain.
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import { loopsIn, lookupAnalyses } from '../lookups';

export const spfIncludeLoop: Rule<ZoneModel> = {
  meta: {
    id: 'spf-include-loop',
    language: 'zone',
    severity: 'error',
    description: 'An include:/redirect= chain leads back to a domain already on it, so evaluation ends in permerror',
  },
  check(model, ctx, report) {
    for (const { analysis } of lookupAnalyses(model, ctx)) {
      for (const top of analysis.terms) {
        const loops = loopsIn(top);
        if (loops.length === 0) continue;
        const chain = (loops[0].loop ?? []).join(' → ');
        report({
          range: top.term.range,
          message: `'${top.text}' leads back to a domain already being evaluated (${chain}); receivers follow the loop until the limit of 10 lookups and return permerror`,
          data: { chain: loops[0].loop ?? [] },
        });
      }
    }
  },
};
