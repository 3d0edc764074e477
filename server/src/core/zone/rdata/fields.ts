/**
 * Field grammars of RDATA presentation formats: one checker per kind of field. A checker looks at
 * the token(s) of one field and returns a problem text (without the field name) or undefined.
 * Pure functions of the token text; the descriptors in `descriptors.ts` say which field of which
 * type uses which checker.
 */
import { NameReader } from '../names';
import { parseTtl } from '../ttl';
import { rrTypeByName, isMetaType } from '../rrtypes';

export type FieldKind =
  | 'u8'
  | 'u16'
  | 'u32'
  | 'ttl'
  | 'name'
  | 'ipv4'
  | 'ipv6'
  | 'string'
  | 'time'
  | 'type'
  | 'algorithm'
  | 'certType'
  | 'caaTag'
  | 'hexOrDash'
  | 'base32hex'
  | 'eui48'
  | 'eui64'
  | 'ilnp64'
  | 'keyFlags'
  | 'dsyncScheme'
  | 'atma'
  | 'nsap'
  | 'protocol';

/** Kinds that take every remaining token. */
export type RestKind = 'strings' | 'base64' | 'hex' | 'types' | 'svcParams' | 'base64OrDash' | 'apl' | 'services' | 'delegParams';

export function isDecimal(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function integer(s: string, max: number): string | undefined {
  if (!isDecimal(s) || s.length > 10 || Number(s) > max) return `'${s}' is not a number 0–${max}`;
  return undefined;
}

export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  for (const p of parts) {
    if (p.length === 0 || p.length > 3 || !isDecimal(p) || Number(p) > 255) return false;
  }
  return true;
}

function isHexGroup(g: string): boolean {
  return g.length >= 1 && g.length <= 4 && /^[0-9a-fA-F]+$/.test(g);
}

export function isIPv6(s: string): boolean {
  if (s.length < 2 || s.length > 45) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (part: string, last: boolean): number => {
    if (part === '') return 0;
    const gs = part.split(':');
    let n = 0;
    for (let i = 0; i < gs.length; i++) {
      const g = gs[i];
      if (last && i === gs.length - 1 && g.includes('.')) {
        if (!isIPv4(g)) return -1;
        n += 2;
      } else if (isHexGroup(g)) n++;
      else return -1;
    }
    return n;
  };
  if (halves.length === 1) return groupsOf(halves[0], true) === 8;
  const a = groupsOf(halves[0], false);
  const b = groupsOf(halves[1], true);
  return a >= 0 && b >= 0 && a + b <= 7;
}

/** DNSSEC algorithm mnemonics (RFC 4034 App. A.1 and the IANA registry). */
export const ALGORITHMS: Record<string, number> = {
  RSAMD5: 1,
  DH: 2,
  DSA: 3,
  RSASHA1: 5,
  'DSA-NSEC3-SHA1': 6,
  'RSASHA1-NSEC3-SHA1': 7,
  RSASHA256: 8,
  RSASHA512: 10,
  'ECC-GOST': 12,
  ECDSAP256SHA256: 13,
  ECDSAP384SHA384: 14,
  ED25519: 15,
  ED448: 16,
  INDIRECT: 252,
  PRIVATEDNS: 253,
  PRIVATEOID: 254,
};

/** CERT certificate types (RFC 4398 §2.1). */
export const CERT_TYPES: Record<string, number> = {
  PKIX: 1,
  SPKI: 2,
  PGP: 3,
  IPKIX: 4,
  ISPKI: 5,
  IPGP: 6,
  ACPKIX: 7,
  IACPKIX: 8,
  URI: 253,
  OID: 254,
};

const names = new NameReader();

/** Problem with `s` as a domain name in RDATA (escapes allowed), or undefined. */
export function nameProblem(s: string, origin: string): string | undefined {
  if (s.length === 0) return 'empty name';
  names.check(s, 0, s.length, origin, origin === '.' ? 1 : origin.length + 1);
  return names.problem?.message;
}

