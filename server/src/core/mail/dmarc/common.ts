/**
 * Helpers shared by the DMARC, MTA-STS, TLS-RPT and BIMI rules: edits inside a record's value
 * (mapped back through quotes, escapes and string boundaries), removing a tag with its separator,
 * the version-tag check with its fix, URI checks, and inserting or moving a whole record line
 * without changing the owner of the records around it. Everything is computed from the model.
 */
import { editDistance } from '../../spf/nearMiss';
import { lineEndAfter, ownerText } from '../../spf/edits';
import type { Rule, RuleMeta } from '../../rule';
import type { QuickFix, Range, Report, TextEdit } from '../../types';
import type { ZoneModel, ZoneRecord } from '../../zone/model';
import { docRange, mailRecords, mailRecordsOf, rdataDocRange, recordsOf, VERSION_VALUES, type MailKind, type MailRecord } from '../records';
import type { Span, Tag } from '../tagList';
import { replaceInStrings } from '../../zone/stringEdits';

// ------------------------------------------------------------------ edits inside a value


/** Replaces value characters `[start, end)` of a mail record with `replacement`. */
export function replaceInMail(m: MailRecord, start: number, end: number, replacement: string): TextEdit[] {
  return replaceInStrings(m.record, m.text, start, end, replacement);
}

const isWsp = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/** The span to delete to remove a tag: with the `;` and blanks after it, or (last tag) the `;` before it. */
export function tagRemovalSpan(value: string, t: Tag): Span {
  let end = t.span.end;
  while (isWsp(value[end])) end++;
  if (value[end] === ';') {
    end++;
    while (isWsp(value[end])) end++;
    if (end < value.length) return { start: t.span.start, end };
    // The last tag, with a trailing ';': remove the separator before it instead.
  }
  let start = t.span.start;
  while (start > 0 && isWsp(value[start - 1])) start--;
  if (start > 0 && value[start - 1] === ';') start--;
  return { start, end: Math.max(end, t.span.end) };
}

export function removeTag(m: MailRecord, t: Tag): TextEdit[] {
  const s = tagRemovalSpan(m.text.value, t);
  return replaceInMail(m, s.start, s.end, '');
}

/** Whether a finding sits at `range`. */
export const sameRange = (a: Range, b: Range): boolean => a.start === b.start && a.end === b.end;

// ------------------------------------------------------------------ version tag

const SPEC: Record<MailKind, string> = {
  dmarc: 'RFC 7489 §6.3',
  'dmarc-report-auth': 'RFC 7489 §7.1',
  dkim: 'RFC 6376 §3.6.1',
  'mta-sts': 'RFC 8461 §3.1',
  'tls-rpt': 'RFC 8460 §3',
  bimi: 'the BIMI draft §4.2',
};

const KIND_NAME: Record<MailKind, string> = {
  dmarc: 'DMARC',
  'dmarc-report-auth': 'DMARC report authorisation',
  dkim: 'DKIM key',
  'mta-sts': 'MTA-STS',
  'tls-rpt': 'TLS-RPT',
  bimi: 'BIMI',
};

/** Who reads the record: receivers of mail (DMARC, DKIM, BIMI) or senders (MTA-STS, TLS-RPT). */
const READERS: Record<MailKind, string> = {
  dmarc: 'receivers',
  'dmarc-report-auth': 'receivers',
  dkim: 'receivers',
  'mta-sts': 'senders',
  'tls-rpt': 'senders',
  bimi: 'mailbox providers',
};

/** `a DMARC`, `an MTA-STS`… */
const withArticle = (name: string): string => (/^(MTA|SPF)/.test(name) ? `an ${name}` : `a ${name}`);

export interface VersionProblem {
  range: Range;
  message: string;
  /** Value edits that make the version right, when they are evident. */
  fix?: { start: number; end: number; text: string }[];
}

/**
 * What is wrong with a record's version tag, or undefined when it is exactly `v=<VALUE>` first.
 * The fix rewrites only the tag's characters (and adds the missing `;` of a run-on).
 */
