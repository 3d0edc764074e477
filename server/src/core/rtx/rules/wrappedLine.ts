/**
 * rtx-wrapped-line: a line of exactly 79 or 80 characters followed by a line that is not a
 * command — a long command (typically a `secure filter` list) cut in two by an 80-column terminal
 * when `show config` was copied from a console. The router would read the two halves as two
 * broken commands. The parser joins them for analysis (unless `joinWrappedLines` is off); the
 * quick fix removes the line break.
 */
import type { Rule } from '../../rule';
import type { RtxModel, WrappedLine } from '../model';

export const RULE_ID = 'rtx-wrapped-line';

function rangeOf(model: RtxModel, w: WrappedLine): { start: number; end: number } {
  const start = model.lines.lineStart(w.line);
  const text = model.text;
  let s = start;
  while (s < w.breakRange.start && (text[s] === ' ' || text[s] === '\t')) s++;
  return { start: s, end: model.lines.lineEnd(w.line + 1) };
}

/** The wrap whose cut line holds `offset`. */
function wrapAt(model: RtxModel, offset: number): WrappedLine | undefined {
  return model.wraps.find((w) => model.lines.lineStart(w.line) <= offset && offset <= w.breakRange.start);
}

export const wrappedLine: Rule<RtxModel> = {
  meta: {
    id: RULE_ID,
    language: 'rtx',
    severity: 'warning',
    description: 'A command cut in two by an 80-column terminal (a 79/80-character line continued on the next line).',
  },
  check(model, _ctx, report) {
    for (const w of model.wraps) {
      const next = model.text.slice(w.breakRange.end, model.lines.lineEnd(w.line + 1)).trim();
      const shown = next.length > 30 ? `${next.slice(0, 29)}…` : next;
      report({
        range: rangeOf(model, w),
        message:
          `Line ${w.line + 1} is exactly ${w.width} characters and the next line ('${shown}') is not a command: ` +
          `a terminal wrapped one long line in two. The router would read two broken commands` +
          `${w.joined ? '; they are analysed here as one line.' : '.'} Join them.`,
      });
    }
  },
  fix(model, finding) {
    const w = wrapAt(model, finding.range.start);
    if (!w) return [];
    const br = model.text.slice(w.breakRange.start, w.breakRange.end);
    if (!/^(?:\r\n|\n|\r)$/.test(br)) return [];
    return [{ title: `Join line ${w.line + 2} to line ${w.line + 1}`, rule: RULE_ID, edits: [{ range: w.breakRange, newText: '' }], preferred: true }];
  },
};
