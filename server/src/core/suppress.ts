/**
 * Per-line suppression comments, in every language: a comment line
 *   `; senderguard-disable-next-line spf-ptr, spf-permissive-all`   (zone files)
 *   `# senderguard-disable-next-line rtx-filter-unused`             (Yamaha configs and logs)
 * silences the named rules (all rules when none is named) on the next line, i.e. for findings
 * whose range starts on it.
 */
import type { LineIndex } from './text';
import type { Finding } from './types';

const DIRECTIVE = /^\s*[;#]\s*senderguard-disable-next-line\b(.*)$/;

/** The rule ids a directive on `line` silences (`'*'` for all), or undefined if none. */
function directiveAt(text: string, lines: LineIndex, line: number): Set<string> | undefined {
  if (line < 0) return undefined;
  const m = DIRECTIVE.exec(text.slice(lines.lineStart(line), lines.lineEnd(line)));
  if (!m) return undefined;
  const ids = m[1].split(/[\s,]+/).filter((s) => s !== '' && !s.startsWith('--'));
  return new Set(ids.length === 0 ? ['*'] : ids);
}

export function applySuppressions(text: string, lines: LineIndex, findings: Finding[]): Finding[] {
  if (!text.includes('senderguard-disable-next-line')) return findings;
  const memo = new Map<number, Set<string> | undefined>();
  return findings.filter((f) => {
    const line = lines.positionAt(f.range.start).line - 1;
    if (!memo.has(line)) memo.set(line, directiveAt(text, lines, line));
    const ids = memo.get(line);
    return !ids || !(ids.has('*') || ids.has(f.rule));
  });
}
