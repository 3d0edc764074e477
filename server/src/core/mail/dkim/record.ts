/**
 * One DKIM key record read once for every DKIM rule, the hover and the quick fixes: the first
 * occurrence of each tag, tags run together without `;` (`k=rsa p=MII…`, `v=DKIM1, k=rsa`), the
 * key type, and the decoded key. Cached per `MailRecord` (itself cached per model).
 */
import type { TextEdit } from '../../types';
import type { ZoneModel } from '../../zone/model';
import { docRange, mailRecordsOf, type MailRecord } from '../records';
import type { Span, Tag } from '../tagList';
import { replaceInStrings } from '../../zone/stringEdits';
import { decodeBase64, readKey, type Base64Result, type KeyShape } from './key';

/** The tags of RFC 6376 §3.6.1 (and `g=`, removed from RFC 4871). */
export const DKIM_TAGS = new Set(['v', 'g', 'h', 'k', 'n', 'p', 's', 't']);
export const KEY_TYPES = ['rsa', 'ed25519'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

/** A tag written inside another's value because the `;` before it is missing or is a `,`. */
export interface RunOn {
  /** The tag whose value holds the run-in one. */
  host: Tag;
  /** Value indices of the separator written (the `,`, or the whitespace where `;` belongs). */
  sep: Span;
  comma: boolean;
  /** Value indices of the run-in `name=`. */
  name: Span;
  tagName: string;
}

export interface DkimKey {
  base64: Base64Result;
  /** Absent when the base64 has a problem that stops reading. */
  shape?: KeyShape;
}

export interface DkimInfo {
  mail: MailRecord;
  /** The first occurrence of each tag. */
  first: Map<string, Tag>;
  runOns: RunOn[];
  /** The key type `k=` names (`rsa` when absent); undefined when it names an unknown one. */
  keyType?: KeyType;
  /** `p=`, when present. */
  p?: Tag;
  /** The decoded key, when `p=` is present, non-empty and free of syntax errors. */
  key?: DkimKey;
}

const RUN_ON = /(,[ \t\r\n]*|[ \t\r\n]+)([A-Za-z][A-Za-z0-9_]*)[ \t\r\n]*=/g;

function findRunOns(t: Tag): RunOn[] {
  const out: RunOn[] = [];
  if (!/[,\s]/.test(t.value)) return out;
  RUN_ON.lastIndex = 0;
  for (let m = RUN_ON.exec(t.value); m; m = RUN_ON.exec(t.value)) {
    const name = m[2];
    const after = t.value[m.index + m[0].length];
    // p= holds base64, where whitespace and a final '=' are allowed: only a known tag name followed
    // by a value character (never valid base64 after '=') is a run-on there. Notes (n=) are free
    // text: only known tag names count.
    if (t.name === 'p' && (!DKIM_TAGS.has(name) || after === undefined || after === '=' || /\s/.test(after))) continue;
    if (t.name === 'n' && !DKIM_TAGS.has(name)) continue;
    const comma = m[1].startsWith(',');
    const at = t.valueSpan.start + m.index;
    const sepEnd = comma ? at + 1 : at + m[1].length;
    const nameStart = at + m[1].length;
    out.push({ host: t, sep: { start: at, end: sepEnd }, comma, name: { start: nameStart, end: t.valueSpan.start + m.index + m[0].length }, tagName: name });
  }
  return out;
}

const cache = new WeakMap<MailRecord, DkimInfo>();

export function dkimInfo(mail: MailRecord): DkimInfo {
  let info = cache.get(mail);
  if (info) return info;
  const first = new Map<string, Tag>();
  for (const t of mail.tags) if (!first.has(t.name)) first.set(t.name, t);
  const runOns = mail.tags.flatMap(findRunOns);
  const k = first.get('k');
  const kValue = k ? effectiveValue({ runOns }, k) : 'rsa';
  // A `k=` run into another tag's value (`v=DKIM1 k=ed25519`) leaves the key type unknown until
  // the `;` is there: judging the key as RSA meanwhile would only add a misleading finding.
  const kHidden = !k && runOns.some((r) => r.tagName === 'k');
  const keyType = !kHidden && (KEY_TYPES as readonly string[]).includes(kValue) ? (kValue as KeyType) : undefined;
  const p = first.get('p');
  info = { mail, first, runOns, keyType, p };
  if (p && p.value.length > 0) {
    const blocked = mail.errors.some((e) => e.span.start < p.valueSpan.end && e.span.end > p.valueSpan.start) || runOns.some((r) => r.host === p);
    if (!blocked) {
      const base64 = decodeBase64(p.value);
      // Problems at the end of the data (padding, a lone last character) still leave the bytes
      // before them to read: a key cut short is told as such.
      const atEnd = !base64.problem || ['missing-padding', 'bad-padding', 'partial-byte'].includes(base64.problem.code);
      info.key = { base64, shape: atEnd ? readKey(base64.bytes) : undefined };
    }
  }
  cache.set(mail, info);
  return info;
}

/** A tag's value up to the first run-in tag (`rsa` of `k=rsa p=MII…`). */
export function effectiveValue(info: Pick<DkimInfo, 'runOns'>, t: Tag): string {
  const r = info.runOns.find((x) => x.host === t);
  return r ? t.value.slice(0, r.sep.start - t.valueSpan.start) : t.value;
}

/** The value span of a tag up to the first run-in tag. */
export function effectiveSpan(info: Pick<DkimInfo, 'runOns'>, t: Tag): Span {
  const r = info.runOns.find((x) => x.host === t);
  return r ? { start: t.valueSpan.start, end: r.sep.start } : t.valueSpan;
}

/** Items of a colon-separated list value (`h=`, `s=`, `t=`) with their value spans. */
export function listItems(info: Pick<DkimInfo, 'runOns'>, t: Tag): { text: string; span: Span }[] {
  const span = effectiveSpan(info, t);
  const value = t.value.slice(0, span.end - span.start);
  const out: { text: string; span: Span }[] = [];
  let from = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || value[i] === ':') {
      let s = from;
      let e = i;
      while (s < e && /\s/.test(value[s])) s++;
      while (e > s && /\s/.test(value[e - 1])) e--;
      out.push({ text: value.slice(s, e), span: { start: span.start + s, end: span.start + e } });
      from = i + 1;
    }
  }
  return out;
}

