/**
 * log-malformed-line: a line the log reader could not fully read — a filter line cut short, an
 * address or port that does not parse, a broken syslog header or date, control characters, an
 * overlong line. The line is kept; only what could be read counts in the analysis.
 */
import type { Rule } from '../../rule';
import type { LogModel } from '../model';

export const logMalformedLine: Rule<LogModel> = {
  meta: {
    id: 'log-malformed-line',
    language: 'rtxlog',
    severity: 'hint',
    description: 'A log line that could not be fully read (cut short, bad address, broken header); the analysis uses only what it could read.',
  },
  check(model, _ctx, report) {
    for (const e of model.entries) {
      for (const p of e.problems ?? []) report({ range: p.range, message: p.message, data: { code: p.code } });
    }
  },
};
