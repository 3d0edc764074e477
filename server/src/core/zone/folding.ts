/**
 * Folding ranges of a zone file: records that span several lines (parentheses), runs of two or
 * more comment lines, the block of records under each `$ORIGIN`, and runs of `$INCLUDE` lines.
 */
import type { FoldingRegion } from '../features';
import type { ZoneModel } from './model';

function isBlankOrBreak(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Offset of the last `)` closing the record that ends at `end` (only blanks, comments and `)` may follow). */
function closingParen(text: string, end: number): number {
  let last = end;
  let i = end;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 41) {
      last = i + 1;
      i++;
    } else if (c === 59) {
      while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (isBlankOrBreak(c)) {
      i++;
    } else break;
  }
  return last;
}

/** Folding ranges by model: editors ask again for the same version of a document. */
const cache = new WeakMap<ZoneModel, FoldingRegion[]>();

export function zoneFolding(model: ZoneModel): FoldingRegion[] {
  let out = cache.get(model);
  if (!out) cache.set(model, (out = buildFolding(model)));
  return out;
}

function buildFolding(model: ZoneModel): FoldingRegion[] {
  const text = model.text;
  const lines = model.lines;
  const out: FoldingRegion[] = [];

  // Records over several lines.
  for (const r of model.records) {
    const { start, end } = r.range;
    let multi = false;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        multi = true;
        break;
      }
    }
    if (multi) out.push({ start: r.lineStart, end: closingParen(text, end) });
  }

  // Runs of comment-only lines.
  let runStart = -1;
  let runEnd = -1;
  let runLines = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    const s = lines.lineStart(line);
    const e = lines.lineEnd(line);
    let i = s;
    while (i < e && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i < e && text.charCodeAt(i) === 59) {
      if (runLines === 0) runStart = s;
      runEnd = e;
      runLines++;
      continue;
    }
    if (runLines >= 2) out.push({ start: runStart, end: runEnd, kind: 'comment' });
    runLines = 0;
  }
  if (runLines >= 2) out.push({ start: runStart, end: runEnd, kind: 'comment' });

  // $ORIGIN blocks (to the last record before the next $ORIGIN) and runs of $INCLUDE lines.
  const directives = model.directives;
  const records = model.records;
  for (let k = 0; k < directives.length; k++) {
    const d = directives[k];
    if (d.kind === 'origin') {
      let next = records.length;
      for (let m = k + 1; m < directives.length; m++) {
        if (directives[m].kind === 'origin') {
          next = directives[m].recordIndex;
          break;
        }
      }
      if (next > d.recordIndex) {
        const last = records[next - 1];
        out.push({ start: d.range.start, end: closingParen(text, last.range.end), kind: 'region' });
      }
    } else if (d.kind === 'include' && !(k > 0 && directives[k - 1].kind === 'include' && directives[k - 1].recordIndex === d.recordIndex)) {
      let m = k;
      while (m + 1 < directives.length && directives[m + 1].kind === 'include' && directives[m + 1].recordIndex === d.recordIndex) m++;
      if (m > k) out.push({ start: d.range.start, end: directives[m].range.end, kind: 'imports' });
    }
  }

  // Keep only regions over at least two lines, in document order.
  const kept = out.filter((f) => lines.positionAt(f.end).line > lines.positionAt(f.start).line);
  kept.sort((a, b) => a.start - b.start || b.end - a.end);
  return kept;
}
