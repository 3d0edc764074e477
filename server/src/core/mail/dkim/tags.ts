/** Hover documentation of DKIM key record tags (RFC 6376 §3.6.1, RFC 8463), as data. */
import { rfc, type KindDocs } from '../docs';

export const DKIM_DOCS: KindDocs = {
  name: 'DKIM public key record',
  about: 'Published at `<selector>._domainkey.<domain>`: the public key receivers use to verify DKIM signatures whose `s=` is the selector and `d=` the domain.',
  spec: rfc(6376, '3.6.1'),
  tags: {
    v: { title: 'Version', doc: 'Optional; when present it must be `DKIM1` and the first tag.', spec: rfc(6376, '3.6.1'), default: 'DKIM1', example: 'v=DKIM1' },
  },
};
