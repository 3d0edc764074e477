/**
 * IPv4 addresses as unsigned 32-bit integers, and the address elements of Yamaha filter fields
 * (reference §2.3): parsing, matching and describing.
 */
import ipaddr from 'ipaddr.js';
import type { AddrElem } from './model';

/** Strict dotted-quad IPv4 (`192.168.1.1`) to an unsigned integer. */
export function parseIPv4(s: string): number | undefined {
  if (!ipaddr.IPv4.isValidFourPartDecimal(s)) return undefined;
  const b = ipaddr.IPv4.parse(s).octets;
  return ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function prefixMask(len: number): number {
  return len <= 0 ? 0 : len >= 32 ? 0xffffffff : (0xffffffff << (32 - len)) >>> 0;
}

/** Prefix length of a contiguous mask, or undefined for a non-contiguous one. */
export function maskPrefix(mask: number): number | undefined {
  const inv = ~mask >>> 0;
  if ((inv & (inv + 1)) !== 0) return undefined;
  let len = 0;
  for (let m = mask; m & 0x80000000; m = (m << 1) >>> 0) len++;
  return len;
}

/** A mask written as prefix length (`24`), dotted quad (`255.255.255.0`) or hex (`0xffffff00`). */
export function parseMask(s: string): { mask: number; prefix?: number } | undefined {
  if (/^\d{1,2}$/.test(s)) {
    const len = Number(s);
    return len <= 32 ? { mask: prefixMask(len), prefix: len } : undefined;
  }
  if (/^0x[0-9a-f]{1,8}$/i.test(s)) {
    const mask = parseInt(s.slice(2), 16) >>> 0;
    const p = maskPrefix(mask);
    return p === undefined ? { mask } : { mask, prefix: p };
  }
  const dotted = parseIPv4(s);
  if (dotted === undefined) return undefined;
  const p = maskPrefix(dotted);
  return p === undefined ? { mask: dotted } : { mask: dotted, prefix: p };
}

export interface Prefix {
  /** The address as written (may have host bits set: `192.168.100.1/24`). */
  addr: number;
  base: number;
  len: number;
  mask: number;
}

/** `A.B.C.D/len` or `A.B.C.D/dotted-mask` (contiguous masks only). */
export function parsePrefix(s: string): Prefix | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const addr = parseIPv4(s.slice(0, slash));
  const m = parseMask(s.slice(slash + 1));
  if (addr === undefined || !m || m.prefix === undefined) return undefined;
  return { addr, base: (addr & m.mask) >>> 0, len: m.prefix, mask: m.mask };
}

export function prefixContains(p: { base: number; mask: number }, ip: number): boolean {
  return ((ip & p.mask) >>> 0) === ((p.base & p.mask) >>> 0);
}

export function formatPrefix(p: { base: number; len: number }): string {
  return `${formatIPv4(p.base)}/${p.len}`;
}

export function isPrivateIPv4(n: number): boolean {
  return (n >>> 24) === 10 || (n >>> 20) === ((172 << 4) | 1) || (n >>> 16) === ((192 << 8) | 168);
}

/** The value part of an element, without text/range. */
export type AddrValue = AddrElem extends infer E ? (E extends AddrElem ? Omit<E, 'text' | 'range'> : never) : never;

/** Addresses, octet wildcards, ranges and networks (anything else is read as a host name). */
const NUMERIC_ELEM = /^[0-9.*-]+(?:\/[0-9A-Fa-fx.]*)?$/;
const FQDN_LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/;

/** Parses one element of an address field (IPv4 unless `family` is 6); an error message explains what is wrong. */
export function parseAddrElem(s: string, family: 4 | 6 = 4): AddrValue | { error: string } {
  if (family === 6) return parseAddrElem6(s);
  if (s === '*') return { kind: 'any' };
  if (s === '') return { error: 'empty element' };
  const lower = s.toLowerCase();
  if (lower === 'map-e' || lower === 'hb46pp') return { kind: 'keyword', name: lower };
  if (s.startsWith('@')) {
    return /^@[A-Za-z0-9_-]+$/.test(s) ? { kind: 'app', name: s.slice(1) } : { error: `'${s}' is not an application name` };
  }
  if (s.includes(':')) return { error: `'${s}' looks like an IPv6 address; use an ipv6 filter` };
  if (NUMERIC_ELEM.test(s)) return parseNumericElem(s);
  return parseFqdn(s);
}

