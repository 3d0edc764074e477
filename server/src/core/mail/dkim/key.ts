/**
 * The public key of a DKIM key record (`p=`, RFC 6376 §3.6.1): base64 with folding whitespace
 * allowed anywhere (RFC 6376 §2.4), decoded here without any platform API, then read as
 *
 * - an RSA key (`k=rsa`, the default): a DER SubjectPublicKeyInfo whose algorithm is
 *   rsaEncryption (1.2.840.113549.1.1.1) around an RSAPublicKey, or a bare RSAPublicKey
 *   (`SEQUENCE { INTEGER modulus, INTEGER exponent }`), which verifiers also take;
 * - an Ed25519 key (`k=ed25519`, RFC 8463 §4.2): the raw 32 bytes.
 *
 * The ASN.1 reader is minimal and checks every length against the data: no input throws.
 */

/** Offsets into the base64 text (the tag value). */
export interface Base64Problem {
  code: 'bad-char' | 'url-alphabet' | 'data-after-padding' | 'too-much-padding' | 'partial-byte' | 'bad-padding' | 'missing-padding';
  start: number;
  end: number;
  message: string;
}

export interface Base64Result {
  bytes: Uint8Array;
  /** Data characters (whitespace and padding not counted). */
  chars: number;
  problem?: Base64Problem;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

const isFws = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 10;

function showChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code > 0x20 && code < 0x7f ? `'${ch}'` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Decodes base64 that may hold whitespace. Reports the first problem with its position; the bytes
 * decoded from the data characters before it (and, for padding problems, all of them) are kept.
 */
export function decodeBase64(text: string): Base64Result {
  const out = new Uint8Array(Math.ceil((text.length * 3) / 4));
  let n = 0;
  let o = 0;
  let acc = 0;
  let bits = 0;
  let padding = 0;
  let padStart = -1;
  let lastData = -1;
  let problem: Base64Problem | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isFws(c)) continue;
    if (c === 61 /* = */) {
      if (padding === 0) padStart = i;
      padding++;
      if (padding > 2) {
        problem = { code: 'too-much-padding', start: i, end: i + 1, message: "more than two '=' at the end of the key: base64 pads with at most two" };
        break;
      }
      continue;
    }
    const v = c < 128 ? DECODE[c] : -1;
    if (v < 0) {
      const ch = String.fromCodePoint(text.codePointAt(i) ?? c);
      const end = i + ch.length;
      problem =
        c === 45 || c === 95
          ? { code: 'url-alphabet', start: i, end, message: `${showChar(ch)} belongs to the URL-safe base64 alphabet; DKIM keys use standard base64 ('+' and '/' instead of '-' and '_')` }
          : { code: 'bad-char', start: i, end, message: `${showChar(ch)} is not a base64 character (A–Z, a–z, 0–9, '+', '/')` };
      break;
    }
    if (padding > 0) {
      problem = { code: 'data-after-padding', start: i, end: i + 1, message: "key data after the '=' padding: padding may only end the key (two keys pasted together, or a stray '=')" };
      break;
    }
    n++;
    lastData = i;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if (!problem) {
    if (n % 4 === 1) {
      problem = { code: 'partial-byte', start: lastData, end: lastData + 1, message: `${n} base64 characters do not make whole bytes: one character too many or the key is cut short` };
    } else if (padding > 0 && (n + padding) % 4 !== 0) {
      problem = { code: 'bad-padding', start: padStart, end: padStart + padding, message: `wrong padding: ${n} base64 characters are padded with ${(4 - (n % 4)) % 4} '=', not ${padding}` };
    } else if (padding === 0 && n % 4 !== 0) {
      problem = { code: 'missing-padding', start: lastData, end: lastData + 1, message: `missing padding: ${n} base64 characters need ${4 - (n % 4)} '=' at the end (or the key is cut short)` };
    }
  }
  return { bytes: out.subarray(0, o), chars: n, problem };
}

/** Standard base64 with padding (for quick fixes that rewrite a key). */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i];
    const b1 = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// DER

interface Tlv {
  tag: number;
  /** First content byte. */
  start: number;
  /** Just after the content. */
  end: number;
}

