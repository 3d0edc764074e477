/**
 * A new version of a parsed zone file from the previous one and an edit, without reading the
 * whole text again: the stretch of records the edit touches is parsed on its own
 * (`editedRegion`) and put in place of the old records there; the records after it move with the
 * text. Editors ask for the parse after every keystroke (hover, completion, code actions,
 * outline), and a large zone takes tens of milliseconds per 100k records to parse.
 *
 * Exact or nothing: the result is the model the parse of the whole new text gives, or undefined
 * and the caller parses the whole text. The stretch starts from the parser's state after the
 * record before it, which is the whole parse's state there when no broken entry (a problem) lies
 * in between. The old stretch, parsed again from that state, must end in the state the new one
 * ends in, so that the records after it read the same; none of them reads the stretch's owner
 * (`editedRegion` takes in the records that inherit it). `$INCLUDE` and `$GENERATE` are left to
 * the whole parse. `splice.test.ts` holds random edits to the whole parse.
 */
import type { IncludeState, ZoneDirective, ZoneModel, ZoneProblem } from './model';
import { parseZoneStretch } from './parser';
import { editedRegion, movedRange, type TextChange } from './regional';
import { firstIndex } from '../sorted';
import { INHERITED_OWNER_AT, ParsedZone, RecordStore } from './store';

export function spliceZone(old: ZoneModel, text: string, change: TextChange): ZoneModel | undefined {
  if (old.includes?.length || !(old instanceof ParsedZone)) return undefined;
  if (old.directives.some((d) => d.kind === 'include' || d.kind === 'generate')) return undefined;
  const region = editedRegion(old, text, change);
  if (!region) return undefined;
  const { start, oldEnd } = region;
  const delta = region.newEnd - oldEnd;
  const store = old.store;
  // The old records of the stretch: those starting in [start, oldEnd).
  const from = firstIndex(store.count, (i) => store.start(i) >= start);
  const to = firstIndex(store.count, (i) => store.start(i) >= oldEnd);
  // A broken entry between the record before the stretch and the stretch may have changed the state.
  const beforeEnd = from > 0 ? store.end(from - 1) : 0;
  if (old.problems.some((p) => p.range.end > beforeEnd && p.range.start < start)) return undefined;
  if (!sameEnd(parseZoneStretch(old.text.slice(start, oldEnd), region.options).state, region.state)) return undefined;
  const ownerAt = from > 0 ? store.ownerAt(from - 1) : INHERITED_OWNER_AT;
  const spliced = RecordStore.spliced(store, text, start, oldEnd, delta, from, to, region.model.store, ownerAt);
  if (!spliced) return undefined;

  const problems: ZoneProblem[] = [];
  for (const p of old.problems) if (p.range.start < start) problems.push(p);
  for (const p of region.model.problems) problems.push({ ...p, range: movedRange(p.range, start) });
  for (const p of old.problems) if (p.range.start >= oldEnd) problems.push({ ...p, range: movedRange(p.range, delta) });
  const added = region.model.recordCount - (to - from);
  const directives = old.directives.map((d) => (d.range.start < start ? d : movedDirective(d, delta, added)));
  return new ParsedZone(text, undefined, spliced, directives, problems, old.origin, old.originKnown);
}

/**
 * Whether the lines after two stretches read the same after either: the same class and `$TTL`,
 * and the same last TTL where no `$TTL` is in force (a `$TTL` is never unset, and only records
 * without one take the last TTL).
 */
function sameEnd(a: IncludeState, b: IncludeState): boolean {
  return a.class === b.class && a.defaultTtl === b.defaultTtl && (a.defaultTtl !== undefined || a.lastTtl === b.lastTtl);
}

/** A directive after the stretch: its ranges moved with the text, its place among the records by `added`. */
function movedDirective(d: ZoneDirective, delta: number, added: number): ZoneDirective {
  const out = { ...d, range: movedRange(d.range, delta), keywordRange: movedRange(d.keywordRange, delta), args: d.args.map((t) => ({ ...t, range: movedRange(t.range, delta) })), recordIndex: d.recordIndex + added };
  if (out.kind === 'origin' && out.nameRange) out.nameRange = movedRange(out.nameRange, delta);
  if (out.kind === 'ttl' && out.valueRange) out.valueRange = movedRange(out.valueRange, delta);
  return out;
}
