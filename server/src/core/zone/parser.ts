/**
 * Error-tolerant parser for master files (RFC 1035 §5; BIND's `$TTL`, `$GENERATE` and TTL units;
 * RFC 3597 generic types and RDATA). One pass over the text with `charCodeAt`; tokens of the
 * current entry live in reusable typed arrays, and records keep offsets rather than token lists.
 *
 * An entry is one line, or several when parentheses are open. Problems are collected with the
 * range of the offending text; the parser never throws and always continues:
 * - an unterminated quoted string ends at the end of its line; following lines are skipped until
 *   one that can start a record (so the rest of the string does not produce more errors);
 * - an opening parenthesis still open at the end of the file is reported, and the entry is cut
 *   at the first line after it that looks like the start of a record. From then on (the file is
 *   known to be broken) an open parenthesis also ends at such a line.
 */
import type { LineIndex } from '../text';
import type {
  GenerateDirective,
  IncludeDirective,
  IncludeState,
  OriginDirective,
  TtlDirective,
  TtlSource,
  UnknownDirective,
  ZoneDirective,
  ZoneModel,
  ZoneProblem,
  ZoneProblemCode,
  ZoneToken,
} from './model';
import { isBlank, isLineBreak, Scanner, TOK_QUOTED, TOK_UNTERMINATED } from './lexer';
import { buildName, NameReader } from './names';
import { isMetaType, mnemonicAt, rrClassByCode, rrTypeByCode, type Mnemonic, type RRTypeInfo } from './rrtypes';
import { INHERITED_OWNER_AT, ParsedZone, REC_GENERIC, REC_OWNER_WRITTEN, RecordStore, ttlFlags } from './store';
import { decodeCharacterString } from './strings';
import { parseTtl, ttlProblemMessage } from './ttl';

/**
 * The most RDATA a DNS message can carry: 65535 octets less the header (12), a root owner (1),
 * type, class, TTL and RDLENGTH (10). BIND refuses to load a record with more.
 */
export const MESSAGE_RDATA_MAX = 65512;

export interface ParseOptions {
  /** The zone's origin (its domain name), when the caller knows it. Default: unknown (root). */
  origin?: string;
  /** Line index of `text`, when the caller already has one. */
  lines?: LineIndex;
  /** State carried in from an including file (`IncludeDirective.state`): BIND starts an included file with it. */
  inherit?: IncludeState;
  /**
   * The `$ORIGIN` in effect where `text` starts, when `text` is a stretch of a larger file
   * (re-analysis of an edited region): relative names are completed with it, while `origin`
   * stays the zone's. Default: `origin`.
   */
  startOrigin?: string;
}

export function parseZone(text: string, options: ParseOptions = {}): ZoneModel {
  return parseZoneStretch(text, options).model;
}

/** `parseZone`, with the parser's state at the end of `text`: what a line after it would inherit. */
export function parseZoneStretch(text: string, options: ParseOptions = {}): { model: ParsedZone; state: IncludeState } {
  const parser = new ZoneParser(text, options.origin, options.inherit, options.startOrigin);
  parser.run();
  parser.store.trim();
  const model = new ParsedZone(text, options.lines, parser.store, parser.directives, parser.sortedProblems(), parser.topOrigin, parser.topOriginKnown);
  return { model, state: parser.endState() };
}

const DIRECTIVES = new Set(['$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE']);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

class ZoneParser {
  readonly store: RecordStore;
  readonly directives: ZoneDirective[] = [];
  readonly topOrigin: string;
  readonly topOriginKnown: boolean;
  private problems: ZoneProblem[] = [];

  private readonly len: number;
  private readonly scanner: Scanner;
  /** Scanner for look-ahead: reports nothing. */
  private readonly quiet: Scanner;
  private readonly names = new NameReader();
  private pos = 0;

  // Tokens of the current entry.
  private ts = new Int32Array(64);
  private te = new Int32Array(64);
  private tf = new Uint8Array(64);
  private tb = new Int32Array(64);
  private n = 0;
  private lineStart = 0;
  private quoteBroken = false;

