/**
 * Records grouped by owner name. Zones write a name's records together, so the grouping goes by
 * runs of one owner: one map operation per run, and an exact-size list for a name written in
 * one run (a list pushed to reserves 17 slots, a third of the memory at a million records).
 */
import type { ZoneModel, ZoneRecord } from './model';

/** `items` grouped by `keyOf`, each list in the given order; runs of one key cost one map operation. */
export function groupRuns<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (let start = 0; start < items.length; ) {
    const key = keyOf(items[start]);
    let end = start + 1;
    while (end < items.length && keyOf(items[end]) === key) end++;
    const list = out.get(key);
    if (!list) out.set(key, items.slice(start, end));
    else for (let i = start; i < end; i++) list.push(items[i]);
    start = end;
  }
  return out;
}

/** `records` by owner name, each list in the given order. */
export function groupByOwner(records: readonly ZoneRecord[]): Map<string, ZoneRecord[]> {
  return groupRuns(records, (r) => r.owner);
}

const cache = new WeakMap<ZoneModel, Map<string, ReadonlyMap<string, readonly ZoneRecord[]>>>();

/** A model's own records of one type by owner name, in document order (built once per model and type; shared by the rules). */
export function recordsByOwner(model: ZoneModel, type: string): ReadonlyMap<string, readonly ZoneRecord[]> {
  let perType = cache.get(model);
  if (!perType) cache.set(model, (perType = new Map()));
  let map = perType.get(type);
  if (!map) perType.set(type, (map = groupByOwner(model.recordsOfType(type))));
  return map;
}
