/**
 * Zone-file conformance: the master-file suites of other DNS implementations (Knot's scanner and
 * semantic checks, BIND's named-checkzone zones, master loader and RDATA vectors, PowerDNS's RDATA
 * vectors, regression zones and $GENERATE cases, dnspython's zone texts, ldns's files), run through
 * the core's parser and zone checks.
 *
 * "Rejected" means: for syntax suites (Knot's scanner, BIND's master loader and RDATA vectors,
 * PowerDNS's RDATA vectors and regression zones, ldns), a finding of a syntax-level rule
 * (`SYNTAX_RULES`); for the semantic-check suites (Knot's kzonecheck, named-checkzone), any finding
 * of severity error. dnspython's zone reader checks the syntax plus what `dns.zone` itself refuses
 * (no TTL, no SOA or NS at the origin, a CNAME beside other data, a record of another class) and
 * nothing else (no glue, host-name or target checks), so its cases compare against syntax findings
 * plus those rules (`DNSPYTHON_RULES`); comparing our other zone checks with a reader that does not
 * make them would not be like with like.
 *
 * Each suite runs under its own server's profile (setting `zone.server`): Knot's suites under
 * `knot` (what Knot refuses and BIND accepts is then a `zone-server-refuses` error: the scanner
 * suite counts those of the scanner's points, the kzonecheck suite every error), PowerDNS's under
 * `powerdns`, BIND's under `bind`, dnspython's and ldns's under the default. For a suite under a
 * profile other than the default, the figure under the default profile is printed too.
 * dnspython and ldns are libraries, not servers: their suites are judged on the master-file
 * language, without what one server refuses beyond it (`asLibrary`); the figure counting the
 * default profile's refusals is printed too.
 *
 * Where a suite gives parsed output, the record data is compared as well, in wire form, for the
 * types whose field layout is encoded here (`descriptorWire`; not LOC, APL, SVCB-style parameters,
 * IPSECKEY, AMTRELAY): Knot's `.out` RDATA; BIND's printed form of a valid vector (input and
 * printed form must encode alike); PowerDNS's wire form for types without names (names under
 * rec.test. are compressed upstream); dnspython's re-serialisations of `example`.
 *
 * Every remaining difference is listed in zones-expected-differences.tsv with its reason; the
 * runner annotates failures with that reason (they still count as failures).
 */
import * as fs from 'fs';
import * as path from 'path';
import { makeContext, parseDocument, validate } from '../../server/src/core/engine';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { DEFAULT_ZONE_SERVER, dialectPoint, refuses, SERVER_NAMES, type DialectPointId, type ZoneServer } from '../../server/src/core/zone/servers';
import type { IncludeReader } from '../../server/src/core/language';
import type { ZoneModel, ZoneRecord } from '../../server/src/core/zone/model';
import { zoneFacts } from '../../server/src/core/zone/analysis';
import { DNSSEC_RULES } from '../../server/src/core/zone/rules/dnssec';
import { buildName } from '../../server/src/core/zone/names';
import { parseTtl } from '../../server/src/core/zone/ttl';
import { rdataDescriptor } from '../../server/src/core/zone/rdata/validate';
import { ALGORITHMS, CERT_TYPES, typeCodeOf } from '../../server/src/core/zone/rdata/fields';
import type { ZoneToken } from '../../server/src/core/zone/model';
import type { Finding } from '../../server/src/core/types';
import type { CaseFailure, SuiteReport } from './report';

const SYNTAX_RULES = new Set(['zone-syntax', 'zone-bad-rdata', 'zone-include', 'zone-generate', 'zone-txt-too-long']);
/** What dnspython's zone reader refuses besides syntax (see the header). */
const DNSPYTHON_RULES = new Set([
  ...SYNTAX_RULES,
  'zone-missing-ttl',
  'zone-missing-soa',
  'zone-missing-apex-ns',
  'zone-soa-not-at-apex',
  'zone-cname-and-other-data',
  'zone-class-mismatch',
]);

interface Analysis {
  text: string;
  model: ZoneModel;
  findings: Finding[];
}

/**
 * Reads included files as the suites' own tools would: relative to the including file, else to
 * the suite's folder (the tools ran from there), else by the file name alone (the corpus keeps
 * include targets beside the files that name them).
 */
function fileReader(root: string): IncludeReader {
  return (p, from) => {
    const candidates = [path.resolve(from ? path.dirname(from) : root, p), path.resolve(root, p), path.join(from ? path.dirname(from) : root, path.basename(p))];
    for (const full of candidates) {
      try {
        if (fs.statSync(full).isFile()) return { text: fs.readFileSync(full, 'latin1'), uri: full };
      } catch {
        // try the next place
      }
    }
    return { error: 'file not found' };
  };
}

/** The server profile the running suite is checked under (see the header). */
let server: ZoneServer = DEFAULT_ZONE_SERVER;
/** Set while a suite runs a second time under the default profile: its notes are not printed. */
let quiet = false;
const note = (s: string): void => {
  if (!quiet) process.stdout.write(s);
};
const context = () => makeContext({ ...DEFAULT_SETTINGS, zone: { server } });

function analyse(text: string, origin?: string, uri?: string): Analysis {
  const doc = parseDocument('zone', text, { origin, uri, includeReader: uri ? fileReader(path.dirname(uri)) : undefined });
  return { text, model: doc.model as ZoneModel, findings: validate(doc, context()) };
}

/** False while a library's suite runs (see `asLibrary`): no server reads its files, so no server's refusal counts. */
let serverRefusalsCount = true;

/** A `zone-server-refuses` error for a point the zone scanner refuses (not a kzonecheck semantic check). */
const scannerRefusal = (f: Finding): boolean =>
  serverRefusalsCount && f.rule === 'zone-server-refuses' && dialectPoint((f.data as { construct: DialectPointId }).construct)?.stage !== 'check';

