/**
 * The mail-authentication records of a zone besides SPF: DMARC, DKIM keys, MTA-STS, TLS-RPT,
 * BIMI and DMARC external-report authorisations. A TXT record is one of them by its owner name
 * (`_dmarc.<domain>`, `<selector>._domainkey.<domain>`, `_mta-sts.<domain>`,
 * `_smtp._tls.<domain>`, `<selector>._bimi.<domain>`, `<domain>._report._dmarc.<receiver>`), or
 * by a version tag that names one (`v=DMARC1` at the apex is a DMARC record at the wrong name).
 * Parsed once per model and shared by the rules, hover and quick fixes.
 */
import { MappedText } from '../text';
import type { Range } from '../types';
import type { ZoneModel, ZoneRecord } from '../zone/model';
import { uncachedStrings } from '../zone/store';
import { editDistance } from '../spf/nearMiss';
import { parseTagList, type Span, type Tag, type TagListError } from './tagList';

/** A domain as prose writes it (no trailing dot; the root stays `.`). */
export const bare = (name: string): string => (name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name);

export type MailKind = 'dmarc' | 'dkim' | 'mta-sts' | 'tls-rpt' | 'bimi' | 'dmarc-report-auth';

/** The version tag value of each kind (`v=<value>`), exactly as the specifications spell it. */
export const VERSION_VALUES: Record<MailKind, string> = {
  dmarc: 'DMARC1',
  'dmarc-report-auth': 'DMARC1',
  dkim: 'DKIM1',
  'mta-sts': 'STSv1',
  'tls-rpt': 'TLSRPTv1',
  bimi: 'BIMI1',
};

/** How the version tag of a record compares with its kind's (RFC 7489 §6.3: DMARC1 must match precisely and come first). */
export type VersionState =
  /** `v=<value>` exactly, as the first tag. */
  | 'ok'
  /** No `v` tag at all (allowed for DKIM, whose `v` is optional). */
  | 'missing'
  /** A `v` tag that is not the first tag. */
  | 'not-first'
  /** The right value in the wrong letter case (`v=dmarc1`). */
  | 'case'
  /** A near miss of the tag or its value (`v=DMARC`, `v:DMARC1`, `v=DMARC1 p=none`). */
  | 'typo';

export interface MailVersion {
  state: VersionState;
  /** The written text that should read `v=<value>` (value indices), when there is one. */
  span?: Span;
  written?: string;
}

export interface MailRecord {
  kind: MailKind;
  record: ZoneRecord;
  /** The character-strings joined (RFC 7489 §6.6.2, RFC 6376 §3.6.2.2). */
  text: MappedText;
  tags: Tag[];
  errors: TagListError[];
  version: MailVersion;
  /** The kind the owner name gives, if any. */
  ownerKind?: MailKind;
  /** The kind the value's version tag gives (exactly or as a near miss), if any. */
  valueKind?: MailKind;
  /**
   * The domain the record speaks for: the owner without the `_dmarc`, `_domainkey`… labels; for a
   * record at a name that belongs to no kind (a misplaced one), its owner.
   */
  domain: string;
  /** DKIM and BIMI selector (may contain dots). */
  selector?: string;
  /** For `dmarc-report-auth`: the domain whose reports this name accepts. */
  reportedDomain?: string;
}

