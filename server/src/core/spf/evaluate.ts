/**
 * The SPF evaluator: `check_host()` of RFC 7208 §4–§7 over an injected `Resolver`.
 *
 * - record lookup and selection (§4.3–§4.5): TXT records only (type SPF is ignored, §3.1); none,
 *   or more than one, `v=spf1` record; a malformed domain gives `none`;
 * - syntax errors anywhere in the record give `permerror` before anything is evaluated (§4.6);
 * - the mechanisms (§5), `redirect=` and `exp=` (§6), macros (§7, see `macro.ts`);
 * - the processing limits (§4.6.4): 10 DNS-querying terms, 2 void lookups, 10 MX names (more is
 *   a permerror), 10 PTR names (the rest ignored);
 * - the explanation of a `fail` (§6.2), and a trace of every step for the user.
 *
 * Never throws: errors of the resolver or of the input become `temperror` / `permerror` / `none`.
 */
import * as ipaddr from 'ipaddr.js';
import { MappedText } from '../text';
import { finishDomain, expandMacroString, type MacroValues } from './macro';
import { isSpfRecord, parseMacroText, parseSpf, type SpfMechanism, type SpfModifier, type SpfRecord } from './parse';
import { normalizeName, type DnsType, type LookupResult, type RecordData, type Resolver } from './resolver';
import {
  DNS_LOOKUP_LIMIT,
  MX_NAME_LIMIT,
  PTR_NAME_LIMIT,
  QUALIFIERS,
  VOID_LOOKUP_LIMIT,
  type SpfResult,
} from './terms';

export interface CheckOptions {
  /** `%{r}`: the receiving host's domain. Default `unknown`. */
  receiver?: string;
  /** `%{t}`: seconds since the epoch. Default: now. */
  timestamp?: number;
  /** Explanation of a `fail` when the record gives none (a macro-string). */
  defaultExplanation?: string;
  /** RFC 7208 §4.6.4 limits; the defaults are the RFC's. */
  lookupLimit?: number;
  voidLookupLimit?: number;
  mxLimit?: number;
  ptrLimit?: number;
}

/** The explanation of a `fail` when the domain publishes none (RFC 7208 §6.2 leaves it to the receiver). */
export const DEFAULT_EXPLANATION = '%{c} is not authorised by the SPF record of %{o} to send mail for %{s}';

/**
 * Stable codes for what decided a `none`, `permerror` or `temperror` (and for limit steps of the
 * trace). Tools and tests use them; messages are for people.
 */
export type ProblemCode =
  | 'invalid-ip'
  | 'invalid-domain'
  | 'nxdomain'
  | 'no-record'
  | 'multiple-records'
  | 'syntax'
  | 'dns-error'
  | 'lookup-limit'
  | 'void-limit'
  | 'mx-limit'
  | 'include-none'
  | 'redirect-none';

export type TraceKind = 'record' | 'term' | 'dns' | 'result' | 'limit' | 'explanation' | 'error';

export interface TraceStep {
  /** 0 for the checked domain, one more inside each `include:` and `redirect=`. */
  depth: number;
  /** The domain whose record is being evaluated. */
  domain: string;
  kind: TraceKind;
  /** The term as written, for term steps and the DNS queries a term made. */
  term?: string;
  /** What happened, in words. */
  text: string;
  /** For term steps: whether the term matched. */
  match?: boolean;
  /** For result steps: the result of that level. */
  result?: SpfResult;
  /** DNS-querying terms counted so far (RFC 7208 §4.6.4). */
  lookups?: number;
  code?: ProblemCode;
}

