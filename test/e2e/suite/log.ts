/**
 * Output of the suite. Under scripts/e2e-launch.mjs the extension host's console reaches the
 * launcher mixed with the workbench's own log, as already-joined strings (no printf formatting):
 * so lines are formatted here and marked, and the launcher prints only marked lines.
 */
import * as util from 'util';

const MARK = process.env.SENDER_GUARD_E2E_CONTROL ? '[sg-e2e] ' : '';

export function log(...args: unknown[]): void {
  const text = util.format(...args);
  console.log(MARK ? text.split('\n').map((l) => MARK + l).join('\n') : text);
}
