/** SvcParams of SVCB and HTTPS (RFC 9460 §2.1, §7): `key[=value]` pairs, each key at most once. */
import type { DialectPointId } from '../servers';
import type { Range } from '../../types';
import type { ZoneToken } from '../model';
import { base64Problem, isDecimal, isIPv4, isIPv6 } from './fields';

export const SVC_KEYS: Record<string, number> = {
  mandatory: 0,
  alpn: 1,
  'no-default-alpn': 2,
  port: 3,
  ipv4hint: 4,
  ech: 5,
  ipv6hint: 6,
  dohpath: 7,
  ohttp: 8,
  'tls-supported-groups': 9,
};

export interface SvcProblem {
  key: string;
  range: Range;
  message: string;
  /** The dialect point (zone/servers.ts) when some server accepts what the RFC forbids here. */
  point?: DialectPointId;
}

/** Number of a key name (`alpn`, `key65000`), or undefined. */
export function svcKeyNumber(name: string): number | undefined {
  const known = SVC_KEYS[name];
  if (known !== undefined) return known;
  const m = /^key(0|[1-9]\d{0,4})$/.exec(name);
  if (m && Number(m[1]) <= 65535) return Number(m[1]);
  return undefined;
}

function listOf(value: string, ok: (s: string) => boolean): boolean {
  return value.split(',').every((s) => s.length > 0 && ok(s));
}

/**
 * Items of a comma-separated value list (RFC 9460 App. A.1): after the zone-file escapes are
 * removed, a backslash still escapes a comma inside an item. Undefined when an item is empty.
 */
function valueItems(value: string): string[] | undefined {
  // First level: zone-file escapes.
  let plain = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c !== '\\') {
      plain += c;
      continue;
    }
    const ddd = /^\d{3}/.exec(value.slice(i + 1));
    if (ddd) {
      plain += String.fromCharCode(Number(ddd[0]));
      i += 3;
    } else if (i + 1 < value.length) {
      plain += value[++i];
    }
  }
  const items: string[] = [];
  let cur = '';
  for (let i = 0; i < plain.length; i++) {
    const c = plain[i];
    if (c === '\\') {
      // Inside an item a backslash escapes only a comma or a backslash.
      const next = plain[i + 1];
      if (next !== ',' && next !== '\\') return undefined;
      cur += plain[++i];
    } else if (c === ',') {
      if (cur === '') return undefined;
      items.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur === '') return undefined;
  items.push(cur);
  return items;
}

const LITERAL = /^([A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;
const VARSPEC = /^([A-Za-z0-9_]|%[0-9A-Fa-f]{2})+(\.([A-Za-z0-9_]|%[0-9A-Fa-f]{2})+)*(:[1-9]\d{0,3}|\*)?$/;

/**
 * The `key[=value]` parameters of SVCB/HTTPS and DELEG RDATA, in order: a value may be written as
 * a quoted string right after `key=` (`alpn="h2,h3"`). A quoted string standing alone is reported
 * into `out` and skipped.
 */
function* keyValues(tokens: readonly ZoneToken[], out: SvcProblem[]): Generator<{ key: string; value: string | undefined; range: Range }> {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.quoted) {
      out.push({ key: '', range: t.range, message: 'expected key=value, not a quoted string' });
      continue;
    }
    let range = t.range;
    const eq = t.text.indexOf('=');
    const key = eq < 0 ? t.text : t.text.slice(0, eq);
    let value: string | undefined = eq < 0 ? undefined : t.text.slice(eq + 1);
    if (value === '' && tokens[i + 1]?.quoted && tokens[i + 1].range.start === t.range.end) {
      const q = tokens[++i];
      value = q.text.length >= 2 && q.text.endsWith('"') ? q.text.slice(1, -1) : q.text.slice(1);
      range = { start: t.range.start, end: q.range.end };
    }
    yield { key, value, range };
  }
}

