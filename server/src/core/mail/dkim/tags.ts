/** Hover documentation of DKIM key record tags (RFC 6376 §3.6.1, RFC 8463, RFC 8301), as data. */
import { rfc, type KindDocs } from '../docs';
import type { MailRecord } from '../records';
import type { Tag } from '../tagList';
import { dkimInfo } from './record';

/** What the hover says about the key written in `p=`: its type and size once decoded. */
export function describeKey(t: Tag, mail: MailRecord): string | undefined {
  if (t.name !== 'p') return undefined;
  const info = dkimInfo(mail);
  if (info.p !== t) return undefined;
  if (t.value === '') return '**This key:** revoked (empty `p=`): signatures with this selector fail.';
  const shape = info.key?.shape;
  if (!info.key || info.key.base64.problem || !shape) return undefined;
  const bytes = info.key.base64.bytes.length;
  if (shape.shape === 'rsa' && info.keyType === 'rsa') {
    const form = shape.form === 'spki' ? 'SubjectPublicKeyInfo' : 'bare RSAPublicKey';
    const verdict =
      shape.bits < 1024
        ? ' — too small: verifiers must reject it (RFC 8301 §3.2)'
        : shape.bits < 2048
          ? ' — weak: RFC 8301 §3.2 asks for 2048 bits'
          : shape.bits > 4096
            ? ' — verifiers need only support up to 4096 bits (RFC 8301 §3.2); some will not verify it'
            : '';
    return `**This key:** RSA, ${shape.bits} bits (${form}, ${bytes} bytes)${verdict}.`;
  }
  if (shape.shape === 'ed25519' && info.keyType === 'ed25519') return `**This key:** Ed25519, ${bytes} bytes (raw, as RFC 8463 §4.2 publishes it).`;
  return undefined;
}

export const DKIM_DOCS: KindDocs = {
  name: 'DKIM public key record',
  about: 'Published at `<selector>._domainkey.<domain>`: the public key receivers use to verify DKIM signatures whose `s=` is the selector and `d=` the domain.',
  spec: rfc(6376, '3.6.1'),
  tags: {
    v: {
      title: 'Version',
      doc: 'Optional; when present it must be exactly `DKIM1` and the first tag. Verifiers discard a record whose `v=` has any other value.',
      spec: rfc(6376, '3.6.1'),
      default: 'DKIM1',
      example: 'v=DKIM1',
    },
    k: {
      title: 'Key type',
      doc: 'The algorithm of the key in `p=`. Values are case-sensitive; verifiers cannot use a key of a type they do not know.',
      spec: rfc(6376, '3.6.1'),
      values: {
        rsa: 'RSA (`p=` is a DER SubjectPublicKeyInfo). Use 2048 bits; under 1024 bits verifiers must reject it (RFC 8301).',
        ed25519: 'Ed25519 (RFC 8463): `p=` is the raw 32-byte public key. Publish an RSA key under a second selector too: not every verifier knows Ed25519.',
      },
      default: 'rsa',
      example: 'k=ed25519',
    },
    h: {
      title: 'Acceptable hash algorithms',
      doc: 'A `:`-separated list of the hash algorithms this key may be used with; unknown ones are ignored. Leave it out to allow every algorithm.',
      spec: rfc(6376, '3.6.1'),
      values: {
        sha256: 'SHA-256: the hash of rsa-sha256 and ed25519-sha256 signatures.',
        sha1: 'SHA-1: deprecated; RFC 8301 forbids signing with rsa-sha1 and verifying it.',
      },
      default: 'all algorithms',
      example: 'h=sha256',
    },
    p: {
      title: 'Public key',
      doc: 'The public key, in base64. Whitespace inside is allowed, and a long key may be split into several character-strings, which receivers join. An empty value revokes the key: every signature with this selector fails.',
      spec: rfc(6376, '3.6.1'),
      required: true,
      example: 'p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA…',
    },
    s: {
      title: 'Service types',
      doc: 'A `:`-separated list of the services this key may be used for; unknown ones are ignored. A list without `*` or `email` makes the key unusable for mail.',
      spec: rfc(6376, '3.6.1'),
      values: { '*': 'All services.', email: 'Email (the only service DKIM defines).' },
      default: '*',
      example: 's=email',
    },
    t: {
      title: 'Flags',
      doc: 'A `:`-separated list of flags; unknown flags are ignored.',
      spec: rfc(6376, '3.6.1'),
      values: {
        y: 'Testing mode: verifiers must not treat signed mail differently from unsigned mail. Remove it once signing works.',
        s: 'Strict: the `i=` domain of a signature must be exactly `d=`, not a subdomain of it.',
      },
      example: 't=s',
    },
    n: {
      title: 'Notes',
      doc: 'Notes for people reading the record (quoted-printable: `=` starts a hex escape such as `=3D`). Verifiers ignore it; keep it short, as it makes every key lookup larger.',
      spec: rfc(6376, '3.6.1'),
      example: 'n=Rotated 2026-01',
    },
    g: {
      title: 'Granularity (obsolete)',
      doc: 'Removed by RFC 6376 and ignored by verifiers. In RFC 4871 it limited the key to signatures whose `i=` local-part matched; a value other than `*` made such verifiers fail signatures. Remove it.',
      spec: rfc(4871, '3.6.1'),
      default: '*',
    },
  },
  describeValue: describeKey,
};
