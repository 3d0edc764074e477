/**
 * Offline lookup analysis of SPF records (RFC 7208 §4.6.4): how many DNS-querying terms an
 * evaluation needs in the worst case (no mechanism matching early), the include/redirect tree
 * behind that count, the void lookups known from the zones, and include/redirect loops.
 *
 * Targets are looked up in the zone files at hand (the open document and the other zone files of
 * the workspace), then — for names outside them — in the live DNS answers the server may have
 * fetched beforehand (`WorkspaceFacts.dnsAnswers`). A target neither answers counts as one lookup
 * and is marked "not expanded"; so is a target built from macros other than `%{d}`. Terms after `all` are never evaluated and not
 * counted; `redirect=` counts only in a record without `all`.
 */
import type { RuleContext } from '../rule';
import type { ResolverLike } from './answers';
import { MappedText } from '../text';
import type { ZoneModel } from '../zone/model';
import { transform, urlEscape, finishDomain } from './macro';
import { isSpfRecord, parseSpf, type MacroString, type SpfMechanism, type SpfModifier, type SpfRecord } from './parse';
import { shapeOf, spfRecords, type SpfCandidate } from './records';
import { normalizeName, ZoneIndex, type DnsType, type LookupResult } from './resolver';
import { MECHANISMS, type MechanismName } from './terms';
import { memoized } from './ip';
import { drain, ITEMS_PER_STEP, type Steps } from '../steps';

export type LookupKind = 'include' | 'redirect' | Exclude<MechanismName, 'all' | 'ip4' | 'ip6' | 'include'>;

/** What became of an include/redirect target. */
export type TargetStatus =
  /** Its record was found in the zone files and analysed. */
  | 'expanded'
  /** Outside the zone files: counted as one lookup, not expanded. */
  | 'external'
  /** Built from macros that depend on the sender or client: counted as one lookup, not expanded. */
  | 'macro'
  /** Inside the zone files but without an SPF record (a permerror when evaluated). */
  | 'no-record'
  | 'multiple-records'
  /** Already on the include/redirect path: evaluation would loop until the limit (permerror). */
  | 'loop'
  /** The zones cannot answer (e.g. a CNAME loop). */
  | 'dns-error'
  /** Not expanded because the analysis had already counted far beyond the limit. */
  | 'truncated';

export interface LookupTerm {
  kind: LookupKind;
  /** The term as written. */
  text: string;
  /** The domain whose record holds the term. */
  domain: string;
  /** The parsed term. Its ranges are document ranges only for the analysed record's own terms. */
  term: SpfMechanism | SpfModifier;
  /** This term's own lookup plus those of everything below it. */
  total: number;
  /** Its place in the worst-case evaluation: the N-th DNS-querying term. */
  ordinal: number;
  /** The name the term queries, when known offline. */
  target?: string;
  /** include/redirect: what became of the target. */
  status?: TargetStatus;
  /** include/redirect: the DNS-querying terms of the target's record. */
  children: LookupTerm[];
  /** Known from the zones to find no records: a void lookup (RFC 7208 §4.6.4). */
  void: boolean;
  /** Void lookups in this term and below. */
  voids: number;
  /** For a loop: the domains from the analysed record back to the repeated one. */
  loop?: string[];
  /** include/redirect: the target's record came from live DNS (not the zone files). */
  live?: boolean;
  /** include/redirect: why live DNS gave no record (timeout, query limit, server failure). */
  liveProblem?: string;
}

export interface LookupAnalysis {
  /** The domain whose record was analysed. */
  domain: string;
  /** Its DNS-querying terms in evaluation order, each with its subtree. */
  terms: LookupTerm[];
  /** Worst-case number of DNS-querying terms. */
  total: number;
  /** Void lookups known offline. */
  voids: number;
}

/** Stop expanding once this many lookups are counted (the limit is 10; the count is then moot). */
const EXPANSION_CAP = 100;

/**
 * The other zone files of the workspace, parsed, when the server or CLI provides them as
 * `ctx.workspace.zones` (the core reads no files).
 */
export function workspaceZones(ctx: RuleContext | undefined): readonly ZoneModel[] {
  return ctx?.workspace.zones ?? NO_ZONES;
}

/** One shared empty list, so that the caches below recognise "no other zone files". */
const NO_ZONES: readonly ZoneModel[] = Object.freeze([]);

const indexCache = new WeakMap<ZoneModel, { zones: readonly ZoneModel[]; index: ZoneIndex }>();

