/**
 * The Yamaha RTX config parser. Every physical line becomes a command (with tokens and offsets),
 * a comment, a blank line or here-document content; the PP/tunnel selection is tracked from the
 * select commands (never from indentation). Lines cut by an 80-column terminal are joined back
 * into one command (`joinWrappedLines`, default on; every token keeps its offsets on both physical
 * lines). Template placeholders (`<?= … ?>`, `<id>`, `YOUR_…`, fill-in notes) are reported once.
 * Filter definitions, filter sets and bindings are then read from the commands (filter.ts), and
 * the network topology is derived (network.ts).
 *
 * Never throws: unknown commands are kept, malformed ones leave a problem and parsing goes on.
 */
import { LineIndex, MappedText } from '../text';
import type { Range } from '../types';
import { INLINE_HASH_STARTS_COMMENT, JOIN_WRAPPED_LINES_BY_DEFAULT, PP_SELECT_CLEARS_TUNNEL, TERMINAL_WRAP_WIDTHS } from './assumptions';
import { isKnownCommand } from './catalog';
import { startsWith, words } from './command';
import { clipQuoted, readFilters } from './filter';
import type { ContextBlock, FilterSpace, RtxCommand, RtxContext, RtxHeader, RtxHeredoc, RtxModel, RtxParseOptions, RtxProblem, RtxToken, WrappedLine } from './model';
import { analyzeNetwork, emptyNetworkFacts } from './network';

/** One command line may be at most this long on the router (command reference, chapter 1). */
export const MAX_COMMAND_LENGTH = 4095;

/** Commands whose last token `<<TERM` opens a here-document (content up to a line `TERM`). */
export const HEREDOC_COMMANDS: readonly (readonly string[])[] = [['embedded', 'file'], ['macro']];

/** `# RTX830 Rev.15.02.30 (Tue Apr  2 12:00:00 2024)` */
const HEADER = /^#\s*([A-Za-z][A-Za-z0-9-]*)\s+Rev\.(\d+(?:\.\d+)*)(?:\s*\(([^)]*)\))?/;