function parseNumericElem(s: string): AddrValue | { error: string } {
  const dash = s.indexOf('-');
  if (dash >= 0) {
    if (s.indexOf('-', dash + 1) >= 0) return { error: `'${s}' has more than one '-'` };
    const a = s.slice(0, dash);
    const b = s.slice(dash + 1);
    if (a === '' && b === '') return { error: "a range needs at least one end ('A-B', '-B' or 'A-')" };
    if (s.includes('/')) return { error: `a range cannot carry a mask: '${s}'` };
    const from = a === '' ? undefined : parseIPv4(a);
    const to = b === '' ? undefined : parseIPv4(b);
    if (a !== '' && from === undefined) return { error: `'${a}' is not an IPv4 address` };
    if (b !== '' && to === undefined) return { error: `'${b}' is not an IPv4 address` };
    if (from !== undefined && to !== undefined && from > to) return { error: `range start ${a} is above its end ${b}` };
    return { kind: 'range', ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
  }
  const slash = s.indexOf('/');
  const addrText = slash < 0 ? s : s.slice(0, slash);
  const maskText = slash < 0 ? undefined : s.slice(slash + 1);
  if (addrText.includes('*')) {
    const parts = addrText.split('.');
    if (parts.length !== 4) return { error: `'${addrText}' is not an IPv4 address` };
    const octets: (number | '*')[] = [];
    for (const p of parts) {
      if (p === '*') octets.push('*');
      else if (/^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255) octets.push(Number(p));
      else return { error: `'${addrText}' is not an IPv4 address (octet '${p}')` };
    }
    if (maskText !== undefined) return { error: `an address with '*' octets cannot carry a mask: '${s}'` };
    return { kind: 'octets', octets };
  }
  const base = parseIPv4(addrText);
  if (base === undefined) return { error: `'${addrText}' is not an IPv4 address` };
  if (maskText === undefined) return { kind: 'cidr', base, mask: 0xffffffff, prefix: 32 };
  const m = parseMask(maskText);
  if (!m) return { error: `'${maskText}' is not a mask (prefix length 0-32, dotted mask or 0x hex)` };
  return m.prefix === undefined ? { kind: 'cidr', base, mask: m.mask } : { kind: 'cidr', base, mask: m.mask, prefix: m.prefix };
}

function parseFqdn(s: string): AddrValue | { error: string } {
  const bad = `'${s}' is not an address, range, network or host name`;
  if (s.length > 255 || /[/,]/.test(s)) return { error: bad };
  let name = s;
  let suffix = false;
  if (name.startsWith('*.')) {
    suffix = true;
    name = name.slice(2);
  }
  const labels = name.replace(/\.$/, '').split('.');
  if (labels.length < 2 || !labels.every((l) => FQDN_LABEL.test(l))) return { error: bad };
  if (labels.every((l) => /^\d+$/.test(l))) return { error: `'${s}' is not an IPv4 address` };
  return { kind: 'fqdn', name: name.toLowerCase(), suffix };
}

/** Resolves FQDN/keyword/app elements to addresses (IPv4 numbers, IPv6 bigints; unresolved ⇒ the element never matches). */
export type AddrResolver = (elem: { kind: 'fqdn' | 'keyword' | 'app'; name: string; suffix?: boolean }) => (number | bigint)[] | undefined;

// ----- IPv6 ----------------------------------------------------------------------------------

export const IPV6_BITS = 128n;
export const IPV6_MAX = (1n << 128n) - 1n;

/** An IPv6 literal (no zone, no prefix) to a 128-bit unsigned bigint. */
export function parseIPv6(s: string): bigint | undefined {
  if (!s.includes(':') || s.includes('%') || !ipaddr.IPv6.isValid(s)) return undefined;
  let n = 0n;
  for (const part of ipaddr.IPv6.parse(s).parts) n = (n << 16n) | BigInt(part);
  return n;
}

export function formatIPv6(n: bigint): string {
  const parts: number[] = [];
  for (let i = 7; i >= 0; i--) parts.push(Number((n >> BigInt(i * 16)) & 0xffffn));
  return new ipaddr.IPv6(parts).toString();
}

/** Mask with the top `len` of 128 bits set. */
export function prefixMask6(len: number): bigint {
  if (len <= 0) return 0n;
  if (len >= 128) return IPV6_MAX;
  return (IPV6_MAX >> BigInt(128 - len)) << BigInt(128 - len);
}

export function prefixContains6(p: { base: bigint; len: number }, ip: bigint): boolean {
  const m = prefixMask6(p.len);
  return (ip & m) === (p.base & m);
}

/** `2001:db8::/32` or a bare address (= /128). */
export function parsePrefix6(s: string): { addr: bigint; base: bigint; len: number } | undefined {
  const slash = s.indexOf('/');
  const addr = parseIPv6(slash < 0 ? s : s.slice(0, slash));
  if (addr === undefined) return undefined;
  const lenText = slash < 0 ? '128' : s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lenText) || Number(lenText) > 128) return undefined;
  const len = Number(lenText);
  return { addr, base: addr & prefixMask6(len), len };
}

