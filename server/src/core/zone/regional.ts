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
import type { ZoneModel, ZoneRecord } from './model';
import { parseZone } from './parser';

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
  model: ZoneModel;
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
  const records = old.records;
  const lines = old.lines;

  // Records [first, last] are parsed again. First: the last record that begins on or before the
  // edited line (every line up to the next entry belongs to it: a closing parenthesis, a broken
  // entry), or the line after a directive in between.
  const editLine = lines.lineStart(lines.positionAt(change.start).line);
  let first = lastIndexWhere(records, (r) => r.lineStart <= editLine);
  let start = first >= 0 ? records[first].lineStart : 0;
  const directive = old.directives[lastIndexWhere(old.directives, (d) => d.range.start <= editLine)];
  if (directive && directive.range.start >= start) {
    start = lineEndAt(old, directive.range.end);
    if (change.start < start) return undefined;
    first++;
  } else if (first < 0) first = 0;
  // Last: the last record that begins before the edit ends, the next one (the edited line may be
  // a comment silencing it) and the records after it that inherit its owner.
  let last = Math.max(first - 1, lastIndexWhere(records, (r) => r.range.start <= change.oldEnd));
  const takeThrough = (i: number): boolean => {
    if (i >= records.length || directiveBetween(old, records[i - 1]?.range.end ?? 0, records[i].lineStart)) return true;
    last = i;
    for (let n = 0; last + 1 < records.length && inheritsOwner(records[last + 1]); n++) {
      // A directive between them: the owner carries over it, the stretch cannot.
      if (n === MAX_FOLLOWERS || directiveBetween(old, records[last].range.end, records[last + 1].lineStart)) return false;
      last++;
    }
    return true;
  };
  if (!takeThrough(last + 1)) return undefined;
  // The stretch ends where the next entry begins (a record or a directive), so a closing
  // parenthesis on a line of its own stays with its record.
  const boundary = (): number => {
    const after = Math.max(change.oldEnd, start, last >= first ? records[last].range.end : 0);
    let end = last + 1 < records.length ? records[last + 1].lineStart : text.length;
    const d = old.directives[lastIndexWhere(old.directives, (x) => x.range.start < after) + 1];
    if (d && d.range.start < end) end = d.range.start;
    return Math.max(end, lineEndAt(old, after));
  };
  let end = boundary();
  start = withCommentsAbove(old, start);

  const before = first > 0 ? records[first - 1] : undefined;
  const parse = (): ZoneModel | undefined => {
    // Directives carry state the stretch cannot see; an edit touching one goes to the whole analysis.
    if (old.directives.some((d) => d.range.start < end && d.range.end >= start)) return undefined;
    if (end - start + Math.max(0, delta) > MAX_REGION_CHARS) return undefined;
    const model = parseZone(newText.slice(start, end + delta), {
      origin: old.originKnown ? old.origin : undefined,
      startOrigin: originAt(old, start, before),
      inherit: { owner: before?.owner, defaultTtl: defaultTtlAt(old, start), lastTtl: before?.ttl, class: before?.class },
    });
    return model.directives.length > 0 ? undefined : model;
  };
  let model = parse();
  if (model?.problems.some((p) => p.code === 'unterminated-quote') && last + 1 < records.length) {
    // After an unterminated quote the parser skips lines until one that can start a record: take
    // the next record in, and go on only if the parse reads it where the whole analysis did.
    const resume = records[last + 1].range.start + delta - start;
    if (!takeThrough(last + 1)) return undefined;
    end = boundary();
    model = parse();
    if (model && !model.records.some((r) => r.range.start === resume)) return undefined;
  }
  if (!model || model.problems.some((p) => p.code !== 'unterminated-quote' && RECOVERY_CODES.has(p.code))) return undefined;
  return { start, oldEnd: end, newEnd: end + delta, model };
}

/** The largest index whose element satisfies `ok` (which must hold for a prefix), or -1. */
function lastIndexWhere<T>(list: readonly T[], ok: (x: T) => boolean): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ok(list[mid])) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Whether a directive starts in [from, to). */
function directiveBetween(model: ZoneModel, from: number, to: number): boolean {
  const d = model.directives[lastIndexWhere(model.directives, (x) => x.range.start < from) + 1];
  return d !== undefined && d.range.start < to;
}

function inheritsOwner(r: ZoneRecord): boolean {
  return r.ownerRange.start === r.ownerRange.end;
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
function originAt(model: ZoneModel, offset: number, before: ZoneRecord | undefined): string {
  let origin = before?.origin ?? model.origin;
  for (const d of model.directives) {
    if (d.range.start >= offset) break;
    if (d.kind === 'origin' && d.name !== undefined && (!before || d.range.start > before.range.start)) origin = d.name;
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
