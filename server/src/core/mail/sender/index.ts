/** The sender-requirements rules, in the order they are registered. */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import { senderRequirements } from './sender-requirements';

export const SENDER_RULES: Rule<ZoneModel>[] = [senderRequirements];