/** The zone index over a document and the workspace's other zone files (cached per model). */
export function zoneIndexFor(model: ZoneModel, ctx?: RuleContext): ZoneIndex {
  return drain(zoneIndexInSteps(model, ctx));
}

/** `zoneIndexFor` in steps (built a few thousand records at a time). */
export function* zoneIndexInSteps(model: ZoneModel, ctx?: RuleContext): Steps<ZoneIndex> {
  const zones = workspaceZones(ctx);
  const hit = indexCache.get(model);
  if (hit && hit.zones === zones) return hit.index;
  const index = yield* ZoneIndex.inSteps([model, ...zones.filter((z) => z !== model)]);
  indexCache.set(model, { zones, index });
  return index;
}

const analysisCache = new WeakMap<ZoneIndex, { answers: ResolverLike | undefined; byCandidate: Map<SpfCandidate, LookupAnalysis> }>();

/** The lookup analysis of one SPF record of `model`. */
export function analyzeCandidate(model: ZoneModel, candidate: SpfCandidate, ctx?: RuleContext): LookupAnalysis {
  const index = zoneIndexFor(model, ctx);
  const answers = ctx?.workspace.dnsAnswers;
  let hit = analysisCache.get(index);
  if (!hit || hit.answers !== answers) {
    hit = { answers, byCandidate: new Map() };
    analysisCache.set(index, hit);
  }
  let a = hit.byCandidate.get(candidate);
  if (!a) {
    // Analysed from the shared parse; the top-level nodes read their term from the record's own
    // parse (document ranges), built only when read.
    a = analyzeRecord(shapeOf(candidate), normalizeName(candidate.record.owner), index, answers, candidate.shape !== undefined ? candidate : undefined);
    hit.byCandidate.set(candidate, a);
  }
  return a;
}

type AnalysisList = { candidate: SpfCandidate; analysis: LookupAnalysis }[];

/** Analyses of every SPF record of the document (near misses excluded: receivers ignore them). */
export function lookupAnalyses(model: ZoneModel, ctx?: RuleContext): AnalysisList {
  return drain(lookupAnalysesInSteps(model, ctx));
}

/** `lookupAnalyses` in steps: the zone index built in steps, then a yield every few hundred records. */
export function* lookupAnalysesInSteps(model: ZoneModel, ctx?: RuleContext): Steps<AnalysisList> {
  // Only records with DNS-querying terms need the zone index.
  const querying = spfRecords(model).filter(
    (c) => !c.typo && shapeOf(c).terms.some((t) => (t.kind === 'mechanism' && t.mechanism && MECHANISMS[t.mechanism].dnsLookup) || (t.kind === 'modifier' && t.modifier === 'redirect')),
  );
  if (querying.length === 0) return [];
  if (querying.length >= ITEMS_PER_STEP) yield;
  // Several rules walk the same analyses: keep the list beside the per-record cache.
  const index = yield* zoneIndexInSteps(model, ctx);
  const answers = ctx?.workspace.dnsAnswers;
  const hit = listCache.get(index);
  if (hit && hit.model === model && hit.answers === answers) return hit.list;
  const list: AnalysisList = [];
  for (const candidate of querying) {
    list.push({ candidate, analysis: analyzeCandidate(model, candidate, ctx) });
    if (list.length % ITEMS_PER_STEP === 0) yield;
  }
  listCache.set(index, { model, answers, list });
  return list;
}

const listCache = new WeakMap<ZoneIndex, { model: ZoneModel; answers: ResolverLike | undefined; list: AnalysisList }>();

/**
 * Analyses a parsed record published at `domain`, looking targets up in `index` and, for names
 * outside its zones, in `answers` (live DNS answers fetched beforehand), when given. `own`: the
 * candidate `spf` is the shared parse of, whose own terms the top-level nodes then report.
 */
export function analyzeRecord(spf: SpfRecord, domain: string, index: ZoneIndex, answers?: ResolverLike, own?: SpfCandidate): LookupAnalysis {
  const w = new Walker(index, answers);
  const terms = w.terms(spf, domain, [domain], own);
  return { domain, terms, total: w.count, voids: w.voids };
}

/**
 * A record value found through the zone index, parsed (ranges are offsets in the value);
 * remembered, since many records include the same targets. Treat as read-only.
 */
export const parseValue = memoized((value: string): SpfRecord => parseSpf(MappedText.contiguous(value, 0)), 1024);

