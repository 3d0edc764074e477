/**
 * Records grouped by owner name. Zones write a name's records together, so the grouping goes by
 * runs of one owner: one map operation per run, and an exact-size list for a name written in
 * one run (a list pushed to reserves 17 slots, a third of the memory at a million records).
 */
import type { ZoneModel, ZoneRecord } from './model';

/** `records` by owner name, each list in the given order. */
export function groupByOwner(records: readonly ZoneRecord[]): Map<string, ZoneRecord[]> {
  const out = new Map<string, ZoneRecord[]>();
  for (let start = 0; start < records.length; ) {
    const owner = records[start].owner;
    let end = start + 1;
    while (end < records.length && records[end].owner === owner) end++;
    const list = out.get(owner);
    if (!list) out.set(owner, records.slice(start, end));
    else for (let i = start; i < end; i++) list.push(records[i]);
    start = end;
  }
  return out;
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
