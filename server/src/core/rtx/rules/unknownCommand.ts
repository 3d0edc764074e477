/**
 * rtx-unknown-command: a line that is not a command of the catalog (catalog.ts). Unknown commands
 * are kept and never stop the analysis; this is information, with "did you mean …" quick fixes
 * when a keyword is a near miss of a known one (`ip lan1 adress` → `address`). Inside a command
 * family whose sub-commands are not all catalogued (`switch control …`), only near misses of the
 * known ones are reported.
 *
 * Template placeholders (`<?= … ?>`, `YOUR_…`, `<id>`) are reported by rtx-syntax, never here.
 */
import type { Rule } from '../../rule';
import type { Range } from '../../types';
import { lookupCommand, nearMisses, nextKeywords } from '../catalog';
import { clipQuoted } from '../filter';
import { words } from '../command';
import type { RtxCommand, RtxModel } from '../model';

export const RULE_ID = 'rtx-unknown-command';

interface Unknown {
  range: Range;
  word: string;
  suggestions: string[];
  message: string;
}

/** At most this many did-you-mean suggestions. */
export const MAX_SUGGESTIONS = 3;

export function unknownPart(model: RtxModel, cmd: RtxCommand): Unknown | undefined {
  const toks = words(cmd);
  if (toks.length === 0) return undefined;
  if (model.placeholders.some((p) => p.start <= toks[0].range.start && toks[0].range.end <= p.end)) return undefined;
  const w = toks.map((t) => t.lower);
  const match = lookupCommand(w);
  const next = nextKeywords(w);
  if (match && (!match.doc.family || next.depth < match.length || next.depth >= w.length)) return undefined;
  if (match) {
    // Inside a family: only a near miss of a catalogued keyword is worth a note.
    const tok = toks[next.depth];
    const suggestions = nearMisses(w[next.depth], next.keywords).slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) return undefined;
    const head = toks.slice(0, next.depth).map((t) => t.value).join(' ');
    return {
      range: tok.range,
      word: tok.value,
      suggestions,
      message: clipQuoted(`'${head} ${tok.value}' is not a known command; did you mean '${head} ${suggestions[0]}'?`),
    };
  }
  if (next.depth >= w.length) {
    const shown = toks.map((t) => t.value).join(' ');
    const cont = next.keywords.slice(0, 6).join(', ');
    return { range: cmd.range, word: '', suggestions: [], message: clipQuoted(`'${shown}' is not a complete command${cont ? ` (it continues with: ${cont})` : ''}`) };
  }
  const tok = toks[next.depth];
  // Already reported as a syntax problem of this very word (e.g. `ip tunnel1 secure filter`).
  if (model.problems.some((p) => p.range.start === tok.range.start && p.range.end === tok.range.end)) return undefined;
  const glued = next.depth === 1 && (w[0] === 'ip' || w[0] === 'ipv6') ? /^(pp|tunnel)(\d+)$/.exec(w[1]) : null;
  if (glued) {
    return {
      range: tok.range,
      word: tok.value,
      suggestions: [],
      message: `unknown command '${toks[0].value} ${tok.value}': select it with '${glued[1]} select ${glued[2]}' and write '${toks[0].value} ${glued[1]} …'`,
    };
  }
  const suggestions = nearMisses(w[next.depth], next.keywords).slice(0, MAX_SUGGESTIONS);
  const head = toks.slice(0, next.depth + 1).map((t) => t.value).join(' ');
  const hint = suggestions.length ? `; did you mean '${[...toks.slice(0, next.depth).map((t) => t.value), suggestions[0]].join(' ')}'?` : '';
  return {
    range: tok.range,
    word: tok.value,
    suggestions,
    message: clipQuoted(`unknown command '${head}'${hint}`),
  };
}

export const unknownCommand: Rule<RtxModel> = {
  meta: {
    id: RULE_ID,
    language: 'rtx',
    severity: 'info',
    description: 'A line that is not a known Yamaha command (kept, never fatal; suggests near misses).',
  },
  check(model, _ctx, report) {
    for (const cmd of model.commands) {
      const u = unknownPart(model, cmd);
      if (u) report({ range: u.range, message: u.message, ...(u.suggestions.length ? { data: { word: u.word, suggestions: u.suggestions } } : {}) });
    }
  },
  fix(model, finding) {
    const data = (finding.data ?? {}) as { word?: unknown; suggestions?: unknown };
    if (typeof data.word !== 'string' || !Array.isArray(data.suggestions)) return [];
    if (model.text.slice(finding.range.start, finding.range.end) !== data.word) return [];
    return data.suggestions
      .filter((s): s is string => typeof s === 'string')
      .map((s, i) => ({ title: `Change to '${s}'`, rule: RULE_ID, edits: [{ range: finding.range, newText: s }], ...(i === 0 ? { preferred: true } : {}) }));
  },
};
