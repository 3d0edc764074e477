/**
 * A parsed Yamaha syslog / `show log` file: one entry per non-blank line (with the offsets of its
 * fields), the problems of malformed lines, and the per-host aggregates of the analysis.
 */
import type { LineIndex } from '../text';
import type { Range } from '../types';

/** A piece of the line as written. */
export interface Span {
  text: string;
  range: Range;
}

/** A timestamp as written. */
export interface Stamp extends Span {
  /**
   * Milliseconds since 1970 of the date and time as written (read as UTC; an explicit offset is
   * applied). Undefined for stamps without a year (RFC 3164 `Nov 27 09:12:01`).
   */
  key?: number;
}

/** The header layers a line can carry, outermost first. */
export type HeaderLayer =
  /** A syslog daemon's file prefix `Nov 27 09:12:01 HOST ` */
  | 'daemon-rfc3164'
  /** A syslog daemon's file prefix `2026-11-27T09:12:01+09:00 HOST ` (rsyslog) */
  | 'daemon-iso'
  /** `<PRI>` (Yamaha's default `syslog format type yamaha`: PRI and message only) */
  | 'pri'
  /** `<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD ` (`syslog format type rfc5424`) */
  | 'rfc5424'
  /** `<PRI>Nov 27 09:12:01 HOST ` (`syslog format type rfc3164`) */
  | 'rfc3164'
  /** `2026/11/27 09:12:01: ` (`show log`) */
  | 'show-log';

export interface LogHeader {
  layers: HeaderLayer[];
  pri?: { value: number; range: Range };
  /** The most precise timestamp of the header (one with a year wins over one without). */
  time?: Stamp;
  /** The sending host named by a syslog header. */
  host?: Span;
}

/** An address with an optional port, as written in a filter or `[INSPECT]` line. */
export interface Endpoint extends Span {
  /** Canonical address text (IPv6 compressed, MAC lower-case); undefined when it does not parse. */
  address?: string;
  family?: 4 | 6;
  /** IPv4 address as an unsigned 32-bit integer. */
  v4?: number;
  /** True for the MAC addresses of `ethernet … filter` lines. */
  mac?: boolean;
  addrRange: Range;
  port?: number;
  portRange?: Range;
  /** Why the endpoint does not parse. */
  error?: string;
}

/** How the router names an interface in its log: `PP[01]`, `TUNNEL[1]`, `LAN2`, `LAN1(port3)`. */
export interface IfaceLabel extends Span {
  kind: 'pp' | 'tunnel' | 'lan' | 'wan' | 'vlan' | 'bridge' | 'loopback' | 'other';
  /** The interface number (`01`, `1`, `2`, `1/1`, `ANONYMOUS`). */
  id?: string;
  /** Switch port of `LAN1(port3)`. */
  port?: number;
}

export type ProblemCode =
  | 'cut-short'
  | 'bad-address'
  | 'bad-port'
  | 'bad-field'
  | 'bad-header'
  | 'bad-date'
  | 'control-chars'
  | 'too-long';

export interface LogProblem {
  code: ProblemCode;
  /** 0-based line number (within its file). */
  line: number;
  range: Range;
  message: string;
  /** The file, when aggregating several (CLI). */
  file?: string;
}

interface EntryBase {
  /** 0-based line number. */
  line: number;
  /** The whole line, without its line break. */
  range: Range;
  header: LogHeader;
  /** The message after the header layers. */
  message: Range;
  problems?: LogProblem[];
}

/** `<IF> Rejected|Passed at IN|OUT(<N>|default) filter: <PROTO> <SRC> > <DST>[ <annotation>]` */
export interface FilterHit extends EntryBase {
  kind: 'filter';
  iface?: IfaceLabel;
  verdict: 'rejected' | 'passed';
  verdictRange: Range;
  direction: 'in' | 'out';
  directionRange: Range;
  /** Static filter number, or `default` for the implicit discard at the end of the list. */
  filter: number | 'default';
  filterRange: Range;
  /** `ip` for IP filters; `ethernet` for MAC filter lines (`<mac> > <mac> IP`). */
  layer: 'ip' | 'ethernet';
  /** `TCP`, `UDP`, `ICMP`, … (for `ethernet`, the frame type after the addresses: `IP`, `IP6`). */
  proto?: Span;
  src: Endpoint;
  dst: Endpoint;
  /** Text after the destination (`(DNS response)`). */
  annotation?: Span;
}

