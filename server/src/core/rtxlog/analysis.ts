/**
 * The analysis of a Yamaha log: an aggregator fed one line (or entry) at a time that keeps only
 * bounded per-host aggregates — so the CLI can stream 100 MB through it — and the verdicts
 * computed from those aggregates with the caller's thresholds and known mail servers.
 *
 * Counted per LAN source host (RFC 1918 / IPv6 unique-local / listed LAN prefixes): TCP packets to
 * port 25 of internet addresses logged by a filter (`Rejected`/`Passed at …`) or an `[INSPECT]`
 * session, their distinct destinations, first/last seen, and the filters that logged them;
 * ports 465 and 587 are counted separately.
 */
import { DEFAULT_MAX_DESTINATIONS_PER_HOST, DEFAULT_MAX_HOSTS, DEFAULT_MAX_PROBLEMS, INSPECT_LINE_MEANS_PASSED, REPEAT_LINE_REPEATS_PREVIOUS, SMTP_IS_TCP_ONLY } from './assumptions';
import type { RuleContext } from '../rule';
import { isInternetAddress, isLanHost, parseNetPrefix, prefixMatches, type NetPrefix } from './endpoint';
import type { Endpoint, FilterHit, FilterUse, HostAggregate, InspectHit, LogAggregate, LogEntry, LogProblem, LogStats, Seen } from './model';
import { parseLine } from './parse';

export const SMTP_PORT = 25;
export const SMTPS_PORT = 465;
export const SUBMISSION_PORT = 587;

/** Defaults of the "likely infected" verdict: at least this many port-25 attempts … */
export const DEFAULT_MIN_ATTEMPTS = 10;
/** … to at least this many distinct destinations. */
export const DEFAULT_MIN_DESTINATIONS = 5;

export interface AggregateOptions {
  /** Extra LAN prefixes (CIDR or single addresses) besides RFC 1918 and IPv6 unique-local. */
  lanPrefixes?: readonly string[];
  maxDestinationsPerHost?: number;
  maxHosts?: number;
  maxProblems?: number;
}

export interface VerdictOptions {
  /** Port-25 attempts needed for "likely infected" (default `DEFAULT_MIN_ATTEMPTS`). */
  minAttempts: number;
  /** Distinct port-25 destinations needed for "likely infected" (default `DEFAULT_MIN_DESTINATIONS`). */
  minDestinations: number;
  /** The organisation's own mail servers (addresses or prefixes): never "infected", and SMTP to them is expected. */
  mailServers: readonly string[];
}

export const DEFAULT_VERDICT_OPTIONS: VerdictOptions = Object.freeze({
  minAttempts: DEFAULT_MIN_ATTEMPTS,
  minDestinations: DEFAULT_MIN_DESTINATIONS,
  mailServers: [],
});

/**
 * A copy of `s` that shares no memory with the text it was cut from. Strings sliced from a line
 * keep the whole chunk the line was read in alive; everything the aggregator keeps must be
 * detached, or memory would grow with the file.
 */