function daysIn(month: number, year: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** RRSIG time: YYYYMMDDHHmmSS, or seconds since the epoch (RFC 4034 §3.2). */
function timeProblem(s: string): string | undefined {
  if (!isDecimal(s)) return `'${s}' is not a time (YYYYMMDDHHmmSS)`;
  if (s.length === 14) {
    const y = Number(s.slice(0, 4));
    const mo = Number(s.slice(4, 6));
    const d = Number(s.slice(6, 8));
    const h = Number(s.slice(8, 10));
    const mi = Number(s.slice(10, 12));
    const se = Number(s.slice(12, 14));
    if (mo < 1 || mo > 12 || d < 1 || d > daysIn(mo, y) || h > 23 || mi > 59 || se > 60) {
      return `'${s}' is not a valid date and time (YYYYMMDDHHmmSS)`;
    }
    return undefined;
  }
  if (s.length <= 10 && Number(s) <= 0xffffffff) return undefined;
  return `'${s}' is not a time (YYYYMMDDHHmmSS)`;
}

/** A type mnemonic or TYPEnnn; undefined when not one. */
export function typeCodeOf(s: string): number | undefined {
  const u = s.toUpperCase();
  const info = rrTypeByName(u);
  if (info) return info.code;
  const m = /^TYPE(\d{1,5})$/.exec(u);
  if (m && Number(m[1]) <= 65535) return Number(m[1]);
  return undefined;
}

const HEX = /^[0-9a-fA-F]*$/;
const BASE32HEX = /^[0-9a-vA-V]+=*$/;

/** Check one single-token field. `raw` is the token text (quoted strings with their quotes). */
export function checkField(kind: FieldKind, raw: string, quoted: boolean, origin: string): string | undefined {
  if (quoted && kind === 'caaTag') return undefined;
  if (quoted && kind !== 'string') return `a quoted string is not allowed here (${raw})`;
  switch (kind) {
    case 'u8':
      return integer(raw, 255);
    case 'u16':
      return integer(raw, 65535);
    case 'u32':
      return integer(raw, 4294967295);
    case 'ttl':
      return parseTtl(raw, 0, raw.length) < 0 ? `'${raw}' is not a time value (seconds, or units like 1h, 1d, 1w)` : undefined;
    case 'name':
      return nameProblem(raw, origin);
    case 'ipv4':
      return isIPv4(raw) ? undefined : `'${raw}' is not an IPv4 address`;
    case 'ipv6':
      return isIPv6(raw) ? undefined : `'${raw}' is not an IPv6 address`;
    case 'string':
      return undefined;
    case 'time':
      return timeProblem(raw);
    case 'type': {
      const code = typeCodeOf(raw);
      if (code === undefined) return `'${raw}' is not a record type`;
      return undefined;
    }
    case 'algorithm':
      if (ALGORITHMS[raw.toUpperCase()] !== undefined) return undefined;
      return integer(raw, 255) && `'${raw}' is not a DNSSEC algorithm (number 0–255 or mnemonic)`;
    case 'certType':
      if (CERT_TYPES[raw.toUpperCase()] !== undefined) return undefined;
      return integer(raw, 65535) && `'${raw}' is not a certificate type (number 0–65535 or mnemonic)`;
    case 'caaTag':
      return /^[a-zA-Z0-9]+$/.test(raw) && raw.length <= 255 ? undefined : `'${raw}' is not a property tag (letters and digits)`;
    case 'hexOrDash':
      if (raw === '-') return undefined;
      if (!HEX.test(raw)) return `'${raw}' is not hexadecimal (or - for none)`;
      if (raw.length % 2) return `'${raw}' has an odd number of hexadecimal digits`;
      if (raw.length > 510) return 'is longer than 255 octets';
      return undefined;
    case 'base32hex': {
      if (!BASE32HEX.test(raw)) return `'${raw}' is not base32hex`;
      const pad = raw.length - raw.replace(/=+$/, '').length;
      // Padded: whole blocks of 8 with 1, 3, 4 or 6 '='; unpadded: a length a block can end with.
      const bad = pad > 0 ? raw.length % 8 !== 0 || ![1, 3, 4, 6].includes(pad) || pad === raw.length : ![0, 2, 4, 5, 7].includes(raw.length % 8);
      if (bad) return `'${raw}' is not base32hex (blocks of 8 characters, RFC 4648 §7)`;
      // The hash is written as the first label of the hashed owner name (RFC 5155 §3.3), and a
      // label holds at most 63 characters: 39 octets.
      const octets = Math.floor((raw.replace(/=+$/, '').length * 5) / 8);
      if (octets > 39) return `is ${octets} octets; a hashed owner name label holds at most 39 (63 base32hex characters)`;
      return undefined;
    }
    case 'eui48':
      return /^[0-9a-fA-F]{2}(-[0-9a-fA-F]{2}){5}$/.test(raw) ? undefined : `'${raw}' is not an EUI-48 address (xx-xx-xx-xx-xx-xx)`;
    case 'eui64':
      return /^[0-9a-fA-F]{2}(-[0-9a-fA-F]{2}){7}$/.test(raw) ? undefined : `'${raw}' is not an EUI-64 address (xx-xx-xx-xx-xx-xx-xx-xx)`;
    case 'keyFlags':
      if (/^[A-Za-z][A-Za-z0-9]*(\|[A-Za-z][A-Za-z0-9]*)*$/.test(raw)) return undefined;
      return integer(raw, 65535);
    case 'dsyncScheme':
      if (raw.toUpperCase() === 'NOTIFY') return undefined;
      return integer(raw, 255) && `'${raw}' is not a scheme (NOTIFY or 0–255)`;
    case 'atma':
      if (/^\+\d+(\.\d+)*$/.test(raw)) return undefined;
      if (/^[0-9a-fA-F]+(\.[0-9a-fA-F]+)*$/.test(raw) && raw.replace(/\./g, '').length % 2 === 0) return undefined;
      return `'${raw}' is not an ATM address (hex NSAP or +E.164)`;
    case 'nsap': {
      const m = /^0x([0-9a-fA-F.]*)$/i.exec(raw);
      const hex = m ? m[1].replace(/\./g, '') : '';
      if (!m || hex.length === 0 || hex.length % 2) return `'${raw}' is not an NSAP address (0x followed by an even number of hex digits)`;
      return undefined;
    }
    case 'protocol':
      // WKS: an IP protocol number or name (tcp, udp…).
      if (/^[A-Za-z][A-Za-z0-9-]*$/.test(raw)) return undefined;
      return integer(raw, 255) && `'${raw}' is not an IP protocol (number 0–255 or name)`;
    case 'ilnp64':
      return /^[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{1,4}){3}$/.test(raw) ? undefined : `'${raw}' is not a 64-bit locator (xxxx:xxxx:xxxx:xxxx)`;
  }
}

/** Base64 over the joined tokens (RFC 4648 §4); `allowEmpty` for fields that may be absent. */
export function base64Problem(joined: string): string | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(joined)) return 'is not valid base64';
  if (joined.length % 4 !== 0) return 'is not valid base64 (its length is not a multiple of 4)';
  return undefined;
}

export function hexProblem(joined: string): string | undefined {
  if (!HEX.test(joined)) return 'is not hexadecimal';
  if (joined.length % 2) return 'has an odd number of hexadecimal digits';
  return undefined;
}

/** A type in a type bitmap (NSEC, NSEC3, CSYNC). */
export function bitmapTypeProblem(raw: string): string | undefined {
  const code = typeCodeOf(raw);
  if (code === undefined) return `'${raw}' is not a record type`;
  if (isMetaType(code) && code !== 41) return undefined;
  return undefined;
}
