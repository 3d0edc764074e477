/** Tiny helpers for tests: apply edits to a text, and fixtures with range markers. */
import type { Range, TextEdit } from './types';

/** Applies non-overlapping edits (offsets into the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  let out = text;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].range.end > sorted[i - 1].range.start) throw new Error('overlapping edits');
  }
  for (const e of sorted) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

/**
 * A fixture with markers: `[[` … `]]` delimit expected ranges and `|` (when `cursor` is true)
 * marks one offset. Returns the text without markers.
 */
export function markers(src: string, opts: { cursor?: boolean } = {}): { text: string; ranges: Range[]; cursor?: number } {
  let text = '';
  const ranges: Range[] = [];
  const open: number[] = [];
  let cursor: number | undefined;
  for (let i = 0; i < src.length; i++) {
    if (src.startsWith('[[', i)) {
      open.push(text.length);
      i++;
    } else if (src.startsWith(']]', i) && open.length > 0) {
      ranges.push({ start: open.pop()!, end: text.length });
      i++;
    } else if (opts.cursor && src[i] === '|' && cursor === undefined) {
      cursor = text.length;
    } else text += src[i];
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, ranges, cursor };
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so a failing random test replays. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
