/** Every handler runs through `runSafe`: an exception becomes a log line and a neutral answer. */
import type { Connection } from 'vscode-languageserver';

export function makeRunSafe(connection: Connection) {
  return function runSafe<T>(what: string, fallback: T, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      connection.console.error(`Sender Guard: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };
}
