/** The rules of this record kind, in the order they are registered. */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { bimiSyntax } from './bimi-syntax';
import { bimiWithoutEnforcement } from './bimi-without-enforcement';

export const BIMI_RULES: Rule<ZoneModel>[] = [bimiSyntax, bimiWithoutEnforcement];