export interface SpfCheck {
  result: SpfResult;
  /** For `fail`: the explanation (from `exp=`, or the default). */
  explanation?: string;
  explanationSource?: 'exp' | 'default';
  /** For `none`, `permerror`, `temperror`: why. */
  problem?: string;
  problemCode?: ProblemCode;
  /** The mechanism that decided the result, and the domain whose record holds it. */
  decidedBy?: { domain: string; term: string };
  /** DNS-querying terms counted (RFC 7208 §4.6.4); one more than the limit when it was crossed. */
  lookups: number;
  voidLookups: number;
  /** Queries asked of the resolver (answers are cached within one check). */
  dnsQueries: number;
  trace: TraceStep[];
}

/** Stops the evaluation with `permerror` or `temperror`. */
class Abort {
  constructor(
    readonly result: 'permerror' | 'temperror' | 'none',
    readonly code: ProblemCode,
    readonly message: string,
  ) {}
}

interface Client {
  addr: ipaddr.IPv4 | ipaddr.IPv6;
  family: 4 | 6;
}

/** Parses the client IP; an IPv4-mapped IPv6 address is an IPv4 client (RFC 7208 §5). */
export function parseClientIp(ip: string): Client | undefined {
  const s = ip.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) return { addr: ipaddr.IPv4.parse(s), family: 4 };
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || !ipaddr.IPv6.isValid(s)) return undefined;
  const a = ipaddr.IPv6.parse(s);
  if (a.isIPv4MappedAddress()) return { addr: a.toIPv4Address(), family: 4 };
  return { addr: a, family: 6 };
}

/** Splits a sender into local-part and domain; an empty local-part becomes `postmaster` (§4.3). */
export function splitSender(sender: string): { local: string; domain: string } {
  const at = sender.lastIndexOf('@');
  if (at < 0) return { local: 'postmaster', domain: sender };
  const local = sender.slice(0, at);
  return { local: local === '' ? 'postmaster' : local, domain: sender.slice(at + 1) };
}

/** A name a DNS query can be made for: labels of 1–63 characters, at most 253 in all. */
export function isQueryableName(name: string): boolean {
  if (name === '' || name.length > 253) return false;
  return name.split('.').every((l) => l.length > 0 && l.length <= 63);
}

/** RFC 7208 §4.3: the domain must be a well-formed multi-label name (no domain literal). */
function malformedDomain(domain: string): string | undefined {
  if (domain === '') return 'the domain is empty';
  if (domain.startsWith('[')) return `'${domain}' is an address literal, not a domain`;
  if (!domain.includes('.')) return `'${domain}' is not a multi-label domain name`;
  if (!isQueryableName(domain)) return `'${domain}' has an empty label or a label longer than 63 characters`;
  return undefined;
}

interface LevelResult {
  result: SpfResult;
  /** The record whose mechanism decided a `fail` (for its exp=), after any redirect. */
  expFrom?: { domain: string; exp: SpfModifier };
  decidedBy?: { domain: string; term: string };
}

function describe(r: LookupResult<DnsType>): string {
  if ('error' in r) return r.error + (r.detail ? ` (${r.detail})` : '');
  if (r.records.length === 0) return 'no records';
  const shown = r.records.slice(0, 6).map((x) =>
    typeof x === 'string' ? x : Array.isArray(x) ? JSON.stringify(x.join('')) : `${x.preference} ${x.exchange || '.'}`,
  );
  return shown.join(', ') + (r.records.length > shown.length ? `, … (${r.records.length})` : '');
}

function isVoid(r: LookupResult<DnsType>): boolean {
  return 'error' in r ? r.error === 'nxdomain' : r.records.length === 0;
}

class Evaluation {
  lookups = 0;
  voids = 0;
  queries = 0;
  readonly trace: TraceStep[] = [];
  private readonly cache = new Map<string, Promise<LookupResult<DnsType>>>();
  private validated: Promise<string[]> | undefined;
  private readonly lookupLimit: number;
  private readonly voidLimit: number;
  private readonly mxLimit: number;
  private readonly ptrLimit: number;
  private readonly base: Omit<MacroValues, 'd' | 'p'>;

