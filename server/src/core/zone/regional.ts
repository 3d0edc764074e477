/**
 * Re-analysis of an edited stretch of a zone file. Analysing a large zone as a whole takes time
 * (a second for 100k records); an edit usually touches one record. The records an edit touches
 * are parsed again on their own, starting from the state the parser had there in the previous
 * version (owner, `$ORIGIN`, `$TTL`, last TTL and class), and the rules that judge each record on
 * its own (`RuleMeta.scope === 'record'`) run on them. Whole-zone findings stay as they were
 * (moved with the text) until the next whole analysis replaces everything.
 *
 * When the edit cannot be judged locally, the answer is `undefined` and the caller waits for the
 * whole analysis: an edit touching a directive or writing a new one, a file with an unclosed
 * parenthesis or quote (the parser's recovery then depends on everything before), or a stretch
 * over `MAX_REGION_CHARS`.
 */
import type { IncludeState, ZoneModel } from './model';
import { parseZoneStretch, type ParseOptions } from './parser';
import { ParsedZone, REC_OWNER_WRITTEN, type RecordStore } from './store';
import type { Range } from '../types';
import { firstIndex } from '../sorted';

/** `r` moved by `delta` characters (a range after an edit). */
export function movedRange(r: Range, delta: number): Range {
  return { start: r.start + delta, end: r.end + delta };
}

/** The edited text: a string, or anything that reads stretches of it (an editor's document). */
export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
}

/** One edit, or several folded into one: `[start, oldEnd)` of the old text became `[start, newEnd)`. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * Fold the edit replacing `[start, end)` of the current text by `length` characters into
 * `before`, which maps an older text to the current one. The result maps the older text to the
 * text after the edit.
 */
export function composeChange(before: TextChange | undefined, start: number, end: number, length: number): TextChange {
  if (!before) return { start, oldEnd: end, newEnd: start + length };
  const endNow = Math.max(before.newEnd, end);
  return {
    start: Math.min(before.start, start),
    oldEnd: before.oldEnd + (endNow - before.newEnd),
    newEnd: endNow + length - (end - start),
  };
}

/** The edited stretch: whole records (and the comment lines just above them). */
export interface EditedRegion {
  /** Where the stretch starts (the same offset in the old and the new text). */
  start: number;
  /** Where it ends in the old text. */
  oldEnd: number;
  /** Where it ends in the new text. */
  newEnd: number;
  /** The stretch of the new text parsed on its own; its offsets count from `start`. */
  model: ParsedZone;
  /** What the stretch was parsed with: the parser's state where it starts, as the whole parse left it. */
  options: ParseOptions;
  /** The parser's state at the end of the stretch. */
  state: IncludeState;
}

/** A longer stretch is left to the whole analysis. */
export const MAX_REGION_CHARS = 64 * 1024;
/** Records that inherit an edited owner are re-checked too, up to this many. */
const MAX_FOLLOWERS = 256;
/** Comment lines above the stretch read with it (they may silence its findings). */
const MAX_COMMENT_LINES = 16;

/** Problems after which the parser's recovery depends on everything before them. */
const RECOVERY_CODES = new Set(['unterminated-quote', 'unclosed-paren', 'unbalanced-paren']);