export function detach(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

function emptyStats(): LogStats {
  return { lines: 0, blank: 0, filterHits: 0, inspectHits: 0, repeats: 0, other: 0, malformed: 0, hostsDropped: 0 };
}

type Hit = FilterHit | InspectHit;

/** Distinct filters remembered per host (a log names only a handful). */
const MAX_FILTERS_PER_HOST = 64;

export class LogAggregator {
  private readonly hosts = new Map<string, HostAggregate>();
  private readonly stats = emptyStats();
  private readonly problems: LogProblem[] = [];
  private readonly lans: NetPrefix[];
  private readonly maxDests: number;
  private readonly maxHosts: number;
  private readonly maxProblems: number;
  private file: string | undefined;
  private previous: Hit | undefined;
  private seq = 0;
  private lastTimeRaw: string | undefined;
  private lastTime: string | undefined;

  constructor(options: AggregateOptions = {}) {
    this.lans = (options.lanPrefixes ?? []).map(parseNetPrefix).filter((p): p is NetPrefix => p !== undefined);
    this.maxDests = options.maxDestinationsPerHost ?? DEFAULT_MAX_DESTINATIONS_PER_HOST;
    this.maxHosts = options.maxHosts ?? DEFAULT_MAX_HOSTS;
    this.maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  }

  /** Starts a new file: line numbers restart and a repeat line no longer refers across files. */
  beginFile(name?: string): void {
    this.file = name === undefined ? undefined : detach(name);
    this.previous = undefined;
  }

  /** Parses and adds one line; returns its entry (undefined for a blank line). */
  addLine(text: string, line: number, start: number, fullLength = text.length): LogEntry | undefined {
    const entry = parseLine(text, line, start, fullLength);
    if (entry) this.add(entry);
    else {
      this.stats.lines++;
      this.stats.blank++;
    }
    return entry;
  }

  add(entry: LogEntry): void {
    this.stats.lines++;
    this.seq++;
    if (entry.problems) {
      this.stats.malformed++;
      for (const p of entry.problems) {
        if (this.problems.length >= this.maxProblems) break;
        this.problems.push({ code: p.code, line: p.line, range: p.range, message: detach(p.message), file: this.file });
      }
    }
    switch (entry.kind) {
      case 'filter':
        this.stats.filterHits++;
        this.previous = entry;
        if (entry.layer === 'ip') this.count(entry, entry.verdict === 'passed', 1, entry);
        break;
      case 'inspect':
        this.stats.inspectHits++;
        this.previous = entry;
        this.count(entry, INSPECT_LINE_MEANS_PASSED, 1, entry);
        break;
      case 'repeat':
        this.stats.repeats++;
        if (REPEAT_LINE_REPEATS_PREVIOUS && this.previous && (this.previous.kind === 'inspect' || this.previous.layer === 'ip')) {
          const p = this.previous;
          this.count(p, p.kind === 'inspect' ? INSPECT_LINE_MEANS_PASSED : p.verdict === 'passed', entry.count, entry);
        }
        break;
      case 'other':
        this.stats.other++;
        this.previous = undefined;
        break;
    }
  }

  result(): LogAggregate {
    return { hosts: this.hosts, stats: this.stats, problems: this.problems };
  }

  private seen(entry: LogEntry): Seen {
    const t = entry.header.time ?? (entry.kind === 'inspect' ? entry.created : undefined);
    let time: string | undefined;
    if (t) {
      // Consecutive lines mostly share their timestamp: detach each distinct one once.
      if (t.text !== this.lastTimeRaw) {
        this.lastTimeRaw = t.text;
        this.lastTime = detach(t.text);
      }
      time = this.lastTime;
    }
    return { file: this.file, line: entry.line, range: entry.range, time, key: t?.key, seq: this.seq };
  }

  private host(src: Endpoint): HostAggregate | undefined {
    let h = this.hosts.get(src.address!);
    if (h) return h;
    if (this.hosts.size >= this.maxHosts) {
      this.stats.hostsDropped++;
      return undefined;
    }
    const key = detach(src.address!);
    h = {
      host: key,
      family: src.family ?? 4,
      hits: 0,
      attempts: 0,
      passed: 0,
      dests: new Map(),
      overflow: { attempts: 0, passed: 0 },
      destsCapped: false,
      filters: new Map(),
      allKeyed: true,
      smtps: 0,
      submission: 0,
    };
    this.hosts.set(key, h);
    return h;
  }

  /** Counts `times` logged packets of `hit`, seen on the line of `at` (ATTEMPT_IS_LOGGED_PACKET). */
  private count(hit: Hit, passed: boolean, times: number, at: LogEntry): void {
    const { src, dst } = hit;
    if (src.address === undefined || src.error || !isLanHost(src, this.lans)) return;
    const h = this.host(src);
    if (!h) return;
    h.hits += times;
    if (dst.port === undefined || dst.error || dst.address === undefined) return;
    if (SMTP_IS_TCP_ONLY && hit.proto?.text.toUpperCase() !== 'TCP') return;
    const port = dst.port;
    if (port !== SMTP_PORT && port !== SMTPS_PORT && port !== SUBMISSION_PORT) return;
    if (!isInternetAddress(dst, this.lans)) return;
    if (port === SMTPS_PORT) {
      h.smtps += times;
      return;
    }
    if (port === SUBMISSION_PORT) {
      h.submission += times;
      return;
    }
    const seen = this.seen(at);
    h.attempts += times;
    if (passed) h.passed += times;
    let d = h.dests.get(dst.address);
    if (!d) {
      if (h.dests.size < this.maxDests) {
        d = { attempts: 0, passed: 0 };
        h.dests.set(detach(dst.address), d);
      } else {
        h.destsCapped = true;
        d = h.overflow;
      }
    }
    d.attempts += times;
    if (passed) {
      d.passed += times;
      if (!d.firstPassed && d !== h.overflow) d.firstPassed = seen;
    }
    const label = filterLabel(hit);
    const key = passed ? `${label} passed` : `${label} rejected`;
    const known = h.filters.get(key);
    if (known) known.count += times;
    else if (h.filters.size < MAX_FILTERS_PER_HOST) h.filters.set(key, filterUse(hit, label, passed, times));
    if (!h.firstByOrder) h.firstByOrder = seen;
    h.lastByOrder = seen;
    if (seen.key === undefined) h.allKeyed = false;
    else if (h.allKeyed) {
      if (!h.minByTime || seen.key < h.minByTime.key!) h.minByTime = seen;
      if (!h.maxByTime || seen.key >= h.maxByTime.key!) h.maxByTime = seen;
    }
  }
}

/** `PP[01] OUT(42)`, `LAN2 IN(default)`, `PP[01] OUT dynamic(200083)`. */
export function filterLabel(hit: Hit): string {
  const iface = hit.iface ? `${hit.iface.text} ` : '';
  const dir = hit.direction.toUpperCase();
  return hit.kind === 'inspect' ? `${iface}${dir} dynamic(${hit.filter})` : `${iface}${dir}(${hit.filter})`;
}

function filterUse(hit: Hit, label: string, passed: boolean, count: number): FilterUse {
  return {
    label: detach(label),
    iface: hit.iface ? detach(hit.iface.text) : undefined,
    direction: hit.direction,
    filter: hit.filter,
    dynamic: hit.kind === 'inspect',
    verdict: passed ? 'passed' : 'rejected',
    count,
  };
}

// ----- verdicts ------------------------------------------------------------------------------

/** Everything reported about one host, as plain data. */
export interface HostReport {
  host: string;
  family: 4 | 6;
  /** A known mail server (never "likely infected", passes are expected). */
  mailServer: boolean;
  /** Port-25 packets to internet destinations other than known mail servers. */
  attempts: number;
  rejected: number;
  passed: number;
  /** Distinct such destinations (a lower bound when `destinationsCapped`). */
  destinations: number;
  destinationsCapped: boolean;
  /** Port-25 packets to known mail servers (not in `attempts`). */
  toMailServers: number;
  smtps: number;
  submission: number;
  /** Every logged packet of this host (any port). */
  hits: number;
  /** First and last port-25 packet: by timestamp when every one has a dated timestamp, else by line order. */
  firstSeen?: Seen;
  lastSeen?: Seen;
  /** The first line (in line order) with a port-25 packet of this host. */
  firstLine?: Seen;
  /** The first passed port-25 packet to a destination that is not a known mail server. */
  firstPassed?: Seen;
  /** Distinct destinations (not mail servers) that passed packets reached. */
  passedDestinations: number;
  /** Filters that logged the host's port-25 packets, most frequent first. */
  filters: FilterUse[];
  likelyInfected: boolean;
  smtpPassed: boolean;
}

/** Matches addresses against a list of addresses/prefixes (invalid entries are ignored). */
export function addressMatcher(list: readonly string[]): (address: string) => boolean {
  const prefixes = list.map(parseNetPrefix).filter((p): p is NetPrefix => p !== undefined);
  if (prefixes.length === 0) return () => false;
  const cache = new Map<string, boolean>();
  return (address) => {
    let v = cache.get(address);
    if (v === undefined) {
      const ep = parseAddressOnly(address);
      v = ep !== undefined && prefixes.some((p) => prefixMatches(p, ep));
      cache.set(address, v);
    }
    return v;
  };
}

function parseAddressOnly(address: string): Pick<Endpoint, 'family' | 'v4' | 'address'> | undefined {
  const p = parseNetPrefix(address);
  if (!p) return undefined;
  return p.family === 4 ? { family: 4, v4: p.base, address } : { family: 6, address };
}

export function summarizeHost(h: HostAggregate, opts: VerdictOptions, isMailServer = addressMatcher(opts.mailServers)): HostReport {
  let toMail = 0;
  let passedToMail = 0;
  let mailDests = 0;
  let firstPassed: Seen | undefined;
  let passedDestinations = 0;
  for (const [addr, d] of h.dests) {
    if (isMailServer(addr)) {
      toMail += d.attempts;
      passedToMail += d.passed;
      mailDests++;
    } else if (d.passed > 0) {
      passedDestinations++;
      if (d.firstPassed && (!firstPassed || d.firstPassed.seq < firstPassed.seq)) firstPassed = d.firstPassed;
    }
  }
  if (h.overflow.passed > 0) passedDestinations++;
  const attempts = h.attempts - toMail;
  const passed = h.passed - passedToMail;
  const destinations = h.dests.size - mailDests + (h.destsCapped ? 1 : 0);
  const mailServer = isMailServer(h.host);
  const report: HostReport = {
    host: h.host,
    family: h.family,
    mailServer,
    attempts,
    rejected: attempts - passed,
    passed,
    destinations,
    destinationsCapped: h.destsCapped,
    toMailServers: toMail,
    smtps: h.smtps,
    submission: h.submission,
    hits: h.hits,
    passedDestinations,
    filters: [...h.filters.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    likelyInfected: !mailServer && attempts >= opts.minAttempts && destinations >= opts.minDestinations,
    smtpPassed: !mailServer && passed > 0,
  };
  const first = h.allKeyed ? h.minByTime : h.firstByOrder;
  const last = h.allKeyed ? h.maxByTime : h.lastByOrder;
  if (first) report.firstSeen = first;
  if (last) report.lastSeen = last;
  if (h.firstByOrder) report.firstLine = h.firstByOrder;
  if (firstPassed) report.firstPassed = firstPassed;
  return report;
}

/** Hosts with SMTP activity (port 25, 465 or 587), most port-25 attempts first. */
export function summarizeHosts(agg: LogAggregate, opts: VerdictOptions = DEFAULT_VERDICT_OPTIONS): HostReport[] {
  const isMail = addressMatcher(opts.mailServers);
  const out: HostReport[] = [];
  for (const h of agg.hosts.values()) {
    if (h.attempts + h.smtps + h.submission === 0) continue;
    out.push(summarizeHost(h, opts, isMail));
  }
  return out.sort(
    (a, b) =>
      b.attempts - a.attempts ||
      b.toMailServers - a.toMailServers ||
      b.smtps + b.submission - (a.smtps + a.submission) ||
      compareAddresses(a.host, b.host),
  );
}

function compareAddresses(a: string, b: string): number {
  const pa = parseNetPrefix(a);
  const pb = parseNetPrefix(b);
  if (pa?.family === 4 && pb?.family === 4) return pa.base - pb.base;
  return (pa?.family ?? 6) - (pb?.family ?? 6) || a.localeCompare(b);
}

// ----- wording shared by rules, hover and CLI --------------------------------------------------

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `2026/11/27 09:12:01` or `line 12` (1-based) for a seen place. */
export function describeSeen(s: Seen): string {
  return s.time ?? `line ${s.line + 1}`;
}

export function describeDestinations(r: HostReport): string {
  return r.destinationsCapped ? `at least ${plural(r.destinations, 'host')}` : plural(r.destinations, 'host');
}

/** `rejected 312× at PP[01] OUT(42), passed 3× at PP[01] OUT dynamic(200083)` (at most `max`). */
export function describeFilters(filters: readonly FilterUse[], max = 3): string {
  const shown = filters.slice(0, max).map((f) => `${f.verdict} ${f.count}× at ${f.label}`);
  if (filters.length > max) shown.push(`${filters.length - max} more`);
  return shown.join(', ');
}

/**
 * The verdict options of a rule context: the default thresholds, and the mail servers of the
 * settings (`senderGuard.mailServers`) and of the workspace (zone files' MX hosts, SPF ip4/ip6).
 */
export function verdictOptionsFor(ctx?: RuleContext): VerdictOptions {
  const mailServers = [...(ctx?.settings.mailServers ?? []), ...(ctx?.workspace.mailServers ?? []).map((m) => m.address)];
  return { ...DEFAULT_VERDICT_OPTIONS, mailServers };
}