type TlvRead = { ok: Tlv } | { truncated: { need: number } } | { bad: string };

/** One TLV at `at`, its content required to end by `limit` (the enclosing content's end). */
function readTlv(b: Uint8Array, at: number, limit: number): TlvRead {
  if (at + 2 > limit) return limit === b.length ? { truncated: { need: at + 2 } } : { bad: 'an element runs past the end of the structure that holds it' };
  const tag = b[at];
  let len = b[at + 1];
  let start = at + 2;
  if (len === 0x80) return { bad: 'indefinite length (not DER)' };
  if (len > 0x80) {
    const n = len & 0x7f;
    if (n > 4) return { bad: 'a length field longer than 4 bytes' };
    if (start + n > limit) return limit === b.length ? { truncated: { need: start + n } } : { bad: 'an element runs past the end of the structure that holds it' };
    len = 0;
    for (let k = 0; k < n; k++) len = len * 256 + b[start + k];
    start += n;
  }
  const end = start + len;
  if (end > limit) return limit === b.length ? { truncated: { need: end } } : { bad: 'an element runs past the end of the structure that holds it' };
  return { ok: { tag, start, end } };
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const OID = 0x06;

/** Dotted form of an OID's content bytes. */
function oidText(b: Uint8Array, start: number, end: number): string {
  const parts: number[] = [];
  let v = 0;
  for (let i = start; i < end; i++) {
    v = v * 128 + (b[i] & 0x7f);
    if ((b[i] & 0x80) === 0) {
      if (parts.length === 0) {
        const first = v < 40 ? 0 : v < 80 ? 1 : 2;
        parts.push(first, v - first * 40);
      } else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

export const OID_RSA = '1.2.840.113549.1.1.1';
export const OID_ED25519 = '1.3.101.112';
const KNOWN_OIDS: Record<string, string> = {
  [OID_RSA]: 'RSA',
  [OID_ED25519]: 'Ed25519',
  '1.2.840.10045.2.1': 'elliptic-curve (ECDSA)',
  '1.3.101.113': 'Ed448',
  '1.3.101.110': 'X25519',
  '1.2.840.10040.4.1': 'DSA',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
};

/** What the decoded bytes of `p=` are. */
export type KeyShape =
  | { shape: 'rsa'; form: 'spki' | 'rsa-public-key'; bits: number; exponent?: number; trailing: number }
  /** 32 bytes that are not a DER structure: an Ed25519 key as RFC 8463 publishes it. */
  | { shape: 'ed25519'; trailing: 0 }
  /** An Ed25519 SubjectPublicKeyInfo: `raw` is the 32-byte key inside. */
  | { shape: 'ed25519-spki'; raw: Uint8Array; trailing: number }
  /** DER whose lengths run past the data: the record was cut. */
  | { shape: 'truncated'; need: number; have: number }
  /** A SubjectPublicKeyInfo of an algorithm DKIM has no key type for. */
  | { shape: 'other-algorithm'; oid: string; name?: string }
  | { shape: 'malformed'; reason: string };

function bitLength(b: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end && b[i] === 0) i++;
  if (i === end) return 0;
  let top = b[i];
  let bits = 0;
  while (top) {
    bits++;
    top >>= 1;
  }
  return (end - i - 1) * 8 + bits;
}

function readRsaPublicKey(b: Uint8Array, at: number, limit: number): { bits: number; exponent?: number; end: number } | { truncated: { need: number } } | { bad: string } {
  const seq = readTlv(b, at, limit);
  if (!('ok' in seq)) return seq;
  if (seq.ok.tag !== SEQUENCE) return { bad: 'the RSA key is not a SEQUENCE' };
  const n = readTlv(b, seq.ok.start, seq.ok.end);
  if (!('ok' in n)) return n;
  if (n.ok.tag !== INTEGER) return { bad: 'the RSA key does not start with the modulus (an INTEGER)' };
  const e = readTlv(b, n.ok.end, seq.ok.end);
  if (!('ok' in e)) return e;
  if (e.ok.tag !== INTEGER) return { bad: 'the RSA key has no public exponent' };
  let exponent: number | undefined = 0;
  for (let i = e.ok.start; i < e.ok.end; i++) {
    exponent = exponent * 256 + b[i];
    if (exponent > Number.MAX_SAFE_INTEGER / 256) {
      exponent = undefined;
      break;
    }
  }
  return { bits: bitLength(b, n.ok.start, n.ok.end), exponent, end: seq.ok.end };
}

/** Reads the decoded key bytes. Never throws. */
export function readKey(b: Uint8Array): KeyShape {
  const der = readDer(b);
  // 32 bytes are an Ed25519 key unless they read as an RSA key, or as the start of a long DER
  // structure cut short (a pasted RSA key that lost its tail).
  if (b.length === 32 && der.shape !== 'rsa' && !(der.shape === 'truncated' && b[1] > 0x80)) return { shape: 'ed25519', trailing: 0 };
  return der;
}

function readDer(b: Uint8Array): KeyShape {
  const truncated = (need: number): KeyShape => ({ shape: 'truncated', need, have: b.length });
  if (b.length === 0) return { shape: 'malformed', reason: 'no key data' };
  const outer = b[0] === SEQUENCE ? readTlv(b, 0, b.length) : undefined;
  if (!outer || !('ok' in outer)) {
    if (!outer) return { shape: 'malformed', reason: `${b.length} bytes that are neither a DER structure nor a 32-byte Ed25519 key` };
    if ('truncated' in outer) return truncated(outer.truncated.need);
    return { shape: 'malformed', reason: outer.bad };
  }
  const seq = outer.ok;
  const trailing = b.length - seq.end;
  const first = readTlv(b, seq.start, seq.end);
  if (!('ok' in first)) return 'truncated' in first ? truncated(first.truncated.need) : { shape: 'malformed', reason: first.bad };
  if (first.ok.tag === INTEGER) {
    const rsa = readRsaPublicKey(b, 0, b.length);
    if ('truncated' in rsa) return truncated(rsa.truncated.need);
    if ('bad' in rsa) return { shape: 'malformed', reason: rsa.bad };
    return { shape: 'rsa', form: 'rsa-public-key', bits: rsa.bits, exponent: rsa.exponent, trailing };
  }
  if (first.ok.tag !== SEQUENCE) return { shape: 'malformed', reason: 'neither a SubjectPublicKeyInfo nor an RSAPublicKey' };
  const oid = readTlv(b, first.ok.start, first.ok.end);
  if (!('ok' in oid) || oid.ok.tag !== OID) return { shape: 'malformed', reason: 'the key\'s algorithm identifier has no OID' };
  const algorithm = oidText(b, oid.ok.start, oid.ok.end);
  if (algorithm !== OID_RSA && algorithm !== OID_ED25519) return { shape: 'other-algorithm', oid: algorithm, name: KNOWN_OIDS[algorithm] };
  const bits = readTlv(b, first.ok.end, seq.end);
  if (!('ok' in bits)) return 'truncated' in bits ? truncated(bits.truncated.need) : { shape: 'malformed', reason: bits.bad };
  if (bits.ok.tag !== BIT_STRING || bits.ok.end === bits.ok.start) return { shape: 'malformed', reason: 'the SubjectPublicKeyInfo holds no BIT STRING key' };
  const keyStart = bits.ok.start + 1;
  if (algorithm === OID_RSA) {
    const rsa = readRsaPublicKey(b, keyStart, bits.ok.end);
    if ('truncated' in rsa) return truncated(rsa.truncated.need);
    if ('bad' in rsa) return { shape: 'malformed', reason: rsa.bad };
    return { shape: 'rsa', form: 'spki', bits: rsa.bits, exponent: rsa.exponent, trailing };
  }
  if (bits.ok.end - keyStart !== 32) return { shape: 'malformed', reason: `an Ed25519 SubjectPublicKeyInfo whose key is ${bits.ok.end - keyStart} bytes, not 32` };
  return { shape: 'ed25519-spki', raw: b.slice(keyStart, bits.ok.end), trailing };
}