  constructor(
    private readonly client: Client,
    sender: string,
    helo: string,
    private readonly resolver: Resolver,
    opts: CheckOptions,
  ) {
    this.lookupLimit = opts.lookupLimit ?? DNS_LOOKUP_LIMIT;
    this.voidLimit = opts.voidLookupLimit ?? VOID_LOOKUP_LIMIT;
    this.mxLimit = opts.mxLimit ?? MX_NAME_LIMIT;
    this.ptrLimit = opts.ptrLimit ?? PTR_NAME_LIMIT;
    const { local, domain } = splitSender(sender);
    this.base = {
      s: `${local}@${domain}`,
      l: local,
      o: domain,
      i: client.family === 4 ? client.addr.toString() : nibbles(client.addr as ipaddr.IPv6),
      v: client.family === 4 ? 'in-addr' : 'ip6',
      h: helo,
      c: client.addr.toString(),
      r: opts.receiver ?? 'unknown',
      t: String(Math.floor(opts.timestamp ?? Date.now() / 1000)),
    };
  }

  macros(domain: string): MacroValues {
    return { ...this.base, d: domain, p: () => this.pName(domain) };
  }

  step(s: TraceStep): void {
    this.trace.push(s);
  }

  /** One DNS query, cached for the rest of the check. */
  async query<T extends DnsType>(name: string, type: T, depth: number, domain: string, term?: string): Promise<LookupResult<T>> {
    const key = `${type} ${name}`;
    let p = this.cache.get(key) as Promise<LookupResult<T>> | undefined;
    if (!p) {
      this.queries++;
      p = this.resolver.lookup(name, type).then(
        (r) => r,
        (e: unknown) => ({ error: 'servfail' as const, detail: e instanceof Error ? e.message : String(e) }),
      );
      this.cache.set(key, p as Promise<LookupResult<DnsType>>);
    }
    const r = await p;
    this.step({ depth, domain, kind: 'dns', term, text: `${type} ${name || '.'} → ${describe(r)}` });
    return r;
  }

  /** Counts one DNS-querying term (RFC 7208 §4.6.4). */
  countLookup(depth: number, domain: string, term: string): void {
    this.lookups++;
    if (this.lookups > this.lookupLimit) {
      const msg = `More than ${this.lookupLimit} DNS-querying terms (include, a, mx, ptr, exists, redirect): '${term}' is number ${this.lookups}`;
      this.step({ depth, domain, kind: 'limit', term, text: msg, code: 'lookup-limit', lookups: this.lookups });
      throw new Abort('permerror', 'lookup-limit', msg);
    }
  }

  countVoid(depth: number, domain: string, term: string): void {
    this.voids++;
    if (this.voids > this.voidLimit) {
      const msg = `More than ${this.voidLimit} void lookups (no records or no such name): '${term}' is number ${this.voids}`;
      this.step({ depth, domain, kind: 'limit', term, text: msg, code: 'void-limit' });
      throw new Abort('permerror', 'void-limit', msg);
    }
  }

  /** check_host() for one domain: record selection, then evaluation. */
  async checkHost(domain: string, depth: number): Promise<LevelResult> {
    const bad = malformedDomain(domain);
    if (bad) throw new Abort('none', 'invalid-domain', `${bad} (RFC 7208 §4.3)`);
    const answer = await this.query(domain, 'TXT', depth, domain);
    if ('error' in answer) {
      if (answer.error === 'nxdomain') throw new Abort('none', 'nxdomain', `${domain} does not exist`);
      throw new Abort('temperror', 'dns-error', `TXT lookup for ${domain} failed: ${answer.error}${answer.detail ? ` (${answer.detail})` : ''}`);
    }
    const spf = answer.records.map((strings) => strings.join('')).filter(isSpfRecord);
    if (spf.length === 0) throw new Abort('none', 'no-record', `${domain} has no SPF record`);
    if (spf.length > 1) {
      throw new Abort('permerror', 'multiple-records', `${domain} has ${spf.length} SPF records; RFC 7208 §4.5 allows exactly one`);
    }
    const record = parseSpf(MappedText.contiguous(spf[0], 0));
    this.step({ depth, domain, kind: 'record', text: spf[0] });
    if (record.errors.length > 0) {
      const e = record.errors[0];
      const msg = `Syntax error in the SPF record of ${domain}: ${e.message}`;
      this.step({ depth, domain, kind: 'error', text: msg, code: 'syntax' });
      throw new Abort('permerror', 'syntax', msg);
    }
    return this.evaluate(record, domain, depth);
  }