const syntaxErrors = (a: Analysis): Finding[] => a.findings.filter((f) => SYNTAX_RULES.has(f.rule) || scannerRefusal(f));
const errors = (a: Analysis): Finding[] => a.findings.filter((f) => f.severity === 'error');
const describe = (fs_: Finding[]): string => (fs_.length ? `rejected (${fs_[0].rule}: ${fs_[0].message})` : 'accepted');

// ------------------------------------------------------------------ known differences

interface Known {
  ours: string;
  theirs: string;
  reason: string;
}

let knownCache: Map<string, Known> | undefined;
function known(): Map<string, Known> {
  if (knownCache) return knownCache;
  knownCache = new Map();
  const file = path.join(__dirname, '..', '..', '..', 'test', 'conformance', 'zones-expected-differences.tsv');
  if (fs.existsSync(file)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [suite, name, ours, theirs, reason] = line.split('\t');
      if (suite && name && suite !== 'suite') knownCache.set(`${suite}\t${name}`, { ours, theirs, reason: reason ?? '' });
    }
  }
  return knownCache;
}

class Tally {
  total = 0;
  passed = 0;
  failures: CaseFailure[] = [];
  constructor(readonly suite: string) {}
  check(name: string, ok: boolean, expected: string, actual: string): void {
    this.total++;
    if (ok) {
      this.passed++;
      return;
    }
    const k = known().get(`${this.suite}\t${name}`);
    this.failures.push({ case: name, expected, actual, note: k ? `known: ${k.reason}` : 'NOT LISTED in zones-expected-differences.tsv' });
  }
  report(): SuiteReport {
    // Listed differences that no longer occur: the list should shrink with them.
    const failing = new Set(this.failures.map((f) => f.case));
    const stale = [...known().keys()].filter((k) => k.startsWith(`${this.suite}\t`) && !failing.has(k.slice(this.suite.length + 1)));
    if (stale.length) {
      note(`note ${this.suite}: ${stale.length} listed difference(s) no longer occur, e.g. ${stale[0].split('\t')[1]}\n`);
    }
    return { suite: this.suite, total: this.total, passed: this.passed, failures: this.failures };
  }
}

function read(file: string): string {
  return fs.readFileSync(file, 'latin1');
}

// ------------------------------------------------------------------ wire helpers

/** Wire form of a canonical absolute name (labels with `\X` / `\DDD` escapes). */
export function nameToWire(name: string): number[] {
  if (name === '.') return [0];
  const out: number[] = [];
  let label: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 92) {
      if (/^\d{3}$/.test(name.slice(i + 1, i + 4))) {
        label.push(Number(name.slice(i + 1, i + 4)));
        i += 3;
      } else {
        label.push(name.charCodeAt(i + 1));
        i++;
      }
    } else if (c === 46) {
      out.push(label.length, ...label);
      label = [];
    } else if (c < 128) label.push(c);
    else for (const b of Buffer.from(name[i], 'utf8')) label.push(b);
  }
  if (label.length) out.push(label.length, ...label);
  out.push(0);
  return out;
}

function hexOf(bytes: number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}

function lowerWireHex(hex: string): string {
  // Lower-case the ASCII letters inside labels of a wire name.
  const bytes = hex.match(/../g)?.map((h) => parseInt(h, 16)) ?? [];
  return hexOf(bytes.map((b) => (b >= 65 && b <= 90 ? b + 32 : b)));
}

// ------------------------------------------------------------------ Knot libzscanner

interface KnotBlock {
  kind: 'record' | 'warn' | 'error';
  owner?: string;
  cls?: number;
  ttl?: number;
  type?: number;
  rdata?: string;
  code?: string;
}