/** The kind an owner name gives, with the domain and selector. */
export function kindOfOwner(owner: string): { kind: MailKind; domain: string; selector?: string; reportedDomain?: string } | undefined {
  if (owner.indexOf('_') < 0) return undefined;
  const labels = owner.toLowerCase().split('.');
  if (labels[labels.length - 1] === '') labels.pop();
  const rest = (from: number): string => (from >= labels.length ? '.' : labels.slice(from).join('.') + '.');
  if (labels[0] === '_dmarc') return { kind: 'dmarc', domain: rest(1) };
  const report = labels.indexOf('_report');
  if (report > 0 && labels[report + 1] === '_dmarc') {
    return { kind: 'dmarc-report-auth', domain: rest(report + 2), reportedDomain: labels.slice(0, report).join('.') + '.' };
  }
  if (labels[0] === '_mta-sts') return { kind: 'mta-sts', domain: rest(1) };
  if (labels[0] === '_smtp' && labels[1] === '_tls') return { kind: 'tls-rpt', domain: rest(2) };
  const dk = labels.indexOf('_domainkey');
  if (dk > 0) return { kind: 'dkim', domain: rest(dk + 1), selector: labels.slice(0, dk).join('.') };
  const bimi = labels.indexOf('_bimi');
  if (bimi > 0) return { kind: 'bimi', domain: rest(bimi + 1), selector: labels.slice(0, bimi).join('.') };
  return undefined;
}

const VALUE_KINDS: [string, MailKind][] = [
  ['dmarc1', 'dmarc'],
  ['dkim1', 'dkim'],
  ['stsv1', 'mta-sts'],
  ['tlsrptv1', 'tls-rpt'],
  ['bimi1', 'bimi'],
];

/**
 * RFC 7489 §6.4's ABNF: `dmarc-version = "v" *WSP "=" *WSP %x44 %x4d %x41 %x52 %x43 %x31` — the
 * quoted "v" is case-insensitive (RFC 5234 §2.3) and blanks may surround the `=`; the value is
 * exact. The other kinds spell their version tag case-sensitively and without blanks
 * (RFC 8461 §3.1, RFC 8460 §3, RFC 6376 §3.2).
 */
const LENIENT_DMARC_VERSION = /^[vV][ \t]*=[ \t]*DMARC1$/;

/**
 * The kind a value announces in its leading version tag, and how well it is written. Near misses
 * are judged on the text before the first `;` with spaces around `=` removed: the version value
 * one or two edits away (`DMARC`, `DMRAC1`), `:` for `=`, or the next tag run in without `;`.
 */
export function kindOfValue(value: string): { kind: MailKind; version: MailVersion } | undefined {
  let i = 0;
  while (i < value.length && (value[i] === ' ' || value[i] === '\t')) i++;
  const c = value[i];
  if (c !== 'v' && c !== 'V') return undefined;
  let end = value.indexOf(';', i);
  if (end < 0) end = value.length;
  while (end > i && (value[end - 1] === ' ' || value[end - 1] === '\t')) end--;
  const written = value.slice(i, end);
  const m = /^[vV]\s*[=:]?\s*([A-Za-z0-9]+)/.exec(written);
  if (!m) return undefined;
  const head = m[0];
  const word = m[1];
  const lower = word.toLowerCase();
  let best: { kind: MailKind; d: number } | undefined;
  for (const [v, kind] of VALUE_KINDS) {
    const d = lower === v ? 0 : editDistance(lower, v);
    if (!best || d < best.d) best = { kind, d };
  }
  if (!best || best.d > (lower.length >= 6 ? 2 : 1)) return undefined;
  const exactValue = VERSION_VALUES[best.kind];
  const span = { start: i, end: written === head ? end : i + head.length };
  if (written === head && (head === `v=${exactValue}` || (best.kind === 'dmarc' && LENIENT_DMARC_VERSION.test(head)))) {
    return { kind: best.kind, version: { state: 'ok', span, written } };
  }
  if (written !== head && /^[vV]=[A-Za-z0-9]+\s+\S/.test(written) && best.d === 0) {
    // The version runs into the next tag without a ';' (`v=DMARC1 p=none`).
    return { kind: best.kind, version: { state: 'typo', span: { start: i, end: i + head.length }, written: head } };
  }
  if (best.d === 0 && head === `v=${word}`) return { kind: best.kind, version: { state: 'case', span, written: head } };
  return { kind: best.kind, version: { state: 'typo', span, written: value.slice(span.start, span.end) } };
}

