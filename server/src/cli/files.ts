/** File-system edge of the CLI: walking directories and decoding bytes into text. */
import { isAscii } from 'buffer';
import * as fs from 'fs';
import * as path from 'path';

const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);

export class UsageError extends Error {}

/** Expand the given paths into files (directories walked recursively, sorted). */
export function collectFiles(paths: string[]): { files: string[]; explicit: Set<string> } {
  const files: string[] = [];
  const explicit = new Set<string>();
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(full);
      } else if (e.isFile()) files.push(full);
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      throw new UsageError(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
    }
    if (st.isDirectory()) walk(p);
    else {
      files.push(p);
      explicit.add(p);
    }
  }
  return { files, explicit };
}

/**
 * Decode file bytes: a BOM decides (UTF-8, UTF-16LE/BE); otherwise strict UTF-8, falling back to
 * Shift_JIS (Yamaha configs saved by TFTP), and last to Latin-1 so that no byte is ever lost.
 */
export function decode(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // Plain ASCII (most zone files): one copy into a one-byte string, no UTF-8 validation pass.
  if (isAscii(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('shift_jis', { fatal: true }).decode(bytes), encoding: 'shift_jis' };
    } catch {
      return { text: new TextDecoder('latin1').decode(bytes), encoding: 'latin1' };
    }
  }
}

/** True when the first bytes contain a NUL: such files are skipped when walking directories. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
