/**
 * Quick fixes never lose data: every fix offered for every finding is applied and the result is
 * checked — it parses, the fixed finding is gone (same rule at the mapped place), no new
 * error-severity finding appears, and the lines that differ are only lines the fix's edits touch.
 * Shared by the fix-safety tests and `npm run fuzz -- --fix-safety`.
 */
import { makeContext, parseDocument, quickFixes, validate } from '../../server/src/core/engine';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import type { Finding, LanguageId, QuickFix, Range, TextEdit } from '../../server/src/core/types';

export const FIX_CTX = makeContext({ ...DEFAULT_SETTINGS, mailServers: ['203.0.113.25', '2001:db8::25'] });

export interface FixViolation {
  rule: string;
  fix: string;
  /** Offset of the finding in the original text. */
  at: number;
  problem: string;
}

export interface FixSafetyReport {
  findings: number;
  fixes: number;
  violations: FixViolation[];
}

/** Applies non-overlapping edits; throws on overlap or an out-of-range edit. */
export function applyAll(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  for (const e of sorted) {
    if (!(0 <= e.range.start && e.range.start <= e.range.end && e.range.end <= text.length)) throw new Error(`edit ${e.range.start}-${e.range.end} outside 0-${text.length}`);
  }
  for (let i = 1; i < sorted.length; i++) if (sorted[i].range.end > sorted[i - 1].range.start) throw new Error('overlapping edits');
  let out = text;
  for (const e of sorted) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

/** Maps an offset of the original text into the edited text (`side` picks an edited span's end). */
export function mapOffset(offset: number, edits: readonly TextEdit[], side: 'start' | 'end'): number {
  let delta = 0;
  for (const e of [...edits].sort((a, b) => a.range.start - b.range.start)) {
    if (e.range.end <= offset && !(e.range.start === offset && e.range.end === offset && side === 'start')) {
      delta += e.newText.length - (e.range.end - e.range.start);
    } else if (e.range.start < offset) {
      return side === 'start' ? e.range.start + delta : e.range.start + delta + e.newText.length;
    }
  }
  return offset + delta;
}

function lineStarts(text: string): number[] {
  const s = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) s.push(i + 1);
  }
  return s;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function splitLines(text: string): string[] {
  const st = lineStarts(text);
  return st.map((s, i) => text.slice(s, i + 1 < st.length ? st[i + 1] : text.length));
}

/**
 * Lines of `a` (0-based) that a line diff against `b` reports as removed or changed: common
 * prefix and suffix are trimmed, the middle is aligned by a longest common subsequence (bounded).
 */
