/** The rules of this record kind, in the order they are registered. */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';

export const SMTPTLS_RULES: Rule<ZoneModel>[] = [];
