/** `zone-syntax`: everything the parser could not accept as master-file syntax (RFC 1035 §5). */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../model';

export const zoneSyntax: Rule<ZoneModel> = {
  meta: {
    id: 'zone-syntax',
    language: 'zone',
    severity: 'error',
    description: 'The zone file does not follow the master-file syntax (RFC 1035 §5).',
  },
  check(model, _ctx, report) {
    for (const p of model.problems) report({ range: p.range, message: p.message, data: { code: p.code } });
  },
};
