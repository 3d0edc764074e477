/** A parsed Yamaha syslog / `show log` file. */
import type { LineIndex } from '../text';

export interface LogModel {
  text: string;
  lines: LineIndex;
}
