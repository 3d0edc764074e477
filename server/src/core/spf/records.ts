/**
 * The SPF records of a zone: every TXT (and type SPF) record whose value is an SPF record, or
 * evidently meant as one (a version-tag near miss). Parsed once per model and shared by the SPF
 * rules, hover and quick fixes.
 */
import { groupRuns } from '../zone/owners';
import { MappedText } from '../text';
import type { Range, TextEdit } from '../types';
import type { ZoneModel, ZoneRecord } from '../zone/model';
import { uncachedStrings } from '../zone/store';
import { replaceInStrings } from '../zone/stringEdits';
import { detectVersionTypo, MAX_TAG_LENGTH, type VersionTypo } from './nearMiss';
import { isSpfRecord, parseSpf, type MacroPart, type Part, type SpfError, type SpfErrorCode, type SpfRecord, type SpfTerm } from './parse';
import { drain, ITEMS_PER_STEP, type Steps } from '../steps';

export interface SpfCandidate {
  record: ZoneRecord;
  /** The concatenated character-strings (RFC 7208 §3.3). */
  text: MappedText;
  /** The record parsed, with document ranges (built on first use for the candidates of `spfRecords`). */
  readonly spf: SpfRecord;
  /**
   * The same parse shared by every record with the same value: equal to `spf` in everything but
   * the ranges, which are offsets in the value (not the document). Read it to decide; read `spf`
   * for the ranges of what is reported. Absent on candidates built elsewhere (`shapeOf`).
   */
  readonly shape?: SpfRecord;
  /** Set when the version tag is wrong; the terms after it are parsed all the same. */
  typo?: VersionTypo;
}

/** The parse of `c` to decide from (no document ranges: see `SpfCandidate.shape`). */
export function shapeOf(c: SpfCandidate): SpfRecord {
  return c.shape ?? c.spf;
}

/** The parser errors of `c` with document ranges; the record's own parse is built only when there are some. */
export function errorsOf(c: SpfCandidate): readonly SpfError[] {
  return shapeOf(c).errors.length === 0 ? NO_ERRORS : c.spf.errors;
}

const NO_ERRORS: readonly SpfError[] = Object.freeze([]);

/**
 * A candidate of `spfRecords`. Zones repeat the same SPF text in record after record: each
 * distinct value is parsed once (`shape`), and a record's own parse with document ranges is
 * built only when something reads `spf` (a finding, a hover, a quick fix).
 */
class Candidate implements SpfCandidate {
  private own: SpfRecord | undefined = undefined;
  constructor(
    readonly record: ZoneRecord,
    readonly text: MappedText,
    readonly shape: SpfRecord,
    readonly typo?: VersionTypo,
  ) {}

  get spf(): SpfRecord {
    return (this.own ??= parseSpf(this.text, this.typo?.bodyStart));
  }
}

const cache = new WeakMap<ZoneModel, SpfCandidate[]>();

export function isSpfBearing(record: ZoneRecord): boolean {
  return (record.type === 'TXT' || record.type === 'SPF') && !!record.strings && record.strings.length > 0;
}

/** SPF records and near misses of the zone, in document order. */
export function spfRecords(model: ZoneModel): SpfCandidate[] {
  return drain(spfRecordsInSteps(model));
}

/** `spfRecords` in steps (a yield every few thousand TXT records). */
export function* spfRecordsInSteps(model: ZoneModel): Steps<SpfCandidate[]> {
  let found = cache.get(model);
  if (found) return found;
  found = [];
  const txt = model.recordsOfType('TXT');
  const type99 = model.recordsOfType('SPF');
  let bearing = txt;
  if (type99.length > 0) {
    bearing = [...txt, ...type99];
    bearing.sort((a, b) => a.range.start - b.range.start);
  }
  // Shared parses by value (near misses by where their terms begin, too).
  const shapes = new Map<string, SpfRecord>();
  const typoShapes = new Map<string, SpfRecord>();
  let done = 0;
  for (const record of bearing) {
    if (++done % ITEMS_PER_STEP === 0) yield;
    // Most TXT records of a large zone are something else (DKIM keys, site verifications):
    // those are told from their first string. The strings are not kept on the record.
    const strings = uncachedStrings(record);
    const first = strings?.[0];
    if (first === undefined || !mayBeSpf(first.value)) continue;
    const text = MappedText.concat(strings!);
    const value = text.value;
    if (isSpfRecord(value)) {
      let shape = shapes.get(value);
      if (!shape) shapes.set(value, (shape = parseSpf(MappedText.contiguous(value, 0))));
      found.push(new Candidate(record, text, shape));
      continue;
    }
    const typo = detectVersionTypo(value);
    if (typo) {
      const key = `${typo.bodyStart} ${value}`;
      let shape = typoShapes.get(key);
      if (!shape) typoShapes.set(key, (shape = parseSpf(MappedText.contiguous(value, 0), typo.bodyStart)));
      found.push(new Candidate(record, text, shape, typo));
    }
  }
  cache.set(model, found);
  return found;
}

