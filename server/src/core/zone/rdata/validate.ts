/**
 * RDATA validation against the descriptors: each field's token is checked by its kind, missing
 * and extra fields are reported, and a few cross-field limits (digest lengths) are applied.
 * Works on tokens, so records written in the file and records produced by `$GENERATE` are checked
 * alike.
 */
import type { Range, } from '../../types';
import type { ZoneToken } from '../model';
import { RDATA, type RdataDescriptor } from './descriptors';
import { base64Problem, bitmapTypeProblem, checkField, hexProblem, isIPv4, isIPv6, isDecimal, nameProblem } from './fields';
import { locProblems } from './loc';
import { amtrelayProblem, aplProblem, ipseckeyProblems } from './misc';
import type { DialectPointId, Tolerated } from '../servers';
import { delegParamsProblems, svcParamsProblems } from './svcb';

export interface RdataProblem {
  /** The field that is wrong (`preference`, `exchange`…). */
  field: string;
  range: Range;
  message: string;
  /**
   * The dialect point (zone/servers.ts) when some server accepts what the RFC forbids here:
   * `zone-bad-rdata` leaves the problem to `zone-portability` when the target server accepts it.
   */
  point?: DialectPointId;
}

export function rdataDescriptor(type: string): RdataDescriptor | undefined {
  return RDATA[type];
}

function unquote(t: ZoneToken): string {
  if (!t.quoted) return t.text;
  return t.text.endsWith('"') && t.text.length >= 2 ? t.text.slice(1, -1) : t.text.slice(1);
}

function span(tokens: readonly ZoneToken[], from: number, to = tokens.length): Range {
  return { start: tokens[from].range.start, end: tokens[to - 1].range.end };
}

const KEY_TYPES = new Set(['KEY', 'DNSKEY', 'CDNSKEY', 'RKEY']);

function base64Bytes(s: string): number[] {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of s.replace(/=+$/, '')) {
    acc = (acc << 6) | A.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 255);
    }
  }
  return out;
}

/**
 * Keys of the private algorithms start with what names the algorithm (RFC 4034 App. A.1.1):
 * PRIVATEDNS (253) an uncompressed domain name, PRIVATEOID (254) a length octet and a BER/DER
 * object identifier (tag 6, length, sub-identifiers whose last octet has the high bit clear).
 */
function privateKeyPrefixProblem(algorithm: string | undefined, b64: string): string | undefined {
  const alg = algorithm === undefined ? -1 : /^\d+$/.test(algorithm) ? Number(algorithm) : algorithm.toUpperCase() === 'PRIVATEDNS' ? 253 : algorithm.toUpperCase() === 'PRIVATEOID' ? 254 : -1;
  if (alg !== 253 && alg !== 254) return undefined;
  const b = base64Bytes(b64);
  if (alg === 253) {
    let i = 0;
    let total = 1;
    for (;;) {
      if (i >= b.length) return 'must start with the algorithm\'s domain name (PRIVATEDNS); the name is cut off';
      const len = b[i];
      if (len === 0) return undefined;
      if (len > 63) return 'must start with the algorithm\'s uncompressed domain name (PRIVATEDNS)';
      total += len + 1;
      if (total > 255) return 'starts with a domain name over 255 octets (PRIVATEDNS)';
      i += len + 1;
    }
  }
  const len = b[0] ?? 0;
  const oid = b.slice(1, 1 + len);
  const ok = len >= 3 && b.length >= 1 + len && oid[0] === 6 && oid[1] === len - 2 && (oid[len - 1] & 0x80) === 0;
  return ok ? undefined : 'must start with the length and the object identifier of the algorithm (PRIVATEOID)';
}

const DIGEST_OCTETS: Record<number, number> = { 1: 20, 2: 32, 4: 48 };
const ZONEMD_OCTETS: Record<number, number> = { 1: 48, 2: 64 };
const SSHFP_OCTETS: Record<number, number> = { 1: 20, 2: 32 };

/**
 * Problems of the RDATA `tokens` of a record of `type` (upper-case mnemonic), not in generic
 * form. `anchor` is where to report a missing field (the type token). `origin` completes names.
 */
