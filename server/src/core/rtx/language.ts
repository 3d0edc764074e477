/** The Yamaha RTX config language: parser and hover. */
import type { LanguageSupport } from '../language';
import { hoverRtx } from './hover';
import type { RtxModel } from './model';
import { parseRtx } from './parse';

export const rtxLanguage: LanguageSupport<RtxModel> = {
  id: 'rtx',
  parse: (text, lines) => parseRtx(text, lines),
  hover: (model, offset, ctx) => hoverRtx(model, offset, ctx),
};
