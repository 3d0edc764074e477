/** The rules of this record kind, in the order they are registered. */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { dmarcDeprecatedTag } from './dmarc-deprecated-tag';
import { dmarcDuplicateTag } from './dmarc-duplicate-tag';
import { dmarcExternalReport } from './dmarc-external-report';
import { dmarcMisplaced } from './dmarc-misplaced';
import { dmarcMultipleRecords } from './dmarc-multiple-records';
import { dmarcPolicyNone } from './dmarc-policy-none';
import { dmarcReportScheme } from './dmarc-report-scheme';
import { dmarcSyntax } from './dmarc-syntax';
import { dmarcUnknownTag } from './dmarc-unknown-tag';
import { dmarcVersion } from './dmarc-version';
import { dmarcWeakSubdomainPolicy } from './dmarc-weak-subdomain-policy';

export const DMARC_RULES: Rule<ZoneModel>[] = [
  dmarcVersion,
  dmarcSyntax,
  dmarcDuplicateTag,
  dmarcUnknownTag,
  dmarcMisplaced,
  dmarcMultipleRecords,
  dmarcExternalReport,
  dmarcReportScheme,
  dmarcPolicyNone,
  dmarcWeakSubdomainPolicy,
  dmarcDeprecatedTag,
];
