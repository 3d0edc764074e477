/**
 * rtx-syntax: lines the router would refuse — malformed `ip filter` / `ip filter dynamic` /
 * `secure filter` lines (the message names the field and the range covers it), unterminated
 * quotes and here-documents, invalid `pp select`/`tunnel select`, over-long lines.
 */
import type { Rule } from '../../rule';
import type { RtxModel } from '../model';

export const rtxSyntax: Rule<RtxModel> = {
  meta: {
    id: 'rtx-syntax',
    language: 'rtx',
    severity: 'error',
    description: 'Yamaha config lines the router would reject (malformed filters, filter lists, selects, quotes).',
  },
  check(model, _ctx, report) {
    for (const p of model.problems) report({ range: p.range, message: p.message });
  },
};
