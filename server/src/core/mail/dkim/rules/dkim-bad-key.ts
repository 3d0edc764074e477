/**
 * dkim-bad-key: a `p=` key that verifiers cannot use: not base64 (a bad character, padding in the
 * middle or missing, a length that is no whole number of bytes), cut short (a DER length running
 * past the data: the usual result of a paste that lost the end of the key), not a public key, a
 * key of another algorithm, an RSA key under `k=ed25519` or an Ed25519 key under `k=rsa`, an
 * Ed25519 key wrapped in a SubjectPublicKeyInfo (RFC 8463 §4.2 publishes the raw 32 bytes), or an
 * RSA key under 1024 bits (RFC 8301 §3.2: verifiers must not accept it).
 *
 * Quick fixes: set `k=` to the type the key is; unwrap an Ed25519 SubjectPublicKeyInfo.
 */
import type { Rule } from '../../../rule';
import type { QuickFix, TextEdit } from '../../../types';
import type { ZoneModel } from '../../../zone/model';
import { docRange } from '../../records';
import { encodeBase64, type KeyShape } from '../key';
import { dkimAt, dkimRecords, effectiveSpan, replaceInValue, type DkimInfo, type KeyType } from '../record';

const ID = 'dkim-bad-key';
/** RFC 8301 §3.2. */
export const MIN_RSA_BITS = 1024;

type Data = { kind: 'base64' | 'truncated' | 'malformed' | 'small' | 'trailing' | 'other' } | { kind: 'set-k'; to: KeyType; unwrap?: boolean } | { kind: 'unwrap' };

function problemOf(info: DkimInfo): { at?: { start: number; end: number }; message: string; data: Data } | undefined {
  const key = info.key;
  const p = info.p;
  if (!key || !p) return undefined;
  const shape: KeyShape | undefined = key.shape;
  const declared = info.keyType;
  const kWritten = info.first.has('k') ? `k=${declared}` : 'no k= (so rsa, the default)';
  if (shape?.shape === 'truncated') {
    return {
      message: `Truncated key: its DER encoding announces ${shape.need} bytes but the record holds ${shape.have}. The record was probably cut when pasted; publish the whole key`,
      data: { kind: 'truncated' },
    };
  }
  const b64 = key.base64.problem;
  if (b64) {
    const at = { start: p.valueSpan.start + b64.start, end: p.valueSpan.start + b64.end };
    const cut = b64.code === 'partial-byte' || b64.code === 'missing-padding' ? ' If the key lost its end, the record was cut when pasted' : '';
    return { at, message: `The key (p=) is not valid base64: ${b64.message}.${cut}`, data: { kind: 'base64' } };
  }
  if (!shape || !declared) return undefined;
  const size = key.base64.bytes.length;
  switch (shape.shape) {
    case 'malformed':
      return declared === 'ed25519'
        ? { message: `An Ed25519 key is exactly 32 bytes (RFC 8463 §4.2); this one is ${size} bytes`, data: { kind: 'malformed' } }
        : { message: `The key (p=) is not an RSA public key: ${shape.reason} (${size} bytes)`, data: { kind: 'malformed' } };
    case 'other-algorithm':
      return {
        message: `The key is ${shape.name ? `an ${shape.name} key` : 'a key'} (algorithm ${shape.oid}): DKIM keys are RSA or Ed25519 (RFC 6376 §3.6.1, RFC 8463)`,
        data: { kind: 'other' },
      };
    case 'ed25519':
      if (declared === 'ed25519') return undefined;
      return {
        message: `The key is 32 bytes, the size of an Ed25519 key, but the record has ${kWritten}: verifiers read it as a broken RSA key. Set k=ed25519`,
        data: { kind: 'set-k', to: 'ed25519' },
      };
    case 'ed25519-spki':
      if (declared === 'ed25519') {
        return {
          message: 'The Ed25519 key is wrapped in a SubjectPublicKeyInfo (44 bytes, as OpenSSL exports it): RFC 8463 §4.2 publishes only the raw 32-byte key, and verifiers reject the wrapped form',
          data: { kind: 'unwrap' },
        };
      }
      return {
        message: `The key is an Ed25519 key (in a SubjectPublicKeyInfo) but the record has ${kWritten}: set k=ed25519 and publish the raw 32-byte key (RFC 8463 §4.2)`,
        data: { kind: 'set-k', to: 'ed25519', unwrap: true },
      };
    case 'rsa':
      if (declared === 'ed25519') {
        return { message: `The key is a ${shape.bits}-bit RSA key but the record says k=ed25519: verifiers cannot use it. Set k=rsa (or leave k= out)`, data: { kind: 'set-k', to: 'rsa' } };
      }
      if (shape.bits < MIN_RSA_BITS) {
        return {
          message: `The RSA key is only ${shape.bits} bits: RFC 8301 §3.2 forbids verifiers to accept keys under ${MIN_RSA_BITS} bits, so every signature fails. Generate a 2048-bit key`,
          data: { kind: 'small' },
        };
      }
      if (shape.exponent !== undefined && (shape.exponent < 3 || shape.exponent % 2 === 0)) {
        return { message: `The RSA key's public exponent ${shape.exponent} is not usable (it must be odd and at least 3)`, data: { kind: 'malformed' } };
      }
      if (shape.trailing > 0) {
        return {
          message: `${shape.trailing} bytes follow the end of the RSA key: two keys pasted together, or left-over text? Strict verifiers reject the record`,
          data: { kind: 'trailing' },
        };
      }
      return undefined;
  }
}

export const dkimBadKey: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'A DKIM key (p=) verifiers cannot use: bad base64, a truncated or malformed key, the wrong key type, or RSA under 1024 bits',
  },
  check(model, _ctx, report) {
    for (const info of dkimRecords(model)) {
      const problem = problemOf(info);
      if (!problem || !info.p) continue;
      report({ range: docRange(info.mail, problem.at ?? info.p.valueSpan), message: problem.message, data: problem.data });
    }
  },
  fix(model, finding) {
    const info = dkimAt(model, finding.range.start);
    const data = finding.data as Data | undefined;
    const p = info?.p;
    if (!info || !p || !data) return [];
    const shape = info.key?.shape;
    const unwrap = (): TextEdit[] => (shape?.shape === 'ed25519-spki' ? replaceInValue(info.mail, p.valueSpan.start, p.valueSpan.end, encodeBase64(shape.raw)) : []);
    const out: QuickFix[] = [];
    if (data.kind === 'unwrap' && shape?.shape === 'ed25519-spki') {
      out.push({ title: 'Publish the raw 32-byte Ed25519 key', rule: ID, edits: unwrap(), preferred: true });
    }
    if (data.kind === 'set-k') {
      const k = info.first.get('k');
      let edits: TextEdit[];
      if (k) {
        const span = effectiveSpan(info, k);
        edits = replaceInValue(info.mail, span.start, span.end, data.to);
      } else edits = replaceInValue(info.mail, p.span.start, p.span.start, `k=${data.to}; `, 'next');
      if (data.unwrap) edits = [...edits, ...unwrap()];
      out.push({ title: data.unwrap ? `Set k=${data.to} and publish the raw 32-byte key` : `Set k=${data.to}`, rule: ID, edits, preferred: true });
    }
    return out;
  },
};