export function changedLines(a: string, b: string): Set<number> {
  const la = splitLines(a);
  const lb = splitLines(b);
  let p = 0;
  while (p < la.length && p < lb.length && la[p] === lb[p]) p++;
  let s = 0;
  while (s < la.length - p && s < lb.length - p && la[la.length - 1 - s] === lb[lb.length - 1 - s]) s++;
  const ma = la.slice(p, la.length - s);
  const mb = lb.slice(p, lb.length - s);
  const out = new Set<number>();
  if (ma.length * mb.length > 4_000_000) {
    ma.forEach((_, i) => out.add(p + i));
    return out;
  }
  // LCS table over the middle.
  const n = ma.length;
  const m = mb.length;
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = ma[i] === mb[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  let i = 0;
  let j = 0;
  while (i < n) {
    if (j < m && ma[i] === mb[j]) {
      i++;
      j++;
    } else if (j < m && dp[i][j + 1] >= dp[i + 1][j]) j++;
    else out.add(p + i++);
  }
  // An insertion between two lines changes neither; it is attributed to the touched lines below.
  return out;
}

/**
 * Lines of the original text an edit covers (an insertion covers the line it is on). An edit that
 * removes a line break also touches the line after it, which it joins to the line before.
 */
export function touchedLines(text: string, edits: readonly TextEdit[]): Set<number> {
  const st = lineStarts(text);
  const out = new Set<number>();
  for (const e of edits) {
    const first = lineOf(st, e.range.start);
    const covered = text.slice(e.range.start, e.range.end);
    const last = /[\r\n]/.test(covered) ? lineOf(st, e.range.end) : lineOf(st, Math.max(e.range.start, e.range.end - 1));
    for (let l = first; l <= last; l++) out.add(l);
  }
  return out;
}

function overlaps(a: Range, b: Range): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * Error findings of the fixed text that were not there before: no error of the same rule on the
 * same line, once the old findings are mapped through the edits. (Neither message nor covered text
 * is compared: a fix that splits a string or changes a type rewords findings it does not create.)
 */
function newErrors(fixed: string, before: readonly Finding[], after: readonly Finding[], edits: readonly TextEdit[]): Finding[] {
  const st = lineStarts(fixed);
  const old = new Set<string>();
  for (const b of before) {
    if (b.severity !== 'error') continue;
    const s = lineOf(st, mapOffset(b.range.start, edits, 'start'));
    const e = lineOf(st, mapOffset(b.range.end, edits, 'end'));
    for (let l = s; l <= e; l++) old.add(`${b.rule} ${l}`);
  }
  return after.filter((a) => {
    if (a.severity !== 'error') return false;
    const s = lineOf(st, a.range.start);
    const e = lineOf(st, a.range.end);
    for (let l = s; l <= e; l++) if (old.has(`${a.rule} ${l}`)) return false;
    return true;
  });
}

/**
 * In a signed zone every change of data needs the zone signed again: the DNSSEC rules then report
 * the new or changed RRset as unsigned or missing from the NSEC/NSEC3 chain. Those findings are the
 * expected consequence of any edit there, not damage done by the fix.
 */
const RESIGN_RULES = new Set(['zone-dnssec-signatures', 'zone-nsec-chain', 'zone-nsec3-chain']);

function isSigned(lang: LanguageId, text: string): boolean {
  return lang === 'zone' && /\sRRSIG\s/i.test(text);
}

/** Checks one quick fix of one finding. */
export function checkFix(lang: LanguageId, text: string, before: readonly Finding[], f: Finding, fix: QuickFix): string[] {
  const problems: string[] = [];
  let fixed: string;
  try {
    fixed = applyAll(text, fix.edits);
  } catch (e) {
    return [`edits cannot be applied: ${(e as Error).message}`];
  }
  if (fixed === text) problems.push('the fix changes nothing');
  let after: Finding[];
  try {
    after = validate(parseDocument(lang, fixed), FIX_CTX);
  } catch (e) {
    return [`the fixed text does not parse: ${(e as Error).message}`];
  }
  for (const a of after) if (a.message.startsWith('Internal error')) problems.push(a.message);
  const place = { start: mapOffset(f.range.start, fix.edits, 'start'), end: mapOffset(f.range.end, fix.edits, 'end') };
  const still = after.find((a) => a.rule === f.rule && overlaps(a.range, place) && a.message === f.message);
  if (still) problems.push(`the finding is still there at ${still.range.start}-${still.range.end}: ${still.message}`);
  const signed = isSigned(lang, text);
  for (const n of newErrors(fixed, before, after, fix.edits)) {
    if (signed && RESIGN_RULES.has(n.rule)) continue;
    problems.push(`new error ${n.rule} at ${n.range.start}: ${n.message}`);
  }
  const touched = touchedLines(text, fix.edits);
  const outside = [...changedLines(text, fixed)].filter((l) => !touched.has(l));
  if (outside.length) problems.push(`lines changed that no edit touches: ${outside.slice(0, 5).map((l) => l + 1).join(', ')}`);
  return problems;
}

/** Applies every quick fix of every finding of `text`. */
export function fixSafety(lang: LanguageId, text: string): FixSafetyReport {
  const doc = parseDocument(lang, text);
  const before = validate(doc, FIX_CTX);
  const report: FixSafetyReport = { findings: before.length, fixes: 0, violations: [] };
  for (const f of before) {
    for (const fix of quickFixes(doc, f, FIX_CTX)) {
      report.fixes++;
      for (const problem of checkFix(lang, text, before, f, fix)) report.violations.push({ rule: f.rule, fix: fix.title, at: f.range.start, problem });
    }
  }
  return report;
}
