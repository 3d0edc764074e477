/**
 * Completion in zone files: directives at the start of a line, and record types and classes in
 * the fields between the owner and the RDATA. Facts come from the `rrtypes` data module.
 */
import type { CompletionEntry } from '../features';
import type { Range } from '../types';
import type { ZoneModel } from './model';
import { RR_CLASSES, RR_TYPES, rfcLink, rrClassAt, rrTypeAt } from './rrtypes';
import { parseTtl } from './ttl';

/** Directives with a one-line description. Data only. */
export const DIRECTIVE_DOCS: readonly { name: string; detail: string; doc: string }[] = [
  { name: '$ORIGIN', detail: '$ORIGIN domain', doc: 'Sets the origin: the domain name that completes relative names and `@` (RFC 1035 §5.1).' },
  { name: '$TTL', detail: '$TTL ttl', doc: 'Default TTL for the records that follow and give no TTL of their own (RFC 2308 §4).' },
  { name: '$INCLUDE', detail: '$INCLUDE file [origin]', doc: 'Inserts the records of another file here (RFC 1035 §5.1).' },
  {
    name: '$GENERATE',
    detail: '$GENERATE start-stop[/step] owner [ttl] [class] type rdata',
    doc: 'BIND extension: creates one record per number of the range, substituting `$` in the owner and RDATA templates.',
  },
];

/** Types offered first, in this order: the ones nearly every zone uses. */
const COMMON_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SOA', 'SRV', 'PTR', 'CAA', 'HTTPS', 'SVCB', 'TLSA', 'DS', 'DNSKEY'];

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** Part of a word (`charCodeAt` past the end gives NaN, which is not). */
function isWordChar(c: number): boolean {
  return !Number.isNaN(c) && !(isBlank(c) || isBreak(c) || c === 40 || c === 41 || c === 59 || c === 34);
}

function typeEntries(range: Range): CompletionEntry[] {
  return RR_TYPES.filter((t) => !t.meta).map((t) => {
    const common = COMMON_TYPES.indexOf(t.name);
    const rank = common >= 0 ? `0${String(common).padStart(2, '0')}` : t.obsolete ? '3' : '2';
    return {
      label: t.name,
      kind: 'type' as const,
      detail: `record type ${t.code}${t.obsolete ? ' (obsolete)' : ''}`,
      documentation: `${t.description}\n\nDefined in ${rfcLink(t.rfc, t.section)}.`,
      range,
      sortText: `${rank}${t.name}`,
    };
  });
}

function classEntries(range: Range): CompletionEntry[] {
  return RR_CLASSES.filter((c) => !c.meta).map((c, i) => ({
    label: c.name,
    kind: 'class' as const,
    detail: `class ${c.code}`,
    documentation: c.description,
    range,
    sortText: `1${i}`,
  }));
}

function directiveEntries(range: Range): CompletionEntry[] {
  return DIRECTIVE_DOCS.map((d, i) => ({ label: d.name, kind: 'keyword' as const, detail: d.detail, documentation: d.doc, range, sortText: `0${i}` }));
}

export function zoneCompletion(model: ZoneModel, offset: number): CompletionEntry[] {
  const text = model.text;
  const at = Math.max(0, Math.min(offset, text.length));
  let lineStart = at;
  while (lineStart > 0 && !isBreak(text.charCodeAt(lineStart - 1))) lineStart--;

  // Inside a comment or a quoted string: nothing.
  let quoted = false;
  for (let i = lineStart; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) quoted = !quoted;
    else if (c === 59 && !quoted) return [];
  }
  if (quoted) return [];

  // A continuation line of a record in parentheses holds RDATA.
  if (lineStart > 0) {
    const before = model.recordAt(lineStart - 1);
    if (before && before.lineStart < lineStart && before.range.end >= lineStart) return [];
  }

  let wordStart = at;
  while (wordStart > lineStart && isWordChar(text.charCodeAt(wordStart - 1))) wordStart--;
  let wordEnd = at;
  while (wordEnd < text.length && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
  const range: Range = { start: wordStart, end: wordEnd };

  if (wordStart === lineStart) {
    const first = text.charCodeAt(wordStart);
    return wordStart === at || first === 36 ? directiveEntries(range) : [];
  }
  if (text.charCodeAt(lineStart) === 36) return [];

  // The fields before the word: owner (when the line starts with one), TTL, class, type.
  let i = lineStart;
  if (!isBlank(text.charCodeAt(i))) while (i < wordStart && !isBlank(text.charCodeAt(i))) i++;
  let sawClass = false;
  while (i < wordStart) {
    const c = text.charCodeAt(i);
    if (isBlank(c) || c === 40 || c === 41) {
      i++;
      continue;
    }
    const s = i;
    while (i < wordStart && isWordChar(text.charCodeAt(i))) i++;
    if (i === s) return [];
    if (parseTtl(text, s, i) >= 0) continue;
    if (rrClassAt(text, s, i) && !rrTypeAt(text, s, i)) {
      sawClass = true;
      continue;
    }
    // A type (or anything else) already stands before the word: this is the RDATA.
    return [];
  }
  return sawClass ? typeEntries(range) : [...typeEntries(range), ...classEntries(range)];
}