export function validateRdata(
  type: string,
  tokens: readonly ZoneToken[],
  origin: string,
  anchor: Range,
  tolerated: Tolerated = () => false,
): RdataProblem[] {
  const d = RDATA[type];
  if (!d) return [];
  const out: RdataProblem[] = [];
  const add = (field: string, range: Range, problem: string, point?: DialectPointId): void => {
    out.push(point ? { field, range, message: `${type} ${field}: ${problem}`, point } : { field, range, message: `${type} ${field}: ${problem}` });
  };
  if (d.genericOnly) {
    if (tokens.length > 0) add('data', span(tokens, 0), `${type} data can only be written in the generic form \\# <length> <hex>`);
    return out;
  }
  if (d.special === 'loc') {
    for (const p of locProblems(tokens, tolerated)) add(p.field, p.range, p.message, p.point);
    return out;
  }
  if (d.special === 'amtrelay' || d.special === 'ipseckey') {
    const ps = d.special === 'amtrelay' ? [amtrelayProblem(tokens, origin, anchor)] : ipseckeyProblems(tokens, origin, anchor, tolerated);
    for (const p of ps) if (p) add(p.field, p.range, p.message, p.point);
    return out;
  }
  const n = d.fields.length;
  for (let i = 0; i < n; i++) {
    const spec = d.fields[i];
    const t = tokens[i];
    if (!t) {
      const last = tokens.length ? tokens[tokens.length - 1].range : anchor;
      add(spec.name, last, `missing (expected ${d.fields.slice(i).map((x) => x.name).join(', ')}${d.rest && !d.rest.optional ? `, ${d.rest.name}` : ''})`);
      return out;
    }
    const p = checkField(spec.kind, t.text, t.quoted, origin);
    if (p) add(spec.name, t.range, p);
  }
  if (type === 'RKEY' && tokens[0] && isDecimal(tokens[0].text) && Number(tokens[0].text) !== 0) {
    add('flags', tokens[0].range, 'no flags are defined: the field must be 0');
  }
  const rest = tokens.slice(n);
  if (!d.rest) {
    if (rest.length > 0) add('data', span(tokens, n), `unexpected text after the ${d.fields[n - 1]?.name ?? 'type'}`);
    return out;
  }
  if (rest.length === 0) {
    if (!d.rest.optional) add(d.rest.name, tokens.length ? tokens[tokens.length - 1].range : anchor, 'missing');
    else if (type === 'SSHFP' && tokens.length === n && isDecimal(tokens[n - 1].text) && SSHFP_OCTETS[Number(tokens[n - 1].text)]) {
      // An empty fingerprint is data only for types of unknown length (e.g. 0); SHA-1 and SHA-256 have theirs.
      const kind = Number(tokens[n - 1].text);
      add(d.rest.name, tokens[n - 1].range, `fingerprint type ${kind} needs ${SSHFP_OCTETS[kind]} octets, not 0`);
    }
    return out;
  }
  const restRange = span(tokens, n);
  switch (d.rest.kind) {
    case 'strings':
      break;
    case 'base64': {
      const bad = rest.find((t) => t.quoted);
      if (bad) add(d.rest.name, bad.range, 'a quoted string is not allowed here');
      else {
        const joined = rest.map((t) => t.text).join('');
        const p = base64Problem(joined) ?? (KEY_TYPES.has(type) ? privateKeyPrefixProblem(tokens[2]?.text, joined) : undefined);
        if (p) add(d.rest.name, restRange, p);
      }
      break;
    }
    case 'services':
      for (const t of rest) {
        if (t.quoted || !/^([0-9]{1,5}|[A-Za-z][A-Za-z0-9-]*)$/.test(t.text) || Number(t.text) > 65535) {
          add(d.rest.name, t.range, `'${t.text}' is not a port (number 0–65535 or service name)`);
        }
      }
      break;
    case 'hex': {
      const bad = rest.find((t) => t.quoted);
      if (bad) {
        add(d.rest.name, bad.range, 'a quoted string is not allowed here');
        break;
      }
      const joined = rest.map((t) => t.text).join('');
      const p = hexProblem(joined);
      if (p) {
        add(d.rest.name, restRange, p);
        break;
      }
      const octets = joined.length / 2;
      const kind = tokens[n - 1] && isDecimal(tokens[n - 1].text) ? Number(tokens[n - 1].text) : -1;
      if ((type === 'DS' || type === 'CDS' || type === 'DLV' || type === 'TA') && DIGEST_OCTETS[kind] && DIGEST_OCTETS[kind] !== octets) {
        add(d.rest.name, restRange, `digest type ${kind} needs ${DIGEST_OCTETS[kind]} octets, not ${octets}`);
      } else if (type === 'SSHFP' && SSHFP_OCTETS[kind] && SSHFP_OCTETS[kind] !== octets) {
        add(d.rest.name, restRange, `fingerprint type ${kind} needs ${SSHFP_OCTETS[kind]} octets, not ${octets}`);
      } else if (type === 'ZONEMD' && ZONEMD_OCTETS[kind] && ZONEMD_OCTETS[kind] !== octets) {
        add(d.rest.name, restRange, `hash algorithm ${kind} needs ${ZONEMD_OCTETS[kind]} octets, not ${octets}`, 'zonemd-digest-length');
      }
      break;
    }
    case 'base64OrDash': {
      const bad = rest.find((t) => t.quoted);
      if (bad) add(d.rest.name, bad.range, 'a quoted string is not allowed here');
      else if (!(rest.length === 1 && rest[0].text === '-')) {
        const p = base64Problem(rest.map((t) => t.text).join(''));
        if (p) add(d.rest.name, restRange, p);
      }
      break;
    }
    case 'apl':
      for (const t of rest) {
        const p = t.quoted ? 'a quoted string is not allowed here' : aplProblem(t.text);
        if (p) add(d.rest.name, t.range, p);
      }
      break;
    case 'types':
      for (const t of rest) {
        const p = t.quoted ? 'a quoted string is not allowed here' : bitmapTypeProblem(t.text);
        if (p) add(d.rest.name, t.range, p);
      }
      break;
    case 'delegParams':
      for (const p of delegParamsProblems(rest, (name) => nameProblem(name, origin))) add(`parameter ${p.key}`.trim(), p.range, p.message);
      break;
    case 'svcParams':
      for (const p of svcParamsProblems(rest)) add(`parameter ${p.key}`.trim(), p.range, p.message, p.point);
      break;
  }
  return out;
}

/** The names a record's RDATA points at, with their token (for target checks). */
export function rdataValue(tokens: readonly ZoneToken[], index: number): string | undefined {
  const t = tokens[index];
  return t ? unquote(t) : undefined;
}

export { isIPv4, isIPv6 };
