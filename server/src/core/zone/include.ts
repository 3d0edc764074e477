/**
 * `$INCLUDE` through an injected reader (the core does no IO). Each included file is parsed with
 * its own origin (the directive's origin argument, else the origin in effect at the directive)
 * and, as BIND does, starts with the including file's state at the directive: the current owner
 * (a first record that starts with a blank belongs to it), `$TTL`, last TTL and class. It is
 * attached to the including model as `includes`. (BIND also carries a `$TTL` set inside the
 * included file back into the including one; that is not modelled: the including file is parsed
 * before its includes are read.) Bounded: nesting depth, total size of all
 * files read, and cycles (a file that includes itself, directly or not) are reported, not followed.
 */
import type { IncludeReader } from '../language';
import type { IncludedFile, ZoneModel } from './model';
import { parseZone } from './parser';

/** Deepest nesting of `$INCLUDE` followed. */
export const MAX_INCLUDE_DEPTH = 16;
/** Total characters of all included files of one document. */
export const MAX_INCLUDE_TEXT = 64 * 1024 * 1024;

interface Budget {
  left: number;
}

export function resolveIncludes(model: ZoneModel, reader: IncludeReader, uri: string | undefined): void {
  attach(model, reader, uri ? [uri] : [], { left: MAX_INCLUDE_TEXT });
}

function attach(model: ZoneModel, reader: IncludeReader, stack: string[], budget: Budget): void {
  const out: IncludedFile[] = [];
  for (const d of model.directives) {
    if (d.kind !== 'include' || d.file === undefined) continue;
    const from = stack[stack.length - 1];
    if (stack.length > MAX_INCLUDE_DEPTH) {
      out.push({ directive: d, error: { kind: 'depth', message: `$INCLUDE nested deeper than ${MAX_INCLUDE_DEPTH} files; not followed` } });
      continue;
    }
    let got: ReturnType<IncludeReader>;
    try {
      got = reader(d.file, from);
    } catch (e) {
      got = { error: e instanceof Error ? e.message : String(e) };
    }
    if ('error' in got) {
      out.push({ directive: d, error: { kind: 'missing', message: `Cannot read '${d.file}': ${got.error}` } });
      continue;
    }
    if (stack.includes(got.uri)) {
      out.push({ directive: d, uri: got.uri, error: { kind: 'cycle', message: `$INCLUDE cycle: '${d.file}' includes itself (${[...stack, got.uri].join(' → ')})` } });
      continue;
    }
    if (got.text.length > budget.left) {
      out.push({ directive: d, uri: got.uri, error: { kind: 'size', message: `Included files exceed ${MAX_INCLUDE_TEXT} characters; '${d.file}' not read` } });
      continue;
    }
    budget.left -= got.text.length;
    const child = parseZone(got.text, { origin: d.origin ?? d.currentOrigin, inherit: d.state });
    attach(child, reader, [...stack, got.uri], budget);
    out.push({ directive: d, uri: got.uri, model: child });
  }
  if (out.length) model.includes = out;
}
