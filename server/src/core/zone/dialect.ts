/**
 * Where a zone uses a dialect point (servers.ts): text some DNS server reads differently from
 * BIND and the RFCs. One pass finds the points a rule asks for; `zone-portability` and
 * `zone-server-refuses` decide from the target server which of them to report.
 *
 * An occurrence says what is written (`what`), how the servers that accept it take it
 * (`accepted`, for the message of `zone-portability`) and, where there is one, the portable
 * spelling (`advice`).
 */
import type { Range } from '../types';
import { zoneFacts } from './analysis';
import type { ZoneModel, ZoneProblem, ZoneToken } from './model';
import { rdataDescriptor, validateRdata } from './rdata/validate';
import { dialectPoint, type DialectPointId } from './servers';
import { uncachedRdata } from './store';
import { ownerSpot } from './rules/common';

export interface DialectOccurrence {
  point: DialectPointId;
  range: Range;
  /** The construct as written: "a relative $ORIGIN", "an SSHFP record without a fingerprint". */
  what: string;
  /** How BIND (or a server that accepts it) takes it: "appends it to the current origin". */
  accepted?: string;
  /** The portable spelling, a sentence: "Write the absolute name sub.example.com." */
  advice?: string;
}

/** Characters that end an unquoted token (blank, line break, parentheses, comment, quote). */
const DELIMITER = new Set([32, 9, 10, 13, 40, 41, 59, 34, 0]);

/** Unescaped characters Knot accepts in a label (besides `@` alone for the origin). */
function knotLabelChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95 || c === 47 || c === 42;
}

/** Offset (in `text`) of the first unescaped character Knot refuses in the name token, or -1. */
function knotNameCharAt(text: string, start: number, end: number): number {
  if (end - start === 1 && text.charCodeAt(start) === 64) return -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i += /^\d{3}$/.test(text.slice(i + 1, i + 4)) ? 3 : 1;
      continue;
    }
    if (c === 46 || knotLabelChar(c)) continue;
    return i;
  }
  return -1;
}

/** The name token ends with an unescaped dot (it is absolute), or is `@` (the current origin). */
function absolute(text: string): boolean {
  if (text === '@') return true;
  if (!text.endsWith('.')) return false;
  let slashes = 0;
  for (let i = text.length - 2; i >= 0 && text[i] === '\\'; i--) slashes++;
  return slashes % 2 === 0;
}

/** Offset of a `(` opened while another is open in `text[from, to)`, or -1. */
function nestedParenthesisAt(text: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 59) {
      while (i < to && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (c === 34) {
      for (i++; i < to; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34 || d === 10 || d === 13) break;
      }
    } else if (c === 40) {
      if (depth > 0) return i;
      depth++;
    } else if (c === 41 && depth > 0) depth--;
  }
  return -1;
}

/** Whether `text[from, to)` holds the word `class` in any case (as `/class/i` on the slice, without the slice). */
function hasClassWord(text: string, from: number, to: number): boolean {
  for (let i = from; i + 5 <= to; i++) {
    if ((text.charCodeAt(i) | 0x20) !== 99) continue;
    if ((text.charCodeAt(i + 1) | 0x20) === 108 && (text.charCodeAt(i + 2) | 0x20) === 97 && (text.charCodeAt(i + 3) | 0x20) === 115 && (text.charCodeAt(i + 4) | 0x20) === 115) return true;
  }
  return false;
}

type Descriptor = NonNullable<ReturnType<typeof rdataDescriptor>>;
const readsRdataCache = new WeakMap<Descriptor, boolean>();

/** The name-character and base64 checks look at the RDATA of this type: it has a name field or base64 data. */
function readsRdata(d: Descriptor): boolean {
  let v = readsRdataCache.get(d);
  if (v === undefined) {
    v = d.fields.some((f) => f.kind === 'name') || (!!d.rest && (d.rest.kind === 'base64' || d.rest.kind === 'base64OrDash'));
    readsRdataCache.set(d, v);
  }
  return v;
}

const has = (wanted: ReadonlySet<DialectPointId>, ...ids: DialectPointId[]): boolean => ids.some((id) => wanted.has(id));

