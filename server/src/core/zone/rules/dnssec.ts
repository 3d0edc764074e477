/**
 * What the DNSSEC checks share: the zone's DNSSEC facts (computed once per model), wire forms of
 * names, canonical name order, key tags, RRSIG times, type bitmaps, and the hashes NSEC3 and DS
 * digests are made of (SHA-1, SHA-256). Pure code: no crypto library, no IO.
 */
import { delegations, inZone, zoneFacts, type ZoneFacts } from '../analysis';
import type { ZoneModel, ZoneRecord, ZoneToken } from '../model';
import { buildName } from '../names';
import { ALGORITHMS, typeCodeOf } from '../rdata/fields';
import { rrTypeByCode } from '../rrtypes';
import { freshTokens } from './common';

/** The DNSSEC checks (what `kzonecheck -d off` leaves out). */
export const DNSSEC_RULES: readonly string[] = ['zone-dnssec-signatures', 'zone-nsec-chain', 'zone-nsec3-chain', 'zone-cds', 'zone-dnssec-keys', 'zone-rrsig-validity'];

export const T_NS = 2;
export const T_SOA = 6;
export const T_CNAME = 5;
export const T_DS = 43;
export const T_RRSIG = 46;
export const T_NSEC = 47;
export const T_DNSKEY = 48;
export const T_NSEC3 = 50;
export const T_NSEC3PARAM = 51;
export const T_CDS = 59;
export const T_CDNSKEY = 60;

// ------------------------------------------------------------------ names

/** The labels of a canonical absolute name as byte arrays (escapes decoded, letters lower-cased). */
export function labelsOf(name: string): number[][] {
  const out: number[][] = [];
  if (name === '.' || name === '') return out;
  let label: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 92 && i + 1 < name.length) {
      const d = name.slice(i + 1, i + 4);
      if (/^\d{3}$/.test(d)) {
        label.push(Number(d) & 255);
        i += 3;
      } else {
        label.push(name.charCodeAt(i + 1) & 255);
        i++;
      }
    } else if (c === 46) {
      out.push(label);
      label = [];
    } else if (c < 128) {
      label.push(c);
    } else {
      for (const b of utf8(name[i])) label.push(b);
    }
  }
  if (label.length) out.push(label);
  for (const l of out) for (let k = 0; k < l.length; k++) if (l[k] >= 65 && l[k] <= 90) l[k] += 32;
  return out;
}

function utf8(ch: string): number[] {
  const c = ch.charCodeAt(0);
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 63)];
  return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
}

/** Wire form of a name in canonical (lower-case) form. */
export function nameWire(name: string): number[] {
  const out: number[] = [];
  for (const l of labelsOf(name)) out.push(l.length, ...l);
  out.push(0);
  return out;
}

/** Number of labels (root excluded). */
export function labelCount(name: string): number {
  return labelsOf(name).length;
}

/** A key under which names sort in DNSSEC canonical order (RFC 4034 §6.1) by plain string comparison. */
export function canonicalKey(name: string): string {
  // Labels from the root down; each label's octets then a separator below every octet value.
  return labelsOf(name)
    .reverse()
    .map((l) => String.fromCharCode(...l.map((b) => b + 1)))
    .join('\u0000');
}

// ------------------------------------------------------------------ encodings

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes base64 (padding optional); undefined when a character is not base64. */
export function base64Bytes(text: string): number[] | undefined {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of text) {
    if (ch === '=') break;
    const v = B64.indexOf(ch);
    if (v < 0) return undefined;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 255);
    }
  }
  return out;
}

export function hexBytes(text: string): number[] | undefined {
  if (text.length % 2 || !/^[0-9a-fA-F]*$/.test(text)) return undefined;
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 2) out.push(parseInt(text.slice(i, i + 2), 16));
  return out;
}

export function toHex(bytes: number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}

const B32HEX = '0123456789abcdefghijklmnopqrstuv';

/** Base32hex without padding, lower case (the form of NSEC3 owner labels). */
export function base32hex(bytes: number[]): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = ((acc & 0xff) << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += B32HEX[(acc >> bits) & 31];
    }
  }
  if (bits > 0) out += B32HEX[(acc << (5 - bits)) & 31];
  return out;
}

// ------------------------------------------------------------------ hashes

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

function padded(msg: number[]): number[] {
  const bytes = msg.slice();
  const bitLen = msg.length * 8;
  bytes.push(0x80);
  while (bytes.length % 64 !== 56) bytes.push(0);
  const hi = Math.floor(bitLen / 0x100000000);
  for (const v of [hi, bitLen >>> 0]) bytes.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
  return bytes;
}

function wordsOut(h: number[]): number[] {
  const out: number[] = [];
  for (const v of h) out.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
  return out;
}

