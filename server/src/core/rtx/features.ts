/**
 * Editor features of Yamaha configs beyond diagnostics and hover: keyword completion from the
 * catalog, and folding of `pp select` / `tunnel select` blocks and here-documents.
 */
import type { FoldingRegion, LanguageFeatures } from '../features';
import { completeRtx } from './completion';
import { blockBody } from './edits';
import type { RtxModel } from './model';

export function foldRtx(model: RtxModel): FoldingRegion[] {
  const out: FoldingRegion[] = [];
  for (const b of model.blocks) {
    const body = blockBody(model, b);
    const last = body[body.length - 1];
    if (last) out.push({ start: model.commands[b.select].range.start, end: last.lineRange.end, kind: 'region' });
  }
  for (const h of model.heredocs) {
    const end = h.end?.end ?? h.content.end;
    out.push({ start: model.commands[h.command].range.start, end, kind: 'region' });
  }
  return out.sort((a, b) => a.start - b.start);
}

export const rtxFeatures: LanguageFeatures<RtxModel> = {
  completion: (model, offset, ctx) => completeRtx(model, offset, ctx),
  folding: (model) => foldRtx(model),
};
