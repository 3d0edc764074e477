/**
 * The hover providers of zone files, in priority order: the first one that answers wins. More
 * specific providers (such as SPF terms inside TXT strings) belong in front of the general
 * master-file hover.
 */
import type { RuleContext } from '../rule';
import type { HoverResult } from '../types';
import { zoneSyntaxHover } from './hover';
import type { ZoneModel } from './model';
import { spfHover } from '../spf/hover';
import { mailHover } from '../mail/hover';
import { senderHover } from '../mail/sender/hover';

export type ZoneHoverProvider = (model: ZoneModel, offset: number, ctx: RuleContext) => HoverResult | undefined;

export const zoneHoverProviders: ZoneHoverProvider[] = [spfHover, mailHover, senderHover, zoneSyntaxHover];