  private async evaluate(record: SpfRecord, domain: string, depth: number): Promise<LevelResult> {
    let redirect: SpfModifier | undefined;
    let exp: SpfModifier | undefined;
    for (const t of record.terms) {
      if (t.kind === 'modifier') {
        if (t.modifier === 'redirect') redirect = t;
        else if (t.modifier === 'exp') exp = t;
      }
    }
    for (const t of record.terms) {
      if (t.kind !== 'mechanism') continue;
      const matched = await this.mechanism(t, domain, depth);
      const result = QUALIFIERS[t.qualifier].result;
      this.step({
        depth,
        domain,
        kind: 'term',
        term: t.text,
        match: matched,
        text: matched ? `${t.text} matches → ${result}` : `${t.text} does not match`,
        lookups: this.lookups,
      });
      if (matched) {
        const decidedBy = { domain, term: t.text };
        this.step({ depth, domain, kind: 'result', text: `${domain}: ${result}`, result });
        return { result, decidedBy, expFrom: result === 'fail' && exp ? { domain, exp } : undefined };
      }
    }
    if (redirect) {
      this.countLookup(depth, domain, redirect.text);
      const target = finishDomain(await expandMacroString(redirect.value, this.macros(domain)));
      this.step({ depth, domain, kind: 'term', term: redirect.text, text: `${redirect.text} → check_host(${target})`, lookups: this.lookups });
      let sub: LevelResult;
      try {
        sub = await this.checkHost(target, depth + 1);
      } catch (e) {
        if (e instanceof Abort && e.result === 'none') {
          const msg = `redirect=${target}: ${e.message}; a redirect target without an SPF record is a permerror (RFC 7208 §6.1)`;
          this.step({ depth, domain, kind: 'error', term: redirect.text, text: msg, code: 'redirect-none' });
          throw new Abort('permerror', 'redirect-none', msg);
        }
        throw e;
      }
      this.step({ depth, domain, kind: 'result', text: `${domain}: ${sub.result} (from redirect=${target})`, result: sub.result });
      return sub;
    }
    this.step({ depth, domain, kind: 'result', text: `${domain}: neutral (no mechanism matched)`, result: 'neutral' });
    return { result: 'neutral' };
  }

  /** Target of a mechanism: its expanded domain-spec, or the current domain. */
  private async target(m: SpfMechanism, domain: string): Promise<string> {
    if (!m.domain) return domain;
    return finishDomain(await expandMacroString(m.domain, this.macros(domain)));
  }