/** SHA-1 (FIPS 180-4) of a byte array. */
export function sha1(msg: number[]): number[] {
  const bytes = padded(msg);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Array<number>(80);
  for (let off = 0; off < bytes.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = (bytes[off + 4 * i] << 24) | (bytes[off + 4 * i + 1] << 16) | (bytes[off + 4 * i + 2] << 8) | bytes[off + 4 * i + 3];
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    let [a, b, c, d, e] = h;
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) [f, k] = [(b & c) | (~b & d), 0x5a827999];
      else if (i < 40) [f, k] = [b ^ c ^ d, 0x6ed9eba1];
      else if (i < 60) [f, k] = [(b & c) | (b & d) | (c & d), 0x8f1bbcdc];
      else [f, k] = [b ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + f + e + k + w[i]) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    h[0] = (h[0] + a) | 0;
    h[1] = (h[1] + b) | 0;
    h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + d) | 0;
    h[4] = (h[4] + e) | 0;
  }
  return wordsOut(h);
}

const K256: number[] = [];
{
  // The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
  let n = 2;
  while (K256.length < 64) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
    if (prime) K256.push(Math.floor((Math.cbrt(n) % 1) * 0x100000000) | 0);
    n++;
  }
}

/** SHA-256 (FIPS 180-4) of a byte array. */
export function sha256(msg: number[]): number[] {
  const bytes = padded(msg);
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const w = new Array<number>(64);
  const rotr = (x: number, k: number): number => (x >>> k) | (x << (32 - k));
  for (let off = 0; off < bytes.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = (bytes[off + 4 * i] << 24) | (bytes[off + 4 * i + 1] << 16) | (bytes[off + 4 * i + 2] << 8) | bytes[off + 4 * i + 3];
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    const v = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = (h[i] + v[i]) | 0;
  }
  return wordsOut(h);
}

/** Hashes computed by `nsec3Hash`, kept across calls (one zone is edited many times). */
const hashMemo = new Map<string, string>();

/** The NSEC3 hashed owner label of `name` (RFC 5155 §5), base32hex, lower case. */
export function nsec3Hash(name: string, salt: number[], iterations: number): string {
  const key = `${iterations} ${toHex(salt)} ${name}`;
  const hit = hashMemo.get(key);
  if (hit) return hit;
  let x = sha1([...nameWire(name), ...salt]);
  for (let i = 0; i < iterations; i++) x = sha1([...x, ...salt]);
  const out = base32hex(x);
  if (hashMemo.size > 50000) hashMemo.clear();
  hashMemo.set(key, out);
  return out;
}

// ------------------------------------------------------------------ record fields

/** A number field (decimal); NaN when it is not one. */
export function num(t: ZoneToken | undefined): number {
  return t && /^\d+$/.test(t.text) ? Number(t.text) : NaN;
}

/** A DNSSEC algorithm field: number or mnemonic. */
export function algorithmOf(t: ZoneToken | undefined): number {
  if (!t) return NaN;
  if (/^\d+$/.test(t.text)) return Number(t.text);
  return ALGORITHMS[t.text.toUpperCase()] ?? NaN;
}

/** RRSIG time (YYYYMMDDHHmmSS or seconds) in seconds modulo 2^32; NaN when not one. */
export function timeOf(t: ZoneToken | undefined): number {
  if (!t || !/^\d+$/.test(t.text)) return NaN;
  const s = t.text;
  if (s.length === 14) {
    const ms = Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(8, 10), +s.slice(10, 12), +s.slice(12, 14));
    return (ms / 1000) % 0x100000000;
  }
  return Number(s) % 0x100000000;
}

/** `a` is later than `b` in RFC 1982 serial arithmetic (32 bits). */
export function serialAfter(a: number, b: number): boolean {
  const d = (a - b + 0x100000000) % 0x100000000;
  return d !== 0 && d < 0x80000000;
}

/** The type codes of a type bitmap written from token `from` on (unknown mnemonics skipped). */
export function bitmapOf(tokens: ZoneToken[], from: number): Set<number> {
  const out = new Set<number>();
  for (let i = from; i < tokens.length; i++) {
    const c = typeCodeOf(tokens[i].text);
    if (c !== undefined) out.add(c);
  }
  return out;
}

/** Mnemonic of a type code (as written in the zone when it is there). */
export function typeName(code: number, sample?: Map<number, string>): string {
  return sample?.get(code) ?? rrTypeByCode(code)?.name ?? `TYPE${code}`;
}

/** DNSKEY / CDNSKEY fields and key tag (RFC 4034 App. B); undefined when the RDATA is not readable. */
export interface KeyInfo {
  record: ZoneRecord;
  flags: number;
  protocol: number;
  algorithm: number;
  key: number[];
  tag: number;
  /** RDATA in wire form. */
  wire: number[];
}

