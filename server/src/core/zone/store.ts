/**
 * Compact storage of parsed records. The parser writes each record as a row of seven int32
 * columns in one typed array (offsets, TTL, type, class, flags): no object per record and nothing
 * for the garbage collector to copy, so a million-record zone parses fast and stays small
 * (28 bytes per record). Origins are kept as a short list of the offsets where they change.
 *
 * Consumers see ordinary `ZoneRecord` objects: light views created on first access to
 * `ParsedZone.records` (or `recordsOfType`). Values that cost an allocation — owner names, RDATA
 * token lists, decoded strings, TTL and class ranges — are computed on first use and cached.
 */
import { LineIndex, type MappedText } from '../text';
import type { Range } from '../types';
import { forEachToken, Scanner, TOK_QUOTED } from './lexer';
import type { TtlSource, ZoneDirective, ZoneModel, ZoneProblem, ZoneRecord, ZoneToken } from './model';
import { buildName } from './names';
import { rrTypeByCode, rrTypeByName } from './rrtypes';
import { decodeCharacterString, decodeHex, wireStrings } from './strings';

/** Flag bits of a record (6 bits of the packed column). */
export const REC_GENERIC = 1;
/** The owner is written on the record's line (else inherited from the line before). */
export const REC_OWNER_WRITTEN = 2;
/** The record has a TTL (written or inherited). */
const REC_HAS_TTL = 4;
const TTL_SOURCE_SHIFT = 3;
const TTL_SOURCES: (TtlSource | undefined)[] = [undefined, 'explicit', 'default', 'previous', 'soa-minimum'];
const TTL_SOURCE_FLAGS = TTL_SOURCES.map((s, i) => (s === undefined ? 0 : REC_HAS_TTL | (i << TTL_SOURCE_SHIFT)));

export function ttlFlags(source: TtlSource | undefined): number {
  return TTL_SOURCE_FLAGS[TTL_SOURCES.indexOf(source)];
}

/** Columns of a record row (`RecordStore.rows`, `STRIDE` int32 per record). */
const START = 0;
const END = 1;
const LINE_START = 2;
/** Offset of the owner token: on the record's line, or the one it inherits. */
const OWNER_AT = 3;
const TYPE_START = 4;
/** Stored as int32, read back unsigned. */
const TTL = 5;
/** Type number (16 bits) | type token length (4) | class index (6) | flags (6). */
const PACKED = 6;
const STRIDE = 7;

/** The owner offset of a record that inherits the owner of an including file (or of the stretch before a re-parsed one). */
export const INHERITED_OWNER_AT = -2;

/** Class indexes from this one on are kept in an overflow map (zones use one or two classes). */
const CLASS_OVERFLOW = 63;

