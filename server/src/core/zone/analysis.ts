/**
 * What the zone checks share, computed once per model: every record of the zone (written in the
 * file, produced by `$GENERATE`, or read through `$INCLUDE`), the apex, and records by owner.
 * Records that are not written in the document are light copies whose ranges all point at the
 * directive that produced them, so their findings land on that line.
 */
import type { Range } from '../types';
import { forEachToken } from './lexer';
import type { GenerateDirective, IncludeDirective, ZoneModel, ZoneRecord, ZoneToken } from './model';
import { buildName, NameReader } from './names';
import { TOK_QUOTED } from './lexer';
import { expandGenerate, MAX_GENERATE } from './generate';
import { validateRdata } from './rdata/validate';
import { groupByOwner } from './owners';

/** A record not written in the document itself. */
export class DerivedRecord implements ZoneRecord {
  readonly ownerRange: Range;
  readonly typeRange: Range;
  readonly lineStart: number;
  readonly generic = false;
  readonly strings = undefined;
  constructor(
    readonly owner: string,
    readonly ttl: number | undefined,
    readonly cls: string,
    readonly type: string,
    readonly typeCode: number,
    readonly rdata: ZoneToken[],
    readonly origin: string,
    readonly range: Range,
    readonly via: 'generate' | 'include',
  ) {
    this.ownerRange = range;
    this.typeRange = range;
    this.lineStart = range.start;
  }
  get class(): string {
    return this.cls;
  }
}

export interface GenerateProblem {
  directive: GenerateDirective;
  range: Range;
  message: string;
}

export interface ZoneFacts {
  /** Every record of the zone, document records first (in order), then derived ones. */
  records: ZoneRecord[];
  /** Records written in the document (the model's own). */
  ownCount: number;
  generateProblems: GenerateProblem[];
  /** The zone's apex (absolute, lower case), when it can be told (see `apexOf`). */
  apex: string | undefined;
  /** Records by owner name; built on first use. */
  byOwner(): Map<string, ZoneRecord[]>;
  /** Records of one type code, from `records`. */
  ofType(code: number): ZoneRecord[];
}

const cache = new WeakMap<ZoneModel, ZoneFacts>();

/**
 * The apex: the origin the caller gave; else an `$ORIGIN` before the first record (other than the
 * root); else the owner of the first SOA; else the first `$ORIGIN`; else unknown.
 */
export function apexOf(model: ZoneModel): string | undefined {
  if (model.originKnown) return model.origin;
  const first = model.directives.find((d) => d.kind === 'origin' && d.name !== undefined);
  const soa = model.recordsOfType(6)[0];
  if (first && first.kind === 'origin' && first.recordIndex === 0 && first.name && first.name !== '.') {
    // A first $ORIGIN below the SOA's owner sets up a subdomain, not the zone.
    if (soa && soa.owner !== first.name && inZone(first.name, soa.owner)) return soa.owner;
    return first.name;
  }
  if (soa) return soa.owner;
  if (first && first.kind === 'origin') return first.name;
  return undefined;
}

function tokensOf(text: string, range: Range): ZoneToken[] {
  const out: ZoneToken[] = [];
  forEachToken(text, 0, text.length, (s, e, flags) => out.push({ text: text.slice(s, e), range, quoted: (flags & TOK_QUOTED) !== 0 }));
  return out;
}

const names = new NameReader();

function generated(d: GenerateDirective, problems: GenerateProblem[], budget: { left: number }): DerivedRecord[] {
  if (d.start === undefined || d.stop === undefined || d.step === undefined || !d.lhs || !d.rhs || !d.type || d.typeCode === undefined) return [];
  const limit = Math.min(MAX_GENERATE, budget.left);
  const x = expandGenerate(d, limit);
  budget.left -= x.items.length;
  if (x.problem) problems.push({ directive: d, range: d.range, message: `$GENERATE: ${x.problem}` });
  if (x.requested > x.items.length && !x.problem) {
    problems.push({
      directive: d,
      range: d.rangeRange ?? d.range,
      message: `$GENERATE range asks for ${x.requested} records; only the first ${x.items.length} are checked (at most ${MAX_GENERATE} per directive)`,
    });
  }
  const out: DerivedRecord[] = [];
  const rhsRange = d.rhs.range;
  let reported = false;
  for (const item of x.items) {
    names.check(item.owner, 0, item.owner.length, d.origin, d.origin === '.' ? 1 : d.origin.length + 1);
    if (names.problem && !reported) {
      problems.push({ directive: d, range: d.lhs.range, message: `$GENERATE owner '${item.owner}' (for ${item.value}): ${names.problem.message}` });
      reported = true;
      continue;
    }
    const tokens = tokensOf(item.rdata, rhsRange);
    if (!reported) {
      const p = validateRdata(d.type, tokens, d.origin, d.typeRange ?? d.range)[0];
      if (p) {
        problems.push({ directive: d, range: rhsRange, message: `$GENERATE data '${item.rdata}' (for ${item.value}): ${p.message}` });
        reported = true;
      }
    }
    const owner = buildName(item.owner, 0, item.owner.length, d.origin);
    out.push(new DerivedRecord(owner, d.ttl, d.class ?? 'IN', d.type, d.typeCode, tokens, d.origin, d.range, 'generate'));
  }
  return out;
}