  private async mechanism(m: SpfMechanism, domain: string, depth: number): Promise<boolean> {
    const c = this.client;
    switch (m.mechanism) {
      case 'all':
        return true;
      case 'ip4':
      case 'ip6': {
        const family = m.mechanism === 'ip4' ? 4 : 6;
        if (c.family !== family || !m.network) return false;
        const net = ipaddr.parse(m.network.text);
        const len = (family === 4 ? m.cidr4?.length : m.cidr6?.length) ?? (family === 4 ? 32 : 128);
        return matchCidr(c, net, len);
      }
      case 'a': {
        this.countLookup(depth, domain, m.text);
        const target = await this.target(m, domain);
        const addrs = await this.addresses(target, depth, domain, m.text, true);
        return addrs.some((a) => matchCidr(c, a, this.prefix(m)));
      }
      case 'mx': {
        this.countLookup(depth, domain, m.text);
        const target = await this.target(m, domain);
        if (!isQueryableName(target)) return false;
        const mx = await this.query(target, 'MX', depth, domain, m.text);
        if ('error' in mx && mx.error !== 'nxdomain') throw this.dnsError(mx, target, 'MX');
        if (isVoid(mx)) {
          this.countVoid(depth, domain, m.text);
          return false;
        }
        const names = (mx as { records: RecordData['MX'][] }).records;
        if (names.length > this.mxLimit) {
          const msg = `${m.text}: ${target} has ${names.length} MX records; RFC 7208 §4.6.4 allows looking up at most ${this.mxLimit}`;
          this.step({ depth, domain, kind: 'limit', term: m.text, text: msg, code: 'mx-limit' });
          throw new Abort('permerror', 'mx-limit', msg);
        }
        const ordered = [...names].sort((a, b) => a.preference - b.preference);
        for (const x of ordered) {
          const host = normalizeName(x.exchange);
          if (host === '') continue; // null MX (RFC 7505)
          const addrs = await this.addresses(host, depth, domain, m.text, false);
          if (addrs.some((a) => matchCidr(c, a, this.prefix(m)))) return true;
        }
        return false;
      }
      case 'ptr': {
        this.countLookup(depth, domain, m.text);
        const target = normalizeName(await this.target(m, domain));
        const names = await this.ptrNames(depth, domain, m.text, true);
        for (const n of names) {
          if (n !== target && !n.endsWith('.' + target)) continue;
          if (await this.validates(n, depth, domain, m.text)) return true;
        }
        return false;
      }
      case 'exists': {
        this.countLookup(depth, domain, m.text);
        const target = await this.target(m, domain);
        if (!isQueryableName(target)) return false;
        const r = await this.query(target, 'A', depth, domain, m.text);
        if ('error' in r && r.error !== 'nxdomain') throw this.dnsError(r, target, 'A');
        if (isVoid(r)) {
          this.countVoid(depth, domain, m.text);
          return false;
        }
        return true;
      }
      case 'include': {
        this.countLookup(depth, domain, m.text);
        const target = await this.target(m, domain);
        this.step({ depth, domain, kind: 'term', term: m.text, text: `${m.text} → check_host(${target})`, lookups: this.lookups });
        try {
          const sub = await this.checkHost(target, depth + 1);
          return sub.result === 'pass';
        } catch (e) {
          if (e instanceof Abort && e.result === 'none') {
            const msg = `include:${target}: ${e.message}; an include target without an SPF record is a permerror (RFC 7208 §5.2)`;
            this.step({ depth, domain, kind: 'error', term: m.text, text: msg, code: 'include-none' });
            throw new Abort('permerror', 'include-none', msg);
          }
          throw e;
        }
      }
      default:
        return false;
    }
  }

  private prefix(m: SpfMechanism): number {
    return this.client.family === 4 ? (m.cidr4?.length ?? 32) : (m.cidr6?.length ?? 128);
  }

  private dnsError(r: { error: string; detail?: string }, name: string, type: string): Abort {
    return new Abort('temperror', 'dns-error', `${type} lookup for ${name} failed: ${r.error}${r.detail ? ` (${r.detail})` : ''}`);
  }

  /** A or AAAA records (the client's family) of `name`; `primary` lookups count as void when empty. */
  private async addresses(name: string, depth: number, domain: string, term: string, primary: boolean): Promise<(ipaddr.IPv4 | ipaddr.IPv6)[]> {
    if (!isQueryableName(name)) return [];
    const type = this.client.family === 4 ? 'A' : 'AAAA';
    const r = await this.query(name, type, depth, domain, term);
    if ('error' in r && r.error !== 'nxdomain') throw this.dnsError(r, name, type);
    if (isVoid(r)) {
      if (primary) this.countVoid(depth, domain, term);
      return [];
    }
    return parseAddresses((r as { records: string[] }).records, this.client.family);
  }