function knotBlocks(out: string): KnotBlock[] {
  const blocks: KnotBlock[] = [];
  let cur: KnotBlock | undefined;
  for (const line of out.split('\n')) {
    if (line === '------') {
      if (cur) blocks.push(cur);
      cur = undefined;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const k = line.slice(0, eq);
    const v = line.slice(eq + 1);
    cur ??= { kind: 'record' };
    if (k === 'OWNER') cur.owner = v.toLowerCase();
    else if (k === 'CLASS') cur.cls = parseInt(v, 16);
    else if (k === 'RRTTL') cur.ttl = parseInt(v, 16);
    else if (k === 'RTYPE') cur.type = parseInt(v, 16);
    else if (k === 'RDATA') cur.rdata = v.toLowerCase();
    else if (k === 'WARNG') Object.assign(cur, { kind: 'warn', code: v });
    else if (k === 'ERROR') Object.assign(cur, { kind: 'error', code: v });
  }
  if (cur) blocks.push(cur);
  return blocks;
}

interface OurEntry {
  line: number;
  ok: boolean;
  record?: ZoneRecord;
  why?: string;
}

/** Our verdict per entry (record, or rejected line), in document order, included files in place. */
function ourEntries(a: Analysis): OurEntry[] {
  const entries = ownEntries(a);
  const includes = a.model.includes ?? [];
  if (includes.length === 0) return entries;
  const out: OurEntry[] = [];
  let k = 0;
  for (const inc of includes) {
    const line = a.model.lines.positionAt(inc.directive.range.start).line;
    // Entries before the directive, and a finding on the directive itself, come before the file's records.
    while (k < entries.length && (entries[k].line < line || (entries[k].line === line && entries[k].record === undefined))) out.push(entries[k++]);
    if (inc.error) {
      out.push({ line, ok: false, why: inc.error.message });
      continue;
    }
    if (!inc.model) continue;
    const child = inc.model;
    const doc = { languageId: 'zone' as const, text: child.text, lines: child.lines, model: child };
    for (const e of ourEntries({ text: child.text, model: child, findings: validate(doc, context()) })) out.push({ ...e, line });
  }
  while (k < entries.length) out.push(entries[k++]);
  // An error inside an included file is also reported on its directive: keep one entry per line.
  return out.filter((e, i) => !(e.record === undefined && i > 0 && out[i - 1].line === e.line && !out[i - 1].ok && out[i - 1].record === undefined));
}

function ownEntries(a: Analysis): OurEntry[] {
  const lines = a.model.lines;
  const recs = a.model.records;
  const bad = a.findings.filter((f) => SYNTAX_RULES.has(f.rule) || scannerRefusal(f));
  const entries: OurEntry[] = [];
  const byRecord = new Map<number, Finding>();
  const loose = new Map<number, Finding>();
  let ri = 0;
  const sorted = [...bad].sort((x, y) => x.range.start - y.range.start);
  for (const f of sorted) {
    while (ri < recs.length && recs[ri].range.end < f.range.start) ri++;
    const r = recs[ri];
    if (r && r.lineStart <= f.range.start && f.range.start <= r.range.end) {
      if (!byRecord.has(ri)) byRecord.set(ri, f);
    } else {
      const line = lines.positionAt(f.range.start).line;
      if (!loose.has(line)) loose.set(line, f);
    }
  }
  recs.forEach((r, i) => {
    const f = byRecord.get(i);
    entries.push({ line: lines.positionAt(r.lineStart).line, ok: !f, record: r, why: f?.message });
  });
  for (const [line, f] of loose) entries.push({ line, ok: false, why: f.message });
  entries.sort((x, y) => x.line - y.line);
  return entries;
}

function u16(n: number): number[] {
  return [(n >> 8) & 255, n & 255];
}

function u32(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

function ipv6Wire(s: string): number[] | undefined {
  let text = s;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  let tail: number[] = [];
  if (v4) {
    tail = v4[1].split('.').map(Number);
    text = text.slice(0, -v4[1].length) + (text.endsWith('::' + v4[1]) ? '' : '0:0');
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const hs = head ? head.split(':') : [];
  const rs = rest ? rest.split(':') : [];
  const groups = 8 - tail.length / 2;
  const all = rest === undefined ? hs : [...hs, ...Array(groups - hs.length - rs.length).fill('0'), ...rs];
  if (all.length !== groups) return undefined;
  return [...all.flatMap((g) => u16(parseInt(g, 16))), ...tail];
}

function unescapeString(token: string): number[] {
  const s = token.startsWith('"') ? token.slice(1, token.endsWith('"') && token.length > 1 ? -1 : undefined) : token;
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && /^\d{3}/.test(s.slice(i + 1))) {
      out.push(Number(s.slice(i + 1, i + 4)));
      i += 3;
    } else if (s[i] === '\\' && i + 1 < s.length) {
      out.push(...Buffer.from(s[++i], 'latin1'));
    } else out.push(...Buffer.from(s[i], 'latin1'));
  }
  return out;
}

/**
 * Wire form of the RDATA of the simpler types (addresses, names, MX, SRV, SOA, TXT, generic),
 * for comparison with the scanner's output; undefined for the other types (not compared).
 */
function rdataWire(r: ZoneRecord): number[] | undefined {
  const t = r.rdata;
  const name = (i: number): number[] => nameToWire(buildName(t[i].text, 0, t[i].text.length, r.origin));
  if (r.generic) return (t.slice(2).map((x) => x.text).join('').match(/../g) ?? []).map((h) => parseInt(h, 16));
  switch (r.type) {
    case 'A':
      return t[0].text.split('.').map(Number);
    case 'AAAA':
      return ipv6Wire(t[0].text);
    case 'NS':
    case 'CNAME':
    case 'PTR':
    case 'DNAME':
      return name(0);
    case 'MX':
    case 'KX':
    case 'AFSDB':
    case 'RT':
      return [...u16(Number(t[0].text)), ...name(1)];
    case 'SRV':
      return [...u16(Number(t[0].text)), ...u16(Number(t[1].text)), ...u16(Number(t[2].text)), ...name(3)];
    case 'SOA':
      return [...name(0), ...name(1), ...[2, 3, 4, 5, 6].flatMap((i) => u32(parseTtl(t[i].text, 0, t[i].text.length)))];
    case 'TXT':
    case 'SPF':
      return t.flatMap((x) => {
        const bytes = unescapeString(x.text);
        // Knot and PowerDNS split an over-long string into strings of 255 octets (servers.ts).
        const out: number[] = [];
        for (let i = 0; i < bytes.length || i === 0; i += 255) {
          const piece = r.type === 'TXT' && !refuses(server, 'txt-string-over-255') ? bytes.slice(i, i + 255) : bytes.slice(i);
          out.push(piece.length, ...piece);
          if (piece.length === bytes.length - i) break;
        }
        return out;
      });
    default:
      return descriptorWire(r.type, t, r.origin);
  }
}

function base64Wire(s: string): number[] {
  return [...Buffer.from(s, 'base64')];
}

function base32hexWire(s: string): number[] {
  const A = '0123456789abcdefghijklmnopqrstuv';
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of s.toLowerCase().replace(/=+$/, '')) {
    acc = ((acc << 5) | A.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 255);
    }
  }
  return out;
}

function hexWire(s: string): number[] {
  return (s.match(/../g) ?? []).map((h) => parseInt(h, 16));
}

/** RRSIG time: YYYYMMDDHHmmSS (UTC) or seconds, reduced modulo 2^32. */
function timeWire(s: string): number[] | undefined {
  if (/^\d{14}$/.test(s)) {
    const t = Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(8, 10), +s.slice(10, 12), +s.slice(12, 14)) / 1000;
    return u32(((t % 2 ** 32) + 2 ** 32) % 2 ** 32);
  }
  return /^\d+$/.test(s) ? u32(Number(s)) : undefined;
}

