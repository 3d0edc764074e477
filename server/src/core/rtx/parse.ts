/**
 * The Yamaha RTX config parser. Every physical line becomes a command (with tokens and offsets),
 * a comment, a blank line or here-document content; the PP/tunnel selection is tracked from the
 * select commands (never from indentation). Filter definitions and bindings are then read from
 * the commands (filter.ts), and the network topology is derived (network.ts).
 *
 * Never throws: unknown commands are kept, malformed ones leave a problem and parsing goes on.
 */
import { LineIndex, MappedText } from '../text';
import type { Range } from '../types';
import { INLINE_HASH_STARTS_COMMENT, PP_SELECT_CLEARS_TUNNEL } from './assumptions';
import { startsWith, words } from './command';
import { clipQuoted, readFilters } from './filter';
import type { ContextBlock, RtxCommand, RtxContext, RtxHeader, RtxHeredoc, RtxModel, RtxProblem, RtxToken } from './model';
import { analyzeNetwork, emptyNetworkFacts } from './network';

/** One command line may be at most this long on the router (command reference, chapter 1). */
export const MAX_COMMAND_LENGTH = 4095;

/** Commands whose last token `<<TERM` opens a here-document (content up to a line `TERM`). */
export const HEREDOC_COMMANDS: readonly (readonly string[])[] = [['embedded', 'file'], ['macro']];

/** `# RTX830 Rev.15.02.30 (Tue Apr  2 12:00:00 2024)` */
const HEADER = /^#\s*([A-Za-z][A-Za-z0-9-]*)\s+Rev\.(\d+(?:\.\d+)*)(?:\s*\(([^)]*)\))?/;

export function parseRtx(text: string, lines: LineIndex = new LineIndex(text)): RtxModel {
  const model = emptyModel(text, lines);
  try {
    lex(model);
    readFilters(model);
    model.network = analyzeNetwork(model);
    capProblems(model);
  } catch (e) {
    // Defensive: a bug must not take the language down; keep what was parsed.
    model.problems.push({ range: { start: 0, end: 0 }, message: `internal parser error: ${e instanceof Error ? e.message : String(e)}` });
  }
  return model;
}

/** At most this many problems are kept per line; the rest are summarised in one more. */
export const MAX_PROBLEMS_PER_LINE = 20;

function capProblems(model: RtxModel): void {
  const perLine = new Map<number, number>();
  const kept: RtxProblem[] = [];
  const dropped = new Map<number, { count: number; range: Range }>();
  for (const p of model.problems) {
    const line = model.lines.positionAt(p.range.start).line;
    const n = (perLine.get(line) ?? 0) + 1;
    perLine.set(line, n);
    if (n <= MAX_PROBLEMS_PER_LINE) kept.push(p);
    else {
      const d = dropped.get(line);
      if (d) d.count++;
      else dropped.set(line, { count: 1, range: { start: model.lines.lineStart(line), end: model.lines.lineEnd(line) } });
    }
  }
  for (const d of dropped.values()) kept.push({ range: d.range, message: `${d.count} more problems on this line` });
  model.problems = kept;
}

function emptyModel(text: string, lines: LineIndex): RtxModel {
  return {
    text,
    lines,
    eol: detectEol(text),
    commands: [],
    comments: [],
    heredocs: [],
    blocks: [],
    filters: { static: new Map(), dynamic: new Map(), staticDefs: [], dynamicDefs: [] },
    bindings: [],
    network: emptyNetworkFacts(),
    problems: [],
  };
}

function detectEol(text: string): string {
  const i = text.indexOf('\n');
  if (i > 0 && text.charCodeAt(i - 1) === 13) return '\r\n';
  if (i < 0 && text.includes('\r')) return '\r';
  return '\n';
}

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 12 || c === 11;

