/** The parsed zone file. Produced by `parseZone`, read by zone and SPF rules, hover and editor features. */
import type { LineIndex, MappedText } from '../text';
import type { Range } from '../types';

export interface ZoneProblem {
  range: Range;
  message: string;
}

export interface ZoneRecord {
  /** Absolute owner name, lower-cased, with trailing dot (e.g. `example.com.`). */
  owner: string;
  /** Range of the owner as written; an empty range at the line start when inherited. */
  ownerRange: Range;
  ttl?: number;
  class: string;
  /** Upper-case type mnemonic (`TXT`, `MX`, `TYPE65534`…). */
  type: string;
  typeRange: Range;
  /** RDATA tokens as written (strings keep their quotes in `text`), with ranges. */
  rdata: { text: string; range: Range }[];
  /** Decoded character-strings of TXT/SPF (and other string-bearing) records. */
  strings?: MappedText[];
  /** The whole record, from owner (or first field) to the end of its last token. */
  range: Range;
}

export interface ZoneModel {
  text: string;
  lines: LineIndex;
  records: ZoneRecord[];
  problems: ZoneProblem[];
}