/** Type bitmap of NSEC, NSEC3 and CSYNC (RFC 4034 §4.1.2). */
function bitmapWire(types: string[]): number[] | undefined {
  const windows = new Map<number, number[]>();
  for (const t of types) {
    const code = typeCodeOf(t);
    if (code === undefined) return undefined;
    const w = windows.get(code >> 8) ?? [];
    const bit = code & 255;
    while (w.length <= bit >> 3) w.push(0);
    w[bit >> 3] |= 0x80 >> (bit & 7);
    windows.set(code >> 8, w);
  }
  return [...windows.keys()].sort((a, b) => a - b).flatMap((k) => [k, windows.get(k)!.length, ...windows.get(k)!]);
}

/**
 * Wire form of RDATA from the type's descriptor (the fields the validator knows), for the kinds
 * with one plain encoding; undefined when a field's kind is not encoded here (then not compared).
 */
function descriptorWire(type: string, tokens: readonly ZoneToken[], origin: string): number[] | undefined {
  const d = rdataDescriptor(type);
  if (!d || d.special || d.genericOnly) return undefined;
  const out: number[] = [];
  const text = (t: ZoneToken): string => (t.quoted ? t.text.slice(1, t.text.endsWith('"') && t.text.length > 1 ? -1 : undefined) : t.text);
  for (let i = 0; i < d.fields.length; i++) {
    const t = tokens[i];
    if (!t) return undefined;
    const v = text(t);
    switch (d.fields[i].kind) {
      case 'u8':
        out.push(Number(v));
        break;
      case 'u16':
      case 'keyFlags':
        if (!/^\d+$/.test(v)) return undefined;
        out.push(...u16(Number(v)));
        break;
      case 'u32':
        out.push(...u32(Number(v)));
        break;
      case 'ttl':
        out.push(...u32(parseTtl(v, 0, v.length)));
        break;
      case 'name':
        out.push(...nameToWire(buildName(t.text, 0, t.text.length, origin)));
        break;
      case 'ipv4':
        out.push(...v.split('.').map(Number));
        break;
      case 'ipv6': {
        const w = ipv6Wire(v);
        if (!w) return undefined;
        out.push(...w);
        break;
      }
      case 'string': {
        // CAA's value and URI's target are the rest of the RDATA, without a length octet.
        const bytes = unescapeString(t.text);
        if ((type === 'CAA' && i === 2) || (type === 'URI' && i === 2)) out.push(...bytes);
        else out.push(bytes.length, ...bytes);
        break;
      }
      case 'caaTag':
        out.push(v.length, ...Buffer.from(v, 'latin1'));
        break;
      case 'time': {
        const w = timeWire(v);
        if (!w) return undefined;
        out.push(...w);
        break;
      }
      case 'type': {
        const code = typeCodeOf(v);
        if (code === undefined) return undefined;
        out.push(...u16(code));
        break;
      }
      case 'algorithm':
        out.push(ALGORITHMS[v.toUpperCase()] ?? Number(v));
        break;
      case 'certType':
        out.push(...u16(CERT_TYPES[v.toUpperCase()] ?? Number(v)));
        break;
      case 'hexOrDash':
        if (v === '-') out.push(0);
        else out.push(v.length / 2, ...hexWire(v));
        break;
      case 'base32hex': {
        const w = base32hexWire(v);
        out.push(w.length, ...w);
        break;
      }
      case 'eui48':
      case 'eui64':
        out.push(...hexWire(v.replace(/-/g, '')));
        break;
      case 'ilnp64':
        out.push(...v.split(':').flatMap((g) => u16(parseInt(g, 16))));
        break;
      default:
        return undefined;
    }
  }
  const rest = tokens.slice(d.fields.length);
  if (!d.rest) return rest.length ? undefined : out;
  switch (d.rest.kind) {
    case 'hex':
      return [...out, ...hexWire(rest.map((t) => t.text).join(''))];
    case 'base64':
      return [...out, ...base64Wire(rest.map((t) => t.text).join(''))];
    case 'types': {
      const w = bitmapWire(rest.map((t) => t.text));
      return w && [...out, ...w];
    }
    case 'strings':
      return [...out, ...rest.flatMap((t) => {
        const bytes = unescapeString(t.text);
        return [bytes.length, ...bytes];
      })];
    default:
      return undefined;
  }
}

/** Records whose RDATA was compared byte for byte (printed with the suite). */
let rdataCompared = 0;

function recordMatches(r: ZoneRecord, b: KnotBlock): string | undefined {
  if (b.owner !== undefined && lowerWireHex(hexOf(nameToWire(r.owner))) !== lowerWireHex(b.owner)) return `owner ${r.owner}`;
  if (b.type !== undefined && r.typeCode !== b.type) return `type ${r.typeCode}`;
  // zscanner-tool runs with a default TTL of 0 for records that get none otherwise.
  if (b.ttl !== undefined && (r.ttl ?? 0) !== b.ttl) return `ttl ${r.ttl}`;
  if (b.rdata !== undefined) {
    let wire: number[] | undefined;
    try {
      wire = rdataWire(r);
    } catch {
      wire = undefined;
    }
    // Names compare case-insensitively (we keep them lower-cased); other data exactly.
    const fold = !r.generic && (rdataDescriptor(r.type)?.fields.some((f) => f.kind === 'name') ?? false);
    if (wire && (fold ? lowerWireHex(hexOf(wire)) !== lowerWireHex(b.rdata) : hexOf(wire) !== b.rdata.toLowerCase())) return `rdata ${hexOf(wire)}`;
    if (wire) rdataCompared++;
  }
  return undefined;
}