function included(d: IncludeDirective, child: ZoneModel): DerivedRecord[] {
  const facts = zoneFacts(child);
  return facts.records.map(
    (r) =>
      new DerivedRecord(
        r.owner,
        r.ttl,
        r.class,
        r.type,
        r.typeCode,
        r.rdata.map((t) => ({ text: t.text, quoted: t.quoted, range: d.range })),
        r.origin,
        d.range,
        'include',
      ),
  );
}

/** The shared facts of a model (cached). */
export function zoneFacts(model: ZoneModel): ZoneFacts {
  let facts = cache.get(model);
  if (facts) return facts;
  const own = model.records;
  let records = own;
  const problems: GenerateProblem[] = [];
  const hasGenerate = model.directives.some((d) => d.kind === 'generate');
  if (hasGenerate || model.includes?.length) {
    records = own.slice();
    const budget = { left: MAX_GENERATE * 4 };
    for (const d of model.directives) {
      if (d.kind === 'generate') for (const r of generated(d, problems, budget)) records.push(r);
    }
    for (const inc of model.includes ?? []) {
      if (inc.model) for (const r of included(inc.directive, inc.model)) records.push(r);
    }
  }
  let byOwner: Map<string, ZoneRecord[]> | undefined;
  const byType = new Map<number, ZoneRecord[]>();
  const all = records;
  facts = {
    records: all,
    ownCount: own.length,
    generateProblems: problems,
    apex: apexOf(model),
    byOwner() {
      if (!byOwner) {
        byOwner = groupByOwner(all);
      }
      return byOwner;
    },
    ofType(code) {
      if (all === own) return model.recordsOfType(code);
      let list = byType.get(code);
      if (!list) {
        list = all.filter((r) => r.typeCode === code);
        byType.set(code, list);
      }
      return list;
    },
  };
  cache.set(model, facts);
  return facts;
}

/** `name` is the apex or below it. */
export function inZone(name: string, apex: string): boolean {
  if (apex === '.') return true;
  return name === apex || name.endsWith('.' + apex);
}

/** Target name of a token under `origin` (absolute, canonical). */
export function targetName(token: ZoneToken, origin: string): string {
  return buildName(token.text, 0, token.text.length, origin);
}

/** Index of the target name in the RDATA of MX, NS, SRV (and KX, AFSDB, PTR-free types). */
export const TARGET_FIELD: Record<number, number> = { 2: 0, 15: 1, 33: 3 };

/**
 * Delegation points: owners other than the apex with NS records. `cutAbove(name)` is the
 * delegation point at or above `name` (but below the apex), if any.
 */
export function delegations(facts: ZoneFacts): { points: Set<string>; cutAbove(name: string): string | undefined } {
  const points = new Set<string>();
  const apex = facts.apex;
  for (const r of facts.ofType(2)) if (r.owner !== apex && (!apex || inZone(r.owner, apex))) points.add(r.owner);
  return {
    points,
    cutAbove(name) {
      if (points.size === 0) return undefined;
      let n = name;
      while (n !== '.' && n !== apex) {
        if (points.has(n)) return n;
        const dot = nextDot(n);
        if (dot < 0) return undefined;
        n = n.slice(dot + 1) || '.';
      }
      return undefined;
    },
  };
}

/** Index of the first label separator of a canonical name (skipping `\.`), or -1. */
function nextDot(name: string): number {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 46) return i;
  }
  return -1;
}

/** Has an A or AAAA record (among `facts`' records), or a wildcard one covering it. */
export function hasAddress(facts: ZoneFacts, name: string): boolean {
  const byOwner = facts.byOwner();
  const list = byOwner.get(name);
  if (list) return list.some((r) => r.typeCode === 1 || r.typeCode === 28);
  // A wildcard at the closest existing ancestor (RFC 4592 §3.3.1) answers for the name.
  let n = name;
  for (;;) {
    const dot = nextDot(n);
    if (dot < 0 || dot === n.length - 1) return false;
    n = n.slice(dot + 1);
    const wild = byOwner.get('*.' + n);
    if (wild) return wild.some((r) => r.typeCode === 1 || r.typeCode === 28);
    if (byOwner.has(n)) return false;
  }
}