/** `ra-prefix@lan2::1/64`, `dhcp-prefix@lan2:10::/64` (reference §1.8). */
const DYNAMIC_PREFIX = /^(ra-prefix|dhcp-prefix)@([A-Za-z]+[0-9]+(?:[/.][0-9]+)?)(:[0-9A-Fa-f:.]*)?(?:\/(\d{1,3}))?$/;

export function parseDynamicPrefix(s: string): AddrValue | { error: string } | undefined {
  const lower = s.toLowerCase();
  if (!lower.startsWith('ra-prefix@') && !lower.startsWith('dhcp-prefix@')) return undefined;
  const m = DYNAMIC_PREFIX.exec(lower);
  if (!m) return { error: `'${s}' is not a dynamic prefix (write e.g. ra-prefix@lan2::/64 or dhcp-prefix@lan2::1/64)` };
  let suffix = 0n;
  if (m[3] !== undefined && m[3] !== ':') {
    const v = parseIPv6(`0${m[3]}`);
    if (v === undefined) return { error: `'${m[3]}' after ${m[1]}@${m[2]} is not an IPv6 interface part` };
    suffix = v;
  }
  const prefix = m[4] === undefined ? 128 : Number(m[4]);
  if (prefix > 128) return { error: `prefix length /${m[4]} is above 128` };
  return { kind: 'dynprefix', source: m[1] as 'ra-prefix' | 'dhcp-prefix', iface: m[2], suffix, prefix };
}