/**
 * False only when a value whose first character-string is `first` can be neither an SPF record
 * nor a version-tag near miss: its first word lies within `first`, is longer than any reading of
 * the tag that `detectVersionTypo` weighs, and does not begin with `v=spf1`.
 */
export function mayBeSpf(first: string): boolean {
  let i = 0;
  while (i < first.length && WHITE.test(first[i])) i++;
  if (i === first.length) return true;
  let j = i;
  while (j < first.length && j - i <= MAX_TAG_LENGTH && !WHITE.test(first[j])) j++;
  if (j - i <= MAX_TAG_LENGTH) return true;
  return first.slice(i, i + 6).toLowerCase() === 'v=spf1';
}

const WHITE = /\s/;

function contains(r: Range, offset: number): boolean {
  return offset >= r.start && offset < r.end;
}

export interface SpfLocation {
  candidate: SpfCandidate;
  /** The term under the offset, if any. */
  term?: SpfTerm;
  /** The macro expansion under the offset, if any. */
  macro?: MacroPart;
  /** True when the offset is on the version tag. */
  onVersion: boolean;
}

/** What SPF construct lies at a document offset. */
export function spfAt(model: ZoneModel, offset: number): SpfLocation | undefined {
  for (const candidate of spfRecords(model)) {
    if (offset < candidate.record.range.start || offset > candidate.record.range.end) continue;
    const { spf } = candidate;
    if (spf.version.end > spf.version.start && contains(spf.version.range, offset)) {
      return { candidate, onVersion: true };
    }
    for (const term of spf.terms) {
      if (!contains(term.range, offset)) continue;
      let macro: MacroPart | undefined;
      const ms = term.kind === 'mechanism' ? term.domain : term.kind === 'modifier' ? term.value : undefined;
      if (ms) macro = ms.parts.find((p) => p.kind !== 'literal' && contains(p.range, offset));
      return { candidate, term, macro, onVersion: false };
    }
  }
  return undefined;
}

/** The candidate whose record contains `range`. */
export function candidateAt(model: ZoneModel, range: Range): SpfCandidate | undefined {
  return spfRecords(model).find((c) => range.start >= c.record.range.start && range.end <= c.record.range.end);
}

/** The parser error of `candidate` with exactly the document range `range` (and one of `codes`). */
export function errorAt(candidate: SpfCandidate, range: Range, codes?: ReadonlySet<SpfErrorCode>): SpfError | undefined {
  return candidate.spf.errors.find(
    (e) => e.range.start === range.start && e.range.end === range.end && (!codes || codes.has(e.code)),
  );
}

/** The candidates of the document that receivers read: TXT records that are SPF (no near misses, no type 99). */
export function evaluatedRecords(model: ZoneModel): SpfCandidate[] {
  const all = spfRecords(model);
  let e = evaluatedCache.get(all);
  if (!e) {
    e = { list: all.filter((c) => !c.typo && c.record.type === 'TXT') };
    evaluatedCache.set(all, e);
  }
  return e.list;
}

/** Keyed by the `spfRecords` list, so the derived lists go when the model does. */
const evaluatedCache = new WeakMap<SpfCandidate[], { list: SpfCandidate[]; byOwner?: ReadonlyMap<string, readonly SpfCandidate[]> }>();

/** `evaluatedRecords` by owner name (as the model writes owners), in document order; shared per model. */
export function evaluatedByOwner(model: ZoneModel): ReadonlyMap<string, readonly SpfCandidate[]> {
  evaluatedRecords(model);
  const e = evaluatedCache.get(spfRecords(model))!;
  return (e.byOwner ??= groupRuns(e.list, (c) => c.record.owner));
}

/** The term of `candidate` whose `pick(term)` part has exactly the document range `range`. */
export function termWithPart(
  candidate: SpfCandidate,
  range: Range,
  pick: (t: SpfTerm) => Part | undefined,
): SpfTerm | undefined {
  return candidate.spf.terms.find((t) => {
    const p = pick(t);
    return p !== undefined && p.range.start === range.start && p.range.end === range.end;
  });
}

/**
 * Edits that replace the value characters `[start, end)` of a candidate with `replacement`.
 * The characters may come from several character-strings (`"v=sp" "f1"`) or escapes; the
 * replacement goes into the first contiguous run and the other runs are emptied. Inside an
 * unquoted string a space is written as `\032`.
 */
export function replaceInValue(candidate: SpfCandidate, start: number, end: number, replacement: string): TextEdit[] {
  return replaceInStrings(candidate.record, candidate.text, start, end, replacement);
}

