/**
 * Analyses of filter lists shared by the rules and hover: which numbers each command refers to,
 * which filters a list can never reach (shadowing), catch-all entries, and whether a dynamic
 * filter can ever start a session on the list it is listed in.
 */
import { CoverageContext, intersectsRegion, matchesEverything, subtractRegion, type Region } from './coverage';
import { startsWith, words } from './command';
import { effectiveLists, filterSpace } from './filter';
import type { DynamicFilter, FilterSetList, ListEntry, RtxCommand, RtxModel, RtxToken, SecureFilterBinding, StaticFilter } from './model';

/** Where a filter number is referred to. */
export type RefVia =
  /** The static part of an effective `secure filter` list. */
  | 'list'
  /** The part after `dynamic` of an effective `secure filter` list. */
  | 'dynamic-list'
  /** A filter-set line (`ip filter set NAME in|out …`). */
  | 'set'
  | 'set-dynamic'
  /** `ip filter dynamic N … filter A in B out C`. */
  | 'dynamic-trigger'
  /** Any other command that takes `filter N…` (routes, directed broadcast, RIP, TOS/DSCP rewriting). */
  | 'other';

export interface FilterRef {
  family: 4 | 6;
  /** Which number space: static (`ip filter N`) or dynamic (`ip filter dynamic N`). */
  space: 'static' | 'dynamic';
  num: number;
  token: RtxToken;
  via: RefVia;
  command: number;
  binding?: SecureFilterBinding;
  set?: FilterSetList;
  position?: number;
}

/** Commands whose `filter` keyword does not introduce `ip filter` numbers. */
const FOREIGN_FILTER_NAMESPACES: readonly (readonly string[])[] = [
  ['ip', 'inbound', 'filter'],
  ['ip', 'policy', 'filter'],
  ['ipv6', 'inbound', 'filter'],
  ['ipv6', 'policy', 'filter'],
];

/** Numbers after `filter` (optionally after `in` / `out`) in a command like `ip route … filter 1 2 gateway …`. */
function otherRefs(cmd: RtxCommand, family: 4 | 6, out: FilterRef[]): void {
  const w = words(cmd);
  for (let i = 1; i < w.length; i++) {
    if (w[i].lower !== 'filter') continue;
    if (w[i - 1].lower === 'inbound' || w[i - 1].lower === 'policy') continue;
    for (let k = i + 1; k < w.length; k++) {
      const t = w[k];
      if (t.lower === 'in' || t.lower === 'out') continue;
      if (!/^\d+$/.test(t.value)) break;
      out.push({ family, space: 'static', num: Number(t.value), token: t, via: 'other', command: cmd.index });
    }
  }
}

/** Every reference to a filter number in the effective configuration. */
export function filterReferences(model: RtxModel): FilterRef[] {
  const out: FilterRef[] = [];
  for (const b of model.bindings) {
    if (b.setName !== undefined) continue;
    b.list.forEach((e, position) => out.push({ family: b.family, space: 'static', num: e.num, token: e.token, via: 'list', command: b.command, binding: b, position }));
    b.dynamic.forEach((e, position) => out.push({ family: b.family, space: 'dynamic', num: e.num, token: e.token, via: 'dynamic-list', command: b.command, binding: b, position }));
  }
  for (const s of model.filters.sets.values()) {
    s.list.forEach((e, position) => out.push({ family: 4, space: 'static', num: e.num, token: e.token, via: 'set', command: s.command, set: s, position }));
    s.dynamic.forEach((e, position) => out.push({ family: 4, space: 'dynamic', num: e.num, token: e.token, via: 'set-dynamic', command: s.command, set: s, position }));
  }
  for (const family of [4, 6] as const) {
    for (const d of filterSpace(model, family).dynamic.values()) {
      if (!d.trigger) continue;
      const w = words(model.commands[d.command]);
      for (let k = 7; k < w.length; k++) {
        if (/^\d+$/.test(w[k].value)) out.push({ family, space: 'static', num: Number(w[k].value), token: w[k], via: 'dynamic-trigger', command: d.command });
        else if (w[k].lower !== 'in' && w[k].lower !== 'out') break;
      }
    }
  }
  for (const cmd of model.commands) {
    if (cmd.negated) continue;
    const w = words(cmd);
    const fam = w[0]?.lower === 'ip' ? 4 : w[0]?.lower === 'ipv6' ? 6 : 0;
    if (fam === 0 || w.length < 3) continue;
    if (w[1].lower === 'filter' && w[2].lower !== 'directed-broadcast') continue; // definitions, sets, settings
    if (w[2]?.lower === 'secure' && w[3]?.lower === 'filter') continue;
    if (FOREIGN_FILTER_NAMESPACES.some((kw) => startsWith(cmd, ...kw))) continue;
    if (!w.some((t) => t.lower === 'filter')) continue;
    otherRefs(cmd, fam, out);
  }
  return out;
}

