/**
 * The one rule registry. Every rule of every language is listed here exactly once; its id is the
 * diagnostic code, the key of its severity setting, the key its quick fixes dispatch on and the
 * name of its docs page (docs/rules/<id>.md).
 *
 * Adding a rule: write the module (with its test beside it), add it to the list of its language
 * below, write docs/rules/<id>.md. Nothing else.
 */
import type { Rule, RuleMeta } from './rule';
import type { LanguageId } from './types';
import type { ZoneModel } from './zone/model';
import type { RtxModel } from './rtx/model';
import type { LogModel } from './rtxlog/model';
import { spfVersionTypo } from './spf/rules/spf-version-typo';
import { spfInvalidIp } from './spf/rules/spf-invalid-ip';
import { spfUnknownTerm } from './spf/rules/spf-unknown-term';
import { spfSyntax } from './spf/rules/spf-syntax';
import { spfLookupLimit } from './spf/rules/spf-lookup-limit';
import { spfVoidLookupLimit } from './spf/rules/spf-void-lookup-limit';
import { spfIncludeLoop } from './spf/rules/spf-include-loop';
import { spfInvalidCidr } from './spf/rules/spf-invalid-cidr';
import { spfHostBits } from './spf/rules/spf-host-bits';
import { spfMultipleRecords } from './spf/rules/spf-multiple-records';
import { spfType99 } from './spf/rules/spf-type99';
import { spfAllNotLast } from './spf/rules/spf-all-not-last';
import { spfRedirectWithAll } from './spf/rules/spf-redirect-with-all';
import { spfDuplicateModifier } from './spf/rules/spf-duplicate-modifier';
import { spfPermissiveAll } from './spf/rules/spf-permissive-all';
import { spfPtr } from './spf/rules/spf-ptr';
import { spfInvalidMacro } from './spf/rules/spf-invalid-macro';
import { spfUnresolvedTarget } from './spf/rules/spf-unresolved-target';
import { spfMissingRecord } from './spf/rules/spf-missing-record';
import { spfRecordTooLong } from './spf/rules/spf-record-too-long';
import { spfMxTooMany } from './spf/rules/spf-mx-too-many';
import { spfExpInvalid } from './spf/rules/spf-exp-invalid';
import { spfUnauthorisedHost } from './spf/rules/spf-unauthorised-host';
import { spfIpUnknown } from './spf/rules/spf-ip-unknown';
import { zoneSyntax } from './zone/rules/zoneSyntax';
import { ZONE_CHECKS } from './zone/rules';
import { MAIL_RULES } from './mail/rules';
import { rtxSyntax } from './rtx/rules/syntax';
import { smtpEgressOpen } from './rtx/rules/smtpEgressOpen';
import { submissionEgressOpen } from './rtx/rules/submissionEgressOpen';
import { filterUndefined } from './rtx/rules/filterUndefined';
import { filterUnused } from './rtx/rules/filterUnused';
import { filterShadowed } from './rtx/rules/filterShadowed';
import { dynamicMisplaced } from './rtx/rules/dynamicMisplaced';
import { catchAllFirst } from './rtx/rules/catchAllFirst';
import { wrappedLine } from './rtx/rules/wrappedLine';
import { unknownCommand } from './rtx/rules/unknownCommand';
import { logInfectedHost } from './rtxlog/rules/infectedHost';
import { logSmtpPassed } from './rtxlog/rules/smtpPassed';
import { logMalformedLine } from './rtxlog/rules/malformedLine';

export const ZONE_RULES: Rule<ZoneModel>[] = [
  spfVersionTypo,
  spfInvalidIp,
  spfUnknownTerm,
  spfSyntax,
  zoneSyntax,
  spfLookupLimit,
  spfVoidLookupLimit,
  spfIncludeLoop,
  spfInvalidCidr,
  spfHostBits,
  spfMultipleRecords,
  spfType99,
  spfAllNotLast,
  spfRedirectWithAll,
  spfDuplicateModifier,
  spfPermissiveAll,
  spfPtr,
  spfInvalidMacro,
  spfUnresolvedTarget,
  spfMissingRecord,
  spfRecordTooLong,
  spfMxTooMany,
  spfExpInvalid,
  spfUnauthorisedHost,
  spfIpUnknown,
  ...ZONE_CHECKS,
  ...MAIL_RULES,
];

export const RTX_RULES: Rule<RtxModel>[] = [
  rtxSyntax,
  smtpEgressOpen,
  submissionEgressOpen,
  filterUndefined,
  filterUnused,
  filterShadowed,
  dynamicMisplaced,
  catchAllFirst,
  wrappedLine,
  unknownCommand,
];

export const LOG_RULES: Rule<LogModel>[] = [logInfectedHost, logSmtpPassed, logMalformedLine];

export function rulesFor(language: LanguageId): Rule<unknown>[] {
  switch (language) {
    case 'zone':
      return ZONE_RULES as Rule<unknown>[];
    case 'rtx':
      return RTX_RULES as Rule<unknown>[];
    case 'rtxlog':
      return LOG_RULES as Rule<unknown>[];
  }
}

export function allRules(): RuleMeta[] {
  return [...ZONE_RULES, ...RTX_RULES, ...LOG_RULES].map((r) => r.meta);
}

export function ruleById(id: string): Rule<unknown> | undefined {
  for (const lang of ['zone', 'rtx', 'rtxlog'] as const) {
    const r = rulesFor(lang).find((x) => x.meta.id === id);
    if (r) return r;
  }
  return undefined;
}
