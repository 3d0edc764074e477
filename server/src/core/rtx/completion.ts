/**
 * Completion of command keywords from the catalog: at the start of a line every first word, after
 * `ip lan1 ` the keywords of `ip INTERFACE …`, and so on. The word being typed filters the list.
 */
import type { CompletionEntry } from '../features';
import type { RuleContext } from '../rule';
import { catalogChildren } from './catalog';
import { tokenize } from './parse';
import type { RtxModel } from './model';

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

export function completeRtx(model: RtxModel, offset: number, _ctx?: RuleContext): CompletionEntry[] {
  const text = model.text;
  const pos = model.lines.positionAt(offset);
  const lineStart = model.lines.lineStart(pos.line);
  // Inside a here-document there are no commands.
  if (model.heredocs.some((h) => h.content.start <= offset && offset <= h.content.end && h.content.end > h.content.start)) return [];
  let wordStart = offset;
  while (wordStart > lineStart && !isBlank(text[wordStart - 1])) wordStart--;
  const before = tokenize(text, lineStart, wordStart).tokens;
  if (before.length && before[0].text.startsWith('#')) return [];
  const words = before.map((t) => t.lower);
  if (words[0] === 'no') words.shift();
  const partial = text.slice(wordStart, offset).toLowerCase();
  if (partial.startsWith('#')) return [];
  return catalogChildren(words)
    .filter((c) => c.keyword.startsWith(partial))
    .sort((a, b) => a.keyword.localeCompare(b.keyword))
    .map((c, i) => ({
      label: c.keyword,
      kind: 'keyword' as const,
      ...(c.doc ? { detail: c.doc.syntax, documentation: c.doc.summary } : {}),
      range: { start: wordStart, end: offset },
      sortText: String(i).padStart(4, '0'),
    }));
}