function knotScanner(dir: string): SuiteReport[] {
  const base = path.join(dir, 'zones', 'knot-libzscanner');
  if (!fs.existsSync(base)) return [];
  const t = new Tally('zones-knot-libzscanner');
  const names = read(path.join(base, 'TESTS')).split('\n').map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    const inFile = path.join(base, `${name}.in`);
    const outFile = path.join(base, `${name}.out`);
    if (!fs.existsSync(inFile) || !fs.existsSync(outFile)) continue;
    const text = read(inFile).split('@TMPDIR@').join(base);
    const a = analyse(text, '.', inFile);
    const expected = knotBlocks(read(outFile));
    const fatal = expected.findIndex((b) => b.kind === 'error');
    let ours = ourEntries(a);
    const exp = fatal >= 0 ? expected.slice(0, fatal + 1) : expected;
    if (fatal >= 0) {
      // The scanner stops at a fatal error: compare up to the first entry we reject at or after it.
      const firstBad = ours.findIndex((e, i) => i >= fatal && !e.ok);
      if (firstBad >= 0) ours = ours.slice(0, firstBad + 1);
    }
    // Align by order; both sides list every record and every rejected entry.
    const n = Math.max(exp.length, ours.length);
    for (let i = 0; i < n; i++) {
      const e = exp[i];
      const o = ours[i];
      const label = `${name}#${i + 1}${o ? ` (line ${o.line + 1})` : ''}`;
      if (!e) {
        t.check(label, false, 'nothing (no further entry)', o.ok ? `accepted ${o.record?.type}` : `rejected: ${o.why}`);
        continue;
      }
      if (!o) {
        t.check(label, false, e.kind === 'record' ? `record type ${e.type}` : `rejected ${e.code}`, 'nothing');
        continue;
      }
      if (e.kind === 'record') {
        const diff = o.ok && o.record ? recordMatches(o.record, e) : 'rejected';
        t.check(label, o.ok && !diff, `accepted type ${e.type} ttl ${e.ttl}`, o.ok ? `accepted with different ${diff}` : `rejected: ${o.why}`);
      } else {
        t.check(label, !o.ok, `rejected ${e.code}`, o.ok ? `accepted ${o.record?.type}` : 'rejected');
      }
    }
  }
  note(`note zones-knot-libzscanner: RDATA compared byte for byte on ${rdataCompared} accepted records (every type with a plain field layout; not LOC, APL, SVCB/HTTPS/DELEG parameters, IPSECKEY, AMTRELAY)\n`);
  rdataCompared = 0;
  return [t.report()];
}

// ------------------------------------------------------------------ TSV-driven zone suites

