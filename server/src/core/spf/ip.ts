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

// ---------------------------------------------------------------------------------------------
// Addresses as numbers, for matching many host addresses against networks without an object
// per address: IPv4 as one 32-bit number, IPv6 as eight 16-bit parts.

/**
 * The 32-bit number of four dotted decimal octets without leading zeros (what
 * `isFourPartDecimal` accepts), read off the text; undefined for any other text.
 */
export function ip4Number(text: string): number | undefined {
  let n = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || octet > 255 || (digits > 1 && text.charCodeAt(i - digits) === 48)) return undefined;
      n = n * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      octet = octet * 10 + (c - 48);
      digits++;
    } else return undefined;
  }
  return dots === 4 ? n : undefined;
}

/** Whether the 32-bit address `a` lies in `net/length` (`net` a 32-bit number too). */
export function ip4Within(a: number, net: number, length: number): boolean {
  const mask = length <= 0 ? 0 : (0xffffffff << (32 - Math.min(length, 32))) >>> 0;
  return ((a & mask) >>> 0) === ((net & mask) >>> 0);
}

/**
 * The eight 16-bit parts of IPv6 text made of groups of one to four hex digits with at most one
 * `::` (every address ipaddr.js writes, RFC 5952, and most written by hand); undefined for text
 * of any other shape (an embedded IPv4 address, a zone id, or not an address), which the caller
 * then parses with ipaddr.js.
 */
export function ip6Parts(text: string): number[] | undefined {
  const gap = text.indexOf('::');
  if (gap >= 0 && text.indexOf('::', gap + 1) >= 0) return undefined;
  const head = gap < 0 ? text : text.slice(0, gap);
  const tail = gap < 0 ? '' : text.slice(gap + 2);
  const front = groups(head);
  const back = groups(tail);
  if (!front || !back) return undefined;
  const missing = 8 - front.length - back.length;
  if (gap < 0 ? missing !== 0 : missing < 1) return undefined;
  const parts = front;
  for (let k = 0; k < missing; k++) parts.push(0);
  for (const p of back) parts.push(p);
  return parts;
}

/** The hex groups of `a:b:c` (none for ''), or undefined when a group is not 1-4 hex digits. */
function groups(text: string): number[] | undefined {
  const out: number[] = [];
  if (text === '') return out;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 58;
    if (c === 58) {
      if (digits === 0) return undefined;
      out.push(value);
      value = 0;
      digits = 0;
      continue;
    }
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0 || ++digits > 4) return undefined;
    value = value * 16 + d;
  }
  return out;
}

/**
 * An address as numbers: four-part decimal IPv4 text as its 32-bit number, IPv6 text as its eight
 * parts (hex groups read here, other shapes by ipaddr.js); undefined when the text is neither.
 */
export function addressNumbers(text: string): number | number[] | undefined {
  if (text.indexOf(':') < 0) return ip4Number(text);
  const parts = ip6Parts(text);
  if (parts) return parts;
  const a = parsedAddress(text);
  return a?.kind() === 'ipv6' ? (a as ipaddr.IPv6).parts : undefined;
}

/** Whether the IPv6 address at `parts[at..at+8)` lies in `net/length` (`net` eight parts too). */
export function ip6Within(parts: readonly number[], at: number, net: readonly number[], length: number): boolean {
  const whole = length >> 4;
  for (let k = 0; k < whole; k++) if (parts[at + k] !== net[k]) return false;
  const rest = length & 15;
  if (rest === 0 || whole >= 8) return true;
  const mask = (0xffff << (16 - rest)) & 0xffff;
  return ((parts[at + whole] ^ net[whole]) & mask) === 0;
}

/**
 * IPv6 parts as RFC 5952 text (lower-case hex without leading zeros, the first longest run of
 * two or more zero groups as `::`): what ipaddr.js's `toString()` writes.
 */
export function ip6Text(parts: readonly number[]): string {
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (parts[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && parts[j] === 0) j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (from: number, to: number): string => parts.slice(from, to).map((p) => p.toString(16)).join(':');
  return best < 0 ? hex(0, 8) : `${hex(0, best)}::${hex(best + bestLength, 8)}`;
}
