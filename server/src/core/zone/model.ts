/** The parsed zone file. Produced by `parseZone`, read by zone and SPF rules, hover and editor features. */
import type { LineIndex, MappedText } from '../text';
import type { Range } from '../types';

/** Stable kinds of syntax problems (for tests, docs and rules that want to single some out). */
export type ZoneProblemCode =
  | 'unterminated-quote'
  | 'unclosed-paren'
  | 'unbalanced-paren'
  | 'bad-escape'
  /** A backslash and one or two digits: a dialect point (PowerDNS loads it), not only a syntax error. */
  | 'short-escape'
  | 'nul-byte'
  | 'no-owner'
  | 'bad-owner'
  | 'empty-label'
  | 'label-too-long'
  | 'name-too-long'
  | 'bad-ttl'
  | 'duplicate-ttl'
  | 'duplicate-class'
  | 'bad-class'
  | 'missing-type'
  | 'unknown-type'
  | 'meta-type'
  | 'misplaced-directive'
  | 'missing-rdata'
  | 'string-too-long'
  | 'rdata-too-long'
  /** Valid RDATA longer than a DNS message can carry (MESSAGE_RDATA_MAX): a dialect point, not a syntax error. */
  | 'rdata-over-message'
  | 'bad-generic-rdata'
  | 'generic-required'
  | 'unknown-directive'
  | 'missing-argument'
  | 'extra-argument'
  | 'bad-argument'
  | 'bad-generate';

export interface ZoneProblem {
  code: ZoneProblemCode;
  range: Range;
  message: string;
}

/** One token as written in the document. */
export interface ZoneToken {
  /** The token as written (a quoted string keeps its quotes). */
  text: string;
  range: Range;
  /** Written as a `"quoted string"`. */
  quoted: boolean;
}

/** Where the TTL of a record came from (RFC 1035 §5.1, RFC 2308 §4, BIND's fallbacks). */
export type TtlSource = 'explicit' | 'default' | 'previous' | 'soa-minimum';

export interface ZoneRecord {
  /** Absolute owner name, lower-cased, with trailing dot (e.g. `example.com.`). */
  owner: string;
  /** Range of the owner as written; an empty range at the line start when inherited. */
  ownerRange: Range;
  /** TTL in effect (see `ttlSource`); undefined when the file gives none at all. */
  ttl?: number;
  /** Range of the TTL when written on the record. */
  ttlRange?: Range;
  ttlSource?: TtlSource;
  /** Class mnemonic (`IN`, `CH`, `HS`…); written or inherited. */
  class: string;
  /** Range of the class when written on the record. */
  classRange?: Range;
  /** Upper-case type mnemonic (`TXT`, `MX`, `TYPE65534`…); `TYPE16` is reported as `TXT`. */
  type: string;
  /** Type number. */
  typeCode: number;
  typeRange: Range;
  /** RDATA tokens as written (strings keep their quotes in `text`), with ranges. */
  rdata: ZoneToken[];
  /** The RDATA is in RFC 3597 generic form (`\# len hex`). */
  generic: boolean;
  /** Decoded character-strings of TXT/SPF (and other string-only) records. */
  strings?: MappedText[];
  /** The whole record, from owner (or first field) to the end of its last token. */
  range: Range;
  /** Offset of the start of the line the record begins on. */
  lineStart: number;
  /** The `$ORIGIN` in effect: relative names in the RDATA are relative to it. */
  origin: string;
}

interface DirectiveBase {
  /** From the `$` to the end of the last argument. */
  range: Range;
  /** The `$KEYWORD` token. */
  keywordRange: Range;
  /** All tokens after the keyword. */
  args: ZoneToken[];
  /** Number of records that precede the directive (its place in the record sequence). */
  recordIndex: number;
}

export interface OriginDirective extends DirectiveBase {
  kind: 'origin';
  /** The new origin (absolute, canonical); undefined when missing. */
  name?: string;
  nameRange?: Range;
}

export interface TtlDirective extends DirectiveBase {
  kind: 'ttl';
  ttl?: number;
  valueRange?: Range;
}

/** `$INCLUDE file [origin]`. Recorded only: the core reads no files. */
export interface IncludeDirective extends DirectiveBase {
  kind: 'include';
  /** File name with quotes and escapes removed. */
  file?: string;
  fileRange?: Range;
  /** Origin for the included file (absolute); defaults to `currentOrigin`. */
  origin?: string;
  originRange?: Range;
  /** The `$ORIGIN` in effect at the directive. */
  currentOrigin: string;
  /** The parser's state at the directive, which the included file starts with (as in BIND). */
  state?: IncludeState;
}

/**
 * What an included file inherits from the file that includes it. BIND starts an included file
 * with the current owner (a first record that starts with a blank belongs to it), the `$TTL` and
 * last TTL, and the last class; only the origin is the file's own (RFC 1035 §5.1).
 */
export interface IncludeState {
  /** Absolute owner of the last record before the directive. */
  owner?: string;
  defaultTtl?: number;
  lastTtl?: number;
  class?: string;
}

/** BIND's `$GENERATE range lhs [ttl] [class] type rhs`. Parsed and checked; not expanded yet. */
export interface GenerateDirective extends DirectiveBase {
  kind: 'generate';
  start?: number;
  stop?: number;
  step?: number;
  rangeRange?: Range;
  lhs?: ZoneToken;
  ttl?: number;
  ttlRange?: Range;
  class?: string;
  classRange?: Range;
  type?: string;
  typeCode?: number;
  typeRange?: Range;
  rhs?: ZoneToken;
  /** The `$ORIGIN` in effect at the directive. */
  origin: string;
}

export interface UnknownDirective extends DirectiveBase {
  kind: 'unknown';
  /** Upper-cased keyword as written, with its `$`. */
  name: string;
}

export type ZoneDirective = OriginDirective | TtlDirective | IncludeDirective | GenerateDirective | UnknownDirective;

export interface ZoneModel {
  text: string;
  lines: LineIndex;
  /** Records in document order (materialised on first access). */
  records: ZoneRecord[];
  /** Number of records, without materialising them. */
  recordCount: number;
  /** Records of one type (`'TXT'`, `'TYPE65534'` or a type number), in document order; cached. */
  recordsOfType(type: string | number): ZoneRecord[];
  /** The record whose text (first to last token) contains `offset`. */
  recordAt(offset: number): ZoneRecord | undefined;
  /** Directives in document order. */
  directives: ZoneDirective[];
  /** Syntax problems in document order (reported by the `zone-syntax` rule). */
  problems: ZoneProblem[];
  /** Origin in effect at the top of the file. */
  origin: string;
  /**
   * False when the caller did not say which zone the file holds: names relative to the top
   * origin were then completed with the root (`www` → `www.`).
   */
  originKnown: boolean;
  /** Files read for its `$INCLUDE` directives (set when the caller gave an include reader). */
  includes?: IncludedFile[];
}

/** The outcome of one `$INCLUDE`: the parsed file, or why it could not be read. */
export interface IncludedFile {
  directive: IncludeDirective;
  /** Where the reader found the file. */
  uri?: string;
  model?: ZoneModel;
  /** Why the file is not there: missing, cyclic, too deep or over the size budget. */
  error?: { kind: 'missing' | 'cycle' | 'depth' | 'size'; message: string };
}