/** Points that are problems of the parser (`parserProblemPoint`). */
const PARSER_POINTS: readonly DialectPointId[] = ['txt-string-over-255', 'rdata-over-message', 'short-decimal-escape', 'tsig-tkey-record'];

/**
 * The dialect point a problem of the parser is, if any: the rule that reports the problem leaves
 * it to zone-portability when the target server accepts the point.
 */
export function parserProblemPoint(p: ZoneProblem, model: ZoneModel): DialectPointId | undefined {
  switch (p.code) {
    case 'string-too-long':
      return model.recordAt(p.range.start)?.type === 'TXT' ? 'txt-string-over-255' : undefined;
    case 'rdata-over-message':
      return 'rdata-over-message';
    case 'short-escape':
      return 'short-decimal-escape';
    case 'meta-type':
      return /^(TSIG|TKEY)$/i.test(model.text.slice(p.range.start, p.range.end)) ? 'tsig-tkey-record' : undefined;
    default:
      return undefined;
  }
}

/** Points found by validating the RDATA of these types (the validators mark them). */
const RDATA_POINT_TYPES: Partial<Record<DialectPointId, readonly string[]>> = {
  'loc-latitude-over-90': ['LOC'],
  'loc-missing-altitude': ['LOC'],
  'loc-seconds-60': ['LOC'],
  'ipseckey-missing-gateway': ['IPSECKEY'],
  'svcb-mandatory-absent-key': ['SVCB', 'HTTPS'],
  'svcb-no-default-alpn-alone': ['SVCB', 'HTTPS'],
  'svcb-alpn-id-over-255': ['SVCB', 'HTTPS'],
  'svcb-dohpath-unchecked': ['SVCB', 'HTTPS'],
  'svcb-key-leading-zero': ['SVCB', 'HTTPS'],
  'zonemd-digest-length': ['ZONEMD'],
};

/**
 * The occurrences of the `wanted` points in the model, record by record (the points of scope
 * `'record'`: each depends only on its record and the state the record starts with), then the
 * points of scope `'zone'`.
 */
