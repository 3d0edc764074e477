/** Hover documentation of BIMI assertion record tags, as data. */
import type { KindDocs } from '../docs';

const BIMI_SPEC = { label: 'BIMI draft §4.2', url: 'https://datatracker.ietf.org/doc/html/draft-brand-indicators-for-message-identification#section-4.2' };

export const BIMI_DOCS: KindDocs = {
  name: 'BIMI assertion record',
  about: 'Published at `<selector>._bimi.<domain>` (usually `default`): where mailbox providers find the brand logo to show next to mail that passes DMARC at enforcement.',
  spec: BIMI_SPEC,
  tags: {
    v: { title: 'Version', doc: 'Must be `BIMI1` and the first tag.', spec: BIMI_SPEC, required: true, example: 'v=BIMI1' },
    l: {
      title: 'Logo location',
      doc: 'The `https:` URL of the brand logo, an SVG Tiny Portable/Secure (SVG Tiny PS) file. Empty (`l=`, with `a=` empty too) declines BIMI for the domain.',
      spec: BIMI_SPEC,
      required: true,
      example: 'l=https://example.jp/brand/logo.svg',
    },
    a: {
      title: 'Authority evidence location',
      doc: 'The `https:` URL of a PEM file holding a Verified Mark Certificate (VMC) or Common Mark Certificate (CMC) for the logo. Several large mailbox providers show the logo only with one. Empty or absent: no evidence.',
      spec: BIMI_SPEC,
      example: 'a=https://example.jp/brand/vmc.pem',
    },
    avp: {
      title: 'Avatar preference',
      doc: 'Whether the domain prefers its brand logo or the sender\'s personal avatar where a mailbox provider could show either.',
      spec: BIMI_SPEC,
      values: { brand: 'Show the brand logo.', personal: 'Show the personal avatar of the sender, when there is one.' },
      default: 'brand',
      example: 'avp=brand',
    },
  },
};