function grown(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

export class RecordStore {
  count = 0;
  /** One row of `STRIDE` int32 columns per record. */
  private rows: Int32Array;

  private readonly classes: string[] = [];
  private readonly classOverflow = new Map<number, number>();
  /** Origins in force from the given document offsets on (ascending). */
  private readonly originFrom: number[] = [];
  private readonly originNames: string[] = [];
  /** Owner names by record, built on first use (allocated at full length, so it stays a dense array). */
  private ownerNames: (string | undefined)[] | undefined;
  private views: (RecordView | undefined)[] | undefined;
  /** Quiet scanner of `text`, for re-reading tokens. */
  readonly scanner: Scanner;
  /** Owner inherited from an including file (records whose owner offset is `INHERITED_OWNER_AT` use it). */
  inheritedOwner = '.';

  /** `expected`: estimated number of records, to size the storage up front. */
  constructor(
    readonly text: string,
    expected: number,
  ) {
    this.rows = new Int32Array(Math.max(64, Math.ceil(expected)) * STRIDE);
    this.scanner = new Scanner(text, null);
  }

  /** The origin is `name` from document offset `from` on. */
  setOrigin(from: number, name: string): void {
    this.originFrom.push(from);
    this.originNames.push(name);
  }

  /** The origin in force at a document offset. */
  originAt(offset: number): string {
    const from = this.originFrom;
    let lo = 0;
    let hi = from.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (from[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.originNames[lo];
  }

  /** Class name of a class index. */
  classNameOf(index: number): string {
    return this.classes[index];
  }

  classIndex(name: string): number {
    const i = this.classes.indexOf(name);
    if (i >= 0) return i;
    this.classes.push(name);
    return this.classes.length - 1;
  }

  /**
   * Append a record: offsets of its first token, the end of its last token, its line and its
   * owner token; its type token (start and length), TTL, type number, class index and flags.
   */
  add(
    start: number,
    end: number,
    lineStart: number,
    ownerAt: number,
    typeStart: number,
    typeLength: number,
    ttl: number,
    typeCode: number,
    cls: number,
    flags: number,
  ): void {
    let rows = this.rows;
    let at = this.count * STRIDE;
    if (at === rows.length) rows = this.rows = grown(rows, rows.length + STRIDE * ((this.count >> 1) + 64));
    if (cls >= CLASS_OVERFLOW) {
      this.classOverflow.set(this.count, cls);
      cls = CLASS_OVERFLOW;
    }
    rows[at++] = start;
    rows[at++] = end;
    rows[at++] = lineStart;
    rows[at++] = ownerAt;
    rows[at++] = typeStart;
    rows[at++] = ttl | 0;
    rows[at] = (typeCode << 16) | (Math.min(typeLength, 15) << 12) | (cls << 6) | flags;
    this.count++;
  }

  /**
   * The store of `text`, an edited version of `old.text` in which the old stretch `[at, oldEnd)`
   * became `[at, oldEnd + delta)`: the old records before `from` as they are; in place of the old
   * records `[from, to)`, those of `region` (the new stretch parsed on its own, its offsets
   * counting from `at`), whose records without an owner of their own take the owner token at
   * `ownerAt` (an old offset before the stretch, or `INHERITED_OWNER_AT`); then the old
   * records from `to` on, moved by `delta`. The stretch holds no directive, so the origins are the
   * old ones, those after the stretch moved. Undefined where a row cannot be carried over: a
   * record after the stretch that inherits an owner written inside it, a class past the packed range.
   */
  static spliced(old: RecordStore, text: string, at: number, oldEnd: number, delta: number, from: number, to: number, region: RecordStore, ownerAt: number): RecordStore | undefined {
    if (old.classOverflow.size > 0 || region.classOverflow.size > 0) return undefined;
    const count = old.count - (to - from) + region.count;
    const store = new RecordStore(text, count);
    store.inheritedOwner = old.inheritedOwner;
    store.classes.push(...old.classes);
    const rows = store.rows;
    rows.set(old.rows.subarray(0, from * STRIDE));
    let o = from * STRIDE;
    const add = region.rows;
    for (let b = 0; b < region.count * STRIDE; b += STRIDE, o += STRIDE) {
      rows[o + START] = add[b + START] + at;
      rows[o + END] = add[b + END] + at;
      rows[o + LINE_START] = add[b + LINE_START] + at;
      rows[o + OWNER_AT] = add[b + OWNER_AT] === INHERITED_OWNER_AT ? ownerAt : add[b + OWNER_AT] + at;
      rows[o + TYPE_START] = add[b + TYPE_START] + at;
      rows[o + TTL] = add[b + TTL];
      const cls = store.classIndex(region.classes[(add[b + PACKED] >>> 6) & 63]);
      if (cls >= CLASS_OVERFLOW) return undefined;
      rows[o + PACKED] = (add[b + PACKED] & ~(63 << 6)) | (cls << 6);
    }
    const moved = old.rows;
    // A record that writes its owner again as the one before it did points at that earlier token
    // (see `ownerName`); one inside the old stretch is replaced by the record's own token.
    let gone = -1;
    let mine = -1;
    for (let b = to * STRIDE; b < old.count * STRIDE; b += STRIDE, o += STRIDE) {
      rows[o + START] = moved[b + START] + delta;
      rows[o + END] = moved[b + END] + delta;
      rows[o + LINE_START] = moved[b + LINE_START] + delta;
      let owner = moved[b + OWNER_AT];
      if (owner >= at && owner < oldEnd) {
        if (owner !== gone) {
          if (!(moved[b + PACKED] & REC_OWNER_WRITTEN)) return undefined;
          gone = owner;
          mine = moved[b + START];
        }
        owner = mine;
      }
      rows[o + OWNER_AT] = owner >= oldEnd ? owner + delta : owner;
      rows[o + TYPE_START] = moved[b + TYPE_START] + delta;
      rows[o + TTL] = moved[b + TTL];
      rows[o + PACKED] = moved[b + PACKED];
    }
    store.count = count;
    for (let k = 0; k < old.originFrom.length; k++) {
      const where = old.originFrom[k];
      if (where > at && where < oldEnd) return undefined;
      store.setOrigin(where <= at ? where : where + delta, old.originNames[k]);
    }
    return store;
  }

  /** Release unused capacity if more than half is unused (untouched capacity costs only address space). */
  trim(): void {
    const used = this.count * STRIDE;
    if (this.rows.length > 2 * used + 64 * STRIDE) this.rows = this.rows.slice(0, used);
  }

  start(i: number): number {
    return this.rows[i * STRIDE + START];
  }
  end(i: number): number {
    return this.rows[i * STRIDE + END];
  }
  lineStart(i: number): number {
    return this.rows[i * STRIDE + LINE_START];
  }
  typeStart(i: number): number {
    return this.rows[i * STRIDE + TYPE_START];
  }
  typeEnd(i: number): number {
    return this.typeStart(i) + ((this.rows[i * STRIDE + PACKED] >>> 12) & 15);
  }
  ttl(i: number): number {
    return this.rows[i * STRIDE + TTL] >>> 0;
  }
  typeCode(i: number): number {
    return this.rows[i * STRIDE + PACKED] >>> 16;
  }
  className(i: number): string {
    const cls = (this.rows[i * STRIDE + PACKED] >>> 6) & 63;
    return this.classes[cls === CLASS_OVERFLOW ? this.classOverflow.get(i)! : cls];
  }
  flags(i: number): number {
    return this.rows[i * STRIDE + PACKED] & 63;
  }
  origin(i: number): string {
    return this.originAt(this.start(i));
  }

  /** Offset of the owner token record `i` reads (its own or the one it inherits); `INHERITED_OWNER_AT` for an including file's. */
  ownerAt(i: number): number {
    return this.rows[i * STRIDE + OWNER_AT];
  }

  /** End of the owner token when written on the record's line, else -1. */
  ownerEnd(i: number): number {
    if (!(this.flags(i) & REC_OWNER_WRITTEN)) return -1;
    this.scanner.unquoted(this.start(i));
    return this.scanner.end;
  }

  /** Owner name of record `i`; built on first use and shared along a run of the same owner. */
  ownerName(i: number): string {
    const names = (this.ownerNames ??= new Array<string | undefined>(this.count));
    let name = names[i];
    if (name !== undefined) return name;
    const at = this.rows[i * STRIDE + OWNER_AT];
    if (i > 0 && this.rows[(i - 1) * STRIDE + OWNER_AT] === at) name = names[i - 1];
    if (name === undefined && at < 0) name = this.inheritedOwner;
    if (name === undefined) {
      this.scanner.unquoted(at);
      const end = this.scanner.end;
      const origin = this.originAt(at);
      // The owner written again as on the record before (`h1 A …`, `h1 AAAA …`): one string for
      // both, so a million records of a few hundred thousand names build and hash each name once.
      const before = i > 0 ? names[i - 1] : undefined;
      name = before !== undefined && this.sameOwnerText(i - 1, at, end, origin) ? before : buildName(this.text, at, end, origin);
    }
    names[i] = name;
    return name;
  }

  /** Owner name of record `i`, without the per-record cache (which costs an array of the store's size). */
  ownerNameOnce(i: number): string {
    const cached = this.ownerNames?.[i];
    if (cached !== undefined) return cached;
    const at = this.rows[i * STRIDE + OWNER_AT];
    if (at < 0) return this.inheritedOwner;
    this.scanner.unquoted(at);
    return buildName(this.text, at, this.scanner.end, this.originAt(at));
  }

  /** The TTL in force for record `i`, if the file gives one. */
  ttlInForce(i: number): number | undefined {
    return this.flags(i) & REC_HAS_TTL ? this.ttl(i) : undefined;
  }

  /** Whether record `j`'s owner token is written as `text[at, end)` under the same origin. */
  private sameOwnerText(j: number, at: number, end: number, origin: string): boolean {
    const from = this.rows[j * STRIDE + OWNER_AT];
    if (from < 0 || this.originAt(from) !== origin) return false;
    this.scanner.unquoted(from);
    const length = end - at;
    if (this.scanner.end - from !== length) return false;
    const text = this.text;
    for (let k = 0; k < length; k++) if (text.charCodeAt(from + k) !== text.charCodeAt(at + k)) return false;
    return true;
  }

  typeName(i: number): string {
    const code = this.typeCode(i);
    return rrTypeByCode(code)?.name ?? `TYPE${code}`;
  }

  /** Every record's view, in order: the store's own list, shared (treat as read-only). */
  allViews(): RecordView[] {
    const views = (this.views ??= new Array<RecordView | undefined>(this.count));
    for (let i = 0; i < views.length; i++) views[i] ??= new RecordView(this, i);
    return views as RecordView[];
  }

  view(i: number): RecordView {
    const views = (this.views ??= new Array<RecordView | undefined>(this.count));
    let v = views[i];
    if (!v) {
      v = new RecordView(this, i);
      views[i] = v;
    }
    return v;
  }
}

interface Lazy {
  rdata?: ZoneToken[];
  strings?: MappedText[] | null;
}

/** A record of a `RecordStore`, seen as a `ZoneRecord`. */
export class RecordView implements ZoneRecord {
  private lazy: Lazy | undefined = undefined;

  constructor(
    private readonly store: RecordStore,
    readonly index: number,
  ) {}

  get owner(): string {
    return this.store.ownerName(this.index);
  }

  get ownerRange(): Range {
    const s = this.store;
    const i = this.index;
    const end = s.ownerEnd(i);
    return end < 0 ? { start: s.lineStart(i), end: s.lineStart(i) } : { start: s.start(i), end };
  }

  get ttl(): number | undefined {
    return this.store.ttlInForce(this.index);
  }

  get ttlSource(): TtlSource | undefined {
    return TTL_SOURCES[(this.store.flags(this.index) >> TTL_SOURCE_SHIFT) & 7];
  }

  get ttlRange(): Range | undefined {
    return this.fieldRange(true);
  }

  get class(): string {
    return this.store.className(this.index);
  }

  get classRange(): Range | undefined {
    return this.fieldRange(false);
  }

  get type(): string {
    return this.store.typeName(this.index);
  }

  get typeCode(): number {
    return this.store.typeCode(this.index);
  }

  get typeRange(): Range {
    return { start: this.store.typeStart(this.index), end: this.store.typeEnd(this.index) };
  }

  get range(): Range {
    return { start: this.store.start(this.index), end: this.store.end(this.index) };
  }

  get lineStart(): number {
    return this.store.lineStart(this.index);
  }

  get origin(): string {
    return this.store.origin(this.index);
  }

  get generic(): boolean {
    return (this.store.flags(this.index) & REC_GENERIC) !== 0;
  }

  /** RDATA tokens; re-read from the document once, then cached. */
  get rdata(): ZoneToken[] {
    const lazy = (this.lazy ??= {});
    if (lazy.rdata) return lazy.rdata;
    return (lazy.rdata = this.readRdata());
  }

  /** RDATA tokens read afresh from the document (the cached list when there is one); not cached. */
  freshRdata(): ZoneToken[] {
    return this.lazy?.rdata ?? this.readRdata();
  }

  private readRdata(): ZoneToken[] {
    const tokens: ZoneToken[] = [];
    const doc = this.store.text;
    const store = this.store;
    forEachToken(
      doc,
      store.typeEnd(this.index),
      store.end(this.index),
      (start, end, flags) => {
        tokens.push({ text: doc.slice(start, end), range: { start, end }, quoted: (flags & TOK_QUOTED) !== 0 });
      },
      store.scanner,
    );
    return tokens;
  }

  /** Decoded character-strings of string-only types (TXT, SPF, HINFO…), also from generic RDATA. */
  get strings(): MappedText[] | undefined {
    const lazy = (this.lazy ??= {});
    if (lazy.strings !== undefined) return lazy.strings ?? undefined;
    const result = this.readStrings();
    lazy.strings = result;
    return result ?? undefined;
  }

  /** The decoded character-strings (the cached ones when there are); not cached. */
  freshStrings(): MappedText[] | undefined {
    const cached = this.lazy?.strings;
    if (cached !== undefined) return cached ?? undefined;
    return this.readStrings() ?? undefined;
  }

  private readStrings(): MappedText[] | null {
    let result: MappedText[] | null = null;
    if (rrTypeByCode(this.typeCode)?.strings) {
      const doc = this.store.text;
      const end = this.store.end(this.index);
      if (this.generic) {
        const hex = this.rdata.slice(2).map((t) => t.range);
        result = wireStrings(decodeHex(doc, hex), end);
      } else {
        const out: MappedText[] = [];
        forEachToken(
          doc,
          this.store.typeEnd(this.index),
          end,
          (start, tokenEnd, flags) => out.push(decodeCharacterString(doc, start, tokenEnd, flags)),
          this.store.scanner,
        );
        result = out;
      }
    }
    return result;
  }

  /** The TTL (digits first) or class token between the owner and the type. */
  private fieldRange(ttl: boolean): Range | undefined {
    const s = this.store;
    const i = this.index;
    let found: Range | undefined;
    const doc = s.text;
    const from = s.ownerEnd(i) < 0 ? s.lineStart(i) : s.ownerEnd(i);
    const visit = (start: number, end: number): void => {
      const c = doc.charCodeAt(start);
      const isTtl = (c >= 48 && c <= 57) || c === 45 || c === 43;
      if (isTtl === ttl && !found) found = { start, end };
    };
    forEachToken(doc, from, s.typeStart(i), visit, s.scanner);
    return found;
  }
}

/**
 * The RDATA tokens of any record without caching them on it: a pass over every record of a large
 * zone then leaves nothing behind for the collector to keep.
 */
export function uncachedRdata(r: ZoneRecord): ZoneToken[] {
  return r instanceof RecordView ? r.freshRdata() : r.rdata;
}

/** The decoded character-strings of any record without caching them on it. */
export function uncachedStrings(r: ZoneRecord): MappedText[] | undefined {
  return r instanceof RecordView ? r.freshStrings() : r.strings;
}

/** The model of a parsed zone file. */
export class ParsedZone implements ZoneModel {
  private all: ZoneRecord[] | undefined;
  private byType: Map<number, ZoneRecord[]> | undefined;
  private lineIndex: LineIndex | undefined;

  constructor(
    readonly text: string,
    lines: LineIndex | undefined,
    readonly store: RecordStore,
    readonly directives: ZoneDirective[],
    readonly problems: ZoneProblem[],
    readonly origin: string,
    readonly originKnown: boolean,
  ) {
    this.lineIndex = lines;
  }

  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  get recordCount(): number {
    return this.store.count;
  }

  get records(): ZoneRecord[] {
    return (this.all ??= this.store.allViews());
  }

  recordAt(offset: number): ZoneRecord | undefined {
    const store = this.store;
    let lo = 0;
    let hi = store.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (store.start(mid) <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && offset < store.end(found) ? store.view(found) : undefined;
  }

  recordsOfType(type: string | number): ZoneRecord[] {
    const code = typeof type === 'number' ? type : (rrTypeByName(type.toUpperCase())?.code ?? typeNumber(type));
    this.byType ??= new Map();
    let list = this.byType.get(code);
    if (!list) {
      list = [];
      const store = this.store;
      for (let i = 0; i < store.count; i++) if (store.typeCode(i) === code) list.push(store.view(i));
      this.byType.set(code, list);
    }
    return list;
  }
}

function typeNumber(name: string): number {
  const m = /^TYPE(\d{1,5})$/i.exec(name);
  return m ? Number(m[1]) : -1;
}
