/**
 * Hover inside DMARC, DKIM, MTA-STS, TLS-RPT and BIMI records: the tag under the cursor (meaning,
 * allowed values, default, specification section), or — elsewhere on the record — what the record
 * is and the tags it has.
 */
import type { RuleContext } from '../rule';
import type { HoverResult } from '../types';
import type { ZoneModel } from '../zone/model';
import type { DocsByKind, KindDocs, SpecRef, TagDoc } from './docs';
import { BIMI_DOCS } from './bimi/tags';
import { DKIM_DOCS } from './dkim/tags';
import { DMARC_DOCS } from './dmarc/tags';
import { MTA_STS_DOCS, TLS_RPT_DOCS } from './smtptls/tags';
import { docRange, mailAt, rdataDocRange, type MailRecord } from './records';
import type { Tag } from './tagList';

const REPORT_AUTH_DOCS: KindDocs = {
  name: 'DMARC external report authorisation',
  about:
    'Published at `<domain>._report._dmarc.<receiver>`: says that `<receiver>` accepts DMARC reports about `<domain>`, so a `rua=`/`ruf=` address of another domain is honoured (RFC 7489 §7.1). The value is `v=DMARC1` (other tags may override the report addresses).',
  spec: { label: 'RFC 7489 §7.1', url: 'https://www.rfc-editor.org/rfc/rfc7489#section-7.1' },
  tags: { v: DMARC_DOCS.tags.v },
};

export const MAIL_DOCS: DocsByKind = {
  dmarc: DMARC_DOCS,
  dkim: DKIM_DOCS,
  'mta-sts': MTA_STS_DOCS,
  'tls-rpt': TLS_RPT_DOCS,
  bimi: BIMI_DOCS,
  'dmarc-report-auth': REPORT_AUTH_DOCS,
};

const link = (s: SpecRef): string => `[${s.label}](${s.url})`;

/** Markdown of one tag's documentation. */
export function tagMarkdown(kind: KindDocs, name: string, doc: TagDoc, written?: Tag, detail?: string): string {
  const out = [`**${name}=** — ${doc.title} (${kind.name})`, '', doc.doc];
  if (doc.values) {
    out.push('', '| value | meaning |', '|---|---|');
    for (const [v, meaning] of Object.entries(doc.values)) {
      const mark = written && written.value === v ? ' ◀' : '';
      out.push(`| \`${v}\`${mark} | ${meaning} |`);
    }
  }
  const facts: string[] = [];
  if (doc.required) facts.push('**Required.**');
  if (doc.default !== undefined) facts.push(`**Default:** \`${doc.default}\``);
  if (doc.example) facts.push(`**Example:** \`${doc.example}\``);
  if (facts.length) out.push('', facts.join(' · '));
  if (detail) out.push('', detail);
  out.push('', link(doc.spec));
  return out.join('\n');
}

function recordMarkdown(mail: MailRecord, docs: KindDocs): string {
  const out = [`**${docs.name}** for \`${mail.domain}\`${mail.selector ? ` (selector \`${mail.selector}\`)` : ''}`, '', docs.about];
  if (mail.tags.length) {
    out.push('', '| tag | value | meaning |', '|---|---|---|');
    for (const t of mail.tags) {
      const d = docs.tags[t.name];
      const value = t.value.length > 40 ? `${t.value.slice(0, 37)}…` : t.value;
      out.push(`| \`${t.name}\` | \`${value.replace(/\|/g, '\\|')}\` | ${d ? d.title : 'unknown tag (ignored by receivers)'} |`);
    }
  }
  out.push('', link(docs.spec));
  return out.join('\n');
}

export function mailHover(model: ZoneModel, offset: number, _ctx: RuleContext): HoverResult | undefined {
  const at = mailAt(model, offset);
  if (!at) return undefined;
  const docs = MAIL_DOCS[at.mail.kind];
  if (at.tag) {
    const doc = docs.tags[at.tag.name];
    const range = docRange(at.mail, at.on === 'name' ? at.tag.nameSpan : at.tag.span);
    if (doc) return { range, contents: tagMarkdown(docs, at.tag.name, doc, at.tag, docs.describeValue?.(at.tag, at.mail)) };
    return {
      range,
      contents: `**${at.tag.name}=** — not a tag of the ${docs.name}; receivers ignore unknown tags.\n\n${link(docs.spec)}`,
    };
  }
  // Only over the record's data, so the owner, TTL and type keep their own hover.
  const rdata = rdataDocRange(at.mail);
  if (offset < rdata.start || offset > rdata.end) return undefined;
  return { range: rdata, contents: recordMarkdown(at.mail, docs) };
}
