/** LOC presentation format (RFC 1876 §3): `d1 [m1 [s1]] N|S d2 [m2 [s2]] E|W alt[m] [siz[m] [hp[m] [vp[m]]]]`. */
import type { DialectPointId, Tolerated } from '../servers';
import type { Range } from '../../types';
import type { ZoneToken } from '../model';

export interface LocProblem {
  field: string;
  range: Range;
  message: string;
  /** The dialect point (zone/servers.ts) when some server accepts what RFC 1876 forbids here. */
  point?: DialectPointId;
}

const NUM = /^-?\d+(\.\d{1,3})?$/;

/**
 * A problem the check stops at, or undefined when it is a dialect point the caller accepts: then
 * it is noted and the check goes on.
 */
type Keep = (p: LocProblem) => LocProblem | undefined;

function coordinate(tokens: readonly ZoneToken[], at: number, what: 'latitude' | 'longitude', keep: Keep): { next: number; problem?: LocProblem } {
  const max = what === 'latitude' ? 90 : 180;
  const hemis = what === 'latitude' ? 'NS' : 'EW';
  const parts: ZoneToken[] = [];
  let i = at;
  while (i < tokens.length && parts.length < 4) {
    const t = tokens[i];
    if (t.text.length === 1 && hemis.includes(t.text.toUpperCase())) break;
    parts.push(t);
    i++;
  }
  const anchor = tokens[Math.min(i, tokens.length - 1)]?.range ?? { start: 0, end: 0 };
  if (i >= tokens.length || parts.length === 0 || parts.length > 3) {
    return { next: i, problem: { field: what, range: anchor, message: `expected degrees [minutes [seconds]] then ${hemis[0]} or ${hemis[1]}` } };
  }
  const [d, m, s] = parts;
  if (!/^\d+$/.test(d.text) || Number(d.text) > max) return { next: i, problem: { field: what, range: d.range, message: `degrees '${d.text}' are not 0–${max}` } };
  if (m && (!/^\d+$/.test(m.text) || Number(m.text) > 59)) return { next: i, problem: { field: what, range: m.range, message: `minutes '${m.text}' are not 0–59` } };
  if (s && (!/^(\d+(\.\d{0,3})?|\.\d{1,3})$/.test(s.text) || Number(s.text) >= 60)) {
    const p = keep({ field: what, range: s.range, message: `seconds '${s.text}' are not 0–59.999`, point: /^\d+(\.\d{0,3})?$/.test(s.text) && Number(s.text) < 61 ? 'loc-seconds-60' : undefined });
    if (p) return { next: i, problem: p };
  }
  const total = Number(d.text) + (m ? Number(m.text) / 60 : 0) + (s ? Number(s.text) / 3600 : 0);
  if (total > max) {
    // Each part in its range (Knot checks them so): the total alone is beyond the limit.
    const parts = Number(d.text) <= max && (!s || Number(s.text) < 60);
    const p = keep({ field: what, range: d.range, message: `is beyond ${max} degrees`, point: parts ? 'loc-latitude-over-90' : undefined });
    if (p) return { next: i, problem: p };
  }
  return { next: i + 1 };
}

function meters(t: ZoneToken, field: string, min: number, max: number): LocProblem | undefined {
  const v = t.text.endsWith('m') || t.text.endsWith('M') ? t.text.slice(0, -1) : t.text;
  if (!NUM.test(v) || !/^-?\d+(\.\d{1,2})?$/.test(v)) return { field, range: t.range, message: `'${t.text}' is not a distance in metres` };
  const n = Number(v);
  if (n < min || n > max) return { field, range: t.range, message: `'${t.text}' is not ${min}–${max} m` };
  return undefined;
}

/**
 * The problems of LOC RDATA: the first one, after the problems of the dialect points `tolerated`
 * accepts (each marked with its point; the check goes on past them). With nothing tolerated, at
 * most one problem.
 */
export function locProblems(tokens: readonly ZoneToken[], tolerated: Tolerated = () => false): LocProblem[] {
  const noted: LocProblem[] = [];
  const keep: Keep = (p) => {
    if (!p.point || !tolerated(p.point)) return p;
    noted.push(p);
    return undefined;
  };
  const p = firstProblem(tokens, keep);
  return p ? [...noted, p] : noted;
}

function firstProblem(tokens: readonly ZoneToken[], keep: Keep): LocProblem | undefined {
  if (tokens.length === 0) return undefined;
  const lat = coordinate(tokens, 0, 'latitude', keep);
  if (lat.problem) return lat.problem;
  const lon = coordinate(tokens, lat.next, 'longitude', keep);
  if (lon.problem) return lon.problem;
  const rest = tokens.slice(lon.next);
  if (rest.length === 0) return keep({ field: 'altitude', range: tokens[tokens.length - 1].range, message: 'missing', point: 'loc-missing-altitude' });
  if (rest.length > 4) return { field: 'data', range: rest[4].range, message: 'unexpected text after the vertical precision' };
  const fields: [string, number, number][] = [
    ['altitude', -100000, 42849672.95],
    ['size', 0, 90000000],
    ['horizontal precision', 0, 90000000],
    ['vertical precision', 0, 90000000],
  ];
  for (let i = 0; i < rest.length; i++) {
    const p = meters(rest[i], fields[i][0], fields[i][1], fields[i][2]);
    if (p) return p;
  }
  return undefined;
}
