/**
 * spf-syntax: every violation of the RFC 7208 ABNF (and the §6/§7 static rules) in an SPF record
 * that no more specific rule reports: empty or malformed domains, missing or unexpected
 * arguments (a prefix length on a mechanism that takes none), invalid terms, qualified
 * modifiers, stray characters and separators.
 *
 * The more specific rules own these parser codes: `spf-invalid-ip` (ip4-address, ip6-address),
 * `spf-invalid-cidr` (cidr, ip-prefix), `spf-unknown-term` (unknown-mechanism),
 * `spf-invalid-macro` (macro), `spf-duplicate-modifier` (duplicate-modifier).
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import { spfRecords, errorsOf } from '../records';
import { DUPLICATE_MODIFIER_CODES } from './spf-duplicate-modifier';
import { INVALID_CIDR_CODES } from './spf-invalid-cidr';
import { INVALID_IP_CODES } from './spf-invalid-ip';
import { INVALID_MACRO_CODES } from './spf-invalid-macro';
import { UNKNOWN_TERM_CODES } from './spf-unknown-term';

/** Codes that a more specific rule reports. */
const OWNED_ELSEWHERE = [INVALID_IP_CODES, INVALID_CIDR_CODES, UNKNOWN_TERM_CODES, INVALID_MACRO_CODES, DUPLICATE_MODIFIER_CODES];

export const spfSyntax: Rule<ZoneModel> = {
  meta: {
    id: 'spf-syntax',
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'A part of an SPF record that does not follow the RFC 7208 syntax, which makes the whole record a permerror',
  },
  check(model, _ctx, report) {
    for (const c of spfRecords(model)) {
      for (const e of errorsOf(c)) {
        if (OWNED_ELSEWHERE.some((codes) => codes.has(e.code))) continue;
        report({ range: e.range, message: e.message, data: { code: e.code } });
      }
    }
  },
};
