/**
 * Hover documentation of the mail-authentication records, as data: one `KindDocs` per record kind
 * (in `<kind>/tags.ts`), read by `hover.ts`. Every tag names the specification section it comes from.
 */
import type { MailKind, MailRecord } from './records';
import type { Tag } from './tagList';

export interface SpecRef {
  /** `RFC 7489 §6.3`, `RFC 6376 §3.6.1`… */
  label: string;
  url: string;
}

export interface TagDoc {
  /** Short name (`Requested policy`). */
  title: string;
  /** Markdown: what the tag means and how receivers use it. */
  doc: string;
  spec: SpecRef;
  required?: boolean;
  /** The value receivers assume when the tag is absent. */
  default?: string;
  /** Meaning of each allowed value, when the values are an enumeration. */
  values?: Record<string, string>;
  example?: string;
}

export interface KindDocs {
  /** `DMARC policy record`… */
  name: string;
  /** Markdown: what the record is for and where it lives. */
  about: string;
  spec: SpecRef;
  tags: Record<string, TagDoc>;
  /**
   * Optional: Markdown about the value written in one record (e.g. the decoded DKIM key's type and
   * size), shown in the tag's hover under its documentation.
   */
  describeValue?(tag: Tag, mail: MailRecord): string | undefined;
}

export function rfc(number: number, section: string): SpecRef {
  return { label: `RFC ${number} §${section}`, url: `https://www.rfc-editor.org/rfc/rfc${number}#section-${section}` };
}

export type DocsByKind = Record<MailKind, KindDocs>;
