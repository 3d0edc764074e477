/**
 * Recognises TXT records evidently meant as SPF whose version section is wrong, so that
 * receivers skip them (RFC 7208 §4.5: a record must begin with exactly `v=spf1` followed by a
 * space or its end; the comparison is case-insensitive, so `V=SPF1` is fine).
 *
 * The evidence is weighed, not pattern-matched:
 *  - how far the leading token(s) are from `v=spf1` (optimal-string-alignment edit distance,
 *    case-insensitive; a transposition counts 1), and
 *  - how much of the rest reads as SPF terms (`ip4:`, `include:`, `mx`, `-all`, `redirect=`…).
 * One edit away is enough unless the rest is mostly prose (words without `:`, `=`, `/`…); two or
 * three edits need mostly SPF-looking terms after the tag. Sender ID records (`spf2.0/…`) are a different protocol and never flagged.
 */
import { isSpfRecord } from './parse';

export type VersionIssue =
  /** The tag itself is misspelled (`v-spf1`, `v=spf`, `vspf1`, `v=sfp1`, `spf1`…). */
  | 'typo'
  /** The tag is split by spaces (`v=spf 1`, `v = spf1`). */
  | 'spacing'
  /** The tag runs into the first term (`v=spf1mx`, `v=spf1;include:…`). */
  | 'missing-space'
  /** Whitespace before an otherwise correct tag. */
  | 'leading-space'
  /** The tag is followed by a tab or other non-space whitespace. */
  | 'separator';

export interface VersionTypo {
  issue: VersionIssue;
  /** Span in the value to replace (the written tag, plus any whitespace that must go with it). */
  start: number;
  end: number;
  written: string;
  /** Text that replaces `[start, end)`. */
  replacement: string;
  /** Where the terms begin (for parsing the rest of the record). */
  bodyStart: number;
  /** Edit distance of the written tag from `v=spf1` (0 for spacing/separator issues). */
  distance: number;
}

const TAG = 'v=spf1';
/** Longest run of tokens read as a tag (a longer first word is never a near miss). */
export const MAX_TAG_LENGTH = 12;

/** A token that reads as an SPF term: known mechanism or modifier with its usual separator. */
const SPF_LIKE = /^[+\-~?]?(?:(?:all|a|mx|ptr)(?=$|[:/])|(?:include|exists|ip4|ip6):|(?:redirect|exp)=)/i;

export function looksLikeSpfTerm(token: string): boolean {
  return SPF_LIKE.test(token);
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring). */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}

interface Token {
  start: number;
  end: number;
  text: string;
}

function tokens(value: string, from: number): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value))) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** Shaped like a term even if misspelt (`inlude:x`, `-al`), unlike a word of prose. */
const TERM_SHAPED = /[:=/.%]|^[+\-~?]/;

/** How many tokens after the tag read as SPF terms, or at least are shaped like terms. */
function spfEvidence(body: Token[]): { count: number; spfLike: number; termShaped: number } {
  let spfLike = 0;
  let termShaped = 0;
  for (const t of body) {
    if (SPF_LIKE.test(t.text)) spfLike++;
    if (SPF_LIKE.test(t.text) || TERM_SHAPED.test(t.text)) termShaped++;
  }
  return { count: body.length, spfLike, termShaped };
}

/** The version-tag problem of a TXT value evidently meant as SPF, or undefined. */
export function detectVersionTypo(value: string): VersionTypo | undefined {
  if (isSpfRecord(value)) return undefined;
  if (/^\s*spf2\.0\//i.test(value)) return undefined; // Sender ID (RFC 4406), not SPF
  const lead = /^\s*/.exec(value)![0].length;
  const toks = tokens(value, lead);
  if (toks.length === 0) return undefined;
  const t0 = toks[0];
  const lower0 = t0.text.toLowerCase();

  if (lower0 === TAG) {
    if (lead > 0) {
      return { issue: 'leading-space', start: 0, end: t0.end, written: value.slice(0, t0.end), replacement: TAG, bodyStart: t0.end, distance: 0 };
    }
    // Followed by whitespace other than a space.
    const sepEnd = toks.length > 1 ? toks[1].start : value.length;
    return { issue: 'separator', start: 0, end: sepEnd, written: value.slice(0, sepEnd), replacement: TAG + ' ', bodyStart: sepEnd, distance: 0 };
  }

  if (lower0.startsWith(TAG)) {
    const punct = /^[;,:]*/.exec(lower0.slice(TAG.length))![0].length;
    const rest = t0.text.slice(TAG.length + punct);
    if (rest !== '' && SPF_LIKE.test(rest)) {
      const end = t0.start + TAG.length + punct;
      return { issue: 'missing-space', start: 0, end, written: value.slice(0, end), replacement: TAG + ' ', bodyStart: end, distance: 0 };
    }
  }

  // The tag may be split over up to three tokens (`v = spf1`); take the closest reading.
  let best: { k: number; d: number } | undefined;
  let joined = '';
  for (let k = 1; k <= 3 && k <= toks.length; k++) {
    joined += toks[k - 1].text.toLowerCase();
    if (joined.length > MAX_TAG_LENGTH) break;
    const d = editDistance(joined, TAG);
    if (!best || d < best.d) best = { k, d };
  }
  if (!best) return undefined;
  const tagEnd = toks[best.k - 1].end;
  const written = value.slice(t0.start, tagEnd);
  const ev = spfEvidence(toks.slice(best.k));
  const mostlySpf = ev.spfLike >= 1 && ev.spfLike * 2 >= ev.count;
  let flagged: boolean;
  if (best.d === 0) flagged = true;
  else if (best.d === 1) flagged = ev.count === 0 || ev.termShaped * 2 >= ev.count;
  else if (best.d === 2) flagged = mostlySpf;
  else if (best.d === 3) flagged = mostlySpf && /spf/i.test(written);
  else flagged = false;
  if (!flagged) return undefined;
  return {
    issue: best.d === 0 ? 'spacing' : 'typo',
    start: 0,
    end: tagEnd,
    written: value.slice(0, tagEnd),
    replacement: TAG,
    bodyStart: tagEnd,
    distance: best.d,
  };
}

/** A sentence explaining the problem, for diagnostics and hover. */
export function describeVersionTypo(t: VersionTypo): string {
  const w = JSON.stringify(t.written.trim() === '' ? t.written : t.written.replace(/\s+$/, ''));
  const ignored = 'so receivers do not recognise this record as SPF and ignore it entirely';
  switch (t.issue) {
    case 'typo':
      return `The SPF version tag is written ${w} instead of "v=spf1", ${ignored}.`;
    case 'spacing':
      return `The SPF version tag ${w} contains spaces; it must be written "v=spf1", ${ignored}.`;
    case 'missing-space':
      return `"v=spf1" runs into the first term without a space, ${ignored}.`;
    case 'leading-space':
      return `The record must begin with "v=spf1"; the whitespace before it means receivers ignore the record entirely.`;
    case 'separator':
      return `"v=spf1" must be followed by a space, not other whitespace, ${ignored}.`;
  }
}
