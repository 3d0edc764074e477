/**
 * What the log reader assumes where Yamaha's documentation is silent (reference §5, §3.4).
 * Each constant names one assumption so that code depending on it can be found and changed.
 */

/**
 * IPv6 endpoints in filter and `[INSPECT]` lines: the port follows the address after a dot
 * (`2001:db8::1.25`), the way NAT lines attach ports to IPv4 addresses and the way a third
 * party's index of real RTX1210 `[INSPECT] LAN2[out]…` lines shows IPv6 (`<v6>.56609`). The
 * bracketed URL form `[2001:db8::1]:25` is accepted too. A bare `2001:db8::1:25` cannot be told
 * apart from the address `2001:db8::1:25` and is read as an address without a port.
 */
export const IPV6_PORT_AFTER_DOT = true;
export const IPV6_BRACKETED_PORT_ACCEPTED = true;

/**
 * `same message repeated N times` (and a syslog daemon's `last message repeated N times`) means
 * the previous line occurred N more times; the analysis counts the previous filter hit N more
 * times at the time of the repeat line.
 */
export const REPEAT_LINE_REPEATS_PREVIOUS = true;

/**
 * An `[INSPECT]` line records a session created by a dynamic filter, which happens only for a
 * connection the static list passed (reference §3.3), so it counts as a *passed* attempt.
 */
export const INSPECT_LINE_MEANS_PASSED = true;

/**
 * An "attempt" is one logged packet: a retransmitted SYN that is rejected again counts again,
 * and a `pass-log` filter logs every packet of a connection. Counting connections would need
 * per-connection state, which a 100 MB log cannot afford.
 */
export const ATTEMPT_IS_LOGGED_PACKET = true;

/**
 * Only TCP packets count as SMTP; UDP or other protocols to port 25 are not mail.
 */
export const SMTP_IS_TCP_ONLY = true;

/** Lines longer than this are analysed from their start only (Yamaha messages are ≤ 231 chars). */
export const MAX_LINE_CHARS = 65536;

/** Distinct port-25 destinations tracked exactly per host; beyond it the count is a lower bound. */
export const DEFAULT_MAX_DESTINATIONS_PER_HOST = 1000;

/** Source hosts tracked; packets of hosts beyond it are counted in `stats.hostsDropped` only. */
export const DEFAULT_MAX_HOSTS = 65536;

/** Problems (malformed lines) kept with their position; beyond it they are only counted. */
export const DEFAULT_MAX_PROBLEMS = 1000;