/** `[INSPECT] <IF>[in|out][<N>] <PROTO> <SRC> > <DST> (<created>)`: a dynamic-filter session. */
export interface InspectHit extends EntryBase {
  kind: 'inspect';
  tag: Span;
  iface: IfaceLabel;
  direction: 'in' | 'out';
  directionRange: Range;
  /** The dynamic filter number. */
  filter: number;
  filterRange: Range;
  proto: Span;
  src: Endpoint;
  dst: Endpoint;
  /** When the session was created. */
  created?: Stamp;
}

/** `same message repeated N times` / `last message repeated N times`. */
export interface RepeatLine extends EntryBase {
  kind: 'repeat';
  count: number;
  countRange: Range;
}

/** Every other message: `[IKE] …`, `[DHCPD] …`, `[NAT(1000):LAN2] …`, `PP[01] PPP/IPCP up`, … */
export interface OtherLine extends EntryBase {
  kind: 'other';
  /** `IKE`, `DHCPD`, `NAT(1000):LAN2` for `[…]` tags; the interface label for `PP[01] …`. */
  tag?: Span;
}

export type LogEntry = FilterHit | InspectHit | RepeatLine | OtherLine;

// ----- analysis aggregates ------------------------------------------------------------------

/** Where and when something was seen. */
export interface Seen {
  file?: string;
  /** 0-based line number within its file. */
  line: number;
  /** The line's range in its file. */
  range: Range;
  /** The timestamp as written. */
  time?: string;
  /** See `Stamp.key`. */
  key?: number;
  /** Position among all lines fed to the aggregator (orders lines across files). */
  seq: number;
}

/** One filter (or dynamic filter) that logged a host's SMTP packets. */
export interface FilterUse {
  /** `PP[01] OUT(42)`, `LAN2 IN(default)`, `PP[01] OUT dynamic(200083)` */
  label: string;
  iface?: string;
  direction: 'in' | 'out';
  filter: number | 'default';
  dynamic: boolean;
  verdict: 'rejected' | 'passed';
  count: number;
}

export interface DestCount {
  attempts: number;
  passed: number;
  /** First passed packet to this destination. */
  firstPassed?: Seen;
}

/** Everything kept about one LAN source host: bounded, whatever the size of the log. */
export interface HostAggregate {
  host: string;
  family: 4 | 6;
  /** Every logged IP filter / `[INSPECT]` line with this host as source (any port). */
  hits: number;
  /** Port-25 (TCP) packets to internet destinations. */
  attempts: number;
  passed: number;
  /** Per destination, up to the cap. */
  dests: Map<string, DestCount>;
  /** Packets to destinations beyond the cap (`firstPassed` unused). */
  overflow: DestCount;
  /** True once a destination could not be tracked because of the cap. */
  destsCapped: boolean;
  /** Port-25 filters, keyed by label + verdict. */
  filters: Map<string, FilterUse>;
  /** First and last port-25 packet in the order of the lines. */
  firstByOrder?: Seen;
  lastByOrder?: Seen;
  /** Earliest and latest by timestamp; meaningful only while `allKeyed`. */
  minByTime?: Seen;
  maxByTime?: Seen;
  allKeyed: boolean;
  /** Port 465 (SMTPS / submissions) and 587 (submission) packets to internet destinations. */
  smtps: number;
  submission: number;
}

export interface LogStats {
  lines: number;
  blank: number;
  filterHits: number;
  inspectHits: number;
  repeats: number;
  other: number;
  /** Lines with at least one problem. */
  malformed: number;
  /** Packets (lines) whose LAN source was not tracked because of the host cap. */
  hostsDropped: number;
}

export interface LogAggregate {
  hosts: Map<string, HostAggregate>;
  stats: LogStats;
  /** The first problems (up to a cap); `stats.malformed` counts all malformed lines. */
  problems: LogProblem[];
}

export interface LogModel {
  text: string;
  lines: LineIndex;
  /** One entry per non-blank line, in document order. */
  entries: LogEntry[];
  analysis: LogAggregate;
}