  /** The first PTR names of the client address (RFC 7208 §5.5, §4.6.4); DNS errors give none. */
  private async ptrNames(depth: number, domain: string, term: string | undefined, countVoid: boolean): Promise<string[]> {
    const r = await this.query(reverseName(this.client), 'PTR', depth, domain, term);
    if ('error' in r) {
      if (r.error === 'nxdomain' && countVoid && term) this.countVoid(depth, domain, term);
      return [];
    }
    if (r.records.length === 0 && countVoid && term) this.countVoid(depth, domain, term);
    return r.records.slice(0, this.ptrLimit).map(normalizeName);
  }

  /** Whether `name` has an address record equal to the client's; DNS errors skip the name (§5.5). */
  private async validates(name: string, depth: number, domain: string, term: string | undefined): Promise<boolean> {
    if (!isQueryableName(name)) return false;
    const type = this.client.family === 4 ? 'A' : 'AAAA';
    const r = await this.query(name, type, depth, domain, term);
    if ('error' in r) return false;
    return parseAddresses(r.records as string[], this.client.family).some((a) => matchCidr(this.client, a, this.client.family === 4 ? 32 : 128));
  }

  /** `%{p}` (RFC 7208 §7.3): the validated name equal to, or else below, `domain`; else any; else `unknown`. */
  private async pName(domain: string): Promise<string> {
    this.validated ??= (async () => {
      const out: string[] = [];
      for (const n of await this.ptrNames(0, domain, '%{p}', false)) {
        if (await this.validates(n, 0, domain, '%{p}')) out.push(n);
      }
      return out;
    })();
    const names = await this.validated;
    const d = normalizeName(domain);
    return names.find((n) => n === d) ?? names.find((n) => n.endsWith('.' + d)) ?? names[0] ?? 'unknown';
  }

  /** RFC 7208 §6.2: the explanation string of a `fail`, or undefined to use the default. */
  async explanation(from: { domain: string; exp: SpfModifier }): Promise<string | undefined> {
    const name = finishDomain(await expandMacroString(from.exp.value, this.macros(from.domain)));
    const step = (text: string) => this.step({ depth: 0, domain: from.domain, kind: 'explanation', term: from.exp.text, text });
    if (!isQueryableName(name)) {
      step(`exp=${name}: not a valid name; the default explanation is used`);
      return undefined;
    }
    const r = await this.query(name, 'TXT', 0, from.domain, from.exp.text);
    if ('error' in r || r.records.length !== 1) {
      step(`exp=${name}: ${'error' in r ? r.error : `${r.records.length} TXT records`} (exactly one is needed); the default explanation is used`);
      return undefined;
    }
    const text = r.records[0].join('');
    if (!/^[\x20-\x7e]*$/.test(text)) {
      step(`exp=${name}: the explanation is not plain ASCII; the default explanation is used`);
      return undefined;
    }
    const parsed = parseMacroText(MappedText.contiguous(text, 0));
    if (parsed.errors.length > 0) {
      step(`exp=${name}: ${parsed.errors[0].message}; the default explanation is used`);
      return undefined;
    }
    return expandMacroString(parsed.value, this.macros(from.domain));
  }

  async expandText(text: string, domain: string): Promise<string> {
    const parsed = parseMacroText(MappedText.contiguous(text, 0));
    return parsed.errors.length > 0 ? text : expandMacroString(parsed.value, this.macros(domain));
  }
}

function nibbles(a: ipaddr.IPv6): string {
  // RFC 7208 leaves the case of the nibbles open (its §7.4 example is lower case, the openspf
  // suite expects upper case); DNS compares names case-insensitively, so only explanations differ.
  return a
    .toByteArray()
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()
    .split('')
    .join('.');
}