const NO_TERMS: LookupTerm[] = Object.freeze([]) as unknown as LookupTerm[];

/**
 * A node of an analysis: one shape for every node (a top-level node of a candidate's analysis
 * reads its term from the candidate's own parse, with document ranges, when first read).
 */
class LookupNode implements LookupTerm {
  total = 1;
  children: LookupTerm[] = NO_TERMS;
  void = false;
  voids = 0;
  status: TargetStatus | undefined = undefined;
  loop: string[] | undefined = undefined;
  live: boolean | undefined = undefined;
  liveProblem: string | undefined = undefined;

  constructor(
    readonly kind: LookupKind,
    readonly text: string,
    readonly domain: string,
    /** The parsed term, or the candidate whose own term number `at` it is. */
    private readonly source: SpfMechanism | SpfModifier | SpfCandidate,
    private readonly at: number,
    readonly ordinal: number,
    readonly target: string | undefined,
  ) {}

  get term(): SpfMechanism | SpfModifier {
    const s = this.source;
    return 'kind' in s ? s : (s.spf.terms[this.at] as SpfMechanism | SpfModifier);
  }
}

class Walker {
  count = 0;
  voids = 0;

  constructor(
    private readonly index: ZoneIndex,
    private readonly answers?: ResolverLike,
  ) {}

  /** The zones' answer; for a name outside them, the live answer when there is one. */
  private lookup<T extends DnsType>(name: string, type: T): { result: LookupResult<T>; live: boolean } {
    const r = this.index.lookup(name, type);
    if (this.answers && 'error' in r && r.error !== 'nxdomain' && this.index.status(name) === 'outside') {
      const a = this.answers.lookup(name, type);
      if (a) return { result: a, live: true };
    }
    return { result: r, live: false };
  }

  terms(spf: SpfRecord, domain: string, path: string[], own?: SpfCandidate): LookupTerm[] {
    const out: LookupTerm[] = [];
    const all = spf.terms;
    const hasAll = all.some((t) => t.kind === 'mechanism' && t.mechanism === 'all');
    for (let i = 0; i < all.length; i++) {
      const t = all[i];
      if (t.kind !== 'mechanism' || !t.mechanism) continue;
      if (t.mechanism === 'all') break;
      if (MECHANISMS[t.mechanism].dnsLookup) out.push(this.term(t, t.mechanism as LookupKind, domain, path, own, i));
    }
    if (!hasAll) {
      const at = all.findIndex((t) => t.kind === 'modifier' && t.modifier === 'redirect');
      if (at >= 0) out.push(this.term(all[at] as SpfModifier, 'redirect', domain, path, own, at));
    }
    // Kept for the rest of the check: exact size (a list pushed to reserves 17 slots).
    return out.length === 0 ? NO_TERMS : out.slice();
  }

  private term(t: SpfMechanism | SpfModifier, kind: LookupKind, domain: string, path: string[], own: SpfCandidate | undefined, at: number): LookupTerm {
    this.count++;
    const spec = t.kind === 'mechanism' ? t.domain : t.value;
    const target = spec ? staticTarget(spec, domain) : domain;
    const node = new LookupNode(kind, t.text, domain, own ?? t, at, this.count, target);
    if (kind === 'include' || kind === 'redirect') {
      this.expand(node, target, path);
      node.total = 1 + node.children.reduce((n, c) => n + c.total, 0);
      node.voids = node.children.reduce((n, c) => n + c.voids, 0);
    } else if (target !== undefined && this.isVoid(kind, target)) {
      node.void = true;
      node.voids = 1;
      this.voids++;
    }
    return node;
  }

  private expand(node: LookupTerm, target: string | undefined, path: string[]): void {
    if (target === undefined) {
      node.status = 'macro';
      return;
    }
    if (path.includes(target)) {
      node.status = 'loop';
      node.loop = [...path, target];
      return;
    }
    if (this.count > EXPANSION_CAP) {
      node.status = 'truncated';
      return;
    }
    const { result: r, live } = this.lookup(target, 'TXT');
    if (live) node.live = true;
    if ('error' in r) {
      if (live && r.error !== 'nxdomain') {
        node.status = 'external';
        node.liveProblem = r.detail ?? r.error;
        return;
      }
      node.status = r.error === 'nxdomain' ? 'no-record' : this.index.status(target) === 'outside' ? 'external' : 'dns-error';
      return;
    }
    const found = r.records.map((s) => s.join('')).filter(isSpfRecord);
    if (found.length !== 1) {
      node.status = found.length === 0 ? 'no-record' : 'multiple-records';
      return;
    }
    node.status = 'expanded';
    node.children = this.terms(parseValue(found[0]), target, [...path, target]);
  }

