/** The rules of this record kind, in the order they are registered. */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { dkimSyntax } from './dkim-syntax';
import { dkimBadTagValue } from './dkim-bad-tag-value';
import { dkimUnknownTag } from './dkim-unknown-tag';
import { dkimBadKey } from './dkim-bad-key';
import { dkimWeakKey } from './dkim-weak-key';
import { dkimRevokedKey } from './dkim-revoked-key';
import { dkimTestingMode } from './dkim-testing-mode';
import { dkimSha1 } from './dkim-sha1';
import { dkimPolicyRecord } from './dkim-policy-record';
import { dkimMisplaced } from './dkim-misplaced';
import { dkimMultipleRecords } from './dkim-multiple-records';

export const DKIM_RULES: Rule<ZoneModel>[] = [
  dkimSyntax,
  dkimBadTagValue,
  dkimUnknownTag,
  dkimBadKey,
  dkimWeakKey,
  dkimRevokedKey,
  dkimTestingMode,
  dkimSha1,
  dkimPolicyRecord,
  dkimMisplaced,
  dkimMultipleRecords,
];