export function keyInfo(r: ZoneRecord, text: string): KeyInfo | undefined {
  if (r.generic) return undefined;
  const t = freshTokens(r, text);
  const flags = num(t[0]);
  const protocol = num(t[1]);
  const algorithm = algorithmOf(t[2]);
  const key = base64Bytes(t.slice(3).map((x) => x.text).join(''));
  if (!(flags <= 0xffff) || !(protocol <= 255) || !(algorithm <= 255) || !key) return undefined;
  const wire = [(flags >> 8) & 255, flags & 255, protocol, algorithm, ...key];
  let tag: number;
  if (algorithm === 1) {
    tag = key.length >= 3 ? (key[key.length - 3] << 8) | key[key.length - 2] : 0;
  } else {
    let ac = 0;
    for (let i = 0; i < wire.length; i++) ac += i & 1 ? wire[i] : wire[i] << 8;
    ac += (ac >> 16) & 0xffff;
    tag = ac & 0xffff;
  }
  return { record: r, flags, protocol, algorithm, key, tag, wire };
}

// ------------------------------------------------------------------ zone facts

export interface DnssecFacts {
  facts: ZoneFacts;
  apex: string;
  /** The zone carries DNSSEC data: RRSIG, NSEC or NSEC3 records. */
  signed: boolean;
  byOwner: Map<string, ZoneRecord[]>;
  /** Delegation points (owners below the apex with NS). */
  cuts: Set<string>;
  /** The delegation at or above `name` (below the apex), if any. */
  cutAbove(name: string): string | undefined;
  /** Owners holding NSEC3 records (hashed names, not names of the zone's data). */
  nsec3Owners: Set<string>;
  /** Type mnemonics as written in the zone, for messages. */
  typeNames: Map<number, string>;
}

const cache = new WeakMap<ZoneFacts, DnssecFacts | null>();

/** DNSSEC facts of the zone; undefined when it has no DNSSEC records at all (the common case) or no apex. */
export function dnssecFacts(model: ZoneModel): DnssecFacts | undefined {
  const facts = zoneFacts(model);
  const hit = cache.get(facts);
  if (hit !== undefined) return hit ?? undefined;
  const apex = facts.apex;
  const any = [T_RRSIG, T_NSEC, T_NSEC3, T_NSEC3PARAM, T_DNSKEY, T_CDS, T_CDNSKEY].some((c) => facts.ofType(c).length > 0);
  if (!apex || !any) {
    cache.set(facts, null);
    return undefined;
  }
  const d = delegations(facts);
  const nsec3Owners = new Set<string>();
  for (const r of facts.ofType(T_NSEC3)) nsec3Owners.add(r.owner);
  const typeNames = new Map<number, string>();
  for (const r of facts.records) if (!typeNames.has(r.typeCode)) typeNames.set(r.typeCode, r.type);
  const out: DnssecFacts = {
    facts,
    apex,
    signed: facts.ofType(T_RRSIG).length > 0 || facts.ofType(T_NSEC).length > 0 || facts.ofType(T_NSEC3).length > 0,
    byOwner: facts.byOwner(),
    cuts: d.points,
    cutAbove: d.cutAbove,
    nsec3Owners,
    typeNames,
  };
  cache.set(facts, out);
  return out;
}

/** Where a name stands: `apex`/`auth` (authoritative data), `cut` (delegation point), `below` (glue or occluded), `out` (not in the zone). */
export function standing(f: DnssecFacts, name: string): 'auth' | 'cut' | 'below' | 'out' {
  if (!inZone(name, f.apex)) return 'out';
  if (name === f.apex) return 'auth';
  const cut = f.cutAbove(name);
  if (cut === undefined) return 'auth';
  return cut === name ? 'cut' : 'below';
}

/** The types present at an owner, as an NSEC/NSEC3 bitmap must list them (only NS, DS, RRSIG, NSEC at a cut). */
export function typesAt(f: DnssecFacts, owner: string, withNsec: boolean): Set<number> {
  const out = new Set<number>();
  const cut = standing(f, owner) === 'cut';
  for (const r of f.byOwner.get(owner) ?? []) {
    const c = r.typeCode;
    if (c === T_NSEC3) continue;
    if (c === T_NSEC && !withNsec) continue;
    if (cut && c !== T_NS && c !== T_DS && c !== T_RRSIG && c !== T_NSEC) continue;
    out.add(c);
  }
  return out;
}

/** Absolute name written in token `t` of a record. */
export function nameIn(t: ZoneToken, r: ZoneRecord): string {
  return buildName(t.text, 0, t.text.length, r.origin);
}

/** Names of the zone's data in canonical order: the apex and authoritative owners and delegation points (no glue, no NSEC3 owners). */
export function dataNames(f: DnssecFacts): string[] {
  const names: string[] = [];
  for (const owner of f.byOwner.keys()) {
    if (f.nsec3Owners.has(owner)) continue;
    const s = standing(f, owner);
    if (s === 'auth' || s === 'cut') names.push(owner);
  }
  return sortCanonical(names);
}

export function sortCanonical(names: string[]): string[] {
  const keyed = names.map((n) => [canonicalKey(n), n] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map((k) => k[1]);
}

/** The parent of a canonical name (`a.b.` → `b.`), or undefined at the root. */
export function parentOf(name: string): string | undefined {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 46) return i === name.length - 1 ? undefined : name.slice(i + 1);
  }
  return undefined;
}
