/**
 * Addresses in log lines: `192.168.100.37:63579`, `192.168.100.37` (no port), the NAT form
 * `192.168.100.37.63579`, IPv6 `2001:db8::1.25` / `[2001:db8::1]:25` (see assumptions), MAC
 * addresses of `ethernet` filter lines; and which of them are LAN hosts or internet addresses.
 */
import ipaddr from 'ipaddr.js';
import { IPV6_BRACKETED_PORT_ACCEPTED, IPV6_PORT_AFTER_DOT } from './assumptions';
import type { Endpoint } from './model';

const MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/i;

export function looksLikeMac(s: string): boolean {
  return s.length === 17 && MAC.test(s);
}

/** Dotted-quad IPv4 (no leading `+`, each part 0–255, at most 3 digits) to an unsigned integer. */
export function parseIPv4(s: string, from = 0, to = s.length): number | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? s.charCodeAt(i) : 46;
    if (c >= 48 && c <= 57) {
      if (++digits > 3) return undefined;
      part = part * 10 + (c - 48);
    } else if (c === 46) {
      if (digits === 0 || part > 255 || ++parts > 4) return undefined;
      value = value * 256 + part;
      part = 0;
      digits = 0;
    } else return undefined;
  }
  return parts === 4 ? value >>> 0 : undefined;
}

export function formatIPv4(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

function parsePort(s: string): number | undefined {
  if (s.length === 0 || s.length > 5) return undefined;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    v = v * 10 + (c - 48);
  }
  return v <= 65535 ? v : undefined;
}

function canonicalIPv6(s: string): string | undefined {
  if (s.length > 64 || !ipaddr.IPv6.isValid(s)) return undefined;
  try {
    return ipaddr.IPv6.parse(s).toString();
  } catch {
    return undefined;
  }
}

/** A fresh endpoint with every field present (one object shape for the whole parser). */
function blank(text: string, start: number): Endpoint {
  const range = { start, end: start + text.length };
  return {
    text,
    range,
    address: undefined,
    family: undefined,
    v4: undefined,
    mac: undefined,
    addrRange: range,
    port: undefined,
    portRange: undefined,
    error: undefined,
  };
}

/** Attaches the port written at `from` in the token; the address ends at `addrEnd`. */
function attachPort(ep: Endpoint, addrStart: number, addrEnd: number, from: number): Endpoint {
  const start = ep.range.start;
  const portText = ep.text.slice(from);
  ep.addrRange = { start: start + addrStart, end: start + addrEnd };
  ep.portRange = { start: start + from, end: ep.range.end };
  const port = parsePort(portText);
  if (port === undefined) ep.error = `'${portText}' is not a port number (0–65535)`;
  else ep.port = port;
  return ep;
}

function setV4(ep: Endpoint, v4: number): void {
  ep.address = formatIPv4(v4);
  ep.family = 4;
  ep.v4 = v4;
}

/** An endpoint token at document offset `start`. Never throws; problems go to `error`. */
export function parseEndpoint(text: string, start: number): Endpoint {
  const ep = blank(text, start);
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    const addr = close > 0 ? canonicalIPv6(text.slice(1, close)) : undefined;
    if (!IPV6_BRACKETED_PORT_ACCEPTED || addr === undefined) {
      ep.error = `'${text}' is not an address`;
      return ep;
    }
    ep.address = addr;
    ep.family = 6;
    if (close === text.length - 1) {
      ep.addrRange = { start: start + 1, end: start + close };
      return ep;
    }
    if (text[close + 1] !== ':') {
      ep.addrRange = { start: start + 1, end: start + close };
      ep.error = `unexpected '${text.slice(close + 1)}' after the address`;
      return ep;
    }
    return attachPort(ep, 1, close, close + 2);
  }

  const colon = text.indexOf(':');
  if (colon < 0 || text.indexOf(':', colon + 1) < 0) {
    // IPv4: `a.b.c.d`, `a.b.c.d:port`, or the NAT form `a.b.c.d.port`.
    const addrEnd = colon < 0 ? text.length : colon;
    const v4 = parseIPv4(text, 0, addrEnd);
    if (v4 !== undefined) {
      setV4(ep, v4);
      return colon < 0 ? ep : attachPort(ep, 0, colon, colon + 1);
    }
    if (colon < 0) {
      const dot = text.lastIndexOf('.');
      const v4b = dot > 0 ? parseIPv4(text, 0, dot) : undefined;
      if (v4b !== undefined) {
        setV4(ep, v4b);
        return attachPort(ep, 0, dot, dot + 1);
      }
    }
    if (looksLikeMac(text)) {
      ep.address = text.toLowerCase();
      ep.mac = true;
      return ep;
    }
    ep.error = `'${text.slice(0, addrEnd)}' is not an IPv4 address`;
    return ep;
  }

  if (looksLikeMac(text)) {
    ep.address = text.toLowerCase();
    ep.mac = true;
    return ep;
  }
  // IPv6: the whole token first (so `::ffff:192.0.2.1` stays an address), then `addr.port`.
  const whole6 = canonicalIPv6(text);
  if (whole6 !== undefined) {
    ep.address = whole6;
    ep.family = 6;
    return ep;
  }
  const dot = text.lastIndexOf('.');
  if (IPV6_PORT_AFTER_DOT && dot > 0) {
    const addr = canonicalIPv6(text.slice(0, dot));
    if (addr !== undefined) {
      ep.address = addr;
      ep.family = 6;
      return attachPort(ep, 0, dot, dot + 1);
    }
  }
  ep.error = `'${text}' is not an IPv6 address`;
  return ep;
}