export function findDialectPoints(model: ZoneModel, wanted: ReadonlySet<DialectPointId>, emit: (o: DialectOccurrence) => void): void {
  if (wanted.size === 0) return;
  const text = model.text;

  if (has(wanted, 'relative-origin', 'relative-include-origin')) {
    for (const d of model.directives) {
      if (d.kind === 'origin' && d.nameRange && d.args[0] && !d.args[0].quoted && !absolute(d.args[0].text) && wanted.has('relative-origin')) {
        emit({ point: 'relative-origin', range: d.nameRange, what: 'a relative $ORIGIN', accepted: 'appends it to the current origin', advice: `Write the absolute name ${d.name ?? ''}`.trimEnd() });
      } else if (d.kind === 'include' && d.originRange && d.args[1] && !d.args[1].quoted && !absolute(d.args[1].text) && wanted.has('relative-include-origin')) {
        emit({
          point: 'relative-include-origin',
          range: d.originRange,
          what: 'a relative $INCLUDE origin (and stops loading)',
          accepted: 'appends it to the current origin',
          advice: `Write the absolute name ${d.origin ?? ''}`.trimEnd(),
        });
      }
    }
  }

  // Problems of the parser that are dialect points.
  if (has(wanted, ...PARSER_POINTS)) {
    for (const p of model.problems) {
      const point = parserProblemPoint(p, model);
      if (!point || !wanted.has(point)) continue;
      const written = text.slice(p.range.start, p.range.end);
      switch (point) {
        case 'txt-string-over-255':
          emit({ point, range: p.range, what: 'a TXT character-string over 255 octets (RFC 1035 §3.3)', advice: 'Split it into strings of at most 255 octets' });
          break;
        case 'rdata-over-message':
          emit({ point, range: p.range, what: `${p.message} (more than the 65512 a DNS message can carry)`, accepted: 'accepts it', advice: 'Move part of it to another record' });
          break;
        case 'short-decimal-escape':
          emit({ point, range: p.range, what: `the escape ${written} (RFC 1035 §5.1: \\DDD is three digits)`, advice: 'Write \\\\ for a backslash, or three digits (\\002)' });
          break;
        case 'tsig-tkey-record':
          emit({ point, range: p.range, what: `a ${written.toUpperCase()} record (a meta type that exists only in messages, RFC 6895 §3.1)`, advice: 'Remove the record' });
          break;
      }
    }
  }

  const nameChars = wanted.has('name-character');
  const nameChar = (t: { range: Range }, where: string): void => {
    const at = knotNameCharAt(text, t.range.start, t.range.end);
    if (at < 0) return;
    const ch = text[at];
    const escape = ch.charCodeAt(0) < 128 ? `\\${ch}` : 'its escaped or punycode (xn--) form';
    emit({ point: 'name-character', range: { start: at, end: at + 1 }, what: `the unescaped character '${ch}' in ${where}`, accepted: 'accepts it', advice: `Write ${escape} to load the zone on both` });
  };
  const rdataTypes = new Set<string>();
  for (const id of wanted) for (const t of RDATA_POINT_TYPES[id] ?? []) rdataTypes.add(t);
  const tolerated = (point: DialectPointId): boolean => wanted.has(point);

  const nsec3 = has(wanted, 'nsec3-hash-partial-block', 'nsec3-hash-padding', 'nsec3-owner-padding', 'nsec3-sha1-hash-length');
  /** Types whose own RDATA holds a wanted point. */
  const ownTypes = new Set<string>();
  if (wanted.has('sshfp-empty-fingerprint')) ownTypes.add('SSHFP');
  if (wanted.has('rrsig-date-after-2225')) ownTypes.add('RRSIG');
  if (nsec3) ownTypes.add('NSEC3');
  if (wanted.has('l64-short-group')) ownTypes.add('L64');
  if (wanted.has('txt-unquoted')) ownTypes.add('TXT').add('SPF');
  // Points read on every record; without them only the records of the types above are read.
  const everyRecord = nameChars || has(wanted, 'class', 'nested-parenthesis', 'missing-ttl', 'base64-split');
  const records = everyRecord ? model.records : [...ownTypes, ...rdataTypes].flatMap((t) => model.recordsOfType(t));

  /** Next `(` at or after the current record (searched once per stretch of text: linear). */
  let paren = -1;
  for (const r of records) {
    const lineStart = r.lineStart;
    if (nameChars) {
      const typeStart = r.typeRange.start;
      // A written owner starts the line (the store's ownerRange and classRange re-scan: avoided here).
      const first = text.charCodeAt(lineStart);
      if (first !== 32 && first !== 9) {
        let end = lineStart;
        while (end < typeStart && !DELIMITER.has(text.charCodeAt(end))) end++;
        nameChar({ range: { start: lineStart, end } }, 'an owner name');
      }
    }
    if (wanted.has('class') && (r.class !== 'IN' || hasClassWord(text, lineStart, r.typeRange.start))) {
      const written = r.classRange && text.slice(r.classRange.start, r.classRange.end);
      if (r.classRange && written && written.toUpperCase() !== 'IN') {
        emit({ point: 'class', range: r.classRange, what: `the class ${written} (it loads only class IN, written as IN)`, accepted: `accepts ${written}` });
      }
    }
    if (wanted.has('nested-parenthesis')) {
      if (paren !== Infinity && paren < r.lineStart) {
        paren = text.indexOf('(', r.lineStart);
        if (paren < 0) paren = Infinity;
      }
      if (paren < r.range.end) {
        const at = nestedParenthesisAt(text, r.lineStart, r.range.end);
        if (at >= 0) emit({ point: 'nested-parenthesis', range: { start: at, end: at + 1 }, what: 'a parenthesis opened inside another (and stops loading)', accepted: 'only counts them', advice: 'Remove the inner pair' });
      }
    }
    if (r.ttl === undefined && wanted.has('missing-ttl')) {
      emit({ point: 'missing-ttl', range: r.typeRange, what: 'a record without any TTL (no $TTL, no earlier TTL, none written)', advice: 'Write a TTL on the record or put $TTL <seconds> at the top of the file' });
    }
    if (r.generic) continue;
    const d = rdataDescriptor(r.type);
    if (!d) continue;
    const byName = (nameChars || wanted.has('base64-split')) && readsRdata(d);
    const own = ownTypes.has(r.type);
    const validated = rdataTypes.has(r.type);
    if (!byName && !own && !validated) continue;
    // Read afresh, not cached on the record: a pass over a large zone keeps nothing.
    const rdata = uncachedRdata(r);
    if (byName) {
      if (nameChars) {
        d.fields.forEach((f, i) => {
          const t: ZoneToken | undefined = rdata[i];
          if (f.kind === 'name' && t && !t.quoted) nameChar(t, `the ${r.type} ${f.name}`);
        });
      }
      if (wanted.has('base64-split') && d.rest && (d.rest.kind === 'base64' || d.rest.kind === 'base64OrDash')) {
        const rest = rdata.slice(d.fields.length);
        const piece = rest.slice(0, -1).find((t) => t.text.length % 4 !== 0);
        if (piece) {
          emit({
            point: 'base64-split',
            range: piece.range,
            what: `base64 split inside a 4-character block (this piece has ${piece.text.length} characters)`,
            accepted: 'joins the pieces',
            advice: `Split the ${r.type} ${d.rest.name} at multiples of 4 characters`,
          });
        }
      }
    }
    if (own) ownRecordPoints(r.type, rdata, (o) => wanted.has(o.point) && emit(o));
    if (r.type === 'NSEC3' && wanted.has('nsec3-owner-padding') && /^[0-9A-Va-v]+=+\./.test(r.owner)) {
      emit({ point: 'nsec3-owner-padding', range: ownerSpot(r), what: `the NSEC3 owner ${r.owner} (its hash label padded with '=')`, accepted: 'accepts it', advice: "Write the hash label without '='" });
    }
    if (validated && rdata.length > 0) {
      for (const p of validateRdata(r.type, rdata, r.origin, r.typeRange, tolerated)) {
        if (p.point && wanted.has(p.point)) emit({ point: p.point, range: p.range, what: `${dialectPoint(p.point).description} (${p.message})` });
      }
    }
  }

  if (wanted.has('crlf-line-ending')) {
    const at = text.indexOf('\r\n');
    if (at >= 0) emit({ point: 'crlf-line-ending', range: { start: at, end: at + 2 }, what: 'CRLF (DOS) line endings', accepted: 'reads them', advice: 'Save the file with LF line endings' });
  }
  if (has(wanted, 'cds-without-cdnskey', 'ns-beside-dname')) zonePoints(model, wanted, emit);
}

