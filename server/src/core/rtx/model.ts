/** The parsed Yamaha RTX config. Produced by `parseRtx`. */
import type { LineIndex } from '../text';
import type { Range } from '../types';

export interface RtxProblem {
  range: Range;
  message: string;
}

export interface RtxModel {
  text: string;
  lines: LineIndex;
  problems: RtxProblem[];
}
