/**
 * mta-sts-syntax: an `_mta-sts` record that is not `v=STSv1; id=<1–32 letters and digits>[;
 * extensions]` (RFC 8461 §3.1): the version (near misses, not first, missing), the required `id`,
 * blanks around `=`, duplicate tags, malformed tag lists. Senders treat an invalid record as no
 * MTA-STS policy. Quick fix for the version: rewrite the tag.
 */
import { tagRecordSyntaxRule } from '../../dmarc/common';
import { mtaStsProblems } from '../checks';

export const mtaStsSyntax = tagRecordSyntaxRule(
  {
    id: 'mta-sts-syntax',
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'An MTA-STS record that is not "v=STSv1; id=…", so senders ignore the domain\'s policy',
  },
  'mta-sts',
  mtaStsProblems,
);
