/** `zone-syntax`: everything the parser could not accept as master-file syntax (RFC 1035 §5). */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../model';
import { parserProblemPoint } from '../dialect';
import { refuses, targetServer } from '../servers';

export const zoneSyntax: Rule<ZoneModel> = {
  meta: {
    id: 'zone-syntax',
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'The zone file does not follow the master-file syntax (RFC 1035 §5).',
  },
  check(model, ctx, report) {
    const target = targetServer(ctx.settings);
    for (const p of model.problems) {
      // Over-long character-strings and over-long record data have rules of their own (zone-txt-too-long, zone-server-refuses).
      if (p.code === 'string-too-long' || p.code === 'rdata-over-message') continue;
      // A dialect point the target server accepts (TSIG records, one-digit escapes…): zone-portability warns instead.
      const point = parserProblemPoint(p, model);
      if (point && !refuses(target, point)) continue;
      report({ range: p.range, message: p.message, data: { code: p.code } });
    }
  },
};