// ----- list analyses ------------------------------------------------------------------------------

/** One list to analyse: a binding's (or its set's) static and dynamic entries. */
export interface ListUnderTest {
  family: 4 | 6;
  list: ListEntry[];
  dynamic: ListEntry[];
  /** The command holding the entries (the `secure filter` or `ip filter set` line). */
  command: number;
  binding?: SecureFilterBinding;
  set?: FilterSetList;
}

/** The distinct lists of the configuration: each effective binding's own list and each filter set. */
export function listsUnderTest(model: RtxModel): ListUnderTest[] {
  const out: ListUnderTest[] = [];
  const seen = new Set<number>();
  for (const b of model.bindings) {
    if (b.setName !== undefined || seen.has(b.command)) continue;
    seen.add(b.command);
    out.push({ family: b.family, list: b.list, dynamic: b.dynamic, command: b.command, binding: b });
  }
  for (const s of model.filters.sets.values()) out.push({ family: 4, list: s.list, dynamic: s.dynamic, command: s.command, set: s });
  return out;
}

const decides = (f: StaticFilter): boolean => f.action.verdict === 'pass' || f.action.verdict === 'reject' || f.action.verdict === 'restrict';
export const passes = (f: StaticFilter): boolean => f.action.verdict === 'pass' || f.action.verdict === 'restrict';

export interface Shadowed {
  position: number;
  entry: ListEntry;
  filter: StaticFilter;
  /** The earlier entries whose filters together match everything this one could. */
  coverers: { position: number; entry: ListEntry; filter: StaticFilter }[];
}

/**
 * Entries of a list that can never match: every packet they match was already decided by an
 * earlier filter of the same list (first match wins). Undefined numbers are skipped; an analysis
 * that gets too large for one entry leaves that entry unreported.
 */
export function shadowedEntries(model: RtxModel, l: ListUnderTest): Shadowed[] {
  const space = filterSpace(model, l.family);
  const ctx = new CoverageContext();
  const earlier: { position: number; entry: ListEntry; filter: StaticFilter; region: Region }[] = [];
  const out: Shadowed[] = [];
  l.list.forEach((entry, position) => {
    const f = space.static.get(entry.num);
    if (!f) return;
    let region: Region | undefined = ctx.filterRegion(f, 'super');
    if (region.length > 0) {
      const coverers: Shadowed['coverers'] = [];
      for (const g of earlier) {
        if (ctx.budget.left <= 0) {
          region = undefined;
          break;
        }
        if (!intersectsRegion(region, g.region, ctx.budget)) continue;
        coverers.push({ position: g.position, entry: g.entry, filter: g.filter });
        region = subtractRegion(region, g.region, ctx.budget);
        if (!region || region.length === 0) break;
      }
      if (region && region.length === 0 && coverers.length > 0) out.push({ position, entry, filter: f, coverers });
    }
    if (decides(f)) earlier.push({ position, entry, filter: f, region: ctx.filterRegion(f, 'sub') });
  });
  return out;
}

export interface CatchAll {
  position: number;
  entry: ListEntry;
  filter: StaticFilter;
  /** Reject filters listed after it (they never apply). */
  deadRejects: { position: number; entry: ListEntry; filter: StaticFilter }[];
}

