/**
 * The parsed Yamaha RTX config. Produced by `parseRtx` (parse.ts), read by the rules, the
 * simulator and hover. Every piece keeps its offsets into the document.
 */
import type { LineIndex, MappedText } from '../text';
import type { Range } from '../types';
import type { NetworkFacts } from './network';

export interface RtxProblem {
  range: Range;
  message: string;
}

/** One whitespace-separated token of a command line. */
export interface RtxToken {
  /** As written, including quotes and backslashes. */
  text: string;
  /** Decoded value: quotes removed, escapes resolved. Compare keywords with `lower`. */
  value: string;
  /** `value` lower-cased (keywords are case-insensitive). */
  lower: string;
  range: Range;
  /** Maps characters of `value` back to the document (differs from `range` when quoted/escaped). */
  map: MappedText;
}

/** The currently selected PP or tunnel a command applies to. */
export type RtxContext =
  | { kind: 'none' }
  | { kind: 'pp'; id: number | 'anonymous' }
  | { kind: 'tunnel'; id: number };

export interface RtxCommand {
  /** Position in `RtxModel.commands`. */
  index: number;
  /** 0-based line. */
  line: number;
  /** 0-based last line: differs from `line` when a terminal-wrapped line was joined. */
  lastLine: number;
  /** From the first token to the end of the last token (trailing comment excluded). */
  range: Range;
  /** The whole physical line without its line break (all joined physical lines for a wrapped command). */
  lineRange: Range;
  /** The line breaks inside a joined, terminal-wrapped command. */
  breaks?: Range[];
  /** Leading whitespace as written (genuine `show config` indents PP/tunnel blocks by one space). */
  indent: string;
  /** All tokens, including a leading `no`. */
  tokens: RtxToken[];
  /** True for the `no …` form; `words` then starts after the `no`. */
  negated: boolean;
  /** Index of the first token after an optional `no`. */
  wordStart: number;
  /** Context the command is executed in (for a select command: the context before it). */
  context: RtxContext;
  /** A trailing `# …` comment on the same line. */
  comment?: Range;
}

export interface RtxHeader {
  /** E.g. `RTX830`. */
  model: string;
  modelRange: Range;
  /** E.g. `15.02.30` (without `Rev.`). */
  revision: string;
  revisionRange: Range;
  /** The build date in parentheses, if present. */
  date?: string;
  range: Range;
}

/** Content of an `embedded file … <<EOF` / `macro … <<EOM` block (not parsed as commands). */
export interface RtxHeredoc {
  /** The command that opened the block. */
  command: number;
  terminator: string;
  /** The content lines, between the opening line and the terminator line. */
  content: Range;
  /** The terminator line; undefined when the file ends first. */
  end?: Range;
}

/**
 * A physical line of exactly 79 or 80 characters followed by a line that is not a command: a
 * long line hard-wrapped by an 80-column terminal (`show config` copied from a console).
 */
export interface WrappedLine {
  /** The 0-based line that was cut. */
  line: number;
  /** Its length (79 or 80). */
  width: number;
  /** The line break between the cut line and its continuation (removing it joins them). */
  breakRange: Range;
  /** Whether the parser joined the two lines into one command (the `joinWrappedLines` option). */
  joined: boolean;
  /** The command the joined line became (undefined for a comment or when not joined). */
  command?: number;
}

/** Parser options. */
export interface RtxParseOptions {
  /** Join terminal-wrapped lines into one command (default true). */
  joinWrappedLines?: boolean;
}

/** One stretch of lines executed in a selected PP or tunnel. */
export interface ContextBlock {
  context: Exclude<RtxContext, { kind: 'none' }>;
  /** The `pp select` / `tunnel select` command. */
  select: number;
  /** Commands executed in this context (indices), in order. */
  commands: number[];
}

// ----- filters -----------------------------------------------------------------------------

export type FilterVerdict = 'pass' | 'reject' | 'restrict';
export type FilterLogging = 'default' | 'log' | 'nolog';

export interface FilterAction {
  /** As written, lower-cased (`reject-log`). */
  name: string;
  verdict: FilterVerdict;
  log: FilterLogging;
}

/** How an IPv6 address refers to a prefix learned on an upstream interface. */
export type DynamicPrefixSource = 'ra-prefix' | 'dhcp-prefix';

/**
 * One element of an address field. IPv4 values are unsigned 32-bit integers, IPv6 values
 * unsigned 128-bit bigints.
 */
export type AddrElem = (
  | { kind: 'any' }
  | { kind: 'cidr'; base: number; mask: number; prefix?: number }
  | { kind: 'octets'; octets: (number | '*')[] }
  | { kind: 'range'; from?: number; to?: number }
  | { kind: 'fqdn'; name: string; suffix: boolean }
  | { kind: 'keyword'; name: 'map-e' | 'hb46pp' }
  | { kind: 'app'; name: string }
  /** IPv6 address or prefix (`2001:db8::/32`); a bare address is /128. */
  | { kind: 'cidr6'; addr: bigint; prefix: number }
  | { kind: 'range6'; from?: bigint; to?: bigint }
  /**
   * `ra-prefix@lan2::1/64`: the prefix learned on `iface` (by router advertisement or DHCPv6-PD)
   * combined with `suffix` (the bits written after the interface name), masked to `prefix`.
   */
  | { kind: 'dynprefix'; source: DynamicPrefixSource; iface: string; suffix: bigint; prefix: number }
) & { text: string; range: Range };