/** The points read from one record's RDATA tokens (Knot's scanner limits). */
function ownRecordPoints(type: string, rdata: readonly ZoneToken[], emit: (o: DialectOccurrence) => void): void {
  switch (type) {
    case 'SSHFP':
      // `algorithm fp-type` and no fingerprint: data for types of unknown length (SHA-1 and SHA-256 have theirs, zone-bad-rdata).
      if (rdata.length === 2 && /^\d+$/.test(rdata[1].text) && rdata[1].text !== '1' && rdata[1].text !== '2' && /^\d+$/.test(rdata[0].text)) {
        emit({ point: 'sshfp-empty-fingerprint', range: rdata[1].range, what: 'an SSHFP record without a fingerprint', accepted: 'accepts it (empty data)', advice: 'Write the fingerprint, or remove the record' });
      }
      break;
    case 'RRSIG':
      for (const t of [rdata[4], rdata[5]]) {
        if (t && /^\d{14}$/.test(t.text) && Number(t.text.slice(0, 4)) > 2225) {
          emit({ point: 'rrsig-date-after-2225', range: t.range, what: `the RRSIG date ${t.text} (after the year 2225)`, accepted: 'reduces it modulo 2^32', advice: 'Write the date as seconds since 1970, or re-sign the zone' });
        }
      }
      break;
    case 'NSEC3': {
      const t = rdata[4];
      if (t && !t.quoted && /^[0-9A-Va-v]+=+$/.test(t.text)) {
        emit({ point: 'nsec3-hash-padding', range: t.range, what: `the NSEC3 next hashed owner name '${t.text}' (padded with '=')`, accepted: 'accepts it', advice: "Write it without '=' (a SHA-1 hash is 32 characters, whole blocks on every server)" });
      }
      if (t && !t.quoted && /^[0-9A-Va-v]+$/.test(t.text) && t.text.length % 8 !== 0) {
        emit({ point: 'nsec3-hash-partial-block', range: t.range, what: `the NSEC3 next hashed owner name '${t.text}' (${t.text.length} characters, not whole 8-character base32hex blocks)`, accepted: 'accepts it unpadded', advice: "A SHA-1 hash is 32 characters, whole blocks on every server; padded with '=' to a multiple of 8, Knot DNS reads it but BIND refuses it" });
      }
      // A padded hash is refused as such (nsec3-hash-padding); an unpadded one is read, then measured.
      if (rdata[0]?.text === '1' && t && !t.quoted && /^[0-9A-Va-v]+$/.test(t.text) && t.text.length !== 32) {
        const octets = Math.floor((t.text.length * 5) / 8);
        emit({ point: 'nsec3-sha1-hash-length', range: t.range, what: `the NSEC3 next hashed owner name '${t.text}' (${octets} octets under hash algorithm 1, SHA-1)`, accepted: 'accepts it', advice: 'A SHA-1 hash is 20 octets (32 base32hex characters): re-sign the zone' });
      }
      break;
    }
    case 'TXT':
    case 'SPF': {
      const at = unquotedTxtAt(rdata);
      if (at >= 0) {
        emit({ point: 'txt-unquoted', range: rdata[at].range, what: `the ${type} string ${rdata[at].text} written without quotes`, accepted: 'reads it as a string', advice: 'Write every string in double quotes' });
      }
      break;
    }
    case 'L64': {
      const t = rdata[1];
      if (t && !t.quoted) {
        const groups = t.text.split(':');
        if (groups.length === 4 && groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g)) && groups.some((g) => g.length < 4)) {
          emit({ point: 'l64-short-group', range: t.range, what: `the L64 locator ${t.text} (a group of fewer than 4 hex digits)`, accepted: 'accepts it', advice: `Write ${groups.map((g) => g.padStart(4, '0')).join(':')}` });
        }
      }
      break;
    }
  }
}

