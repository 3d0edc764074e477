/**
 * Points of Yamaha RTX behaviour that no source confirms, and that the parser or the simulator
 * nevertheless has to decide. Each one is a named constant here, documented with what we assume
 * and why, so that the choice is visible, testable and can be changed in one place (the simulator
 * also accepts per-call overrides through `SimOptions`).
 *
 * Section numbers refer to the project's Yamaha RTX reference (docs: "Yamaha RTX / NVR
 * configuration and IPv4 packet-filter reference").
 */

/**
 * §1.3: an unquoted, unescaped `#` preceded by whitespace starts a comment that runs to the end of
 * the line. Only whole-line `#` comments are confirmed; hand-written configs do put trailing
 * `# …` remarks after commands, and the command reference lists `#` among the characters that
 * must be escaped inside parameters, so reading it as a comment is the sensible interpretation.
 */
export const INLINE_HASH_STARTS_COMMENT = true;

/**
 * §1.5: selecting a tunnel clears the PP selection (confirmed: PP commands cannot be entered in a
 * tunnel context). We also assume the reverse: `pp select N` clears a tunnel selection. Either way
 * the current context is a single value `none | pp N | pp anonymous | tunnel N`.
 */
export const PP_SELECT_CLEARS_TUNNEL = true;

/**
 * §3.2 rule 7: a number in a `secure filter` list that has no `ip filter` definition is skipped
 * (evaluation continues with the next number). The simulator records every skipped number in its
 * result so callers can warn about it.
 */
export const UNDEFINED_FILTER_IN_LIST_IS_SKIPPED = true;

/**
 * §3.2 rule 8: a list that names only dynamic filters (`… secure filter out dynamic 100 101`)
 * discards nothing; packets that match no session simply pass. Reported by a third party, in
 * tension with the implicit-deny rule.
 */
export const DYNAMIC_ONLY_LIST_PASSES = true;

/**
 * §3.3: an active dynamic session created on the same interface is checked before the static
 * list, and a hit passes the packet regardless of the static filters.
 */
export const SESSION_CHECKED_BEFORE_STATIC_LIST = true;

/**
 * §3.3: when several listed dynamic filters match a passed packet, the first one in list order
 * creates the session.
 */
export const FIRST_LISTED_DYNAMIC_FILTER_WINS = true;

/**
 * §3.3: a packet rejected by the static list never creates a dynamic session (so an SMTP SYN that
 * an egress filter rejects leaves no state behind).
 */
export const REJECTED_PACKET_CREATES_NO_SESSION = true;

/**
 * §3.3: a session created on one interface only exempts packets on that interface; other
 * interfaces on the path (e.g. `lan1 … out` for the reply) still apply their own lists.
 */
export const SESSIONS_ARE_PER_INTERFACE = true;

/**
 * §2.2 / §10: `restrict*` passes while the interface's line is "connected". For an always-on
 * PPPoE or Ethernet uplink we assume connected = link up, and model every interface as connected
 * unless the caller says otherwise.
 */
export const INTERFACES_CONNECTED_BY_DEFAULT = true;

/**
 * §2.5: port mnemonics outside the official (partial) table — `https`, `netbios_*`, `ssh`, … —
 * stand for their IANA port numbers. The port table marks each entry official or assumed.
 */
export const UNOFFICIAL_PORT_MNEMONICS_ARE_IANA = true;

/**
 * §2.4: the special protocol keywords (`tcpsyn`, `established`, `tcpflag=…`, `icmp-error`, …) are
 * documented for use on their own. We accept them inside comma lists too (no syntax error) and
 * treat a list as "any element matches".
 */
export const SPECIAL_PROTOCOLS_ALLOWED_IN_LISTS = true;

/**
 * §2.7: fragment handling is unknown; the simulator only models whole (first-fragment) packets,
 * which always carry their ports.
 */
export const FRAGMENTS_NOT_MODELLED = true;

