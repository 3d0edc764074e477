/** Hover documentation of MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) record tags, as data. */
import { rfc, type KindDocs } from '../docs';

export const MTA_STS_DOCS: KindDocs = {
  name: 'MTA-STS policy indicator',
  about: 'Published at `_mta-sts.<domain>`: tells sending servers that the domain has an MTA-STS policy at `https://mta-sts.<domain>/.well-known/mta-sts.txt`, and which version of it is current.',
  spec: rfc(8461, '3.1'),
  tags: {
    v: { title: 'Version', doc: 'Must be `STSv1` and the first tag.', spec: rfc(8461, '3.1'), required: true, example: 'v=STSv1' },
    id: {
      title: 'Policy id',
      doc: 'One to 32 letters and digits naming the current policy. Senders cache the policy file and fetch it again when the id changes, so change it every time the policy file changes (a timestamp works well).',
      spec: rfc(8461, '3.1'),
      required: true,
      example: 'id=20240131T1200',
    },
  },
};

export const TLS_RPT_DOCS: KindDocs = {
  name: 'SMTP TLS reporting record',
  about: 'Published at `_smtp._tls.<domain>`: where sending servers send daily reports of TLS connection failures to the domain\'s mail servers.',
  spec: rfc(8460, '3'),
  tags: {
    v: { title: 'Version', doc: 'Must be `TLSRPTv1` and the first tag.', spec: rfc(8460, '3'), required: true, example: 'v=TLSRPTv1' },
    rua: {
      title: 'Report destinations',
      doc: 'Comma-separated `mailto:` addresses or `https:` URLs (reports are POSTed there) that receive the daily JSON reports of TLS successes and failures.',
      spec: rfc(8460, '3'),
      required: true,
      example: 'rua=mailto:tls-reports@example.jp',
    },
  },
};