export function versionProblem(m: MailRecord): VersionProblem | undefined {
  const want = `v=${VERSION_VALUES[m.kind]}`;
  const kindName = KIND_NAME[m.kind];
  const spec = SPEC[m.kind];
  const who = READERS[m.kind];
  const v = m.version;
  const value = m.text.value;
  if (v.state === 'ok') return undefined;
  if (v.state === 'missing' || !v.span) {
    return {
      range: rdataDocRange(m),
      message: `This ${kindName} record has no "${want}" tag; it must be the first tag (${spec}), and ${who} ignore a record without it`,
      fix: m.tags.length > 0 && m.errors.length === 0 ? [{ start: 0, end: 0, text: `${want}; ` }] : undefined,
    };
  }
  const span = v.span;
  const range = docRange(m, span);
  const written = v.written ?? value.slice(span.start, span.end);
  if (v.state === 'not-first') {
    const t = m.tags.find((x) => x.name === 'v' && x.span.start === span.start);
    // A plain word (the right version or a near miss of it) can be moved and rewritten.
    const good = !!t && /^[A-Za-z0-9]+$/.test(t.value);
    const removal = t ? tagRemovalSpan(value, t) : undefined;
    return {
      range,
      message: `"${written}" must be the first tag of the ${kindName} record (${spec}); ${who} ignore a record that does not start with "${want}"`,
      fix: good && removal ? [{ start: 0, end: 0, text: `${want}; ` }, { ...removal, text: '' }] : undefined,
    };
  }
  // Another protocol's record at this name: say so, and do not rewrite it.
  const other = /^[vV]\s*[=:]?\s*spf1(\s|$)/i.test(value.trimStart())
    ? 'SPF'
    : m.valueKind && m.valueKind !== m.kind && !(m.kind === 'dmarc-report-auth' && m.valueKind === 'dmarc')
      ? KIND_NAME[m.valueKind]
      : undefined;
  if (other) {
    return {
      range,
      message: `This is ${withArticle(other)} record at ${withArticle(kindName)} name: ${who} look here for a record starting "${want}" (${spec}) and ignore this one`,
    };
  }
  if (v.state === 'case') {
    return {
      range,
      message: `"${written}": the version must be exactly "${want}" — the value is case-sensitive (${spec}) — so ${who} ignore this record`,
      fix: [{ start: span.start, end: span.end, text: want }],
    };
  }
  // A run-on: the version is followed by blanks and another tag, without ';'.
  let k = span.end;
  while (isWsp(value[k])) k++;
  const runOn = k > span.end && k < value.length && value[k] !== ';';
  if (runOn && written === want) {
    return {
      range,
      message: `"${want}" is not followed by ';', so ${who} read the version as "${value.slice(span.start + 2, value.indexOf(';', k) < 0 ? value.length : value.indexOf(';', k)).trim()}" and ignore the record (${spec})`,
      fix: [{ start: span.start, end: span.end, text: `${want};` }],
    };
  }
  const simple = /^[vV]\s*[=:]?\s*[A-Za-z0-9]*$/.test(written);
  if (/^v\s+=\s*|^v=\s+/.test(written) && written.replace(/\s+/g, '') === want) {
    return {
      range,
      message: `"${written}": write the version without blanks around "=". ${who[0].toUpperCase() + who.slice(1)} pick the ${kindName} record by its leading "${want}" (${spec}), and those that match the exact text ignore this one`,
      fix: [{ start: span.start, end: span.end, text: runOn ? `${want};` : want }],
    };
  }
  return {
    range,
    message: `"${written}" instead of "${want}": ${who} ignore ${withArticle(kindName)} record whose first tag is not exactly "${want}" (${spec})`,
    fix: simple ? [{ start: span.start, end: span.end, text: runOn ? `${want};` : want }] : undefined,
  };
}

/** The quick-fix edits of a version problem. */
export function versionFixEdits(m: MailRecord, p: VersionProblem): TextEdit[] {
  return (p.fix ?? []).flatMap((f) => replaceInMail(m, f.start, f.end, f.text));
}

/** Reports the version problem of every record of `kind` (the `data` marks it for the rule's fix). */
export function reportVersionProblems(model: ZoneModel, kind: MailKind, report: (r: Report) => void): void {
  for (const m of mailRecordsOf(model, kind)) {
    const p = versionProblem(m);
    if (p) report({ range: p.range, message: p.message, data: { version: true } });
  }
}