/** An address field: `*` or a comma list (any element matches). */
export interface AddrSpec {
  /** True when omitted or `*`. */
  any: boolean;
  elems: AddrElem[];
  /** The field's token; undefined when the field was omitted. */
  token?: RtxToken;
}

export type ProtoElem = (
  | { kind: 'number'; proto: number }
  | { kind: 'tcpflag'; value: number; mask: number; negate: boolean }
  /** `icmp-error`, `icmp-info`, `icmp-nd`: ICMP (or ICMPv6, `proto` 58) messages of the given types. */
  | { kind: 'icmp-class'; types: readonly number[]; proto?: number }
) & { text: string; range: Range };

export interface ProtoSpec {
  any: boolean;
  elems: ProtoElem[];
  token?: RtxToken;
}

export interface PortElem {
  text: string;
  range: Range;
  /** The port ranges the element stands for (a mnemonic like `ftp` gives two). */
  ports: { from: number; to: number }[];
}

export interface PortSpec {
  any: boolean;
  elems: PortElem[];
  token?: RtxToken;
}

/**
 * How the port fields of a filter are compared (reference §2.6):
 * `tcp-udp` only for TCP/UDP packets, `icmp` as ICMP type (source) / code (destination),
 * `ignored` never.
 */
export type PortMode = 'tcp-udp' | 'icmp' | 'ignored';

export interface StaticFilter {
  /** 4 for `ip filter`, 6 for `ipv6 filter` (separate number spaces). */
  family: 4 | 6;
  num: number;
  command: number;
  numToken: RtxToken;
  action: FilterAction;
  actionToken: RtxToken;
  src: AddrSpec;
  dst: AddrSpec;
  proto: ProtoSpec;
  sport: PortSpec;
  dport: PortSpec;
  portMode: PortMode;
  /** False when a field is malformed: the router rejects the line, so the number stays undefined. */
  valid: boolean;
  /** The whole command as written (for messages): from `ip` to the last field. */
  range: Range;
}

export interface DynamicFilter {
  family: 4 | 6;
  num: number;
  command: number;
  numToken: RtxToken;
  src: AddrSpec;
  dst: AddrSpec;
  /** First form: the application (`smtp`, `tcp`, …). */
  application?: { name: string; token: RtxToken };
  /** Second form: trigger/in/out static filter numbers. */
  trigger?: number[];
  inFilters?: number[];
  outFilters?: number[];
  syslog: boolean;
  timeout?: number;
  valid: boolean;
  range: Range;
}

/** An interface a filter list or address can be bound to. */
export type IfaceRef =
  | { kind: 'pp'; id: number | 'anonymous' }
  | { kind: 'tunnel'; id: number }
  /** lan1, lan1/1, lan1.1, vlan1, wan1, bridge1, loopback1, null, bri1, … */
  | { kind: 'if'; name: string };

export interface ListEntry {
  num: number;
  token: RtxToken;
}

/** `ip IFACE secure filter in|out LIST… [dynamic LIST…]` (or `… name SET`), resolved to its interface. */
export interface SecureFilterBinding {
  iface: IfaceRef;
  dir: 'in' | 'out';
  family: 4 | 6;
  command: number;
  /** Static filter numbers in written order. */
  list: ListEntry[];
  dynamic: ListEntry[];
  /** The `dynamic` keyword token, when present. */
  dynamicToken?: RtxToken;
  /** Filter-set form. */
  setName?: string;
}

/** The filters of one address family (`ip filter …` or `ipv6 filter …`). */
export interface FilterSpace {
  /** Effective static filters (last definition wins, `no ip filter N` removes). */
  static: Map<number, StaticFilter>;
  /** Effective dynamic filters (a separate number space). */
  dynamic: Map<number, DynamicFilter>;
  /** Every static definition in file order (including replaced ones). */
  staticDefs: StaticFilter[];
  dynamicDefs: DynamicFilter[];
}

/** `ip filter set NAME in|out LIST… [dynamic LIST…]`: one direction of a named filter set. */
export interface FilterSetList {
  name: string;
  dir: 'in' | 'out';
  command: number;
  list: ListEntry[];
  dynamic: ListEntry[];
  dynamicToken?: RtxToken;
}

/** IPv4 filters (the fields of `FilterSpace`), IPv6 filters, and the filter sets. */
export interface FilterTable extends FilterSpace {
  v6: FilterSpace;
  /** Effective filter-set lists, keyed `NAME|in` / `NAME|out` (the last line for a name and direction wins). */
  sets: Map<string, FilterSetList>;
}

export interface RtxModel {
  text: string;
  lines: LineIndex;
  /** The line break used by the file (for edits that insert lines). */
  eol: string;
  header?: RtxHeader;
  commands: RtxCommand[];
  /** Whole-line `#` comments (header lines included) and trailing comments. */
  comments: Range[];
  heredocs: RtxHeredoc[];
  /** Terminal-wrapped lines (joined or not, see `options.joinWrappedLines`). */
  wraps: WrappedLine[];
  /** Template placeholders (`<id>`, `YOUR_…`, `<?= … ?>`, `(…)`): reported once, never re-parsed as values. */
  placeholders: Range[];
  options: Required<RtxParseOptions>;
  blocks: ContextBlock[];
  filters: FilterTable;
  /** Effective bindings (the last command for an interface+direction+family wins). */
  bindings: SecureFilterBinding[];
  network: NetworkFacts;
  /** Syntax problems (reported by rtx-syntax). */
  problems: RtxProblem[];
}
