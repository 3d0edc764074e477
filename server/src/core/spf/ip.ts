/**
 * Strict address syntax for `ip4:`/`ip6:` (RFC 7208 §5.6 and §12: `ip4-network` is exactly four
 * dotted decimal octets without leading zeros; `ip6-network` is RFC 4291 §2.2 text).
 * ipaddr.js does the range checks; the shapes it also accepts (`10.1`, octal, hex, zone ids) are
 * rejected before it is asked.
 */
import * as ipaddr from 'ipaddr.js';

/**
 * A pure function of one string, remembered for the last few thousand arguments: zones repeat
 * the same addresses and networks in record after record.
 */
export function memoized<T>(fn: (s: string) => T, max = 4096): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const v = fn(s);
    if (cache.size >= max) cache.clear();
    cache.set(s, v);
    return v;
  };
}

/** ipaddr.js's `IPv4.isValidFourPartDecimal`, remembered. */
export const isFourPartDecimal = memoized((s) => ipaddr.IPv4.isValidFourPartDecimal(s));
/** ipaddr.js's `IPv6.isValid`, remembered. */
export const isValidIp6 = memoized((s) => ipaddr.IPv6.isValid(s));

/**
 * The parsed address (`ipaddr.parse`), remembered; null when it does not parse. Treat as read-only.
 * `ipaddr.parse` reads text with a colon as IPv6 only and text without one as IPv4 only, parsing
 * each twice (validity first): the one parse here gives the same result.
 */
export const parsedAddress = memoized((s): ipaddr.IPv4 | ipaddr.IPv6 | null => {
  try {
    return s.indexOf(':') >= 0 ? ipaddr.IPv6.parse(s) : ipaddr.IPv4.parse(s);
  } catch {
    return null;
  }
});

/** `undefined` when valid, otherwise why not (a sentence fragment naming the value). */
export const ip4Problem = memoized(ip4ProblemOf);

function ip4ProblemOf(s: string): string | undefined {
  if (s === '') return 'an IPv4 address is missing';
  if (/^[0-9]+(\.[0-9]+){3}$/.test(s) && ipaddr.IPv4.isValidFourPartDecimal(s)) return undefined;
  if (s.includes(':')) {
    if (isIp6(s)) return `'${s}' is an IPv6 address; write it as ip6:${s}`;
    const m = /^([0-9.]+):([0-9]*)$/.exec(s);
    if (m && ip4Problem(m[1]) === undefined) return `'${s}' has a port (':${m[2]}'); SPF addresses take no port`;
  }
  const parts = s.split('.');
  if (parts.length === 4 && parts.every((p) => /^[A-Za-z]+$/.test(p) || p === '*')) {
    return `'${s}' is not an IPv4 address; it looks like a placeholder that was never filled in`;
  }
  if (/[^0-9.]/.test(s)) return `'${s}' is not an IPv4 address (only digits and dots are allowed)`;
  if (parts.length !== 4 || parts.some((p) => p === '')) {
    return `'${s}' is not an IPv4 address; RFC 7208 requires four dotted decimal octets (e.g. 192.0.2.10)`;
  }
  for (const p of parts) {
    if (p.length > 1 && p.startsWith('0')) {
      return `'${s}' has the octet '${p}' with a leading zero; RFC 7208 requires plain decimal octets (${Number(p)})`;
    }
    if (p.length > 3 || Number(p) > 255) return `'${s}' has the octet ${p}, outside 0–255`;
  }
  return `'${s}' is not a valid IPv4 address`;
}

function isIp6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s)) return false;
  if (s.includes('.')) {
    const tail = s.slice(s.lastIndexOf(':') + 1);
    if (!/^[0-9]+(\.[0-9]+){3}$/.test(tail) || !ipaddr.IPv4.isValidFourPartDecimal(tail)) return false;
  }
  return ipaddr.IPv6.isValid(s);
}

export const ip6Problem = memoized(ip6ProblemOf);

function ip6ProblemOf(s: string): string | undefined {
  if (s === '') return 'an IPv6 address is missing';
  if (isIp6(s)) return undefined;
  if (/^[0-9]+(\.[0-9]+){3}$/.test(s) && ipaddr.IPv4.isValidFourPartDecimal(s)) {
    return `'${s}' is an IPv4 address; write it as ip4:${s}`;
  }
  if (s.includes('%')) return `'${s}' has a zone index ('%…'), which SPF does not allow`;
  if (/[^0-9A-Fa-f:.]/.test(s)) return `'${s}' is not an IPv6 address (only hex digits, ':' and an embedded IPv4 address are allowed)`;
  return `'${s}' is not a valid IPv6 address (RFC 4291 §2.2)`;
}

/**
 * Checks a prefix-length token (the digits after `/`) against the ABNF
 * (`"0" / %x31-39 0*1DIGIT` for IPv4, `0*2DIGIT` for IPv6) and the value range.
 */
export function prefixProblem(digits: string, family: 4 | 6): string | undefined {
  const max = family === 4 ? 32 : 128;
  if (digits === '') return `the prefix length after '/' is missing (0–${max})`;
  if (!/^[0-9]+$/.test(digits)) return `'/${digits}' is not a prefix length (0–${max})`;
  if (digits.length > 1 && digits.startsWith('0')) return `the prefix length '${digits}' has a leading zero`;
  if (digits.length > (family === 4 ? 2 : 3) || Number(digits) > max) {
    return `the prefix length ${digits} is larger than ${max}, the maximum for IPv${family}`;
  }
  return undefined;
}
