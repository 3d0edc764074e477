/** `zone-syntax`: everything the parser could not accept as master-file syntax (RFC 1035 §5). */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../model';
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
    // A target server that loads TSIG and TKEY records: zone-portability warns instead.
    const target = targetServer(ctx.settings);
    const metaRecords = !refuses(target, 'tsig-tkey-record');
    // A target server that loads one-digit escapes (\2): zone-portability warns instead.
    const shortEscapes = !refuses(target, 'short-decimal-escape');
    // Over-long character-strings have a rule of their own (with a quick fix): zone-txt-too-long.
    for (const p of model.problems) {
      if (p.code === 'string-too-long' || p.code === 'rdata-over-message') continue;
      if (metaRecords && p.code === 'meta-type' && /^(TSIG|TKEY)$/i.test(model.text.slice(p.range.start, p.range.end))) continue;
      if (shortEscapes && p.code === 'short-escape') continue;
      report({ range: p.range, message: p.message, data: { code: p.code } });
    }
  },
};