/**
 * `_adsp._domainkey.<domain>`: an Author Domain Signing Practices record (RFC 5617, historic), not
 * a key; `dkim-policy-record` reports it.
 */
export function isAdsp(mail: MailRecord): boolean {
  return mail.selector === '_adsp';
}

/** The DKIM key records of a zone, read. */
export function dkimRecords(model: ZoneModel): DkimInfo[] {
  return mailRecordsOf(model, 'dkim')
    .filter((m) => !isAdsp(m))
    .map(dkimInfo);
}

/** The DKIM key record whose RR holds a document offset (for quick fixes). */
export function dkimAt(model: ZoneModel, offset: number): DkimInfo | undefined {
  const mail = mailRecordsOf(model, 'dkim').find((m) => !isAdsp(m) && offset >= m.record.range.start && offset <= m.record.range.end);
  return mail && dkimInfo(mail);
}

// ---------------------------------------------------------------------------------------------
// Edits in the record's value


/**
 * Replaces value characters `[start, end)` with `replacement`, as edits of the document: one per
 * contiguous run of document text (the value may span several strings, or hold escapes), the
 * replacement in the first. Escapes `"`, `\` and, in an unquoted string, space, `;` and parentheses.
 */
export function replaceInValue(mail: MailRecord, start: number, end: number, replacement: string, attach: 'previous' | 'next' = 'previous'): TextEdit[] {
  return replaceInStrings(mail.record, mail.text, start, end, replacement, attach);
}

/**
 * Removes a whole tag with one `;` next to it, keeping the list valid: `a=1; t=y; p=…` → `a=1; p=…`,
 * `a=1; t=y` → `a=1`.
 */
export function removeTag(mail: MailRecord, t: Tag): TextEdit[] {
  const v = mail.text.value;
  const next = mail.tags[t.index + 1];
  const prev = mail.tags[t.index - 1];
  let start = t.span.start;
  let end = t.span.end;
  if (next) end = next.span.start;
  else if (prev) start = prev.span.end;
  else {
    // The only tag: remove it with a trailing ';'.
    let e = end;
    while (e < v.length && /[\s;]/.test(v[e])) e++;
    end = e;
  }
  return replaceInValue(mail, start, end, '');
}

/** Removes one item of a colon list (`y` of `t=s:y`) with one colon next to it. */
export function removeListItem(mail: MailRecord, items: { span: Span }[], k: number): TextEdit[] {
  const item = items[k];
  let start = item.span.start;
  let end = item.span.end;
  if (k + 1 < items.length) end = items[k + 1].span.start;
  else if (k > 0) {
    start = items[k - 1].span.end;
  }
  return replaceInValue(mail, start, end, '');
}

/** Document range of a value span. */
export const rangeOf = docRange;

/** A short quote of a value for messages. */
export function quote(s: string, max = 24): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
