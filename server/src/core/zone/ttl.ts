/**
 * TTL values of master files: a plain number of seconds (`3600`) or BIND's unit form
 * (`1h30m`, `1W`, `2d12h`; units w/d/h/m/s in any case, each number followed by its unit).
 */

/** Returned by `parseTtl` for text that is not a TTL. */
export const TTL_SYNTAX = -1;
/** Returned by `parseTtl` for a value above 2^32-1. */
export const TTL_RANGE = -2;

export const MAX_TTL = 0xffffffff;

/**
 * Parse `text[start, end)` as a TTL. Returns the value in seconds, or `TTL_SYNTAX` / `TTL_RANGE`.
 * Plain digits are seconds; otherwise every number must carry a unit.
 */
export function parseTtl(text: string, start: number, end: number): number {
  if (end <= start) return TTL_SYNTAX;
  let total = 0;
  let i = start;
  let parts = 0;
  while (i < end) {
    let n = 0;
    const digitsStart = i;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
      // Keep going to the end of the digits but stop growing: the result is out of range anyway.
      if (n > MAX_TTL) n = MAX_TTL + 1;
      i++;
    }
    if (i === digitsStart) return TTL_SYNTAX;
    if (i === end) {
      // A bare number is only allowed as the whole value.
      if (parts > 0) return TTL_SYNTAX;
      return n > MAX_TTL ? TTL_RANGE : n;
    }
    const mult = unitSeconds(text.charCodeAt(i));
    if (mult === 0) return TTL_SYNTAX;
    i++;
    total += n * mult;
    if (total > MAX_TTL) total = MAX_TTL + 1;
    parts++;
  }
  return total > MAX_TTL ? TTL_RANGE : total;
}

function unitSeconds(c: number): number {
  switch (c | 0x20) {
    case 0x77: // w
      return 604800;
    case 0x64: // d
      return 86400;
    case 0x68: // h
      return 3600;
    case 0x6d: // m
      return 60;
    case 0x73: // s
      return 1;
    default:
      return 0;
  }
}

export function ttlProblemMessage(code: number, token: string): string {
  return code === TTL_RANGE
    ? `TTL '${token}' is larger than 4294967295 seconds`
    : `'${token}' is not a valid TTL (use seconds, or units like 1h30m, 1d, 1w)`;
}

const UNITS: [number, string][] = [
  [604800, 'week'],
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** `5400` → `1 hour 30 minutes`; `0` → `0 seconds`. */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0 seconds';
  const parts: string[] = [];
  let rest = seconds;
  for (const [size, name] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
      rest -= n * size;
    }
  }
  return parts.join(' ');
}