  // State carried from entry to entry.
  private origin: string;
  private originWire: number;
  /** Counts `$ORIGIN` changes, so an owner token is only shared under the same origin. */
  private originGeneration = 0;
  private defaultTtl = -1;
  private lastTtl = -1;
  private lastClass = 0;
  /** Offset of the previous owner token, or -1. */
  private lastOwner = -1;
  /** The previous owner token when it had no problem (so a repetition can share it), else -1. */
  private lastOwnerStart = -1;
  private lastOwnerEnd = -1;
  private lastOwnerGeneration = -1;
  /** Set once an open parenthesis ran to the end of the file. */
  private recovery = false;
  /** Set after an unterminated quote: skip lines until one that can start a record. */
  private skipping = false;

  // Results of `resolveType`.
  private typeName = '';
  private typeCode = 0;
  private typeInfo: RRTypeInfo | undefined;

  constructor(
    private readonly text: string,
    origin: string | undefined,
    inherit?: IncludeState,
    startOrigin?: string,
  ) {
    this.len = text.length;
    this.scanner = new Scanner(text, this.problems);
    this.quiet = new Scanner(text, null);
    if (origin !== undefined && origin.trim() !== '') {
      const o = origin.trim();
      this.origin = this.names.read(o, 0, o.length, '.', 1);
      this.originWire = this.names.wire;
      this.topOriginKnown = true;
    } else {
      this.origin = '.';
      this.originWire = 1;
      this.topOriginKnown = false;
    }
    this.topOrigin = this.origin;
    if (startOrigin !== undefined && startOrigin !== this.origin) {
      this.origin = this.names.read(startOrigin, 0, startOrigin.length, '.', 1);
      this.originWire = this.names.wire;
    }
    // Zone files spend 20–200 characters per record; over-estimating costs only address space.
    this.store = new RecordStore(text, text.length / 24);
    this.store.setOrigin(0, this.origin);
    this.lastClass = this.store.classIndex(inherit?.class ?? 'IN');
    if (inherit) {
      if (inherit.owner !== undefined) {
        this.store.inheritedOwner = inherit.owner;
        this.lastOwner = INHERITED_OWNER_AT;
      }
      if (inherit.defaultTtl !== undefined) this.defaultTtl = inherit.defaultTtl;
      if (inherit.lastTtl !== undefined) this.lastTtl = inherit.lastTtl;
    }
  }

  sortedProblems(): ZoneProblem[] {
    // Problems are pushed almost in order; a stable sort fixes the few that are not.
    return this.problems.sort((a, b) => a.range.start - b.range.start);
  }

  run(): void {
    const text = this.text;
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (this.pos < this.len) {
      if (this.skipping) {
        if (!this.looksLikeRecordStart(this.pos)) {
          this.pos = this.nextLine(this.pos);
          continue;
        }
        this.skipping = false;
      }
      this.lineStart = this.pos;
      this.readEntry();
      if (this.n > 0) this.processEntry();
      if (this.quoteBroken) this.skipping = true;
    }
  }

  // ---------------------------------------------------------------- lexing of one entry

  private problem(code: ZoneProblemCode, message: string, start: number, end: number): void {
    this.problems.push({ code, message, range: { start, end } });
  }

  private push(start: number, end: number, flags: number, bytes: number): void {
    if (this.n === this.ts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.ts = grow(this.ts);
      this.te = grow(this.te);
      this.tf = grow(this.tf);
      this.tb = grow(this.tb);
    }
    const k = this.n++;
    this.ts[k] = start;
    this.te[k] = end;
    this.tf[k] = flags;
    this.tb[k] = bytes;
  }

  /** Offset after the line break at `i`. */
  private afterBreak(i: number): number {
    if (this.text.charCodeAt(i) === 13 && this.text.charCodeAt(i + 1) === 10) return i + 2;
    return i + 1;
  }

