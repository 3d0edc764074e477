/** Parsing a whole document (the editor's view): every line through the same aggregator the CLI streams. */
import type { LineIndex } from '../text';
import { LogAggregator, type AggregateOptions } from './analysis';
import { splitLines } from './lines';
import type { LogEntry, LogModel } from './model';

/** Parses a whole log; each entry keeps its own problems (the aggregate's copy is not needed). */
export function parseLog(text: string, lines: LineIndex, options: AggregateOptions = {}): LogModel {
  const agg = new LogAggregator({ maxProblems: 0, ...options });
  const entries: LogEntry[] = [];
  splitLines(text, (l) => {
    const e = agg.addLine(l.text, l.line, l.start, l.length);
    if (e) entries.push(e);
  });
  return { text, lines, entries, analysis: agg.result() };
}

/** The entry whose line contains `offset` (binary search; entries are in document order). */
export function entryAt(model: LogModel, offset: number): LogEntry | undefined {
  const es = model.entries;
  let lo = 0;
  let hi = es.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = es[mid].range;
    if (offset < r.start) hi = mid - 1;
    else if (offset > r.end) lo = mid + 1;
    else return es[mid];
  }
  return undefined;
}
