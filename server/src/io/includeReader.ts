/**
 * The file reader behind `$INCLUDE` (the core takes it as a parameter and does no IO itself).
 * Relative paths are resolved against the including file's folder; `allowed` decides, after
 * links are resolved, whether a file may be read at all — the server allows only files inside
 * the workspace folders, the CLI whatever its user can read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { IncludeReader } from '../core/language';

const MAX_BYTES = 16 * 1024 * 1024;

export function makeIncludeReader(allowed: (realPath: string) => boolean): IncludeReader {
  return (file, fromUri) => {
    let base: string;
    try {
      base = fromUri?.startsWith('file:') ? path.dirname(fileURLToPath(fromUri)) : process.cwd();
    } catch {
      return { error: `cannot resolve ${file}: the including document has no file location` };
    }
    const target = path.resolve(base, file);
    let real: string;
    try {
      real = fs.realpathSync(target);
    } catch (e) {
      return { error: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
    }
    if (!allowed(real)) return { error: `${file} is outside the workspace folders and was not read` };
    try {
      const st = fs.statSync(real);
      if (!st.isFile()) return { error: `${file} is not a regular file` };
      if (st.size > MAX_BYTES) return { error: `${file} is larger than ${MAX_BYTES / 1024 / 1024} MiB and was not read` };
      return { text: fs.readFileSync(real, 'utf8'), uri: pathToFileURL(real).toString() };
    } catch (e) {
      return { error: `cannot read ${file}: ${(e as Error).message}` };
    }
  };
}