/**
 * Index of the first unquoted TXT string PowerDNS refuses, else -1: its record reader takes text
 * without quotes only as the last word, made of letters and digits.
 */
function unquotedTxtAt(rdata: readonly ZoneToken[]): number {
  return rdata.findIndex((t, i) => !t.quoted && (i < rdata.length - 1 || !/^[A-Za-z0-9]+$/.test(t.text)));
}

/** The points found from several records (kzonecheck's semantic checks). */
function zonePoints(model: ZoneModel, wanted: ReadonlySet<DialectPointId>, emit: (o: DialectOccurrence) => void): void {
  const facts = zoneFacts(model);
  const byOwner = facts.byOwner();
  if (wanted.has('cds-without-cdnskey')) {
    for (const r of [...facts.ofType(59), ...facts.ofType(60)]) {
      const rs = byOwner.get(r.owner) ?? [];
      const other = r.typeCode === 59 ? 60 : 59;
      if (rs.some((x) => x.typeCode === other) || rs.find((x) => x.typeCode === r.typeCode) !== r) continue;
      const missing = other === 59 ? 'CDS' : 'CDNSKEY';
      emit({ point: 'cds-without-cdnskey', range: r.typeRange, what: `${r.type} at ${r.owner} without ${missing} (a semantic check)`, accepted: 'accepts it (RFC 7344 §4 lets a child publish either)', advice: `Publish ${missing} beside it` });
    }
  }
  if (wanted.has('ns-beside-dname')) {
    for (const d of facts.ofType(39)) {
      if (d.owner === facts.apex) continue;
      const ns = (byOwner.get(d.owner) ?? []).find((x) => x.typeCode === 2);
      if (ns && (byOwner.get(d.owner) ?? []).find((x) => x.typeCode === 39) === d) {
        emit({ point: 'ns-beside-dname', range: ns.typeRange, what: `NS beside the DNAME at ${d.owner} (a semantic check)`, accepted: 'loads it (RFC 6672 §2.3 forbids only CNAME and other DNAMEs there)' });
      }
    }
  }
}
