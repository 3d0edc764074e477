/**
 * RDATA validation against the descriptors: each field's token is checked by its kind, missing
 * and extra fields are reported, and a few cross-field limits (digest lengths) are applied.
 * Works on tokens, so records written in the file and records produced by `$GENERATE` are checked
 * alike.
 */
import type { Range, } from '../../types';
import type { ZoneToken } from '../model';
import { RDATA, type RdataDescriptor } from './descriptors';
import { base64Problem, bitmapTypeProblem, checkField, hexProblem, isIPv4, isIPv6, isDecimal } from './fields';
import { locProblem } from './loc';
import { amtrelayProblem, aplProblem, ipseckeyProblem } from './misc';
import { svcParamsProblems } from './svcb';

export interface RdataProblem {
  /** The field that is wrong (`preference`, `exchange`…). */
  field: string;
  range: Range;
  message: string;
}

export function rdataDescriptor(type: string): RdataDescriptor | undefined {
  return RDATA[type];
}

function unquote(t: ZoneToken): string {
  if (!t.quoted) return t.text;
  return t.text.endsWith('"') && t.text.length >= 2 ? t.text.slice(1, -1) : t.text.slice(1);
}

function span(tokens: readonly ZoneToken[], from: number, to = tokens.length): Range {
  return { start: tokens[from].range.start, end: tokens[to - 1].range.end };
}

const DIGEST_OCTETS: Record<number, number> = { 1: 20, 2: 32, 4: 48 };
const ZONEMD_OCTETS: Record<number, number> = { 1: 48, 2: 64 };
const SSHFP_OCTETS: Record<number, number> = { 1: 20, 2: 32 };

/**
 * Problems of the RDATA `tokens` of a record of `type` (upper-case mnemonic), not in generic
 * form. `anchor` is where to report a missing field (the type token). `origin` completes names.
 */
export function validateRdata(type: string, tokens: readonly ZoneToken[], origin: string, anchor: Range): RdataProblem[] {
  const d = RDATA[type];
  if (!d) return [];
  const out: RdataProblem[] = [];
  const add = (field: string, range: Range, problem: string): void => {
    out.push({ field, range, message: `${type} ${field}: ${problem}` });
  };
  if (d.genericOnly) {
    if (tokens.length > 0) add('data', span(tokens, 0), `${type} data can only be written in the generic form \\# <length> <hex>`);
    return out;
  }
  if (d.special === 'loc') {
    const p = locProblem(tokens);
    if (p) out.push({ field: p.field, range: p.range, message: `LOC ${p.field}: ${p.message}` });
    return out;
  }
  if (d.special === 'amtrelay' || d.special === 'ipseckey') {
    const p = d.special === 'amtrelay' ? amtrelayProblem(tokens, origin, anchor) : ipseckeyProblem(tokens, origin, anchor);
    if (p) out.push({ field: p.field, range: p.range, message: `${type} ${p.field}: ${p.message}` });
    return out;
  }
  const n = d.fields.length;
  for (let i = 0; i < n; i++) {
    const spec = d.fields[i];
    const t = tokens[i];
    if (!t) {
      const last = tokens.length ? tokens[tokens.length - 1].range : anchor;
      add(spec.name, last, `missing (expected ${d.fields.slice(i).map((x) => x.name).join(', ')}${d.rest && !d.rest.optional ? `, ${d.rest.name}` : ''})`);
      return out;
    }
    const p = checkField(spec.kind, t.text, t.quoted, origin);
    if (p) add(spec.name, t.range, p);
  }
  const rest = tokens.slice(n);
  if (!d.rest) {
    if (rest.length > 0) add('data', span(tokens, n), `unexpected text after the ${d.fields[n - 1]?.name ?? 'type'}`);
    return out;
  }
  if (rest.length === 0) {
    if (!d.rest.optional) add(d.rest.name, tokens.length ? tokens[tokens.length - 1].range : anchor, 'missing');
    return out;
  }
  const restRange = span(tokens, n);
  switch (d.rest.kind) {
    case 'strings':
      break;
    case 'base64': {
      const bad = rest.find((t) => t.quoted);
      if (bad) add(d.rest.name, bad.range, 'a quoted string is not allowed here');
      else {
        const p = base64Problem(rest.map((t) => t.text).join(''));
        if (p) add(d.rest.name, restRange, p);
      }
      break;
    }
    case 'hex': {
      const bad = rest.find((t) => t.quoted);
      if (bad) {
        add(d.rest.name, bad.range, 'a quoted string is not allowed here');
        break;
      }
      const joined = rest.map((t) => t.text).join('');
      const p = hexProblem(joined);
      if (p) {
        add(d.rest.name, restRange, p);
        break;
      }
      const octets = joined.length / 2;
      const kind = tokens[n - 1] && isDecimal(tokens[n - 1].text) ? Number(tokens[n - 1].text) : -1;
      if ((type === 'DS' || type === 'CDS' || type === 'DLV' || type === 'TA') && DIGEST_OCTETS[kind] && DIGEST_OCTETS[kind] !== octets) {
        add(d.rest.name, restRange, `digest type ${kind} needs ${DIGEST_OCTETS[kind]} octets, not ${octets}`);
      } else if (type === 'SSHFP' && SSHFP_OCTETS[kind] && SSHFP_OCTETS[kind] !== octets) {
        add(d.rest.name, restRange, `fingerprint type ${kind} needs ${SSHFP_OCTETS[kind]} octets, not ${octets}`);
      } else if (type === 'ZONEMD' && ZONEMD_OCTETS[kind] && ZONEMD_OCTETS[kind] !== octets) {
        add(d.rest.name, restRange, `hash algorithm ${kind} needs ${ZONEMD_OCTETS[kind]} octets, not ${octets}`);
      }
      break;
    }
    case 'base64OrDash': {
      const bad = rest.find((t) => t.quoted);
      if (bad) add(d.rest.name, bad.range, 'a quoted string is not allowed here');
      else if (!(rest.length === 1 && rest[0].text === '-')) {
        const p = base64Problem(rest.map((t) => t.text).join(''));
        if (p) add(d.rest.name, restRange, p);
      }
      break;
    }
    case 'apl':
      for (const t of rest) {
        const p = t.quoted ? 'a quoted string is not allowed here' : aplProblem(t.text);
        if (p) add(d.rest.name, t.range, p);
      }
      break;
    case 'types':
      for (const t of rest) {
        const p = t.quoted ? 'a quoted string is not allowed here' : bitmapTypeProblem(t.text);
        if (p) add(d.rest.name, t.range, p);
      }
      break;
    case 'svcParams':
      for (const p of svcParamsProblems(rest)) add(`parameter ${p.key}`.trim(), p.range, p.message);
      break;
  }
  return out;
}

/** The names a record's RDATA points at, with their token (for target checks). */
export function rdataValue(tokens: readonly ZoneToken[], index: number): string | undefined {
  const t = tokens[index];
  return t ? unquote(t) : undefined;
}

export { isIPv4, isIPv6 };
