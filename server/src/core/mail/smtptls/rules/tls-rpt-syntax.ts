/**
 * tls-rpt-syntax: an `_smtp._tls` record that is not `v=TLSRPTv1; rua=<mailto: or https: URIs>`
 * (RFC 8460 §3): the version (near misses, not first, missing), the required `rua` and its URIs,
 * blanks around `=`, duplicate tags, malformed tag lists. Quick fixes: rewrite the version; put
 * `mailto:` before a bare address.
 */
import { tagRecordSyntaxRule } from '../../dmarc/common';
import { tlsRptProblems } from '../checks';

export const tlsRptSyntax = tagRecordSyntaxRule(
  {
    id: 'tls-rpt-syntax',
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'A TLS-RPT record that is not "v=TLSRPTv1; rua=…" with mailto: or https: URIs',
  },
  'tls-rpt',
  tlsRptProblems,
);