/** RFC 9461 §5: a relative URI template (RFC 6570) whose variables include `dns`. */
function validDohpath(value: string): boolean {
  if (!value.startsWith('/')) return false;
  let dns = false;
  let i = 0;
  while (i < value.length) {
    const open = value.indexOf('{', i);
    const literal = value.slice(i, open < 0 ? value.length : open);
    if (!LITERAL.test(literal) || literal.includes('}')) return false;
    if (open < 0) break;
    const close = value.indexOf('}', open);
    if (close < 0) return false;
    let expr = value.slice(open + 1, close);
    if (/^[+#./;?&]/.test(expr)) expr = expr.slice(1);
    for (const spec of expr.split(',')) {
      if (!VARSPEC.test(spec)) return false;
      if (spec.replace(/(:\d+|\*)$/, '') === 'dns') dns = true;
    }
    i = close + 1;
  }
  return dns;
}

export function svcParamsProblems(tokens: readonly ZoneToken[]): SvcProblem[] {
  const out: SvcProblem[] = [];
  const seen = new Set<number>();
  let mandatory: { list: string[]; range: Range } | undefined;
  let noDefaultAlpn: Range | undefined;
  for (const { key, value, range } of keyValues(tokens, out)) {
    // Key names are lower case (RFC 9460 §2.1: `PORT` is not `port`).
    let num = svcKeyNumber(key);
    const padded = num === undefined ? /^key(0\d+)$/.exec(key) : null;
    if (padded && Number(padded[1]) <= 65535) {
      num = Number(padded[1]);
      out.push({ key, range, message: `'${key}' has leading zeros: write key${num} (RFC 9460 §2.1)`, point: 'svcb-key-leading-zero' });
    }
    if (num === undefined) {
      out.push({ key, range, message: `'${key}' is not a parameter key (alpn, port, ipv4hint, … or keyNNNNN)` });
      continue;
    }
    if (seen.has(num)) out.push({ key, range, message: 'is given twice' });
    seen.add(num);
    const bad = (message: string): void => {
      out.push({ key, range, message });
    };
    // A key written by number (key1) takes any value: only named keys have a value syntax.
    if (SVC_KEYS[key] === undefined) continue;
    switch (num) {
      case 0: {
        const list = value ? value.split(',') : [];
        const nums = list.map(svcKeyNumber);
        if (!value || list.some((k) => k === '') || nums.some((k) => k === undefined || k === 0)) bad(`'${value ?? ''}' is not a list of keys (and cannot list mandatory)`);
        else if (new Set(nums).size !== nums.length) bad('lists a key twice');
        else mandatory = { list, range };
        break;
      }
      case 1:
        if (!value) bad('needs a list of protocol ids');
        else {
          const items = valueItems(value);
          if (!items) bad(`'${value}' is not a list of protocol ids (no empty id; inside an id only , and \\ may be escaped)`);
          else if (items.some((x) => x.length > 255)) out.push({ key, range, message: 'a protocol id is over 255 octets (RFC 9460 §7.1)', point: 'svcb-alpn-id-over-255' });
        }
        break;
      case 2:
        if (value !== undefined) bad('takes no value');
        noDefaultAlpn = range;
        break;
      case 8:
        if (value !== undefined) bad('takes no value');
        break;
      case 3:
        if (!value || !isDecimal(value) || Number(value) > 65535) bad(`'${value ?? ''}' is not a port number 0–65535`);
        break;
      case 4:
        if (!value || !listOf(value, isIPv4)) bad(`'${value ?? ''}' is not a list of IPv4 addresses`);
        break;
      case 6:
        if (!value || !listOf(value, isIPv6)) bad(`'${value ?? ''}' is not a list of IPv6 addresses`);
        break;
      case 5:
        if (!value || base64Problem(value)) bad('needs a base64 ECHConfigList');
        break;
      case 7:
        if (!value || !validDohpath(value)) out.push({ key, range, message: `'${value ?? ''}' is not a relative URI template with the dns variable (RFC 9461)`, point: 'svcb-dohpath-unchecked' });
        break;
    }
  }
  if (noDefaultAlpn && !seen.has(1)) out.push({ key: 'no-default-alpn', range: noDefaultAlpn, message: 'needs alpn as well (RFC 9460 §7.1.1)', point: 'svcb-no-default-alpn-alone' });
  if (mandatory) {
    for (const k of mandatory.list) {
      if (!seen.has(svcKeyNumber(k)!)) out.push({ key: 'mandatory', range: mandatory.range, message: `lists ${k}, which is not given`, point: 'svcb-mandatory-absent-key' });
    }
  }
  return out;
}

/** DELEG / DELEGPARAM parameter keys (draft-ietf-deleg), by number. */
export const DELEG_KEYS: Record<string, number> = {
  mandatory: 0,
  'server-ipv4': 1,
  'server-ipv6': 2,
  'server-name': 3,
  'include-delegparam': 4,
};

/** Items of a comma-separated list of names: a comma escaped with a backslash belongs to the name. */
function nameItems(value: string): string[] {
  const items: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      cur += c + value[++i];
    } else if (c === ',') {
      items.push(cur);
      cur = '';
    } else cur += c;
  }
  items.push(cur);
  return items;
}

