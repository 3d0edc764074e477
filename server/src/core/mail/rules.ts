/** Every mail-authentication rule (DMARC, DKIM, MTA-STS, TLS-RPT, BIMI, sender requirements), for the registry. */
import type { Rule } from '../rule';
import type { ZoneModel } from '../zone/model';
import { DMARC_RULES } from './dmarc/rules';
import { DKIM_RULES } from './dkim/rules';
import { SMTPTLS_RULES } from './smtptls/rules';
import { BIMI_RULES } from './bimi/rules';
import { SENDER_RULES } from './sender';

export const MAIL_RULES: Rule<ZoneModel>[] = [...DMARC_RULES, ...DKIM_RULES, ...SMTPTLS_RULES, ...BIMI_RULES, ...SENDER_RULES];