  /** Offset of the line break (or end of text) at or after `i`. */
  private lineEnd(i: number): number {
    const text = this.text;
    while (i < this.len) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) return i;
      i++;
    }
    return i;
  }

  private nextLine(i: number): number {
    const e = this.lineEnd(i);
    return e < this.len ? this.afterBreak(e) : e;
  }

  /** Collect the tokens of the entry starting at `lineStart`; leaves `pos` at the next entry. */
  private readEntry(): void {
    const text = this.text;
    const len = this.len;
    const scanner = this.scanner;
    this.n = 0;
    this.quoteBroken = false;
    const problemMark = this.problems.length;
    let depth = 0;
    let openAt = -1;
    let i = this.lineStart;
    for (;;) {
      if (i >= len) {
        if (depth > 0) i = this.unclosedAtEnd(openAt, problemMark);
        break;
      }
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        i++;
      } else if (c === 10 || c === 13) {
        i = this.afterBreak(i);
        if (depth === 0) break;
        if (this.recovery && this.looksLikeRecordStart(i)) {
          this.problem('unclosed-paren', 'Unclosed parenthesis: the matching ) is missing', openAt, openAt + 1);
          break;
        }
      } else if (c === 59) {
        i = this.lineEnd(i);
      } else if (c === 40) {
        if (depth === 0) openAt = i;
        depth++;
        i++;
      } else if (c === 41) {
        if (depth === 0) this.problem('unbalanced-paren', 'Unbalanced ): no parenthesis is open', i, i + 1);
        else depth--;
        i++;
      } else if (c === 0) {
        i = scanner.nul(i);
      } else if (c === 34) {
        scanner.quoted(i);
        this.push(i, scanner.end, scanner.flags, scanner.bytes);
        i = scanner.end;
        if (scanner.flags & TOK_UNTERMINATED) {
          // The string ends with the line, and so does the entry (any open parenthesis included).
          this.quoteBroken = true;
          if (i < len) i = this.afterBreak(i);
          break;
        }
      } else {
        scanner.unquoted(i);
        this.push(i, scanner.end, scanner.flags, scanner.bytes);
        i = scanner.end;
      }
    }
    this.pos = i;
  }

  /**
   * An open parenthesis reached the end of the file. Report it; the first time, cut the entry at
   * the first line after the parenthesis that looks like a record. Returns where to continue.
   */
  private unclosedAtEnd(openAt: number, problemMark: number): number {
    this.problem('unclosed-paren', 'Unclosed parenthesis: the matching ) is missing', openAt, openAt + 1);
    if (this.recovery) return this.len;
    this.recovery = true;
    let line = this.nextLine(openAt);
    while (line < this.len && !this.looksLikeRecordStart(line)) line = this.nextLine(line);
    if (line >= this.len) return this.len;
    while (this.n > 0 && this.ts[this.n - 1] >= line) this.n--;
    // Problems found past the cut will be found again when that text is parsed.
    const problems = this.problems;
    let kept = problemMark;
    for (let k = problemMark; k < problems.length; k++) {
      if (problems[k].range.start < line) problems[kept++] = problems[k];
    }
    problems.length = kept;
    return line;
  }

  /**
   * Heuristic used only for recovery: does the line at `at` start a directive, or a record
   * (`owner [ttl] [class] TYPE`, or indented `[ttl] [class] TYPE` with a known type)?
   */
  private looksLikeRecordStart(at: number): boolean {
    const text = this.text;
    if (at >= this.len) return false;
    let i = at;
    const first = text.charCodeAt(i);
    if (first === 36) return true;
    if (!isBlank(first)) {
      if (isLineBreak(first) || first === 59 || first === 40 || first === 41) return false;
      // The owner: a run of anything but blanks, as a stray quote inside an owner (BIND reads
      // `a"b` as an owner cut by a quote) makes a broken record, not the rest of a string.
      while (i < this.len) {
        const c = text.charCodeAt(i);
        if (isBlank(c) || isLineBreak(c) || c === 59) break;
        i++;
      }
    }
    for (let k = 0; k < 3; k++) {
      for (; i < this.len; i++) {
        const c = text.charCodeAt(i);
        if (!isBlank(c) && c !== 40 && c !== 41) break;
      }
      if (i >= this.len) return false;
      const c = text.charCodeAt(i);
      if (isLineBreak(c) || c === 59 || c === 34 || c === 0) return false;
      this.quiet.unquoted(i);
      const s = i;
      const e = this.quiet.end;
      i = e;
      if (isDigit(c)) {
        if (parseTtl(text, s, e) < 0) return false;
        continue;
      }
      if (this.classAt(s, e) !== undefined) continue;
      return this.resolveType(s, e) && !isMetaType(this.typeCode);
    }
    return false;
  }

  // ---------------------------------------------------------------- field recognition

  /** Class mnemonic of `text[s, e)`, or undefined. `word` is its mnemonic lookup, when done. */
  private classAt(s: number, e: number, word: Mnemonic | undefined = mnemonicAt(this.text, s, e)): string | undefined {
    if (word) return word.cls?.name;
    const l = e - s;
    if (l > 5 && l <= 10 && this.text.slice(s, s + 5).toUpperCase() === 'CLASS') {
      const code = this.number16(s + 5, e);
      if (code >= 0) return rrClassByCode(code)?.name ?? `CLASS${code}`;
    }
    return undefined;
  }

  /** Decimal 0–65535 in `text[s, e)`, or -1. */
  private number16(s: number, e: number): number {
    if (e <= s || e - s > 5) return -1;
    let v = 0;
    for (let i = s; i < e; i++) {
      const c = this.text.charCodeAt(i);
      if (!isDigit(c)) return -1;
      v = v * 10 + c - 48;
    }
    return v <= 65535 ? v : -1;
  }

  /**
   * Recognise a type mnemonic or `TYPEnnn`; sets `typeName`, `typeCode`, `typeInfo`. `word` is
   * the mnemonic lookup of the token, when already done.
   */
  private resolveType(s: number, e: number, word: Mnemonic | undefined = mnemonicAt(this.text, s, e)): boolean {
    let info = word?.type;
    if (!info) {
      const l = e - s;
      if (word || l < 5 || l > 9 || this.text.slice(s, s + 4).toUpperCase() !== 'TYPE') return false;
      const code = this.number16(s + 4, e);
      if (code < 0) return false;
      info = rrTypeByCode(code);
      this.typeName = info ? info.name : `TYPE${code}`;
      this.typeCode = code;
      this.typeInfo = info;
      return true;
    }
    this.typeName = info.name;
    this.typeCode = info.code;
    this.typeInfo = info;
    return true;
  }

  private token(k: number): ZoneToken {
    const start = this.ts[k];
    const end = this.te[k];
    return { text: this.text.slice(start, end), range: { start, end }, quoted: (this.tf[k] & TOK_QUOTED) !== 0 };
  }

  private tokenText(k: number): string {
    return this.text.slice(this.ts[k], this.te[k]);
  }

  /** Check token `k` as a domain name (without building it); reports its problems. */
  private checkName(k: number): void {
    this.names.check(this.text, this.ts[k], this.te[k], this.origin, this.originWire);
    const p = this.names.problem;
    if (p) this.problem(p.code, p.message, p.start, p.end);
  }

  /** Read token `k` as a domain name; reports its problems. */
  private readName(k: number): string {
    const name = this.names.read(this.text, this.ts[k], this.te[k], this.origin, this.originWire);
    const p = this.names.problem;
    if (p) this.problem(p.code, p.message, p.start, p.end);
    return name;
  }

  // ---------------------------------------------------------------- entries

  private processEntry(): void {
    const text = this.text;
    const atLineStart = this.ts[0] === this.lineStart;
    if (atLineStart && text.charCodeAt(this.lineStart) === 36) this.directive();
    else this.record(!isBlank(text.charCodeAt(this.lineStart)));
  }

  private record(ownerWritten: boolean): void {
    const text = this.text;
    const n = this.n;
    const ts = this.ts;
    const te = this.te;
    let ok = true;
    let owner = -1;
    let k = 0;
    if (ownerWritten) {
      k = 1;
      if (this.tf[0] & TOK_QUOTED) {
        // An unterminated string is already reported and takes the rest of the line with it.
        if (this.tf[0] & TOK_UNTERMINATED) return;
        this.problem('bad-owner', 'An owner name cannot be a quoted string', ts[0], te[0]);
        ok = false;
      } else if (this.sameAsLastOwner(ts[0], te[0])) {
        owner = this.lastOwner;
      } else {
        this.checkName(0);
        owner = ts[0];
        const clean = this.names.problem === undefined;
        this.lastOwnerStart = clean ? ts[0] : -1;
        this.lastOwnerEnd = clean ? te[0] : -1;
        this.lastOwnerGeneration = this.originGeneration;
      }
      if (owner !== -1) this.lastOwner = owner;
    } else {
      owner = this.lastOwner;
      if (owner === -1) {
        this.problem('no-owner', 'No owner name: the first record must start at the beginning of the line', ts[0], te[0]);
        ok = false;
      }
    }

    // [ttl] [class] in either order.
    let ttlTok = -1;
    let ttlValue = -1;
    let classTok = -1;
    let cls = '';
    /** Mnemonic lookup of the token that ended the loop (the type). */
    let word: Mnemonic | undefined;
    for (; k < n; k++) {
      if (this.tf[k] & TOK_QUOTED) break;
      const s = ts[k];
      const e = te[k];
      if (looksNumeric(text, s, e)) {
        if (ttlTok >= 0) {
          this.problem('duplicate-ttl', 'The TTL is given twice', s, e);
          this.noteExplicitTtl(ttlValue);
          return;
        }
        ttlTok = k;
        ttlValue = parseTtl(text, s, e);
        if (ttlValue < 0) this.problem('bad-ttl', ttlProblemMessage(ttlValue, text.slice(s, e)), s, e);
        continue;
      }
      word = mnemonicAt(text, s, e);
      const c = this.classAt(s, e, word);
      if (c === undefined) break;
      word = undefined;
      if (classTok >= 0) {
        this.problem('duplicate-class', 'The class is given twice', s, e);
        this.noteExplicitTtl(ttlValue);
        return;
      }
      classTok = k;
      cls = c;
      if (c === 'ANY' || c === 'NONE') {
        this.problem('bad-class', `Class ${c} is not allowed in zone data`, s, e);
      }
    }
    if (classTok >= 0) this.lastClass = this.store.classIndex(cls);

    if (k >= n) {
      const last = n - 1;
      this.problem('missing-type', `Expected a record type after '${this.tokenText(last)}'`, ts[last], te[last]);
      this.noteExplicitTtl(ttlValue);
      return;
    }
    const typeTok = k;
    if (this.tf[k] & TOK_QUOTED) {
      // An unterminated string is already reported; one problem is enough.
      if (!(this.tf[k] & TOK_UNTERMINATED)) this.problem('unknown-type', 'Expected a record type, not a quoted string', ts[k], te[k]);
      this.noteExplicitTtl(ttlValue);
      return;
    }
    if (!this.resolveType(ts[k], te[k], word)) {
      const written = this.tokenText(k);
      if (DIRECTIVES.has(written.toUpperCase())) {
        this.problem('misplaced-directive', `${written.toUpperCase()} must start at the beginning of the line`, ts[k], te[k]);
      } else {
        this.problem('unknown-type', `Unknown record type '${written}'`, ts[k], te[k]);
      }
      this.noteExplicitTtl(ttlValue);
      return;
    }
    const typeName = this.typeName;
    const typeCode = this.typeCode;
    const info = this.typeInfo;
    if (isMetaType(typeCode)) {
      this.problem('meta-type', `${typeName} is a query or meta type and cannot appear in a zone file`, ts[k], te[k]);
      this.noteExplicitTtl(ttlValue);
      return;
    }

    const generic = this.checkRdata(typeTok, info, typeName);

    // TTL in effect.
    let ttl: number | undefined;
    let source: TtlSource | undefined;
    if (ttlValue >= 0) {
      ttl = ttlValue;
      source = 'explicit';
      this.lastTtl = ttlValue;
    } else if (this.defaultTtl >= 0) {
      ttl = this.defaultTtl;
      source = 'default';
    } else if (this.lastTtl >= 0) {
      ttl = this.lastTtl;
      source = 'previous';
    } else if (typeCode === 6 && !generic && n > typeTok + 7) {
      const v = parseTtl(text, ts[typeTok + 7], te[typeTok + 7]);
      if (v >= 0) {
        ttl = v;
        source = 'soa-minimum';
        this.lastTtl = v;
      }
    }

    if (!ok || owner === -1) return;
    this.store.add(
      ts[0],
      te[n - 1],
      this.lineStart,
      owner,
      ts[typeTok],
      te[typeTok] - ts[typeTok],
      ttl ?? 0,
      typeCode,
      this.lastClass,
      (generic ? REC_GENERIC : 0) | (ownerWritten ? REC_OWNER_WRITTEN : 0) | ttlFlags(source),
    );
  }

  /** A record that is dropped still sets the "previous TTL" when it gave one. */
  private noteExplicitTtl(ttl: number): void {
    if (ttl >= 0) this.lastTtl = ttl;
  }

  /** The owner token repeats the previous (problem-free) owner token under the same origin. */
  private sameAsLastOwner(s: number, e: number): boolean {
    const ps = this.lastOwnerStart;
    if (ps < 0 || this.lastOwnerEnd - ps !== e - s || this.lastOwnerGeneration !== this.originGeneration) return false;
    const text = this.text;
    for (let i = 0; i < e - s; i++) if (text.charCodeAt(s + i) !== text.charCodeAt(ps + i)) return false;
    return true;
  }

  /**
   * Checks of the RDATA that need no knowledge of the type's fields: presence, the RFC 3597
   * generic form, and the 255-octet limit of character-strings. Returns whether it is generic.
   */
  private checkRdata(typeTok: number, info: RRTypeInfo | undefined, typeName: string): boolean {
    const ts = this.ts;
    const te = this.te;
    const n = this.n;
    const first = typeTok + 1;
    const text = this.text;
    if (first >= n) {
      if (!info?.emptyOk) {
        const hint = info ? '' : ' (empty data is written \\# 0)';
        this.problem('missing-rdata', `${typeName} record without data${hint}`, ts[typeTok], te[typeTok]);
      }
      return false;
    }
    const isGeneric =
      te[first] - ts[first] === 2 && !(this.tf[first] & TOK_QUOTED) && text.charCodeAt(ts[first]) === 92 && text.charCodeAt(ts[first] + 1) === 35;
    if (isGeneric) {
      this.checkGeneric(first);
      return true;
    }
    if (!info) {
      this.problem(
        'generic-required',
        `The data of ${typeName} must be written in the generic form \\# <length> <hex> (RFC 3597 §5)`,
        ts[first],
        te[n - 1],
      );
      return false;
    }
    if (info.strings) {
      let wire = 0;
      for (let k = first; k < n; k++) {
        if (this.tb[k] > 255) {
          this.problem('string-too-long', `Character-string is ${this.tb[k]} octets long (at most 255); split it into several strings`, ts[k], te[k]);
        }
        wire += 1 + this.tb[k];
      }
      // RDLENGTH is 16 bits (RFC 1035 §3.2.1): the strings, each with its length octet, fit in 65535 octets.
      if (wire > 65535) {
        this.problem('rdata-too-long', `The ${typeName} data is ${wire} octets; a record holds at most 65535 (RFC 1035 §3.2.1)`, ts[first], te[n - 1]);
      } else if (wire > MESSAGE_RDATA_MAX) {
        // Valid RDATA that no DNS message can carry: a dialect point (zone/servers.ts), not a syntax error.
        this.problem('rdata-over-message', `${typeName} data of ${wire} octets`, ts[first], te[n - 1]);
      }
    }
    return false;
  }

  /** `\# <length> <hex…>` starting at token `at` (the `\#`). */
  private checkGeneric(at: number): void {
    const ts = this.ts;
    const te = this.te;
    const n = this.n;
    const text = this.text;
    if (at + 1 >= n) {
      this.problem('bad-generic-rdata', 'Expected the RDATA length after \\#', ts[at], te[at]);
      return;
    }
    const length = this.number16(ts[at + 1], te[at + 1]);
    if (length < 0) {
      this.problem('bad-generic-rdata', `'${this.tokenText(at + 1)}' is not a valid RDATA length (0–65535)`, ts[at + 1], te[at + 1]);
      return;
    }
    let nibbles = 0;
    for (let k = at + 2; k < n; k++) {
      for (let i = ts[k]; i < te[k]; i++) {
        const c = text.charCodeAt(i) | 0x20;
        if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) {
          this.problem('bad-generic-rdata', `Invalid hexadecimal data '${this.tokenText(k)}'`, ts[k], te[k]);
          return;
        }
      }
      nibbles += te[k] - ts[k];
    }
    if (nibbles % 2 === 1) {
      this.problem('bad-generic-rdata', 'Odd number of hexadecimal digits', ts[at + 2], te[n - 1]);
    } else if (nibbles / 2 !== length) {
      this.problem('bad-generic-rdata', `RDATA length is ${length} but ${nibbles / 2} octets follow`, ts[at + 1], te[at + 1]);
    }
  }

  // ---------------------------------------------------------------- directives

  private directive(): void {
    const n = this.n;
    const keyword = this.tokenText(0).toUpperCase();
    const args: ZoneToken[] = [];
    for (let k = 1; k < n; k++) args.push(this.token(k));
    const base = {
      range: { start: this.ts[0], end: this.te[n - 1] },
      keywordRange: { start: this.ts[0], end: this.te[0] },
      args,
      recordIndex: this.store.count,
    };
    switch (keyword) {
      case '$ORIGIN':
        this.directives.push(this.originDirective(base));
        break;
      case '$TTL':
        this.directives.push(this.ttlDirective(base));
        break;
      case '$INCLUDE':
        this.directives.push(this.includeDirective(base));
        break;
      case '$GENERATE':
        this.directives.push(this.generateDirective(base));
        break;
      default: {
        this.problem('unknown-directive', `Unknown directive ${keyword}`, this.ts[0], this.te[0]);
        const d: UnknownDirective = { kind: 'unknown', name: keyword, ...base };
        this.directives.push(d);
      }
    }
  }

  private missing(what: string): void {
    this.problem('missing-argument', `${this.tokenText(0).toUpperCase()} needs ${what}`, this.ts[0], this.te[0]);
  }

  private extra(from: number): void {
    if (from < this.n) {
      this.problem('extra-argument', `Unexpected text after ${this.tokenText(0).toUpperCase()}`, this.ts[from], this.te[this.n - 1]);
    }
  }

  private quotedArgument(k: number, what: string): boolean {
    if (this.tf[k] & TOK_QUOTED) {
      this.problem('bad-argument', `${what} cannot be a quoted string`, this.ts[k], this.te[k]);
      return true;
    }
    return false;
  }

  private originDirective(base: Omit<OriginDirective, 'kind'>): OriginDirective {
    const d: OriginDirective = { kind: 'origin', ...base };
    if (this.n < 2) {
      this.missing('a domain name');
      return d;
    }
    d.nameRange = { start: this.ts[1], end: this.te[1] };
    if (!this.quotedArgument(1, 'The origin')) {
      const name = this.readName(1);
      d.name = name;
      this.origin = name;
      this.originWire = this.names.wire;
      this.originGeneration++;
      this.store.setOrigin(this.te[this.n - 1], name);
    }
    this.extra(2);
    return d;
  }

  private ttlDirective(base: Omit<TtlDirective, 'kind'>): TtlDirective {
    const d: TtlDirective = { kind: 'ttl', ...base };
    if (this.n < 2) {
      this.missing('a TTL value');
      return d;
    }
    const s = this.ts[1];
    const e = this.te[1];
    d.valueRange = { start: s, end: e };
    const v = parseTtl(this.text, s, e);
    if (v < 0) {
      this.problem('bad-ttl', ttlProblemMessage(v, this.text.slice(s, e)), s, e);
    } else {
      d.ttl = v;
      this.defaultTtl = v;
    }
    this.extra(2);
    return d;
  }

  private includeDirective(base: Omit<IncludeDirective, 'kind' | 'currentOrigin' | 'state'>): IncludeDirective {
    const d: IncludeDirective = { kind: 'include', currentOrigin: this.origin, state: this.includeState(), ...base };
    if (this.n < 2) {
      this.missing('a file name');
      return d;
    }
    d.file = decodeCharacterString(this.text, this.ts[1], this.te[1], this.tf[1]).value;
    d.fileRange = { start: this.ts[1], end: this.te[1] };
    if (this.n > 2) {
      d.originRange = { start: this.ts[2], end: this.te[2] };
      if (!this.quotedArgument(2, 'The origin')) d.origin = this.readName(2);
    }
    this.extra(3);
    return d;
  }

  /** The state at the end of the text. */
  endState(): IncludeState {
    return this.includeState();
  }

  /** What an included file starts with (BIND: the current owner, the TTLs and the class). */
  private includeState(): IncludeState {
    const state: IncludeState = { class: this.store.classNameOf(this.lastClass) };
    if (this.lastOwner === INHERITED_OWNER_AT) state.owner = this.store.inheritedOwner;
    else if (this.lastOwner >= 0) {
      this.quiet.unquoted(this.lastOwner);
      state.owner = buildName(this.text, this.lastOwner, this.quiet.end, this.store.originAt(this.lastOwner));
    }
    if (this.defaultTtl >= 0) state.defaultTtl = this.defaultTtl;
    if (this.lastTtl >= 0) state.lastTtl = this.lastTtl;
    return state;
  }

  private generateDirective(base: Omit<GenerateDirective, 'kind' | 'origin'>): GenerateDirective {
    const d: GenerateDirective = { kind: 'generate', origin: this.origin, ...base };
    const n = this.n;
    const ts = this.ts;
    const te = this.te;
    if (n < 2) {
      this.missing('a range, an owner template, a type and RDATA');
      return d;
    }
    d.rangeRange = { start: ts[1], end: te[1] };
    this.generateRange(d);
    if (n < 3) {
      this.missing('an owner template, a type and RDATA');
      return d;
    }
    d.lhs = this.token(2);
    this.checkTemplate(2);
    let k = 3;
    for (; k < n; k++) {
      const s = ts[k];
      const e = te[k];
      if (this.tf[k] & TOK_QUOTED) break;
      if (isDigit(this.text.charCodeAt(s)) && d.ttlRange === undefined) {
        d.ttlRange = { start: s, end: e };
        const v = parseTtl(this.text, s, e);
        if (v < 0) this.problem('bad-ttl', ttlProblemMessage(v, this.text.slice(s, e)), s, e);
        else d.ttl = v;
        continue;
      }
      const c = d.classRange === undefined ? this.classAt(s, e) : undefined;
      if (c === undefined) break;
      d.class = c;
      d.classRange = { start: s, end: e };
    }
    if (k >= n) {
      this.missing('a record type and RDATA');
      return d;
    }
    d.typeRange = { start: ts[k], end: te[k] };
    if ((this.tf[k] & TOK_QUOTED) !== 0 || !this.resolveType(ts[k], te[k])) {
      this.problem('unknown-type', `Unknown record type '${this.tokenText(k)}'`, ts[k], te[k]);
    } else if (isMetaType(this.typeCode)) {
      this.problem('meta-type', `${this.typeName} is a query or meta type and cannot appear in a zone file`, ts[k], te[k]);
    } else {
      d.type = this.typeName;
      d.typeCode = this.typeCode;
    }
    if (k + 1 >= n) {
      this.problem('missing-argument', '$GENERATE needs the RDATA template after the type', ts[k], te[k]);
      return d;
    }
    d.rhs = this.token(k + 1);
    this.checkTemplate(k + 1);
    this.extra(k + 2);
    return d;
  }

  /** `start-stop[/step]`, each a decimal up to 2^32-1, start ≤ stop, step ≥ 1. */
  private generateRange(d: GenerateDirective): void {
    const text = this.text;
    const s = this.ts[1];
    const e = this.te[1];
    const values: number[] = [];
    let i = s;
    const seps = [45, 47]; // '-', '/'
    for (let part = 0; part < 3; part++) {
      let v = 0;
      const from = i;
      while (i < e && isDigit(text.charCodeAt(i))) {
        v = v * 10 + text.charCodeAt(i) - 48;
        if (v > 0xffffffff) v = 0x100000000;
        i++;
      }
      if (i === from || v > 0xffffffff) break;
      values.push(v);
      if (i === e || part === 2 || text.charCodeAt(i) !== seps[part]) break;
      i++;
    }
    const bad = (msg: string): void => this.problem('bad-generate', msg, s, e);
    const last = text.charCodeAt(e - 1);
    if (i !== e || values.length < 2 || last === 45 || last === 47) {
      bad(`Invalid $GENERATE range '${text.slice(s, e)}' (expected start-stop or start-stop/step, each 0–4294967295)`);
      return;
    }
    const [start, stop, step = 1] = values;
    if (start > stop) return bad(`$GENERATE range starts after it stops (${start} > ${stop})`);
    if (step < 1) return bad('$GENERATE step must be at least 1');
    d.start = start;
    d.stop = stop;
    d.step = step;
  }

  /** `$` and `${offset[,width[,base]]}` substitutions of an owner or RDATA template. */
  private checkTemplate(k: number): void {
    const text = this.text;
    const e = this.te[k];
    for (let i = this.ts[k]; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        i++;
        continue;
      }
      if (c !== 36 || text.charCodeAt(i + 1) !== 123 || i + 1 >= e) continue;
      const dollar = i;
      let close = -1;
      for (let j = i + 2; j < e; j++) {
        if (text.charCodeAt(j) === 125) {
          close = j;
          break;
        }
      }
      if (close < 0) {
        this.problem('bad-generate', 'Substitution ${… is missing its closing }', dollar, e);
        return;
      }
      if (!validModifier(text.slice(dollar + 2, close))) {
        this.problem('bad-generate', 'Invalid substitution: expected ${offset[,width[,base]]} with base d, o, x, X, n or N', dollar, close + 1);
      }
      i = close;
    }
  }
}

/** A TTL-like token: starts with a digit, or a sign and a digit (a negative TTL is still a TTL). */
function looksNumeric(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(s);
  if (isDigit(c)) return true;
  return (c === 45 || c === 43) && s + 1 < e && isDigit(text.charCodeAt(s + 1));
}

function validModifier(m: string): boolean {
  return /^[+-]?\d+(,\d+(,[doxXnN])?)?$/.test(m);
}