/**
 * Parameters of DELEG and DELEGPARAM (draft-ietf-deleg): `key[=value]` like SVCB's, with the keys
 * mandatory, server-ipv4, server-ipv6, server-name (a list of names), include-delegparam (one
 * name) and keyNNNNN. `nameProblem` checks one name (relative names complete with the origin).
 */
export function delegParamsProblems(tokens: readonly ZoneToken[], nameProblem: (name: string) => string | undefined): SvcProblem[] {
  const out: SvcProblem[] = [];
  const seen = new Set<number>();
  let mandatory: { list: string[]; range: Range } | undefined;
  const number = (name: string): number | undefined => {
    if (DELEG_KEYS[name] !== undefined) return DELEG_KEYS[name];
    const m = /^key(0|[1-9]\d{0,4})$/.exec(name);
    return m && Number(m[1]) <= 65535 ? Number(m[1]) : undefined;
  };
  for (const { key, value, range } of keyValues(tokens, out)) {
    const num = number(key);
    if (num === undefined) {
      out.push({ key, range, message: `'${key}' is not a parameter key (server-ipv4, server-ipv6, server-name, include-delegparam, mandatory or keyNNNNN)` });
      continue;
    }
    if (seen.has(num)) out.push({ key, range, message: 'is given twice' });
    seen.add(num);
    const bad = (message: string): void => {
      out.push({ key, range, message });
    };
    if (DELEG_KEYS[key] === undefined) continue;
    switch (num) {
      case 0: {
        const list = value ? value.split(',') : [];
        const nums = list.map(number);
        if (!value || nums.some((k) => k === undefined || k === 0)) bad(`'${value ?? ''}' is not a list of keys (and cannot list mandatory)`);
        else if (new Set(nums).size !== nums.length) bad('lists a key twice');
        else mandatory = { list, range };
        break;
      }
      case 1:
        if (!value || !listOf(value, isIPv4)) bad(`'${value ?? ''}' is not a list of IPv4 addresses`);
        break;
      case 2:
        if (!value || !listOf(value, isIPv6)) bad(`'${value ?? ''}' is not a list of IPv6 addresses`);
        break;
      case 3:
      case 4: {
        const names = value ? (num === 3 ? nameItems(value) : [value]) : [];
        if (names.length === 0 || names.some((n) => n === '')) {
          bad(num === 3 ? `'${value ?? ''}' is not a list of domain names` : 'needs a domain name');
          break;
        }
        for (const n of names) {
          const p = nameProblem(n);
          if (p) {
            bad(p);
            break;
          }
        }
        break;
      }
    }
  }
  if (mandatory) {
    for (const k of mandatory.list) {
      if (!seen.has(number(k)!)) out.push({ key: 'mandatory', range: mandatory.range, message: `lists ${k}, which is not given` });
    }
  }
  return out;
}