export function editedRegion(old: ZoneModel, newText: TextSource, change: TextChange): EditedRegion | undefined {
  const text = old.text;
  if (change.start < 0 || change.oldEnd > text.length || change.start > change.oldEnd) return undefined;
  const delta = change.newEnd - change.oldEnd;
  if (newText.length !== text.length + delta) return undefined;
  if (old.problems.some((p) => RECOVERY_CODES.has(p.code))) return undefined;
  // Read from the store's rows: no record object is made.
  if (!(old instanceof ParsedZone)) return undefined;
  const records = old.store;
  const lines = old.lines;

  // Records [first, last] are parsed again. First: the last record that begins on or before the
  // edited line (every line up to the next entry belongs to it: a closing parenthesis, a broken
  // entry), or the line after a directive in between.
  const editLine = lines.lineStart(lines.positionAt(change.start).line);
  let first = lastIndexWhere(records.count, (i) => records.lineStart(i) <= editLine);
  let start = first >= 0 ? records.lineStart(first) : 0;
  const directive = old.directives[lastIndexWhere(old.directives.length, (k) => old.directives[k].range.start <= editLine)];
  if (directive && directive.range.start >= start) {
    start = lineEndAt(old, directive.range.end);
    if (change.start < start) return undefined;
    first++;
  } else if (first < 0) first = 0;
  // Last: the last record that begins before the edit ends, the next one (the edited line may be
  // a comment silencing it) and the records after it that inherit its owner.
  let last = Math.max(first - 1, lastIndexWhere(records.count, (i) => records.start(i) <= change.oldEnd));
  const takeThrough = (i: number): boolean => {
    if (i >= records.count || directiveBetween(old, i > 0 ? records.end(i - 1) : 0, records.lineStart(i))) return true;
    last = i;
    for (let n = 0; last + 1 < records.count && (records.flags(last + 1) & REC_OWNER_WRITTEN) === 0; n++) {
      // A directive between them: the owner carries over it, the stretch cannot.
      if (n === MAX_FOLLOWERS || directiveBetween(old, records.end(last), records.lineStart(last + 1))) return false;
      last++;
    }
    return true;
  };
  if (!takeThrough(last + 1)) return undefined;
  // The stretch ends where the next entry begins (a record or a directive), so a closing
  // parenthesis on a line of its own stays with its record.
  const boundary = (): number => {
    const after = Math.max(change.oldEnd, start, last >= first ? records.end(last) : 0);
    let end = last + 1 < records.count ? records.lineStart(last + 1) : text.length;
    const d = old.directives[lastIndexWhere(old.directives.length, (k) => old.directives[k].range.start < after) + 1];
    if (d && d.range.start < end) end = d.range.start;
    return Math.max(end, lineEndAt(old, after));
  };
  let end = boundary();
  start = withCommentsAbove(old, start);

  const before = first > 0 ? stateAfter(records, first - 1) : undefined;
  const options: ParseOptions = {
    origin: old.originKnown ? old.origin : undefined,
    startOrigin: originAt(old, start, before),
    inherit: { owner: before?.owner, defaultTtl: defaultTtlAt(old, start), lastTtl: before?.ttl, class: before?.class },
  };
  const parse = (): { model: ParsedZone; state: IncludeState } | undefined => {
    // Directives carry state the stretch cannot see; an edit touching one goes to the whole analysis.
    if (old.directives.some((d) => d.range.start < end && d.range.end >= start)) return undefined;
    if (end - start + Math.max(0, delta) > MAX_REGION_CHARS) return undefined;
    // A line break escaped by a backslash continues the token on the next line, across the stretch's ends.
    if (escapedBreakBefore(newText, start) || escapedBreakBefore(newText, end + delta)) return undefined;
    const parsed = parseZoneStretch(newText.slice(start, end + delta), options);
    return parsed.model.directives.length > 0 ? undefined : parsed;
  };
  let parsed = parse();
  if (parsed?.model.problems.some((p) => p.code === 'unterminated-quote') && last + 1 < records.count) {
    // After an unterminated quote the parser skips lines until one that can start a record: take
    // the next record in, and go on only if the parse reads it where the whole analysis did.
    const resume = records.start(last + 1) + delta - start;
    if (!takeThrough(last + 1)) return undefined;
    end = boundary();
    parsed = parse();
    if (parsed && !parsed.model.records.some((r) => r.range.start === resume)) return undefined;
  }
  if (!parsed || parsed.model.problems.some((p) => p.code !== 'unterminated-quote' && RECOVERY_CODES.has(p.code))) return undefined;
  return { start, oldEnd: end, newEnd: end + delta, model: parsed.model, options, state: parsed.state };
}

/** What a stretch takes from the record before it. */
interface Before {
  owner: string;
  ttl: number | undefined;
  class: string;
  origin: string;
  start: number;
}

/** What the parser carries from record `i` to the lines after it. */
function stateAfter(s: RecordStore, i: number): Before {
  return { owner: s.ownerNameOnce(i), ttl: s.ttlInForce(i), class: s.className(i), origin: s.origin(i), start: s.start(i) };
}

/** The largest index below `count` that satisfies `ok` (which must hold for a prefix), or -1. */
function lastIndexWhere(count: number, ok: (i: number) => boolean): number {
  return firstIndex(count, (i) => !ok(i)) - 1;
}

/** Whether the line breaks just before `offset` follow an odd run of backslashes (the first of them is then escaped). */
function escapedBreakBefore(text: TextSource, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 256), offset);
  let i = before.length;
  while (i > 0 && (before.charCodeAt(i - 1) === 10 || before.charCodeAt(i - 1) === 13)) i--;
  let slashes = 0;
  while (i > 0 && before.charCodeAt(i - 1) === 92) {
    slashes++;
    i--;
  }
  // What lies beyond the window is not known: read as escaped (the stretch is left to the whole analysis).
  return slashes % 2 === 1 || (i === 0 && offset > before.length);
}

/** Whether a directive starts in [from, to). */
function directiveBetween(model: ZoneModel, from: number, to: number): boolean {
  const d = model.directives[lastIndexWhere(model.directives.length, (k) => model.directives[k].range.start < from) + 1];
  return d !== undefined && d.range.start < to;
}

/** The offset after the line break ending the line of `offset` (or the end of the text). */
function lineEndAt(model: ZoneModel, offset: number): number {
  const line = model.lines.positionAt(Math.min(offset, model.text.length)).line;
  return line + 1 < model.lines.lineCount ? model.lines.lineStart(line + 1) : model.text.length;
}

/** `start` moved up over the comment-only lines right above it. */
function withCommentsAbove(model: ZoneModel, start: number): number {
  const lines = model.lines;
  let line = lines.positionAt(start).line;
  for (let n = 0; n < MAX_COMMENT_LINES && line > 0; n++) {
    const above = model.text.slice(lines.lineStart(line - 1), lines.lineEnd(line - 1));
    if (!/^\s*;/.test(above)) break;
    line--;
  }
  return lines.lineStart(line);
}

/** The `$ORIGIN` in effect at `offset`: the previous record's, or the last directive's when later. */
function originAt(model: ZoneModel, offset: number, before: Before | undefined): string {
  let origin = before?.origin ?? model.origin;
  for (const d of model.directives) {
    if (d.range.start >= offset) break;
    if (d.kind === 'origin' && d.name !== undefined && (!before || d.range.start > before.start)) origin = d.name;
  }
  return origin;
}

function defaultTtlAt(model: ZoneModel, offset: number): number | undefined {
  let ttl: number | undefined;
  for (const d of model.directives) {
    if (d.range.start >= offset) break;
    if (d.kind === 'ttl' && d.ttl !== undefined) ttl = d.ttl;
  }
  return ttl;
}