function tsv(file: string): string[][] {
  return read(file)
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

/** kzonecheck's DNSSEC checks among the dialect points (left out by `-d off`). */
const DNSSEC_POINTS = new Set<DialectPointId>(['cds-without-cdnskey']);

function knotSemantic(dir: string): SuiteReport[] {
  const base = path.join(dir, 'zones', 'knot-semantic-check');
  if (!fs.existsSync(base)) return [];
  const t = new Tally('zones-knot-semantic-check');
  for (const row of tsv(path.join(base, 'EXPECTED.tsv'))) {
    const [file, mode, origin] = row;
    if (file === 'file') continue;
    const a = analyse(read(path.join(base, file)), origin === 'AUTO' ? undefined : `${origin}.`);
    // `correct_no_dnssec` rows are kzonecheck runs with `-d off`, which leaves the DNSSEC checks out.
    const noDnssec = mode === 'correct_no_dnssec';
    const errs = errors(a).filter((f) => !noDnssec || !(DNSSEC_RULES.includes(f.rule) || (f.rule === 'zone-server-refuses' && DNSSEC_POINTS.has((f.data as { construct: DialectPointId }).construct))));
    const wantError = mode === 'expect_error';
    t.check(noDnssec ? `${file} (-d off)` : file, wantError === errs.length > 0, wantError ? `error (${row[6] || 'any'})` : 'no error', describe(errs));
  }
  return [t.report()];
}

/**
 * Checks of signatures and denial-of-existence chains, which named-checkzone does not make (it
 * loads a signed zone without verifying it; dnssec-verify does that): left out of the comparison
 * with it, as dnspython's is limited to what its reader checks.
 */
const SIGNATURE_RULES = new Set(['zone-dnssec-signatures', 'zone-rrsig-validity', 'zone-nsec-chain', 'zone-nsec3-chain']);

function bindCheckzone(dir: string): SuiteReport[] {
  const base = path.join(dir, 'zones', 'bind9-checkzone');
  if (!fs.existsSync(base)) return [];
  const t = new Tally('zones-bind9-checkzone');
  for (const row of tsv(path.join(base, 'EXPECTED.tsv'))) {
    const [file, origin, , exit, message] = row;
    // A row without an exit status ('-') lists a file that other cases $INCLUDE, not a case.
    if (file === 'file' || exit === '-' || !fs.existsSync(path.join(base, file))) continue;
    const full = path.join(base, file);
    const a = analyse(read(full), origin ? `${origin}.` : undefined, full);
    // named-checkzone's check-names default is "warn": only -k fail makes host-name errors fatal.
    const options = row[2] ?? '';
    const errs = errors(a).filter((f) => (f.rule !== 'zone-bad-hostname' || options.includes('-k fail')) && !SIGNATURE_RULES.has(f.rule));
    const wantFail = exit === '1';
    t.check(`${file} ${row[2] ?? ''}`.trim(), wantFail === errs.length > 0, wantFail ? `fails: ${message}` : 'loads', describe(errs));
  }
  return [t.report()];
}

function bindMasterLoader(dir: string): SuiteReport[] {
  const base = path.join(dir, 'zones', 'bind9-master-loader');
  if (!fs.existsSync(base)) return [];
  const t = new Tally('zones-bind9-master-loader');
  for (const row of tsv(path.join(base, 'EXPECTED.tsv'))) {
    const [file, result] = row;
    if (file === 'file') continue;
    const full = path.join(base, file);
    const text = read(full).replace(/testdata\/master\//g, '');
    const a = analyse(text, 'test.', full);
    const errs = syntaxErrors(a);
    const ok = result.startsWith('ISC_R_SUCCESS') || result === 'DNS_R_SEENINCLUDE';
    t.check(file, ok === (errs.length === 0), result, describe(errs));
  }
  return [t.report()];
}

// ------------------------------------------------------------------ single-record vectors

function recordVerdict(type: string, rdata: string, origin = 'rec.test.', cls = 'IN'): Finding[] {
  return syntaxErrors(recordAnalysis(type, rdata, origin, cls));
}

function recordAnalysis(type: string, rdata: string, origin = 'rec.test.', cls = 'IN'): Analysis {
  return analyse(`$ORIGIN ${origin}\n$TTL 3600\n@ ${cls} ${type} ${rdata}\n`);
}

/** Our wire form of one record's RDATA (hex), or undefined when the type's layout is not encoded here. */
function recordWireHex(a: Analysis): string | undefined {
  const r = a.model.records[0];
  if (!r) return undefined;
  try {
    const w = rdataWire(r);
    return w && hexOf(w);
  } catch {
    return undefined;
  }
}

/** Records whose data (not only the verdict) was compared, per suite. */
const dataCompared = new Map<string, number>();
const noteData = (suite: string): void => {
  dataCompared.set(suite, (dataCompared.get(suite) ?? 0) + 1);
};

function jsonl(file: string): Record<string, unknown>[] {
  return read(file)
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function bindRdata(dir: string): SuiteReport[] {
  const base = path.join(dir, 'zones', 'bind9-rdata-vectors');
  if (!fs.existsSync(base)) return [];
  const t = new Tally('zones-bind9-rdata');
  jsonl(path.join(base, 'rdata_text_vectors.jsonl')).forEach((v, i) => {
    const input = String(v.input);
    // A few vectors carry the class '?' (the test source did not name one): read them as IN.
    const cls = /^[A-Za-z0-9]+$/.test(String(v.class)) ? String(v.class) : 'IN';
    const wrap = (s: string): string => (s.includes('\n') ? `( ${s} )` : s);
    const a = recordAnalysis(String(v.type), wrap(input), '.', cls);
    const errs = syntaxErrors(a);
    const valid = v.valid === true;
    const name = `${v.type} #${i + 1} ${JSON.stringify(input).slice(0, 60)}`;
    // A valid vector also gives the text BIND prints back: both must be the same data for us.
    if (valid && errs.length === 0 && typeof v.output === 'string') {
      const ours = recordWireHex(a);
      const back = recordWireHex(recordAnalysis(String(v.type), wrap(v.output), '.', cls));
      if (ours !== undefined && back !== undefined) {
        noteData('zones-bind9-rdata');
        t.check(name, ours === back, `valid, same data as '${String(v.output).slice(0, 40)}'`, `data ${ours.slice(0, 40)} vs ${back.slice(0, 40)}`);
        return;
      }
    }
    t.check(name, valid === (errs.length === 0), valid ? 'valid' : 'invalid', describe(errs));
  });
  note(`note zones-bind9-rdata: data compared (input and BIND's printed form encode the same) on ${dataCompared.get('zones-bind9-rdata') ?? 0} valid vectors\n`);
  jsonl(path.join(base, 'svcb_text_vs_unknown.jsonl')).forEach((v, i) => {
    for (const form of ['text', 'unknown_format'] as const) {
      const errs = recordVerdict(String(v.type), String(v[form]));
      t.check(`${v.type} svcb #${i + 1} ${form}`, errs.length === 0, 'valid', describe(errs));
    }
  });
  return [t.report()];
}

function pdnsRdata(dir: string): SuiteReport[] {
  const base = path.join(dir, 'zones', 'powerdns-rdata-vectors');
  if (!fs.existsSync(base)) return [];
  const t = new Tally('zones-powerdns-rdata');
  // A few inputs kept the C++ raw-string wrapper of the source (`FOO(…)FOO`): unwrap it.
  const unwrap = (s: string): string => /^([A-Z]+)\(([\s\S]*)\)\1$/.exec(s)?.[2] ?? s;
  // Others were damaged by the extraction: a raw string cut before its closing `)FOO`, or an
  // escape of the source decoded into a NUL byte. Their text is not what PowerDNS parsed, so they
  // are not run (and not counted); the note lists them.
  const damaged = (s: string): boolean => (/^[A-Z]+\(/.test(s) && unwrap(s) === s) || s.includes('\u0000');
  const notRun: string[] = [];
  jsonl(path.join(base, 'record_text_vectors.jsonl')).forEach((v, i) => {
    if (damaged(String(v.input))) {
      notRun.push(`#${i + 1} ${JSON.stringify(v.input).slice(0, 40)}`);
      return;
    }
    const a = recordAnalysis(String(v.type), unwrap(String(v.input)));
    const errs = syntaxErrors(a);
    const name = `good ${v.type} #${i + 1} ${JSON.stringify(v.input).slice(0, 60)}`;
    // The wire form is compared where it holds no name (names under rec.test. are compressed upstream).
    const wire = String(v.wire_hex ?? '').toLowerCase();
    const hasName = rdataDescriptor(String(v.type).toUpperCase())?.fields.some((f) => f.kind === 'name') ?? true;
    const ours = errs.length === 0 && wire && !hasName ? recordWireHex(a) : undefined;
    if (ours !== undefined) {
      noteData('zones-powerdns-rdata');
      t.check(name, ours === wire, `valid, wire ${wire.slice(0, 40)}`, `wire ${ours.slice(0, 40)}`);
      return;
    }
    t.check(name, errs.length === 0, 'valid', describe(errs));
  });
  note(`note zones-powerdns-rdata: wire form compared on ${dataCompared.get('zones-powerdns-rdata') ?? 0} valid vectors (types without names)\n`);
  if (notRun.length) note(`note zones-powerdns-rdata: ${notRun.length} vector(s) not run, their text damaged when extracted from the C++ source: ${notRun.join('; ')}\n`);
  jsonl(path.join(base, 'record_bad_values.jsonl')).forEach((v, i) => {
    const errs = recordVerdict(String(v.type), String(v.input));
    t.check(`bad ${v.type} #${i + 1} ${JSON.stringify(v.input).slice(0, 60)}`, errs.length > 0, 'invalid', describe(errs));
  });
  jsonl(path.join(base, 'unknown_type_rfc3597_cases.jsonl')).forEach((v, i) => {
    const errs = recordVerdict(String(v.type), String(v.input));
    const valid = v.valid === true;
    t.check(`rfc3597 #${i + 1} ${JSON.stringify(v.input).slice(0, 60)}`, valid === (errs.length === 0), valid ? 'valid' : 'invalid', describe(errs));
  });
  return [t.report()];
}

// ------------------------------------------------------------------ whole files that must load

function mustLoad(t: Tally, file: string, origin?: string, label = path.basename(file)): Analysis {
  const a = analyse(read(file), origin, file);
  const errs = syntaxErrors(a);
  t.check(label, errs.length === 0, 'loads', describe(errs));
  return a;
}

function mustRefuse(t: Tally, file: string, origin?: string, label = path.basename(file)): void {
  const errs = syntaxErrors(analyse(read(file), origin, file));
  t.check(label, errs.length > 0, 'refused', errs.length ? describe(errs) : 'loads');
}

/** RDATA entries of a file listing one per line (or per parenthesised group), with ; comments. */
function rdataEntries(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/;.*$/, '').trim();
    if (!line) continue;
    cur += (cur ? ' ' : '') + line;
    for (const c of line) depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth <= 0) {
      out.push(cur);
      cur = '';
      depth = 0;
    }
  }
  if (cur) out.push(cur);
  return out;
}

function dnspython(dir: string): SuiteReport[] {
  const base = path.join(dir, 'zones', 'dnspython');
  if (!fs.existsSync(base)) return [];
  const t = new Tally('zones-dnspython');
  const example = mustLoad(t, path.join(base, 'example'), 'example.');
  // dnspython's re-serialisations of `example` (relative names, absolute names, with $ORIGIN): the
  // same records with the same data (wire form where the type's layout is encoded here, else the
  // owner, TTL, class and type only).
  const recordKeys = (a: Analysis): string[] =>
    a.model.records
      .map((r) => {
        let w: number[] | undefined;
        try {
          w = rdataWire(r);
        } catch {
          w = undefined;
        }
        const fold = rdataDescriptor(r.type)?.fields.some((f) => f.kind === 'name') ?? false;
        return `${r.owner} ${r.ttl} ${r.class} ${r.typeCode} ${w ? (fold ? lowerWireHex(hexOf(w)) : hexOf(w)) : '(data not compared)'}`;
      })
      .sort();
  const want = recordKeys(example);
  for (const f of ['example1.good', 'example2.good', 'example3.good', 'example4.good']) {
    if (!fs.existsSync(path.join(base, f))) continue;
    const got = recordKeys(analyse(read(path.join(base, f)), 'example.', path.join(base, f)));
    const missing = want.filter((k) => !got.includes(k));
    const extra = got.filter((k) => !want.includes(k));
    t.check(`${f} (same records as example)`, missing.length === 0 && extra.length === 0, `${want.length} records`, `${got.length} records; missing ${missing[0] ?? '-'}; extra ${extra[0] ?? '-'}`);
  }
  // The RFC 9460 vectors: one SVCB RDATA per entry (comments between, parentheses across lines).
  for (const f of ['svcb_test_vectors.text', 'svcb_test_vectors.generic']) {
    if (!fs.existsSync(path.join(base, f))) continue;
    rdataEntries(read(path.join(base, f))).forEach((rdata, i) => {
      const errs = recordVerdict('SVCB', rdata, 'example.');
      t.check(`${f} #${i + 1}`, errs.length === 0, 'valid', describe(errs));
    });
  }
  const data = JSON.parse(read(path.join(base, 'zone_text_cases.json'))) as {
    cases: { name: string; origin?: string; input: string; expect: string; options?: { check_origin?: boolean } }[];
  };
  const originChecks = new Set(['zone-missing-soa', 'zone-missing-apex-ns', 'zone-soa-not-at-apex']);
  for (const c of data.cases) {
    const a = analyse(c.input, c.origin ?? undefined);
    // check_origin=False: the test loads without the apex SOA/NS checks.
    const errs = errors(a).filter((f) => DNSPYTHON_RULES.has(f.rule) && (c.options?.check_origin !== false || !originChecks.has(f.rule)));
    const wantOk = c.expect === 'ok';
    t.check(c.name, wantOk === (errs.length === 0), c.expect, describe(errs));
  }
  return [t.report()];
}

function ldns(dir: string): SuiteReport[] {
  const base = path.join(dir, 'zones', 'ldns');
  if (!fs.existsSync(base)) return [];
  const t = new Tally('zones-ldns');
  for (const f of fs.readdirSync(base).sort()) {
    if (f === 'LICENSE' || f.endsWith('.diffs')) continue;
    mustLoad(t, path.join(base, f));
  }
  return [t.report()];
}

function pdnsRegression(dir: string): SuiteReport[] {
  const base = path.join(dir, 'zones', 'powerdns-regression');
  if (!fs.existsSync(base)) return [];
  const t = new Tally('zones-powerdns-regression');
  for (const f of fs.readdirSync(base).sort()) {
    if (f === 'COPYING' || f.endsWith('.json')) continue;
    // zonemd-syntax.zone has an A record without data: PowerDNS's test-zonemd_cc.cc (test_zonemd12)
    // expects its parser to throw on it, so the file must be refused. Every other zone loads.
    if (f === 'zonemd-syntax.zone') mustRefuse(t, path.join(base, f));
    else mustLoad(t, path.join(base, f), f.endsWith('.zone') ? undefined : `${f}.`);
  }
  const g = new Tally('zones-powerdns-generate');
  const gen = JSON.parse(read(path.join(base, 'generate_cases.json'))) as {
    cases: { origin: string; input?: string; input_file?: string; valid: boolean; expected_owners?: string[]; note?: string }[];
  };
  gen.cases.forEach((c, i) => {
    const text = c.input ?? read(path.join(base, c.input_file ?? ''));
    const a = analyse(text + '\n', c.origin);
    const errs = syntaxErrors(a);
    const name = `#${i + 1} ${c.note ?? c.input_file ?? ''}`.trim();
    if (!c.valid) {
      g.check(name, errs.length > 0, 'invalid', describe(errs));
      return;
    }
    if (errs.length) return g.check(name, false, 'valid', describe(errs));
    if (c.expected_owners) {
      const owners = zoneFacts(a.model).records.map((r) => r.owner);
      const want = c.expected_owners.map((o) => o.toLowerCase());
      const got = owners.slice(0, want.length);
      g.check(name, JSON.stringify(got) === JSON.stringify(want), want.slice(0, 3).join(' '), got.slice(0, 3).join(' '));
    } else g.check(name, true, 'valid', 'accepted');
  });
  return [t.report(), g.report()];
}

/** How a suite is judged: the server profile it runs under, and whether that server's refusals count. */
interface Judging {
  server: ZoneServer;
  refusalsCount: boolean;
}

/** Runs `suite` judged as `j` (`silent`: its notes not printed), then restores the runner's state. */
function runJudged(suite: (dir: string) => SuiteReport[], dir: string, j: Judging, silent: boolean): SuiteReport[] {
  const was = [server, serverRefusalsCount, quiet] as const;
  [server, serverRefusalsCount, quiet] = [j.server, j.refusalsCount, silent];
  dataCompared.clear();
  rdataCompared = 0;
  try {
    return suite(dir);
  } finally {
    [server, serverRefusalsCount, quiet] = was;
  }
}

/** A suite judged as `main`; it runs first, quietly, judged as `other`, and a note gives that figure. */
function alongside(suite: (dir: string) => SuiteReport[], main: Judging, other: Judging, otherwise: string): (dir: string) => SuiteReport[] {
  return (dir) => {
    const others = runJudged(suite, dir, other, true);
    const reports = runJudged(suite, dir, main, false);
    for (const r of reports) {
      const d = others.find((x) => x.suite === r.suite);
      if (d) process.stdout.write(`note ${r.suite}: ${otherwise}: ${d.passed}/${d.total}\n`);
    }
    return reports;
  };
}

const BY_DEFAULT: Judging = { server: DEFAULT_ZONE_SERVER, refusalsCount: true };

/** A suite under a server profile; under a profile other than the default, a note gives the figure under the default. */
function under(profile: ZoneServer, suite: (dir: string) => SuiteReport[]): (dir: string) => SuiteReport[] {
  const main: Judging = { server: profile, refusalsCount: true };
  if (profile === DEFAULT_ZONE_SERVER) return (dir) => runJudged(suite, dir, main, false);
  return alongside(suite, main, BY_DEFAULT, `run under the ${profile} profile; under the default profile (${DEFAULT_ZONE_SERVER})`);
}

/**
 * A suite of a library that reads zone files (dnspython, ldns) rather than a server: it is judged on
 * the master-file language, so what one server refuses beyond it (`zone-server-refuses`) is not a
 * rejection there. A note gives the figure counting the default profile's refusals.
 */
function asLibrary(suite: (dir: string) => SuiteReport[]): (dir: string) => SuiteReport[] {
  const main: Judging = { server: DEFAULT_ZONE_SERVER, refusalsCount: false };
  return alongside(suite, main, BY_DEFAULT, `a library's suite, judged without servers' refusals; counting what ${SERVER_NAMES[DEFAULT_ZONE_SERVER]} refuses (zone-server-refuses)`);
}

/** Each suite on its own (under its server's profile), so the runner can enforce the goal per suite. */
export const knotScannerSuite = under('knot', knotScanner);
export const knotSemanticSuite = under('knot', knotSemantic);
export const bindCheckzoneSuite = under('bind', bindCheckzone);
export const bindMasterLoaderSuite = under('bind', bindMasterLoader);
export const bindRdataSuite = under('bind', bindRdata);
export const pdnsRdataSuite = under('powerdns', pdnsRdata);
export const dnspythonSuite = asLibrary(dnspython);
export const ldnsSuite = asLibrary(ldns);
/** The regression zones and the $GENERATE cases come from one run (per corpus folder). */
const pdnsRuns = new Map<string, SuiteReport[]>();
const pdnsUnder = (dir: string): SuiteReport[] => {
  let r = pdnsRuns.get(dir);
  if (!r) pdnsRuns.set(dir, (r = under('powerdns', pdnsRegression)(dir)));
  return r;
};
export const pdnsRegressionSuite = (dir: string): SuiteReport[] => pdnsUnder(dir).filter((r) => r.suite === 'zones-powerdns-regression');
export const pdnsGenerateSuite = (dir: string): SuiteReport[] => pdnsUnder(dir).filter((r) => r.suite === 'zones-powerdns-generate');