/**
 * §2.3 simulator note: FQDN, `map-e`, `hb46pp` and `@app` address elements that the caller did not
 * resolve never match (neither a pass nor a reject filter fires on them).
 */
export const UNRESOLVED_ADDRESS_ELEMENTS_NEVER_MATCH = true;

/**
 * §2.2: the filter number range. Current firmware accepts 1…21474836; very old NetVolante
 * documents allowed up to 2147483647. The parser accepts the larger range (no error) and uses
 * the smaller one as the "supported" maximum.
 */
export const FILTER_NUMBER_MAX = 21474836;
export const FILTER_NUMBER_MAX_LEGACY = 2147483647;

/**
 * §2.1: defining the same filter number again replaces the earlier definition (normal behaviour
 * for numbered definitions, not spelled out for `ip filter`).
 */
export const FILTER_REDEFINITION_REPLACES = true;

/**
 * §5.3: filter log lines name LAN interfaces by their upper-cased name (`LAN2 Rejected at …`);
 * the exact spelling is only known from a third party's parsed index.
 */
export const LAN_LOG_LABEL_IS_UPPERCASE_NAME = true;

/**
 * §5.3: for protocols without ports (ICMP, GRE, ESP, …) the log line shows bare addresses
 * (`ICMP 192.168.100.10 > 8.8.8.8`); the real rendering (ICMP type/code text?) is unknown.
 */
export const PORTLESS_LOG_LINES_OMIT_PORTS = true;

/**
 * §2.10: the ICMPv6 meaning of `icmp-error` / `icmp-info` in an `ipv6 filter` is not documented.
 * We read them with the RFC 4443 split: error messages are types 0–127, informational messages
 * types 128–255.
 */
export const ICMPV6_CLASSES_BY_RFC4443 = true;

/**
 * §3.2: filter sets (`ip filter set NAME in|out LIST`). Like other numbered/named settings, a later
 * line for the same name and direction replaces the earlier one (the command reference does not
 * say whether lines accumulate). A set line may carry `dynamic …` numbers like a `secure filter`
 * list.
 */
export const FILTER_SET_LINE_REPLACES = true;

/**
 * §1.7: a physical line of exactly 79 or 80 characters followed by a line that is not a known
 * command (or starts with a digit) was cut by an 80-column terminal; the two are joined by plain
 * concatenation. Configurable per parse (`joinWrappedLines`), default on.
 */
export const TERMINAL_WRAP_WIDTHS: readonly number[] = [79, 80];
export const JOIN_WRAPPED_LINES_BY_DEFAULT = true;

/**
 * §1.8 / simulator: `ra-prefix@IF` and `dhcp-prefix@IF` addresses depend on the prefix the
 * provider hands out, which a config does not contain. Unless the caller supplies the real
 * prefixes, the simulator resolves them to fixed documentation prefixes (2001:db8:ffNN::/64 for
 * router advertisements, 2001:db8:feNN::/48 for prefix delegation, NN from the interface number),
 * the same for every filter and probe, so verdicts are consistent.
 */
export const DYNAMIC_PREFIXES_RESOLVE_TO_DOCUMENTATION_PREFIXES = true;

/**
 * §3.3 / field report 3: dynamic filters create sessions only on the direction where the
 * connection starts. For the Internet uplink that is `out` for LAN-initiated traffic; a dynamic
 * filter listed only on the uplink's `in` list never sees the LAN's outgoing packets.
 */
export const SESSIONS_START_ON_LISTED_DIRECTION_ONLY = true;

/**
 * Shadow analysis: TCP header bits above CWR (0x80) are treated as zero in packets, so a
 * `tcpflag=V/M` test is analysed over the eight ordinary flag bits.
 */
export const TCP_FLAG_ANALYSIS_BITS = 8;

/**
 * §5.3: how IPv6 addresses and ports are written in filter log lines is not documented; we write
 * `[2001:db8::1]:50000` so the port cannot be mistaken for the last address group.
 */
export const IPV6_LOG_ADDRESSES_BRACKETED = true;
