/** Test-only: real keys made with Node's crypto, and DKIM fixture helpers. */
import { generateKeyPairSync } from 'node:crypto';
import { makeContext, parseDocument, validate } from '../../engine';

const rsa = new Map<string, string>();

/** A fresh RSA public key of `bits` bits, base64 DER (SubjectPublicKeyInfo, or PKCS#1 RSAPublicKey). */
export function rsaKey(bits: number, type: 'spki' | 'pkcs1' = 'spki'): string {
  const id = `${bits}/${type}`;
  let key = rsa.get(id);
  if (!key) {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
    key = publicKey.export({ format: 'der', type }).toString('base64');
    rsa.set(id, key);
  }
  return key;
}

let ed: { spki: string; raw: string } | undefined;

/** An Ed25519 public key: raw 32 bytes (as RFC 8463 publishes it) and the SubjectPublicKeyInfo. */
export function ed25519Key(): { raw: string; spki: string } {
  if (!ed) {
    const { publicKey } = generateKeyPairSync('ed25519');
    const der = publicKey.export({ format: 'der', type: 'spki' });
    ed = { spki: der.toString('base64'), raw: der.subarray(der.length - 32).toString('base64') };
  }
  return ed;
}

/** A value written as quoted strings of at most 255 characters, as a DKIM record is published. */
export function txt(value: string): string {
  const out: string[] = [];
  for (let i = 0; i < value.length; i += 255) out.push(`"${value.slice(i, i + 255)}"`);
  return out.join(' ');
}

/** The DKIM findings of a text as `rule: message`, for checking that a text validates clean. */
export function dkimFindings(text: string, severities: string[] = ['error', 'warning']): string[] {
  return validate(parseDocument('zone', text), makeContext())
    .filter((f) => f.rule.startsWith('dkim-') && severities.includes(f.severity))
    .map((f) => `${f.rule}: ${f.message}`);
}
