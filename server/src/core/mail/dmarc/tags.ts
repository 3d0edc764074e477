/** Hover documentation of DMARC record tags (RFC 7489 and its successor DMARCbis), as data. */
import { rfc, type KindDocs, type SpecRef } from '../docs';

const BIS: SpecRef = { label: 'DMARCbis §4.7', url: 'https://datatracker.ietf.org/doc/html/draft-ietf-dmarc-dmarcbis#section-4.7' };
const POLICY = {
  none: 'No action: deliver as if there were no policy (monitoring only).',
  quarantine: 'Treat failing mail as suspicious: usually the spam folder.',
  reject: 'Refuse failing mail during the SMTP transaction.',
};

export const DMARC_DOCS: KindDocs = {
  name: 'DMARC policy record',
  about: 'Published at `_dmarc.<domain>`: tells receivers what to do with mail whose From domain fails SPF and DKIM alignment, and where to send reports.',
  spec: rfc(7489, '6.3'),
  tags: {
    v: { title: 'Version', doc: 'Identifies the record as DMARC. Must be exactly `DMARC1` and the first tag, or receivers ignore the record.', spec: rfc(7489, '6.3'), required: true, example: 'v=DMARC1' },
    p: {
      title: 'Requested policy',
      doc: 'What the domain owner asks receivers to do with mail that fails DMARC. Start with `none` while reading reports, then move to `quarantine` and `reject`. A record with a valid `rua` but a missing or invalid `p` is read as `p=none` (RFC 7489 §6.6.3).',
      spec: rfc(7489, '6.3'),
      required: true,
      values: POLICY,
      example: 'p=reject',
    },
    sp: {
      title: 'Subdomain policy',
      doc: 'The policy for subdomains of the domain that have no DMARC record of their own. Absent: subdomains get `p`.',
      spec: rfc(7489, '6.3'),
      values: POLICY,
      default: 'the value of p',
      example: 'sp=reject',
    },
    np: {
      title: 'Non-existent subdomain policy',
      doc: 'DMARCbis: the policy for mail from subdomains that do not exist in the DNS (a favourite of spoofers). Absent: `sp`, else `p`.',
      spec: BIS,
      values: POLICY,
      default: 'the value of sp, else p',
      example: 'np=reject',
    },
    rua: {
      title: 'Aggregate report addresses',
      doc: 'Comma-separated `mailto:` URIs that receive daily aggregate (XML) reports, each with an optional size limit `!10m` (k, m, g, t). Addresses at another organisation\'s domain need its consent: a TXT record `<domain>._report._dmarc.<other>` with `v=DMARC1` (RFC 7489 §7.1).',
      spec: rfc(7489, '6.3'),
      example: 'rua=mailto:dmarc-reports@example.jp',
    },
    ruf: {
      title: 'Failure report addresses',
      doc: 'Comma-separated `mailto:` URIs that receive per-message failure (forensic) reports. Few receivers send them; they may contain personal data. Same external-domain rule as `rua`.',
      spec: rfc(7489, '6.3'),
      example: 'ruf=mailto:dmarc-failures@example.jp',
    },
    adkim: {
      title: 'DKIM alignment mode',
      doc: 'How closely the DKIM signing domain (`d=`) must match the From domain.',
      spec: rfc(7489, '6.3'),
      values: { r: 'Relaxed: the same organisational domain is enough (`mail.example.jp` aligns with `example.jp`).', s: 'Strict: the domains must be identical.' },
      default: 'r',
      example: 'adkim=s',
    },
    aspf: {
      title: 'SPF alignment mode',
      doc: 'How closely the envelope sender (MAIL FROM) domain checked by SPF must match the From domain.',
      spec: rfc(7489, '6.3'),
      values: { r: 'Relaxed: the same organisational domain is enough.', s: 'Strict: the domains must be identical.' },
      default: 'r',
      example: 'aspf=r',
    },
    fo: {
      title: 'Failure reporting options',
      doc: 'When to send failure reports to the `ruf` addresses: a colon-separated list of options.',
      spec: rfc(7489, '6.3'),
      values: {
        '0': 'Report when all mechanisms fail to produce an aligned pass.',
        '1': 'Report when any mechanism produces something other than an aligned pass.',
        d: 'Report when the DKIM signature fails, aligned or not.',
        s: 'Report when SPF fails, aligned or not.',
      },
      default: '0',
      example: 'fo=1',
    },
    pct: {
      title: 'Percentage (removed in DMARCbis)',
      doc: 'The percentage (0–100) of failing mail the policy applies to; the rest gets the next weaker policy. Meant for ramping up enforcement, applied inconsistently by receivers, and removed in DMARCbis (use `t=y` for a testing phase).',
      spec: rfc(7489, '6.3'),
      default: '100',
      example: 'pct=100',
    },
    rf: {
      title: 'Failure report format (removed in DMARCbis)',
      doc: 'Format of failure reports; `afrf` (RFC 6591) is the only one defined. Removed in DMARCbis.',
      spec: rfc(7489, '6.3'),
      values: { afrf: 'Authentication Failure Reporting Format.' },
      default: 'afrf',
      example: 'rf=afrf',
    },
    ri: {
      title: 'Report interval (removed in DMARCbis)',
      doc: 'The requested seconds between aggregate reports. Receivers send daily reports whatever it says; removed in DMARCbis.',
      spec: rfc(7489, '6.3'),
      default: '86400',
      example: 'ri=86400',
    },
    psd: {
      title: 'Public suffix domain flag',
      doc: 'DMARCbis: says whether the domain is a public suffix domain (such as a registry\'s), which changes how receivers find the organisational domain.',
      spec: BIS,
      values: { y: 'This is a public suffix domain.', n: 'This is an organisational domain, not a public suffix.', u: 'Unspecified (the usual case).' },
      default: 'u',
      example: 'psd=n',
    },
    t: {
      title: 'Testing mode',
      doc: 'DMARCbis: `t=y` asks receivers not to apply the policy fully while the domain tests it (they apply the next weaker one); it replaces `pct=0`.',
      spec: BIS,
      values: { y: 'Testing: do not apply the policy fully.', n: 'Apply the policy.' },
      default: 'n',
      example: 't=y',
    },
  },
};