/** Finds the record of one of `kinds` whose version problem sits at `range`. */
export function versionProblemAt(model: ZoneModel, kinds: readonly MailKind[], range: Range): { m: MailRecord; p: VersionProblem } | undefined {
  for (const m of mailRecords(model)) {
    if (!kinds.includes(m.kind)) continue;
    const p = versionProblem(m);
    if (p && sameRange(p.range, range)) return { m, p };
  }
  return undefined;
}

/** A problem found in a record's value; `replacement` is an evident correction of the span's text. */
export interface ValueSpanProblem {
  span: Span;
  message: string;
  replacement?: string;
}

/** The "Change to …" fix of the problem of `problems` at `range` that names a replacement. */
export function replacementFix(
  records: readonly MailRecord[],
  problems: (m: MailRecord) => readonly ValueSpanProblem[],
  range: Range,
  rule: string,
): QuickFix[] {
  for (const m of records) {
    for (const p of problems(m)) {
      if (p.replacement === undefined || !sameRange(docRange(m, p.span), range)) continue;
      return [{ title: `Change to ${p.replacement}`, rule, edits: replaceInMail(m, p.span.start, p.span.end, p.replacement), preferred: true }];
    }
  }
  return [];
}

/**
 * The syntax rule of a versioned tag-list record (MTA-STS, TLS-RPT, BIMI): the version problems,
 * fixed by rewriting the tag, and the kind's own `problems`, fixed where they name a replacement.
 */
export function tagRecordSyntaxRule(
  meta: RuleMeta,
  kind: MailKind,
  problems: (m: MailRecord, model: ZoneModel) => readonly ValueSpanProblem[],
): Rule<ZoneModel> {
  return {
    meta,
    check(model, _ctx, report) {
      reportVersionProblems(model, kind, report);
      for (const m of recordsOf(model, kind)) {
        for (const p of problems(m, model)) report({ range: docRange(m, p.span), message: p.message });
      }
    },
    fix(model, finding) {
      const hit = versionProblemAt(model, [kind], finding.range);
      if (hit?.p.fix) return [{ title: `Replace with v=${VERSION_VALUES[kind]}`, rule: meta.id, edits: versionFixEdits(hit.m, hit.p), preferred: true }];
      return replacementFix(recordsOf(model, kind), (m) => problems(m, model), finding.range, meta.id);
    },
  };
}

/**
 * Whether the version tag runs into the next tags (`v=STSv1 id=1`): required tags are then
 * hidden inside its value, and only the version problem is worth reporting.
 */
export function versionRunsOn(m: MailRecord): boolean {
  const v = m.tags.find((t) => t.name === 'v');
  return !!v && /\s/.test(v.value);
}

/**
 * A note when the record is written without quotes and a `;` right after it starts a zone-file
 * comment (`TXT v=DMARC1;p=none` holds only `v=DMARC1`), else ''.
 */
export function commentCutNote(m: MailRecord, model?: { text: string }): string {
  const last = m.record.rdata[m.record.rdata.length - 1];
  if (!last || last.quoted) return '';
  const text = model?.text;
  if (text === undefined || text[last.range.end] !== ';') return '';
  return '. The value is not quoted, so the ";" after it starts a comment and the rest of the line is not part of the record: put the whole value in double quotes';
}

// ------------------------------------------------------------------ URIs and names

/** A host name of at least two labels (letters, digits, hyphens; labels of 1–63). */
export function isHostName(s: string): boolean {
  if (s.length === 0 || s.length > 253) return false;
  const labels = s.endsWith('.') ? s.slice(0, -1).split('.') : s.split('.');
  if (labels.length < 2) return false;
  return labels.every((l) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(l) || /^[A-Za-z0-9_]{1,63}$/.test(l));
}

const ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;

/** Checks a `mailto:` address (without the scheme); returns what is wrong, or undefined. */
export function mailtoProblem(rest: string): string | undefined {
  const q = rest.indexOf('?');
  const addr = q < 0 ? rest : rest.slice(0, q);
  const at = addr.lastIndexOf('@');
  if (at < 0) return `"${addr}" is not a mail address (no @)`;
  const local = addr.slice(0, at);
  const domain = addr.slice(at + 1);
  if (local.length === 0) return `"${addr}" has nothing before the @`;
  if (!ATEXT.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return `"${local}" is not a valid mailbox name`;
  if (!isHostName(domain)) return `"${domain}" is not a valid domain name`;
  return undefined;
}

/** The scheme of a URI (lower case), or undefined when the text does not start with one. */
export function uriScheme(s: string): string | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(s);
  return m ? m[1].toLowerCase() : undefined;
}

