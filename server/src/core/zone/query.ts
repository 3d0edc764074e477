/** Position queries over a parsed zone: what is at an offset. Shared by hover and editor features. */
import type { Range } from '../types';
import { forEachToken } from './lexer';
import { firstIndex } from '../sorted';
import type { ZoneDirective, ZoneModel, ZoneRecord } from './model';

/** Last index of `items` whose start is ≤ offset (items sorted by start), or -1. */
function lastStartingAtOrBefore<T>(items: readonly T[], offset: number, startOf: (t: T) => number): number {
  return firstIndex(items.length, (i) => startOf(items[i]) > offset) - 1;
}

function contains(r: Range, offset: number): boolean {
  return r.start <= offset && offset < r.end;
}

/** The record whose text (first to last token) contains `offset`. */
export function recordAt(model: ZoneModel, offset: number): ZoneRecord | undefined {
  return model.recordAt(offset);
}

export function directiveAt(model: ZoneModel, offset: number): ZoneDirective | undefined {
  const i = lastStartingAtOrBefore(model.directives, offset, (d) => d.range.start);
  if (i < 0) return undefined;
  const d = model.directives[i];
  return contains(d.range, offset) ? d : undefined;
}

export type RecordTokenRole = 'owner' | 'ttl' | 'class' | 'type' | 'rdata';

export interface RecordToken {
  role: RecordTokenRole;
  range: Range;
  /** Position among the RDATA tokens (for `rdata`). */
  index: number;
}

/** The token of `record` under `offset`, with its role. */
export function recordTokenAt(model: ZoneModel, record: ZoneRecord, offset: number): RecordToken | undefined {
  const owner = record.ownerRange;
  if (owner.end > owner.start && contains(owner, offset)) return { role: 'owner', range: owner, index: 0 };
  const type = record.typeRange;
  if (contains(type, offset)) return { role: 'type', range: type, index: 0 };
  if (offset < type.start) {
    let hit: RecordToken | undefined;
    const text = model.text;
    const from = owner.end > owner.start ? owner.end : record.lineStart;
    forEachToken(text, from, type.start, (start, end) => {
      if (start <= offset && offset < end) {
        const c = text.charCodeAt(start);
        hit = { role: c >= 48 && c <= 57 ? 'ttl' : 'class', range: { start, end }, index: 0 };
      }
    });
    return hit;
  }
  const rdata = record.rdata;
  for (let i = 0; i < rdata.length; i++) {
    if (contains(rdata[i].range, offset)) return { role: 'rdata', range: rdata[i].range, index: i };
  }
  return undefined;
}
