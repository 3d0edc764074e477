/**
 * MTA-STS (RFC 8461 §3.1) and TLS-RPT (RFC 8460 §3) record checks shared by their rules: which
 * records are evidently of the kind, and the problems of their tag lists. Both grammars allow
 * extension tags whose names may hold `-` and `.`, and write `name=value` without blanks.
 */
import { normalizeName } from '../../spf/resolver';
import type { ZoneIndex } from '../../spf/resolver';
import type { ZoneModel } from '../../zone/model';
import type { MailRecord } from '../records';
import { duplicateTags, splitValue, tag, type Span } from '../tagList';
import { commentCutNote, httpsProblem, mailtoProblem, uriScheme, versionRunsOn, type ValueSpanProblem } from '../dmarc/common';

export type Problem = ValueSpanProblem;

/** RFC 8461 `sts-ext-name` / RFC 8460 `tlsrpt-ext-name`. */
const EXT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

/** Tag-list problems: the parser's errors (extension names with `-`/`.` allowed), blanks around `=`, duplicates. */
export function tagListProblems(m: MailRecord, spec: string): Problem[] {
  const out: Problem[] = [];
  const value = m.text.value;
  for (const e of m.errors) {
    if (e.code === 'bad-name' && EXT_NAME.test(value.slice(e.span.start, e.span.end))) continue;
    out.push({ span: e.span, message: `${e.message} (${spec})` });
  }
  for (const t of m.tags) {
    if (value.slice(t.nameSpan.end, t.valueSpan.start) !== '=') {
      out.push({ span: t.span, message: `"${value.slice(t.span.start, t.span.end)}": no blanks are allowed around "=" (${spec})` });
    }
  }
  for (const t of duplicateTags(m.tags)) {
    out.push({ span: t.span, message: `The tag ${t.name}= appears twice; senders then treat the record as invalid (${spec})` });
  }
  return out;
}

/** The span to point at for a missing required tag: the version tag, else the whole value. */
export function anchor(m: MailRecord): Span {
  const v = tag(m.tags, 'v');
  return v ? v.span : { start: 0, end: m.text.value.length };
}

export function mtaStsProblems(m: MailRecord, model?: ZoneModel): Problem[] {
  const spec = 'RFC 8461 §3.1';
  const out = tagListProblems(m, spec);
  const id = tag(m.tags, 'id');
  if (!id) {
    if (m.errors.length === 0 && !versionRunsOn(m)) out.push({ span: anchor(m), message: `The record has no id= tag: it is required, and senders use it to notice a new policy (${spec})${commentCutNote(m, model)}` });
  } else if (!/^[A-Za-z0-9]{1,32}$/.test(id.value)) {
    out.push({ span: id.value.length ? id.valueSpan : id.span, message: `id=${id.value}: the policy id is 1 to 32 letters and digits (e.g. a date: 20240131T1200) (${spec})` });
  }
  for (const t of m.tags) {
    if (t.name !== 'v' && t.name !== 'id' && /[=;]/.test(t.value)) {
      out.push({ span: t.valueSpan, message: `The value of extension ${t.name}= may not contain "=" or ";" (${spec})` });
    }
  }
  return out;
}

/** The URI problems of a TLS-RPT `rua` value. */
export function tlsRptProblems(m: MailRecord, model?: ZoneModel): Problem[] {
  const spec = 'RFC 8460 §3';
  const out = tagListProblems(m, spec);
  const rua = tag(m.tags, 'rua');
  if (!rua) {
    if (m.errors.length === 0 && !versionRunsOn(m)) out.push({ span: anchor(m), message: `The record has no rua= tag: it is required and says where to send the reports (${spec})${commentCutNote(m, model)}` });
    return out;
  }
  if (rua.value.length === 0) {
    out.push({ span: rua.span, message: `rua= has no value: give mailto: or https: URIs (${spec})` });
    return out;
  }
  if (m.errors.some((e) => e.code === 'bad-value-char' && e.span.start >= rua.valueSpan.start && e.span.start < rua.valueSpan.end)) return out;
  for (const u of splitValue(rua, ',')) {
    if (!u.text) {
      out.push({ span: rua.valueSpan, message: `An empty entry in the rua= list (stray comma) (${spec})` });
      continue;
    }
    const scheme = uriScheme(u.text);
    const problem =
      scheme === 'mailto'
        ? mailtoProblem(u.text.slice(7))
        : scheme === 'https'
          ? httpsProblem(u.text)
          : `"${u.text}" is not a mailto: or https: URI`;
    // A bare address: the mailto: scheme is missing.
    const bare = !scheme && !mailtoProblem(u.text);
    if (problem) out.push({ span: u.span, message: `${problem} (${spec})`, replacement: bare ? `mailto:${u.text}` : undefined });
  }
  return out;
}

/** Whether `index` knows that `name` has no TXT record starting with `prefix`; undefined when it cannot know. */
export function lacksTxt(index: ZoneIndex, name: string, prefix: RegExp): boolean | undefined {
  const res = index.lookup(normalizeName(name), 'TXT');
  if ('error' in res) return res.error === 'nxdomain' ? true : undefined;
  return !res.records.some((s) => prefix.test(s.join('')));
}