/** Checks an `https:` URL; returns what is wrong, or undefined. */
export function httpsProblem(s: string): string | undefined {
  const m = /^https:\/\/([^/?#:]*)(:[0-9]+)?([^?#]*)/i.exec(s);
  if (!m) return `"${s}" is not an https:// URL`;
  if (!isHostName(m[1])) return `"${m[1]}" is not a valid host name`;
  if (/\s/.test(s)) return `"${s}" contains blanks`;
  return undefined;
}

/** The path of an https URL (before `?` and `#`). */
export function urlPath(s: string): string {
  const m = /^https:\/\/[^/?#]*([^?#]*)/i.exec(s);
  return m ? m[1] : '';
}

/** Known tag names one edit away from `name` (or equal ignoring case), when exactly one is. */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  if (lower !== name && known.includes(lower)) return lower;
  if (name.length < 3) return undefined;
  const near = known.filter((k) => k.length >= 2 && editDistance(lower, k) === 1);
  return near.length === 1 ? near[0] : undefined;
}

// ------------------------------------------------------------------ names and lines

/** A name without its trailing dot, for messages. */

const ownerWritten = (r: ZoneRecord): boolean => r.ownerRange.end > r.ownerRange.start;

/**
 * The last record of the run that starts at `record` and continues with records whose owner is
 * inherited (blank): a line inserted after it does not change any record's owner.
 */
export function lastOfOwnerRun(model: ZoneModel, record: ZoneRecord): ZoneRecord {
  const records = model.records;
  let i = records.indexOf(record);
  if (i < 0) return record;
  while (i + 1 < records.length && !ownerWritten(records[i + 1])) i++;
  return records[i];
}

/**
 * Inserts a record line (`line(origin)` gets the origin in effect where it goes) after `record`'s
 * owner run, so that no inherited owner changes.
 */
export function insertRecordAfter(model: ZoneModel, record: ZoneRecord, line: (origin: string) => string): TextEdit {
  const last = lastOfOwnerRun(model, record);
  const text = model.text;
  const at = lineEndAfter(text, last.range.end);
  const needsBreak = at === text.length && !text.endsWith('\n');
  return { range: { start: at, end: at }, newText: `${needsBreak ? '\n' : ''}${line(last.origin)}\n` };
}

/**
 * Moves `record` to the absolute name `to`. When its owner is written, only the owner field
 * changes (and the owner is written on the next line if that record inherited it); when it is
 * inherited, the record's line is removed and written anew, with its owner, after the owner run.
 */
export function moveRecord(model: ZoneModel, record: ZoneRecord, to: string): { edits: TextEdit[]; newLine: boolean } {
  const text = model.text;
  const records = model.records;
  const i = records.indexOf(record);
  const next = i >= 0 ? records[i + 1] : undefined;
  if (ownerWritten(record)) {
    const edits: TextEdit[] = [{ range: record.ownerRange, newText: ownerText(to, record.origin) }];
    if (next && !ownerWritten(next)) {
      edits.push({ range: { start: next.lineStart, end: next.lineStart }, newText: text.slice(record.ownerRange.start, record.ownerRange.end) });
    }
    return { edits, newLine: false };
  }
  const body = text.slice(record.lineStart, record.range.end);
  const start = record.lineStart;
  const end = lineEndAfter(text, record.range.end);
  const last = lastOfOwnerRun(model, record);
  if (last === record) {
    const nl = end > start && text[end - 1] === '\n' ? '\n' : '';
    return { edits: [{ range: { start, end }, newText: `${ownerText(to, record.origin)}${body}${nl}` }], newLine: true };
  }
  return {
    edits: [{ range: { start, end }, newText: '' }, insertRecordAfter(model, record, (origin) => `${ownerText(to, origin)}${body}`)],
    newLine: true,
  };
}