export function parseRtx(text: string, lines: LineIndex = new LineIndex(text), options: RtxParseOptions = {}): RtxModel {
  const model = emptyModel(text, lines, options);
  try {
    lex(model);
    readFilters(model);
    dropProblemsInPlaceholders(model);
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

function emptyModel(text: string, lines: LineIndex, options: RtxParseOptions): RtxModel {
  const space = (): FilterSpace => ({ static: new Map(), dynamic: new Map(), staticDefs: [], dynamicDefs: [] });
  return {
    text,
    lines,
    eol: detectEol(text),
    commands: [],
    comments: [],
    heredocs: [],
    wraps: [],
    placeholders: [],
    options: { joinWrappedLines: options.joinWrappedLines ?? JOIN_WRAPPED_LINES_BY_DEFAULT },
    blocks: [],
    filters: { ...space(), v6: space(), sets: new Map() },
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
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Problems that are placeholder reports (never dropped as duplicates). */
const PLACEHOLDER_PROBLEMS = new WeakSet<RtxProblem>();

/**
 * Whether line `next` continues a terminal-wrapped line: not blank, not a comment, and either
 * starting with a digit or not a known command.
 */
function isContinuation(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  if (i >= end || text.charCodeAt(i) === 35 /* # */) return false;
  if (isDigit(text.charCodeAt(i))) return true;
  const { tokens } = tokenize(text, i, end);
  const w = tokens.map((t) => t.lower);
  if (w[0] === 'no' && w.length > 1) w.shift();
  return !isKnownCommand(w);
}

const OPENS_HEREDOC = /<<[A-Za-z0-9]+\s*$/;

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

    // Terminal wrap (reference §1.7): a 79/80-character line whose next line is no command.
    const segments: Range[] = [{ start: i, end: le }];
    const breaks: Range[] = [];
    const wraps: WrappedLine[] = [];
    let last = line;
    while (last + 1 < lines.lineCount) {
      const width = lines.lineEnd(last) - (last === line ? ls : lines.lineStart(last));
      if (!TERMINAL_WRAP_WIDTHS.includes(width) || OPENS_HEREDOC.test(text.slice(lines.lineStart(last), lines.lineEnd(last)))) break;
      const ns = lines.lineStart(last + 1);
      const ne = lines.lineEnd(last + 1);
      if (!isContinuation(text, ns, ne)) break;
      const wrap: WrappedLine = { line: last, width, breakRange: { start: lines.lineEnd(last), end: ns }, joined: model.options.joinWrappedLines };
      wraps.push(wrap);
      model.wraps.push(wrap);
      if (!model.options.joinWrappedLines) break;
      segments.push({ start: ns, end: ne });
      breaks.push(wrap.breakRange);
      last++;
    }
    const lastEnd = lines.lineEnd(last);

    if (text.charCodeAt(i) === 35 /* # */) {
      const range = { start: i, end: model.options.joinWrappedLines ? lastEnd : le };
      model.comments.push(range);
      if (!seenCommand && !model.header) model.header = parseHeader(text, { start: i, end: le });
      if (model.options.joinWrappedLines) line = last;
      continue;
    }

    seenCommand = true;
    const { tokens, comment } = segments.length === 1 ? tokenize(text, i, le, model.problems) : tokenizeJoined(text, segments, model.problems);
    if (comment) model.comments.push(comment);
    if (tokens.length === 0) {
      line = last;
      continue;
    }
    const logicalLength = segments.reduce((n, g) => n + g.end - g.start, i - ls);
    if (logicalLength > MAX_COMMAND_LENGTH) {
      const over = MAX_COMMAND_LENGTH - (i - ls);
      let k = over;
      let at = segments[segments.length - 1].end;
      for (const g of segments) {
        if (k < g.end - g.start) {
          at = g.start + k;
          break;
        }
        k -= g.end - g.start;
      }
      model.problems.push({
        range: { start: at, end: lastEnd },
        message: `line is longer than ${MAX_COMMAND_LENGTH} characters; the router rejects it`,
      });
    }
    const negated = tokens[0].lower === 'no' && tokens.length > 1;
    const cmd: RtxCommand = {
      index: model.commands.length,
      line,
      lastLine: last,
      range: { start: tokens[0].range.start, end: tokens[tokens.length - 1].range.end },
      lineRange: { start: ls, end: lastEnd },
      ...(breaks.length ? { breaks } : {}),
      indent: text.slice(ls, i),
      tokens,
      negated,
      wordStart: negated ? 1 : 0,
      context,
      ...(comment ? { comment } : {}),
    };
    model.commands.push(cmd);
    for (const w of wraps) if (w.joined) w.command = cmd.index;
    findPlaceholders(model, cmd);

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
    line = last;
    if (term) {
      const next = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : lastEnd;
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

/**
 * Tokenizes a logical line made of several physical segments (a joined terminal wrap): the
 * segments are concatenated as the router would have read the line, and every token, value
 * character, problem and comment is mapped back to its document offsets.
 */
function tokenizeJoined(text: string, segments: readonly Range[], problems: RtxProblem[]): { tokens: RtxToken[]; comment?: Range } {
  let s = '';
  const off: number[] = [];
  for (const g of segments) {
    s += text.slice(g.start, g.end);
    for (let k = g.start; k < g.end; k++) off.push(k);
  }
  const endOffset = segments[segments.length - 1].end;
  const at = (i: number): number => (i < off.length ? off[i] : endOffset);
  const mapRange = (r: Range): Range => (r.end > r.start ? { start: at(r.start), end: off[r.end - 1] + 1 } : { start: at(r.start), end: at(r.start) });
  const local: RtxProblem[] = [];
  const r = tokenize(s, 0, s.length, local);
  for (const p of local) problems.push({ ...p, range: mapRange(p.range) });
  const tokens = r.tokens.map((t): RtxToken => {
    const range = mapRange(t.range);
    const starts: number[] = [];
    const ends: number[] = [];
    for (let k = 0; k < t.value.length; k++) {
      const d = t.map.docRange(k, k + 1);
      starts.push(at(d.start));
      ends.push(d.end > d.start ? off[d.end - 1] + 1 : at(d.start));
    }
    return { ...t, range, map: new MappedText(t.value, starts, ends, range.end) };
  });
  return { tokens, ...(r.comment ? { comment: mapRange(r.comment) } : {}) };
}

// ----- placeholders ----------------------------------------------------------------------------

/** Commands whose parameters are free text (a `(…)` or `[…]` there is data, not a placeholder). */
const FREE_TEXT: readonly (readonly string[])[] = [['description'], ['console', 'prompt'], ['pp', 'name'], ['tunnel', 'name'], ['alias'], ['lan-map', 'sysname'], ['snmp']];

const TEMPLATE_WORD = /^(?:YOUR|MY|INSERT|REPLACE|ENTER|CHANGE)_[A-Z0-9_]+$/;
const ANGLE = /^<[^<>\s]+>$/;
const X_MASK = /^(?=.*[Xx]{2})[Xx]+(?:[:.-][Xx]*)+$/;
const SQUARE = /^\[[^[\]]+\]$/;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
const OPEN_PAREN = /[(（]/;
const CLOSE_PAREN = /[)）]/;

/**
 * Reports template placeholders left in a config — `<?= … ?>` template tags, `<id>`,
 * `YOUR_LOCAL_NETWORK_ADDRESS`, masked values like `XX:XX:XX:XX:XX:XX`, and Japanese `(…)` /
 * `[…]` fill-in notes. The router cannot take any of them (special characters, or not a value of
 * the parameter's type), so they are syntax problems; each is reported once (see
 * `dropProblemsInPlaceholders`).
 */
function findPlaceholders(model: RtxModel, cmd: RtxCommand): void {
  if (FREE_TEXT.some((kw) => startsWith(cmd, ...kw))) return;
  const t = cmd.tokens;
  const report = (from: number, to: number, what: string): void => {
    const range = { start: t[from].range.start, end: t[to].range.end };
    const shown = model.text.slice(range.start, range.end).replace(/\s+/g, ' ');
    const p: RtxProblem = { range, message: clipQuoted(`${what} '${shown}' must be replaced with a real value; the router does not accept it`) };
    PLACEHOLDER_PROBLEMS.add(p);
    model.problems.push(p);
    model.placeholders.push(range);
  };
  for (let k = cmd.wordStart; k < t.length; k++) {
    const raw = t[k].text;
    if (raw.startsWith('"') || raw.startsWith("'")) continue;
    if (raw.startsWith('<?')) {
      let e = k;
      while (e < t.length - 1 && !t[e].text.endsWith('?>')) e++;
      report(k, e, 'template tag');
      k = e;
    } else if (ANGLE.test(raw) || TEMPLATE_WORD.test(raw) || X_MASK.test(raw) || (SQUARE.test(raw) && k > cmd.wordStart)) {
      report(k, k, 'placeholder');
    } else if (OPEN_PAREN.test(raw) && k > cmd.wordStart) {
      let e = k;
      while (e < t.length - 1 && !CLOSE_PAREN.test(t[e].text.slice(e === k ? raw.search(OPEN_PAREN) + 1 : 0))) e++;
      const span = t.slice(k, e + 1).map((x) => x.text).join(' ');
      if (!NON_ASCII.test(span)) continue;
      report(k, e, 'placeholder');
      k = e;
    }
  }
}

/**
 * A placeholder is reported once: when a field check already reports text inside it (e.g. an
 * `ip filter` address field naming what is wrong), that more specific problem stays and the
 * placeholder report goes.
 */
function dropProblemsInPlaceholders(model: RtxModel): void {
  if (model.placeholders.length === 0) return;
  const others = model.problems.filter((p) => !PLACEHOLDER_PROBLEMS.has(p));
  const covered = (r: Range): boolean => others.some((p) => r.start <= p.range.start && p.range.end <= r.end && p.range.end > p.range.start);
  model.problems = model.problems.filter((p) => !PLACEHOLDER_PROBLEMS.has(p) || !covered(p.range));
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
