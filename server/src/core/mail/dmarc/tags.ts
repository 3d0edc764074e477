/** Hover documentation of DMARC record tags (RFC 7489 and its successor's tags), as data. */
import { rfc, type KindDocs } from '../docs';

export const DMARC_DOCS: KindDocs = {
  name: 'DMARC policy record',
  about: 'Published at `_dmarc.<domain>`: tells receivers what to do with mail whose From domain fails SPF and DKIM alignment, and where to send reports.',
  spec: rfc(7489, '6.3'),
  tags: {
    v: { title: 'Version', doc: 'Identifies the record as DMARC. Must be exactly `DMARC1` and the first tag, or receivers ignore the record.', spec: rfc(7489, '6.3'), required: true, example: 'v=DMARC1' },
  },
};
