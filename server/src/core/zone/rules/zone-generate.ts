/**
 * `zone-generate`: a `$GENERATE` whose expansion gives invalid names or data, or whose range
 * asks for more records than are expanded (at most 65536 per directive).
 */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';

export const zoneGenerate: Rule<ZoneModel> = {
  meta: {
    id: 'zone-generate',
    language: 'zone',
    severity: 'error',
    description: 'A $GENERATE directive expands to invalid records, or to more records than are checked.',
  },
  check(model, _ctx, report) {
    if (!model.directives.some((d) => d.kind === 'generate')) return;
    for (const p of zoneFacts(model).generateProblems) report({ range: p.range, message: p.message });
  },
};