function lex(model: RtxModel): void {
  const { text, lines } = model;
  let context: RtxContext = { kind: 'none' };
  let block: ContextBlock | undefined;
  let heredoc: RtxHeredoc | undefined;
  let seenCommand = false;

  for (let line = 0; line < lines.lineCount; line++) {
    let ls = lines.lineStart(line);
    const le = lines.lineEnd(line);
    if (line === 0 && text.charCodeAt(0) === 0xfeff) ls = 1;

    if (heredoc) {
      if (text.slice(ls, le).trim() === heredoc.terminator) {
        heredoc.end = { start: ls, end: le };
        heredoc = undefined;
      } else {
        heredoc.content.end = le;
      }
      continue;
    }

    let i = ls;
    while (i < le && isBlank(text.charCodeAt(i))) i++;
    if (i >= le) continue;

    if (text.charCodeAt(i) === 35 /* # */) {
      const range = { start: i, end: le };
      model.comments.push(range);
      if (!seenCommand && !model.header) model.header = parseHeader(text, range);
      continue;
    }

    seenCommand = true;
    const { tokens, comment } = tokenize(text, i, le, model.problems);
    if (comment) model.comments.push(comment);
    if (tokens.length === 0) continue;
    if (le - ls > MAX_COMMAND_LENGTH) {
      model.problems.push({
        range: { start: ls + MAX_COMMAND_LENGTH, end: le },
        message: `line is longer than ${MAX_COMMAND_LENGTH} characters; the router rejects it`,
      });
    }
    const negated = tokens[0].lower === 'no' && tokens.length > 1;
    const cmd: RtxCommand = {
      index: model.commands.length,
      line,
      range: { start: tokens[0].range.start, end: tokens[tokens.length - 1].range.end },
      lineRange: { start: ls, end: le },
      indent: text.slice(ls, i),
      tokens,
      negated,
      wordStart: negated ? 1 : 0,
      context,
      ...(comment ? { comment } : {}),
    };
    model.commands.push(cmd);

    const next = nextContext(cmd, context, model.problems);
    if (next !== context) {
      context = next;
      if (context.kind === 'none') block = undefined;
      else {
        block = { context, select: cmd.index, commands: [] };
        model.blocks.push(block);
      }
    } else if (block && context.kind !== 'none') {
      block.commands.push(cmd.index);
    }

    const term = heredocTerminator(cmd);
    if (term) {
      const next = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : le;
      heredoc = { command: cmd.index, terminator: term, content: { start: next, end: next } };
      model.heredocs.push(heredoc);
    }
  }
  if (heredoc) {
    const opener = model.commands[heredoc.command];
    model.problems.push({
      range: opener.tokens[opener.tokens.length - 1].range,
      message: `here-document is not closed: no line '${heredoc.terminator}' before the end of the file`,
    });
  }
}

function parseHeader(text: string, range: Range): RtxHeader | undefined {
  const line = text.slice(range.start, range.end);
  const m = HEADER.exec(line);
  if (!m) return undefined;
  const modelStart = range.start + line.indexOf(m[1]);
  const revStart = range.start + line.indexOf('Rev.', modelStart - range.start) + 4;
  return {
    model: m[1],
    modelRange: { start: modelStart, end: modelStart + m[1].length },
    revision: m[2],
    revisionRange: { start: revStart, end: revStart + m[2].length },
    ...(m[3] !== undefined ? { date: m[3].trim() } : {}),
    range,
  };
}

/**
 * Splits `text[start, end)` into tokens. Separators are spaces/tabs; `"…"` and `'…'` quote
 * (backslash escapes inside double quotes), a backslash outside quotes escapes the next
 * character, and an unquoted `#` at the start of a token begins a trailing comment.
 */
