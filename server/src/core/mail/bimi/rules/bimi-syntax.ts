/**
 * bimi-syntax: a `<selector>._bimi` record that is not `v=BIMI1; l=<https URL of an SVG or
 * empty>[; a=<https URL of a mark certificate or empty>][; avp=brand|personal]` (BIMI draft
 * §4.2): the version (near misses, not first, missing), `l` required, https-only URLs, the SVG
 * extension, `avp` values, duplicate tags, malformed tag lists. Quick fix for the version.
 */
import type { ZoneModel } from '../../../zone/model';
import type { MailRecord } from '../../records';
import { duplicateTags, tag, type Span } from '../../tagList';
import { commentCutNote, httpsProblem, tagRecordSyntaxRule, urlPath, versionRunsOn } from '../../dmarc/common';
import { anchor } from '../../smtptls/checks';

const ID = 'bimi-syntax';
const SPEC = 'BIMI draft §4.2';

/** BIMI records that are evidently BIMI (not another protocol's record at the name). */

export function bimiProblems(m: MailRecord, model?: ZoneModel): { span: Span; message: string }[] {
  const out: { span: Span; message: string }[] = [];
  for (const e of m.errors) out.push({ span: e.span, message: `${e.message} (${SPEC})` });
  for (const t of duplicateTags(m.tags)) out.push({ span: t.span, message: `The tag ${t.name}= appears twice, which makes the record invalid (${SPEC})` });
  const bad = (s: Span): boolean => m.errors.some((e) => e.code === 'bad-value-char' && e.span.start >= s.start && e.span.start < s.end);
  const l = tag(m.tags, 'l');
  if (!l) {
    if (m.errors.length === 0 && !versionRunsOn(m)) out.push({ span: anchor(m), message: `The record has no l= tag: it is required — the https: URL of the SVG logo, or empty to decline BIMI (${SPEC})${commentCutNote(m, model)}` });
  } else if (l.value.length > 0 && !bad(l.valueSpan)) {
    const problem = httpsProblem(l.value);
    if (problem) out.push({ span: l.valueSpan, message: `${problem}: l= is the https: URL of the logo, or empty (${SPEC})` });
    else if (!/\.svg$/i.test(urlPath(l.value))) out.push({ span: l.valueSpan, message: `"${l.value}" does not end in .svg: the logo must be an SVG Tiny PS file (${SPEC})` });
  }
  const a = tag(m.tags, 'a');
  if (a && a.value.length > 0 && !bad(a.valueSpan)) {
    const problem = httpsProblem(a.value);
    if (problem) out.push({ span: a.valueSpan, message: `${problem}: a= is the https: URL of the PEM mark certificate (VMC or CMC), or empty (${SPEC})` });
  }
  const avp = tag(m.tags, 'avp');
  if (avp && !/^(brand|personal)$/i.test(avp.value)) {
    out.push({ span: avp.value.length ? avp.valueSpan : avp.span, message: `avp=${avp.value}: the avatar preference is brand or personal` });
  }
  return out;
}

export const bimiSyntax = tagRecordSyntaxRule(
  {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'A BIMI record that is not "v=BIMI1; l=<https SVG URL>…", so mailbox providers show no logo',
  },
  'bimi',
  bimiProblems,
);
