/** File-system edge of the CLI: walking directories and decoding bytes into text. */
import { isAscii } from 'buffer';
import * as fs from 'fs';
import * as path from 'path';

const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);

export class UsageError extends Error {}

/** What an option handler of `readArgs` may ask of the words after the option. */
export interface OptionArgs {
  /** The option's value: after `=`, else the next word (a usage error when there is none). */
  value(): string;
  /** The next word, when the value was not given with `=`; not taken. */
  peek(): string | undefined;
  /** Takes the word `peek` showed. */
  take(): string;
}

/**
 * The command-line reader of every subcommand: options as `--name value` or `--name=value`,
 * `--` before operands that start with `-`, `-` as an operand (standard input). `option` handles
 * one option and returns false for a name it does not know (a usage error); `operand` gets every
 * other word.
 */
export function readArgs(args: readonly string[], option: (name: string, arg: OptionArgs) => boolean, operand: (word: string) => void): void {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      for (const w of args.slice(i + 1)) operand(w);
      return;
    }
    if (!a.startsWith('-') || a === '-') {
      operand(a);
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq >= 0 ? a.slice(0, eq) : a;
    const arg: OptionArgs = {
      value: () => {
        if (eq >= 0) return a.slice(eq + 1);
        const v = args[++i];
        if (v === undefined) throw new UsageError(`${name} needs a value`);
        return v;
      },
      peek: () => (eq >= 0 ? undefined : args[i + 1]),
      take: () => args[++i],
    };
    if (!option(name, arg)) throw new UsageError(`unknown option ${a}`);
  }
}

/** `value` when it is one of `allowed`, else a usage error naming the option. */
export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.length === 2 ? allowed.join(' or ') : `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  throw new UsageError(`${name} must be ${list}, not '${value}'`);
}

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

/** Where a file stopped being valid UTF-8, and what the CLI did about it. */
export interface DecodeProblem {
  /** Byte offset of the first invalid UTF-8 sequence (= its offset in the Latin-1 text). */
  offset: number;
  /** 1-based line and column of that sequence in the decoded text. */
  line: number;
  column: number;
  message: string;
}

export interface Decoded {
  text: string;
  encoding: string;
  /** Set when the bytes were neither UTF-8 nor Shift_JIS and were read as Latin-1. */
  problem?: DecodeProblem;
}

/**
 * Decode file bytes: a BOM decides (UTF-8, UTF-16LE/BE); otherwise strict UTF-8, falling back to
 * Shift_JIS (Yamaha configs saved by TFTP), and last to Latin-1 so that no byte is ever lost. The
 * Latin-1 fallback is never silent: it comes with a `problem` locating the first invalid UTF-8
 * sequence (see `decodeFile`, which reports it).
 */
export function decode(bytes: Uint8Array): Decoded {
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
      const text = new TextDecoder('latin1').decode(bytes);
      const offset = firstInvalidUtf8(bytes);
      let line = 1;
      let lineStart = 0;
      for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
      }
      const column = offset - lineStart + 1;
      const hex = Array.from(bytes.subarray(offset, offset + 4), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
      return {
        text,
        encoding: 'latin1',
        problem: { offset, line, column, message: `not valid UTF-8 or Shift_JIS (first invalid bytes: ${hex}); read as Latin-1, so non-ASCII characters may be wrong` },
      };
    }
  }
}

/**
 * The byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates, code points
 * above U+10FFFF and truncated sequences included), or `bytes.length` when there is none.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    const c1 = bytes[i + 1];
    if (c1 === undefined || c1 < lo || c1 > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return n;
}

/**
 * `decode` for a named file: a Latin-1 fallback is reported through `warn` as
 * `file:line:column: warning: …` (standard error by default) and returned with the text.
 */
export function decodeFile(file: string, bytes: Uint8Array, warn: (line: string) => void = (l) => process.stderr.write(l + '\n')): Decoded {
  const d = decode(bytes);
  if (d.problem) warn(`${file}:${d.problem.line}:${d.problem.column}: warning: ${d.problem.message}`);
  return d;
}

/** True when the first bytes contain a NUL: such files are skipped when walking directories. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
