/**
 * `zone-include`: an `$INCLUDE` whose file cannot be read, that includes itself, nests too deep or
 * over the size budget, or whose file has syntax errors (reported on the directive, since the
 * included file is not the open document).
 */
import type { Rule } from '../../rule';
import type { Report } from '../../types';
import type { ZoneModel } from '../model';

function syntaxSummary(model: ZoneModel, file: string): string | undefined {
  const problems = model.problems.filter((p) => p.code !== 'string-too-long');
  if (problems.length === 0) return undefined;
  const p = problems[0];
  const line = model.lines.positionAt(p.range.start).line + 1;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `Included file '${file}' line ${line}: ${p.message}${more}`;
}

function collect(model: ZoneModel, report: (r: Report) => void, at?: { start: number; end: number }): void {
  for (const inc of model.includes ?? []) {
    const range = at ?? inc.directive.fileRange ?? inc.directive.range;
    const file = inc.directive.file ?? '';
    if (inc.error) {
      report({ range, message: inc.error.message, data: { kind: inc.error.kind } });
      continue;
    }
    if (!inc.model) continue;
    const s = syntaxSummary(inc.model, file);
    if (s) report({ range, message: s, data: { kind: 'syntax' } });
    collect(inc.model, report, range);
  }
}

export const zoneInclude: Rule<ZoneModel> = {
  meta: {
    id: 'zone-include',
    language: 'zone',
    severity: 'error',
    description: 'An $INCLUDE file is missing, includes itself, or has errors.',
  },
  check(model, _ctx, report) {
    collect(model, report);
  },
};