export function tokenize(
  text: string,
  start: number,
  end: number,
  problems: RtxProblem[] = [],
): { tokens: RtxToken[]; comment?: Range } {
  const tokens: RtxToken[] = [];
  let i = start;
  while (i < end) {
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    if (i >= end) break;
    if (text.charCodeAt(i) === 35 && tokens.length > 0 && INLINE_HASH_STARTS_COMMENT) {
      return { tokens, comment: { start: i, end } };
    }
    const tokStart = i;
    // Fast path: a token without quotes or backslashes is its own value.
    let j = i;
    for (let c = text.charCodeAt(j); j < end && !isBlank(c) && c !== 34 && c !== 39 && c !== 92; c = text.charCodeAt(++j));
    if (j >= end || isBlank(text.charCodeAt(j))) {
      const value = text.slice(tokStart, j);
      tokens.push({ text: value, value, lower: value.toLowerCase(), range: { start: tokStart, end: j }, map: MappedText.contiguous(value, tokStart) });
      i = j;
      continue;
    }
    let value = '';
    const starts: number[] = [];
    const ends: number[] = [];
    let plain = true;
    while (i < end && !isBlank(text.charCodeAt(i))) {
      const c = text[i];
      if (c === '\\' && i + 1 < end) {
        plain = false;
        value += text[i + 1];
        starts.push(i);
        ends.push(i + 2);
        i += 2;
      } else if (c === '"' || c === "'") {
        plain = false;
        const open = i;
        i++;
        let closed = false;
        while (i < end) {
          const d = text[i];
          if (d === c) {
            closed = true;
            i++;
            break;
          }
          if (d === '\\' && c === '"' && i + 1 < end) {
            value += text[i + 1];
            starts.push(i);
            ends.push(i + 2);
            i += 2;
            continue;
          }
          value += d;
          starts.push(i);
          ends.push(i + 1);
          i++;
        }
        if (!closed) problems.push({ range: { start: open, end }, message: `unterminated quote ${c}` });
      } else {
        value += c;
        starts.push(i);
        ends.push(i + 1);
        i++;
      }
    }
    const range = { start: tokStart, end: i };
    const map = plain ? MappedText.contiguous(value, tokStart) : new MappedText(value, starts, ends, i);
    tokens.push({ text: text.slice(tokStart, i), value, lower: value.toLowerCase(), range, map });
  }
  return { tokens };
}

function heredocTerminator(cmd: RtxCommand): string | undefined {
  if (cmd.negated) return undefined;
  if (!HEREDOC_COMMANDS.some((kw) => startsWith(cmd, ...kw))) return undefined;
  const last = cmd.tokens[cmd.tokens.length - 1];
  const m = /^<<([A-Za-z0-9]+)$/.exec(last.value);
  return m ? m[1] : undefined;
}

/** The context after `cmd` (the same object when unchanged). */
function nextContext(cmd: RtxCommand, current: RtxContext, problems: RtxProblem[]): RtxContext {
  const isPp = startsWith(cmd, 'pp', 'select');
  const isTunnel = !isPp && startsWith(cmd, 'tunnel', 'select');
  if (!isPp && !isTunnel) return current;
  const kind = isPp ? 'pp' : 'tunnel';
  if (cmd.negated) return current.kind === kind ? { kind: 'none' } : current;
  const arg = words(cmd)[2];
  if (!arg) {
    problems.push({ range: cmd.range, message: `${kind} select: missing ${kind} number (or 'none')` });
    return current;
  }
  if (arg.lower === 'none') return current.kind === kind ? { kind: 'none' } : current;
  if (/^\d+$/.test(arg.value) && Number(arg.value) >= 1) {
    const id = Number(arg.value);
    if (isPp && current.kind === 'tunnel' && !PP_SELECT_CLEARS_TUNNEL) return current;
    return isPp ? { kind: 'pp', id } : { kind: 'tunnel', id };
  }
  if (isPp && arg.lower === 'anonymous') {
    if (current.kind === 'tunnel' && !PP_SELECT_CLEARS_TUNNEL) return current;
    return { kind: 'pp', id: 'anonymous' };
  }
  problems.push({
    range: arg.range,
    message: clipQuoted(`${kind} select: '${arg.value}' is not a ${kind} number${isPp ? ", 'anonymous'" : ''} or 'none'`),
  });
  return current;
}