// ----- classification --------------------------------------------------------------------

/** An IPv4 or IPv6 prefix, pre-parsed for fast matching. */
export interface NetPrefix {
  text: string;
  family: 4 | 6;
  /** IPv4 base and mask. */
  base: number;
  mask: number;
  /** IPv6 parsed prefix. */
  v6?: [ipaddr.IPv6, number];
}

/** `192.168.0.0/16`, `2001:db8::/32`, or a single address (`/32`, `/128`). Undefined if invalid. */
export function parseNetPrefix(s: string): NetPrefix | undefined {
  const t = s.trim();
  const slash = t.indexOf('/');
  const addr = slash < 0 ? t : t.slice(0, slash);
  const lenText = slash < 0 ? undefined : t.slice(slash + 1);
  if (lenText !== undefined && !/^\d{1,3}$/.test(lenText)) return undefined;
  const v4 = parseIPv4(addr);
  if (v4 !== undefined) {
    const len = lenText === undefined ? 32 : Number(lenText);
    if (len > 32) return undefined;
    const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
    return { text: t, family: 4, base: (v4 & mask) >>> 0, mask };
  }
  if (!ipaddr.IPv6.isValid(addr)) return undefined;
  const len = lenText === undefined ? 128 : Number(lenText);
  if (len > 128) return undefined;
  return { text: t, family: 6, base: 0, mask: 0, v6: [ipaddr.IPv6.parse(addr), len] };
}

export function prefixMatches(p: NetPrefix, ep: Pick<Endpoint, 'family' | 'v4' | 'address'>): boolean {
  if (p.family === 4) return ep.family === 4 && ep.v4 !== undefined && ((ep.v4 & p.mask) >>> 0) === p.base;
  if (ep.family !== 6 || !ep.address || !p.v6) return false;
  try {
    return ipaddr.IPv6.parse(ep.address).match(p.v6);
  } catch {
    return false;
  }
}

/** RFC 1918 private IPv4. */
export function isPrivateV4(n: number): boolean {
  return n >>> 24 === 10 || n >>> 20 === 0xac1 || n >>> 16 === 0xc0a8;
}

/** IPv4 that never leaves a site: private, loopback, link-local, CGN shared, multicast, reserved, 0/8. */
function isLocalV4(n: number): boolean {
  const a = n >>> 24;
  return isPrivateV4(n) || a === 0 || a === 127 || a >= 224 || n >>> 16 === 0xa9fe || n >>> 22 === (100 << 2) + 1;
}

const LOCAL_V6_RANGES = new Set(['unspecified', 'linkLocal', 'multicast', 'loopback', 'uniqueLocal']);

function v6Range(address: string): string {
  try {
    return ipaddr.IPv6.parse(address).range();
  } catch {
    return 'invalid';
  }
}

/**
 * A source address that is a host of the local network: RFC 1918 IPv4 (which OUT filters see
 * before NAT, reference §3.4), IPv6 unique-local, or inside one of `lans`.
 */
export function isLanHost(ep: Endpoint, lans: readonly NetPrefix[]): boolean {
  if (ep.address === undefined || ep.mac) return false;
  if (ep.family === 4 && ep.v4 !== undefined && isPrivateV4(ep.v4)) return true;
  if (lans.length > 0 && lans.some((p) => prefixMatches(p, ep))) return true;
  return ep.family === 6 && v6Range(ep.address) === 'uniqueLocal';
}

/** A destination on the internet: not local/special-use and not inside one of `lans`. */
export function isInternetAddress(ep: Endpoint, lans: readonly NetPrefix[]): boolean {
  if (ep.address === undefined || ep.mac) return false;
  if (ep.family === 4) {
    if (ep.v4 === undefined || isLocalV4(ep.v4)) return false;
  } else if (LOCAL_V6_RANGES.has(v6Range(ep.address))) return false;
  return !(lans.length > 0 && lans.some((p) => prefixMatches(p, ep)));
}

/** Words describing an address for hover: `private`, `internet`, … */
export function describeAddress(ep: Endpoint, lans: readonly NetPrefix[]): string {
  if (ep.address === undefined) return 'not an address';
  if (ep.mac) return 'MAC address';
  if (isLanHost(ep, lans)) return ep.family === 4 && ep.v4 !== undefined && isPrivateV4(ep.v4) ? 'LAN host (private address)' : 'LAN host';
  if (isInternetAddress(ep, lans)) return 'internet address';
  return 'local or special-use address';
}