function versionState(kind: MailKind, tags: Tag[], fromValue: MailVersion | undefined): MailVersion {
  if (fromValue) return fromValue;
  const v = tags.find((t) => t.name === 'v' || (kind === 'dmarc' && t.name === 'V'));
  if (!v) return { state: 'missing' };
  const span = v.span;
  if (v.index !== 0) return { state: 'not-first', span, written: `v=${v.value}` };
  if (v.value === VERSION_VALUES[kind]) return { state: 'ok', span, written: `v=${v.value}` };
  if (v.value.toLowerCase() === VERSION_VALUES[kind].toLowerCase()) return { state: 'case', span, written: `v=${v.value}` };
  return { state: 'typo', span, written: `v=${v.value}` };
}

const cache = new WeakMap<ZoneModel, MailRecord[]>();

/** The mail-authentication records of the zone (not SPF), in document order. */
export function mailRecords(model: ZoneModel): MailRecord[] {
  let found = cache.get(model);
  if (found) return found;
  found = [];
  for (const record of model.recordsOfType('TXT')) {
    const owned = kindOfOwner(record.owner);
    let byValue: ReturnType<typeof kindOfValue>;
    if (!owned) {
      // Most TXT records of a large zone are SPF or site verifications: judge them on their
      // first string, before joining anything.
      const first = uncachedStrings(record)?.[0]?.value;
      if (first === undefined || !/^[ \t]*[vV]/.test(first) || /^[ \t]*v=spf1/i.test(first) || !kindOfValue(first)) continue;
    }
    if (!record.strings || record.strings.length === 0) continue;
    const text = MappedText.concat(record.strings);
    byValue = kindOfValue(text.value);
    if (!owned && !byValue) continue;
    const kind = owned?.kind ?? byValue!.kind;
    const { tags, errors } = parseTagList(text.value);
    const sameKind = byValue && (byValue.kind === kind || (kind === 'dmarc-report-auth' && byValue.kind === 'dmarc'));
    found.push({
      kind,
      record,
      text,
      tags,
      errors,
      version: versionState(kind, tags, sameKind && byValue!.version.state !== 'ok' ? byValue!.version : undefined),
      ownerKind: owned?.kind,
      valueKind: byValue?.kind,
      domain: owned?.domain ?? record.owner,
      selector: owned?.selector,
      reportedDomain: owned?.reportedDomain,
    });
  }
  cache.set(model, found);
  return found;
}

/** The records of one kind. */
export function mailRecordsOf(model: ZoneModel, kind: MailKind): MailRecord[] {
  return mailRecords(model).filter((m) => m.kind === kind);
}

/** Records of `kind` that are evidently of it (not another protocol's record at the name). */
export function recordsOf(model: ZoneModel, kind: MailKind): MailRecord[] {
  return mailRecordsOf(model, kind).filter((m) => m.valueKind === kind || m.version.state === 'missing' || m.version.state === 'not-first');
}

/** The document range of a span of the record's value. */
export function docRange(m: MailRecord, span: Span): Range {
  return m.text.docRange(span.start, span.end);
}

/** The record's RDATA (all its strings) as a document range. */
export function rdataDocRange(m: MailRecord): Range {
  const first = m.record.rdata[0];
  const last = m.record.rdata[m.record.rdata.length - 1];
  return first && last ? { start: first.range.start, end: last.range.end } : m.record.range;
}

export interface MailLocation {
  mail: MailRecord;
  tag?: Tag;
  /** Whether the offset is on the tag's name or its value. */
  on?: 'name' | 'value';
}

/** The mail record and tag at a document offset. */
export function mailAt(model: ZoneModel, offset: number): MailLocation | undefined {
  for (const mail of mailRecords(model)) {
    if (offset < mail.record.range.start || offset > mail.record.range.end) continue;
    for (const t of mail.tags) {
      const name = docRange(mail, t.nameSpan);
      if (offset >= name.start && offset < name.end) return { mail, tag: t, on: 'name' };
      const whole = docRange(mail, t.span);
      if (offset >= whole.start && offset < whole.end) return { mail, tag: t, on: 'value' };
    }
    return { mail };
  }
  return undefined;
}