function reverseName(c: Client): string {
  if (c.family === 4) return `${c.addr.toByteArray().reverse().join('.')}.in-addr.arpa`;
  return `${nibbles(c.addr as ipaddr.IPv6).split('.').reverse().join('.').toLowerCase()}.ip6.arpa`;
}

function parseAddresses(list: readonly string[], family: 4 | 6): (ipaddr.IPv4 | ipaddr.IPv6)[] {
  const out: (ipaddr.IPv4 | ipaddr.IPv6)[] = [];
  for (const s of list) {
    if (family === 4 && ipaddr.IPv4.isValidFourPartDecimal(s)) out.push(ipaddr.IPv4.parse(s));
    else if (family === 6 && ipaddr.IPv6.isValid(s)) out.push(ipaddr.IPv6.parse(s));
  }
  return out;
}

function matchCidr(c: Client, net: ipaddr.IPv4 | ipaddr.IPv6, len: number): boolean {
  if (net.kind() !== c.addr.kind()) return false;
  return (c.addr as ipaddr.IPv4).match(net as ipaddr.IPv4, len);
}

/**
 * RFC 7208 §4: `check_host(<ip>, <domain>, <sender>)`, with the HELO name for `%{h}`.
 * `sender` is `local-part@domain` (for a HELO check: `postmaster@<helo>`).
 */
export async function checkHost(
  ip: string,
  domain: string,
  sender: string,
  helo: string,
  resolver: Resolver,
  options: CheckOptions = {},
): Promise<SpfCheck> {
  const client = parseClientIp(ip);
  const d = normalizeName(domain.trim());
  if (!client) {
    return {
      result: 'permerror',
      problem: `'${ip}' is not an IPv4 or IPv6 address`,
      problemCode: 'invalid-ip',
      lookups: 0,
      voidLookups: 0,
      dnsQueries: 0,
      trace: [],
    };
  }
  const ev = new Evaluation(client, sender, helo, resolver, options);
  const done = (r: Omit<SpfCheck, 'lookups' | 'voidLookups' | 'dnsQueries' | 'trace'>): SpfCheck => ({
    ...r,
    lookups: ev.lookups,
    voidLookups: ev.voids,
    dnsQueries: ev.queries,
    trace: ev.trace,
  });
  try {
    const level = await ev.checkHost(d, 0);
    if (level.result !== 'fail') return done({ result: level.result, decidedBy: level.decidedBy });
    const fromExp = level.expFrom ? await ev.explanation(level.expFrom) : undefined;
    if (fromExp !== undefined) return done({ result: 'fail', decidedBy: level.decidedBy, explanation: fromExp, explanationSource: 'exp' });
    const dflt = await ev.expandText(options.defaultExplanation ?? DEFAULT_EXPLANATION, level.decidedBy?.domain ?? d);
    return done({ result: 'fail', decidedBy: level.decidedBy, explanation: dflt, explanationSource: 'default' });
  } catch (e) {
    if (e instanceof Abort) {
      ev.step({ depth: 0, domain: d, kind: 'result', text: `${e.result}: ${e.message}`, result: e.result, code: e.code });
      return done({ result: e.result, problem: e.message, problemCode: e.code });
    }
    const msg = e instanceof Error ? e.message : String(e);
    return done({ result: 'temperror', problem: `internal error: ${msg}`, problemCode: 'dns-error' });
  }
}

/**
 * The MAIL FROM check as a receiver runs it: the domain is the sender's; with an empty
 * MAIL FROM (bounces) the HELO name is checked as `postmaster@<helo>` (RFC 7208 §2.4).
 */
export function checkMailFrom(ip: string, mailFrom: string, helo: string, resolver: Resolver, options: CheckOptions = {}): Promise<SpfCheck> {
  const sender = mailFrom === '' ? `postmaster@${helo}` : mailFrom;
  return checkHost(ip, splitSender(sender).domain, sender, helo, resolver, options);
}