/** Parses one element of an IPv6 address field. */
export function parseAddrElem6(s: string): AddrValue | { error: string } {
  if (s === '*') return { kind: 'any' };
  if (s === '') return { error: 'empty element' };
  const lower = s.toLowerCase();
  if (lower === 'map-e' || lower === 'hb46pp') return { kind: 'keyword', name: lower };
  if (s.startsWith('@')) {
    return /^@[A-Za-z0-9_-]+$/.test(s) ? { kind: 'app', name: s.slice(1) } : { error: `'${s}' is not an application name` };
  }
  const dyn = parseDynamicPrefix(s);
  if (dyn) return dyn;
  if (s.includes(':')) {
    const dash = s.indexOf('-');
    if (dash >= 0) {
      const a = s.slice(0, dash);
      const b = s.slice(dash + 1);
      const from = a === '' ? undefined : parseIPv6(a);
      const to = b === '' ? undefined : parseIPv6(b);
      if ((a === '' && b === '') || (a !== '' && from === undefined) || (b !== '' && to === undefined)) return { error: `'${s}' is not an IPv6 address range` };
      if (from !== undefined && to !== undefined && from > to) return { error: `range start ${a} is above its end ${b}` };
      return { kind: 'range6', ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
    }
    const slash = s.indexOf('/');
    const addrText = slash < 0 ? s : s.slice(0, slash);
    const addr = parseIPv6(addrText);
    if (addr === undefined) return { error: `'${addrText}' is not an IPv6 address` };
    if (slash < 0) return { kind: 'cidr6', addr, prefix: 128 };
    const lenText = s.slice(slash + 1);
    if (!/^\d{1,3}$/.test(lenText) || Number(lenText) > 128) return { error: `'${lenText}' is not a prefix length (0-128)` };
    return { kind: 'cidr6', addr, prefix: Number(lenText) };
  }
  if (NUMERIC_ELEM.test(s)) return { error: `'${s}' looks like an IPv4 address; use an ip filter` };
  return parseFqdn(s);
}

/** The prefix learned on an interface (for `ra-prefix@IF` / `dhcp-prefix@IF` elements). */
export type PrefixResolver = (source: 'ra-prefix' | 'dhcp-prefix', iface: string) => { base: bigint; len: number } | undefined;

/** The concrete network of a dynamic-prefix element under a prefix resolution. */
export function resolveDynamicPrefix(e: { source: 'ra-prefix' | 'dhcp-prefix'; iface: string; suffix: bigint; prefix: number }, prefixes: PrefixResolver | undefined): { base: bigint; len: number } | undefined {
  const p = prefixes?.(e.source, e.iface);
  if (!p) return undefined;
  const addr = (p.base & prefixMask6(p.len)) | e.suffix;
  return { base: addr & prefixMask6(e.prefix), len: e.prefix };
}

export function addrElemMatches6(e: AddrValue, ip: bigint, resolve?: AddrResolver, prefixes?: PrefixResolver): boolean {
  switch (e.kind) {
    case 'any':
      return true;
    case 'cidr6':
      return prefixContains6({ base: e.addr, len: e.prefix }, ip);
    case 'range6':
      return (e.from ?? 0n) <= ip && ip <= (e.to ?? IPV6_MAX);
    case 'dynprefix': {
      const p = resolveDynamicPrefix(e, prefixes);
      return !!p && prefixContains6(p, ip);
    }
    case 'fqdn':
    case 'keyword':
    case 'app': {
      const list = resolve?.(e);
      return !!list && list.includes(ip);
    }
    default:
      return false; // IPv4 elements never match an IPv6 packet
  }
}

export function addrElemMatches(e: AddrValue, ip: number, resolve?: AddrResolver): boolean {
  switch (e.kind) {
    case 'cidr6':
    case 'range6':
    case 'dynprefix':
      return false; // IPv6 elements never match an IPv4 packet
    case 'any':
      return true;
    case 'cidr':
      return ((ip & e.mask) >>> 0) === ((e.base & e.mask) >>> 0);
    case 'octets':
      return e.octets.every((o, i) => o === '*' || o === ((ip >>> (24 - 8 * i)) & 255));
    case 'range':
      return (e.from ?? 0) <= ip && ip <= (e.to ?? 0xffffffff);
    case 'fqdn':
    case 'keyword':
    case 'app': {
      // UNRESOLVED_ADDRESS_ELEMENTS_NEVER_MATCH: without a resolution the element matches nothing.
      const list = resolve?.(e);
      return !!list && list.includes(ip);
    }
  }
}

/** One line of plain text saying what an element matches (for hover). */
export function describeAddrElem(e: AddrValue): string {
  switch (e.kind) {
    case 'any':
      return 'any address';
    case 'cidr': {
      if (e.mask === 0xffffffff) return `the single host ${formatIPv4(e.base)}`;
      const lo = (e.base & e.mask) >>> 0;
      if (e.prefix === undefined) return `addresses equal to ${formatIPv4(lo)} under the non-contiguous mask ${formatIPv4(e.mask)}`;
      const hi = (lo | ~e.mask) >>> 0;
      const count = 2 ** (32 - e.prefix);
      const note = lo !== e.base ? ` (host bits of ${formatIPv4(e.base)} are ignored)` : '';
      return `network ${formatIPv4(lo)}/${e.prefix}: ${formatIPv4(lo)} – ${formatIPv4(hi)} (${count.toLocaleString('en-US')} addresses)${note}`;
    }
    case 'octets':
      return `addresses ${e.octets.map((o) => (o === '*' ? '0-255' : String(o))).join('.')} (each \`*\` octet matches 0-255)`;
    case 'range':
      return `addresses from ${e.from === undefined ? '0.0.0.0' : formatIPv4(e.from)} to ${e.to === undefined ? '255.255.255.255' : formatIPv4(e.to)}`;
    case 'fqdn':
      return e.suffix
        ? `any host name ending in .${e.name}, as resolved through the router's DNS (cached for \`ip filter fqdn timer\`, default 600 s)`
        : `the addresses of ${e.name}, as resolved through the router's DNS (cached for \`ip filter fqdn timer\`, default 600 s)`;
    case 'keyword':
      return e.name === 'map-e' ? 'the global IPv4 address derived by MAP-E' : 'the IPv4 address obtained by the hb46pp IPv6-migration method';
    case 'app':
      return `destinations of the application list @${e.name} (RTX840 only)`;
    case 'cidr6': {
      if (e.prefix === 128) return `the single host ${formatIPv6(e.addr)}`;
      const base = e.addr & prefixMask6(e.prefix);
      const note = base !== e.addr ? ` (host bits of ${formatIPv6(e.addr)} are ignored)` : '';
      return `IPv6 network ${formatIPv6(base)}/${e.prefix}${note}`;
    }
    case 'range6':
      return `IPv6 addresses from ${e.from === undefined ? '::' : formatIPv6(e.from)} to ${e.to === undefined ? 'ffff:…:ffff' : formatIPv6(e.to)}`;
    case 'dynprefix': {
      const how = e.source === 'ra-prefix' ? 'router advertisement' : 'DHCPv6 prefix delegation';
      const suffix = e.suffix === 0n ? '' : ` with interface part ${formatIPv6(e.suffix)}`;
      return `the prefix ${e.iface} learns by ${how}${suffix}, /${e.prefix} — it changes when the provider renumbers`;
    }
  }
}