  /** Whether the zones show the term's query finds nothing (unknown counts as not void). */
  private isVoid(kind: LookupKind, target: string): boolean {
    const empty = (type: 'A' | 'AAAA' | 'MX'): boolean => {
      const r = this.lookup(target, type).result;
      return 'error' in r ? r.error === 'nxdomain' : r.records.length === 0;
    };
    switch (kind) {
      case 'a':
        return empty('A') && empty('AAAA');
      case 'mx':
        return empty('MX');
      case 'exists':
        return empty('A');
      default:
        return false;
    }
  }
}

/**
 * The query name of a domain-spec when it can be known offline: literal text and `%{d}` (the
 * record's own domain) only. Undefined when other macros are used.
 */
export function staticTarget(spec: MacroString, domain: string): string | undefined {
  let out = '';
  for (const p of spec.parts) {
    if (p.kind === 'literal') out += p.text;
    else if (p.kind === 'escape') out += p.text === '%%' ? '%' : p.text === '%_' ? ' ' : '%20';
    else if (p.letter.toLowerCase() === 'd') {
      const v = transform(domain, p.digits, p.reverse, p.delimiters);
      out += p.letter === 'D' ? urlEscape(v) : v;
    } else return undefined;
  }
  return normalizeName(finishDomain(out));
}

/** The first node, in evaluation order, that is DNS-querying term number `limit + 1`. */
export function termOverLimit(terms: readonly LookupTerm[], limit: number): { top: LookupTerm; node: LookupTerm; path: LookupTerm[] } | undefined {
  for (const top of terms) {
    if (top.ordinal + top.total - 1 <= limit) continue;
    const path: LookupTerm[] = [top];
    let node = top;
    while (node.ordinal <= limit) {
      const next = node.children.find((c) => c.ordinal + c.total - 1 > limit);
      if (!next) break;
      path.push(next);
      node = next;
    }
    return { top, node, path };
  }
  return undefined;
}

/** Every loop node in a subtree. */
export function loopsIn(t: LookupTerm): LookupTerm[] {
  if (t.status === 'loop') return [t];
  return t.children.flatMap(loopsIn);
}

const STATUS_TEXT: Record<TargetStatus, string> = {
  expanded: '',
  external: 'not expanded: outside the zone files',
  macro: 'not expanded: the name depends on the sender',
  'no-record': 'no SPF record there (permerror)',
  'multiple-records': 'several SPF records there (permerror)',
  loop: 'loop',
  'dns-error': 'not expanded: the zones cannot answer',
  truncated: 'not expanded',
};

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** One line describing a node (without its children). */
export function describeLookupTerm(t: LookupTerm, limit: number): string {
  const parts = [plural(t.total, 'lookup')];
  if (t.liveProblem !== undefined) parts.push(`not expanded: live DNS gave no answer (${t.liveProblem})`);
  else if (t.status && t.status !== 'expanded') {
    parts.push(t.status === 'loop' ? `loop: ${(t.loop ?? []).join(' → ')}` : STATUS_TEXT[t.status]);
  }
  if (t.live && t.liveProblem === undefined) parts.push(t.status === 'expanded' ? 'record from live DNS' : 'from live DNS');
  if (t.void) parts.push(`void: ${t.target} has no ${t.kind === 'mx' ? 'MX' : t.kind === 'exists' ? 'A' : 'A/AAAA'} records`);
  const over = t.ordinal > limit ? ` ⚠ #${t.ordinal}, over the limit` : '';
  return `\`${t.text}\` — ${parts.join('; ')}${over}`;
}

/** The tree as a Markdown list, at most `maxLines` lines. */
export function lookupTreeMarkdown(terms: readonly LookupTerm[], limit: number, maxLines = 40): string {
  const lines: string[] = [];
  let hidden = 0;
  const walk = (ts: readonly LookupTerm[], depth: number) => {
    for (const t of ts) {
      if (lines.length >= maxLines) {
        hidden++;
      } else lines.push(`${'  '.repeat(depth)}- ${describeLookupTerm(t, limit)}`);
      walk(t.children, depth + 1);
    }
  };
  walk(terms, 0);
  if (hidden > 0) lines.push(`- … ${plural(hidden, 'more term')}`);
  return lines.join('\n');
}