/** A pass-all filter (pass or restrict, matching every packet) listed before reject filters. */
export function catchAllFirst(model: RtxModel, l: ListUnderTest): CatchAll | undefined {
  const space = filterSpace(model, l.family);
  for (let position = 0; position < l.list.length; position++) {
    const entry = l.list[position];
    const f = space.static.get(entry.num);
    if (!f) continue;
    if (!matchesEverything(f)) continue;
    if (!passes(f)) return undefined; // a reject-all ends the list: later ones are shadowed instead
    const deadRejects: CatchAll['deadRejects'] = [];
    for (let k = position + 1; k < l.list.length; k++) {
      const g = space.static.get(l.list[k].num);
      if (g && g.action.verdict === 'reject') deadRejects.push({ position: k, entry: l.list[k], filter: g });
    }
    return deadRejects.length > 0 ? { position, entry, filter: f, deadRejects } : undefined;
  }
  return undefined;
}

/**
 * Whether a dynamic filter listed on `l` can ever open a session there: some connection-opening
 * packet it tracks must be passed by the list's static filters (sessions are only created after
 * a static pass, reference §3.3). `undefined` when the analysis is too large to decide.
 */
export function canStartSession(model: RtxModel, l: ListUnderTest, d: DynamicFilter, dynamicOnlyPasses: boolean): boolean | undefined {
  const space = filterSpace(model, l.family);
  const ctx = new CoverageContext();
  let remaining: Region | undefined = ctx.dynamicTriggerRegion(d, (n) => space.static.get(n), 'super');
  if (remaining.length === 0) return d.application ? false : undefined;
  const staticCount = l.list.filter((e) => space.static.has(e.num)).length;
  if (staticCount === 0) return dynamicOnlyPasses;
  for (const entry of l.list) {
    const f = space.static.get(entry.num);
    if (!f) continue;
    if (passes(f) && intersectsRegion(remaining, ctx.filterRegion(f, 'super'), ctx.budget)) return true;
    remaining = subtractRegion(remaining, ctx.filterRegion(f, 'sub'), ctx.budget);
    if (!remaining) return undefined;
    if (remaining.length === 0) return false;
  }
  return false;
}

/** Whether the connections `d` tracks are all tracked by `others` as well (undefined: too large to decide). */
export function dynamicCovered(model: RtxModel, family: 4 | 6, d: DynamicFilter, others: readonly DynamicFilter[]): boolean | undefined {
  const space = filterSpace(model, family);
  const ctx = new CoverageContext();
  const trig = (n: number): StaticFilter | undefined => space.static.get(n);
  const mine = ctx.dynamicTriggerRegion(d, trig, 'sub');
  if (mine.length === 0) return true;
  const theirs = others.flatMap((o) => [...ctx.dynamicTriggerRegion(o, trig, 'super')]);
  const rest = subtractRegion(mine, theirs, ctx.budget);
  return rest === undefined ? undefined : rest.length === 0;
}

/** The list a binding evaluates, as a `ListUnderTest` (its set's list for `secure filter name`). */
export function bindingList(model: RtxModel, b: SecureFilterBinding): ListUnderTest | undefined {
  const lists = effectiveLists(model, b);
  if (!lists) return undefined;
  return { family: b.family, list: lists.list, dynamic: lists.dynamic, command: lists.set?.command ?? b.command, binding: b, ...(lists.set ? { set: lists.set } : {}) };
}

/** The list entry whose token starts at `offset` (for stateless quick fixes). */
export function listEntryAt(model: RtxModel, offset: number): { l: ListUnderTest; entry: ListEntry; position: number; part: 'static' | 'dynamic' } | undefined {
  for (const l of listsUnderTest(model)) {
    const s = l.list.findIndex((e) => e.token.range.start === offset);
    if (s >= 0) return { l, entry: l.list[s], position: s, part: 'static' };
    const d = l.dynamic.findIndex((e) => e.token.range.start === offset);
    if (d >= 0) return { l, entry: l.dynamic[d], position: d, part: 'dynamic' };
  }
  return undefined;
}

/** The `dynamic` keyword token of a list (binding or set). */
export function dynamicTokenOf(l: ListUnderTest): RtxToken | undefined {
  return l.binding?.dynamicToken ?? l.set?.dynamicToken;
}

/** How a list is named in messages: `the OUT list of pp 1`, `filter set guest (in)`. */
export function listLabel(l: ListUnderTest, ifaceKey: (b: SecureFilterBinding) => string): string {
  if (l.set) return `filter set ${l.set.name} (${l.set.dir})`;
  const b = l.binding!;
  return `the ${b.family === 6 ? 'IPv6 ' : ''}${b.dir.toUpperCase()} list of ${ifaceKey(b)}`;
}
