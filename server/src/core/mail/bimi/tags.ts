/** Hover documentation of BIMI assertion record tags, as data. */
import type { KindDocs } from '../docs';

const BIMI_SPEC = { label: 'BIMI draft §4.2', url: 'https://datatracker.ietf.org/doc/html/draft-brand-indicators-for-message-identification#section-4.2' };

export const BIMI_DOCS: KindDocs = {
  name: 'BIMI assertion record',
  about: 'Published at `<selector>._bimi.<domain>` (usually `default`): where mailbox providers find the brand logo to show next to mail that passes DMARC at enforcement.',
  spec: BIMI_SPEC,
  tags: {
    v: { title: 'Version', doc: 'Must be `BIMI1` and the first tag.', spec: BIMI_SPEC, required: true, example: 'v=BIMI1' },
  },
};
