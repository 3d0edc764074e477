/**
 * The tag-list syntax shared by DKIM key records (RFC 6376 §3.2), DMARC (RFC 7489 §6.4), MTA-STS
 * (RFC 8461 §3.1), TLS-RPT (RFC 8460 §3) and BIMI records:
 *
 *     tag-list  = tag-spec *( ";" tag-spec ) [ ";" ]
 *     tag-spec  = [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
 *     tag-name  = ALPHA *ALNUMPUNC          ; ALNUMPUNC = ALPHA / DIGIT / "_"
 *     tag-value = [ tval *( 1*(WSP / FWS) tval ) ]   ; tval = 1*(%x21-3A / %x3C-7E)
 *
 * The parser works on the record's value (its character-strings joined) and never throws:
 * every malformed spec becomes an error with a range, and the specs around it are still read.
 * Offsets are indices into the value; `MailRecord.docRange` maps them into the document.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Tag {
  /** The name as written (tag names are case-sensitive, RFC 6376 §3.2). */
  name: string;
  nameSpan: Span;
  /** The value with surrounding whitespace removed (inner whitespace kept). */
  value: string;
  valueSpan: Span;
  /** The whole spec without surrounding whitespace, from the name to the end of the value. */
  span: Span;
  /** Position among the tags of the list (0 for the first). */
  index: number;
}

export type TagListErrorCode =
  /** A spec without `=` (`p none`). */
  | 'missing-equals'
  /** `=value` without a name. */
  | 'empty-name'
  /** A name that is not ALPHA *(ALPHA / DIGIT / "_"). */
  | 'bad-name'
  /** A value with a character outside %x21-7E other than whitespace. */
  | 'bad-value-char'
  /** An empty spec between two semicolons (`;;`), or a list with nothing but separators. */
  | 'empty-spec';

export interface TagListError {
  code: TagListErrorCode;
  span: Span;
  message: string;
}

export interface TagList {
  tags: Tag[];
  errors: TagListError[];
}

const isWsp = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function trimSpan(value: string, start: number, end: number): Span {
  while (start < end && isWsp(value[start])) start++;
  while (end > start && isWsp(value[end - 1])) end--;
  return { start, end };
}

/** Parses a tag-list. Linear in the length of the value. */
export function parseTagList(value: string): TagList {
  const tags: Tag[] = [];
  const errors: TagListError[] = [];
  let from = 0;
  const specs: Span[] = [];
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || value[i] === ';') {
      specs.push({ start: from, end: i });
      from = i + 1;
    }
  }
  specs.forEach((raw, k) => {
    const spec = trimSpan(value, raw.start, raw.end);
    if (spec.start === spec.end) {
      // A trailing ";" (and the empty list) is allowed; an empty spec in the middle is not.
      if (k < specs.length - 1 && k > 0 && specs.length > 2) {
        errors.push({ code: 'empty-spec', span: { start: raw.start - 1, end: raw.end + 1 }, message: 'Empty tag between two semicolons' });
      }
      return;
    }
    const eq = value.indexOf('=', spec.start);
    if (eq < 0 || eq >= spec.end) {
      errors.push({
        code: 'missing-equals',
        span: spec,
        message: `'${value.slice(spec.start, spec.end)}' is not a tag: a tag is written name=value and tags are separated by ';'`,
      });
      return;
    }
    const nameSpan = trimSpan(value, spec.start, eq);
    const valueSpan = trimSpan(value, eq + 1, spec.end);
    const name = value.slice(nameSpan.start, nameSpan.end);
    if (name.length === 0) {
      errors.push({ code: 'empty-name', span: spec, message: 'A tag value without a tag name before the =' });
      return;
    }
    if (!NAME.test(name)) {
      errors.push({
        code: 'bad-name',
        span: nameSpan,
        message: `'${name}' is not a tag name (a letter, then letters, digits or _)`,
      });
      return;
    }
    for (let i = valueSpan.start; i < valueSpan.end; i++) {
      const c = value.charCodeAt(i);
      if ((c < 0x21 || c > 0x7e) && !isWsp(value[i])) {
        errors.push({
          code: 'bad-value-char',
          span: { start: i, end: i + 1 },
          message: `The value of tag '${name}' holds ${describeChar(value[i])}; tag values are printable ASCII`,
        });
        break;
      }
    }
    tags.push({ name, nameSpan, value: value.slice(valueSpan.start, valueSpan.end), valueSpan, span: spec, index: tags.length });
  });
  return { tags, errors };
}

function describeChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return `the character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Tags that occur more than once, after their first occurrence (RFC 6376 §3.2: the list is then invalid). */
export function duplicateTags(tags: readonly Tag[]): Tag[] {
  const seen = new Set<string>();
  const out: Tag[] = [];
  for (const t of tags) {
    if (seen.has(t.name)) out.push(t);
    else seen.add(t.name);
  }
  return out;
}

/** The first tag named `name`. */
export function tag(tags: readonly Tag[], name: string): Tag | undefined {
  return tags.find((t) => t.name === name);
}

/** Splits a tag value at `sep` (`,` or `:`), keeping the span of each trimmed item. */
export function splitValue(t: Tag, sep: string): { text: string; span: Span }[] {
  const out: { text: string; span: Span }[] = [];
  let from = 0;
  for (let i = 0; i <= t.value.length; i++) {
    if (i === t.value.length || t.value[i] === sep) {
      let s = from;
      let e = i;
      while (s < e && isWsp(t.value[s])) s++;
      while (e > s && isWsp(t.value[e - 1])) e--;
      out.push({ text: t.value.slice(s, e), span: { start: t.valueSpan.start + s, end: t.valueSpan.start + e } });
      from = i + 1;
    }
  }
  return out;
}
