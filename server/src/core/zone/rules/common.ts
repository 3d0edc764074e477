/** Small helpers of the zone checks. */
import type { Range } from '../../types';
import type { ZoneRecord } from '../model';

/** Where to point at a record's owner: its token, or the type when the owner is inherited. */
export function ownerSpot(r: ZoneRecord): Range {
  return r.ownerRange.end > r.ownerRange.start ? r.ownerRange : r.typeRange;
}

/** Owner name as shown in messages. */
export function show(name: string): string {
  return name;
}

import type { ZoneToken } from '../model';
import { TARGET_FIELD, targetName, type ZoneFacts } from '../analysis';

export interface Target {
  record: ZoneRecord;
  token: ZoneToken;
  /** Absolute name the token stands for. */
  name: string;
}

/** The host names that NS, MX and SRV records point at (not the null target `.`). */
const targetCache = new WeakMap<ZoneFacts, Target[]>();

export function targets(facts: ZoneFacts, text: string): Target[] {
  const cached = targetCache.get(facts);
  if (cached) return cached;
  const out: Target[] = [];
  targetCache.set(facts, out);
  for (const code of [2, 15, 33]) {
    const field = TARGET_FIELD[code];
    for (const record of facts.ofType(code)) {
      if (record.generic) continue;
      const token = freshTokens(record, text)[field];
      if (!token || token.quoted || token.text === '.') continue;
      out.push({ record, token, name: targetName(token, record.origin) });
    }
  }
  return out;
}

/** Written as an IPv4 or IPv6 address (with or without a trailing dot). */
export function looksLikeAddress(text: string): boolean {
  const t = text.endsWith('.') ? text.slice(0, -1) : text;
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(t) || (t.includes(':') && /^[0-9a-fA-F:.]+$/.test(t));
}

import { DerivedRecord } from '../analysis';
import { forEachToken, Scanner, TOK_QUOTED } from '../lexer';

/** A quiet scanner of the last document read (one document is checked at a time). */
let lastScan: { text: string; scanner: Scanner } | undefined;

/**
 * The RDATA tokens of a record, read afresh from the document (not cached on the record, so a
 * check over a large zone leaves nothing behind for the collector to keep).
 */
export function freshTokens(r: ZoneRecord, text: string): ZoneToken[] {
  if (r instanceof DerivedRecord) return r.rdata;
  if (lastScan === undefined || lastScan.text !== text) lastScan = { text, scanner: new Scanner(text, null) };
  // Strings compare by content: a new version whose text equals the last one (an edit undone) is
  // another string, which every call would read through to the end. Keep the one in use, so the
  // next calls compare by identity.
  else lastScan.text = text;
  const scanner = lastScan.scanner;
  const tokens: ZoneToken[] = [];
  forEachToken(
    text,
    r.typeRange.end,
    r.range.end,
    (start, end, flags) => tokens.push({ text: text.slice(start, end), range: { start, end }, quoted: (flags & TOK_QUOTED) !== 0 }),
    scanner,
  );
  return tokens;
}
