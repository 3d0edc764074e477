/**
 * Grammar of the filter commands (reference §2–§3):
 *   ip|ipv6 filter N ACTION SRC [DST [PROTOCOL [SRC_PORT [DST_PORT]]]]
 *   ip|ipv6 filter dynamic N SRC DST APPLICATION [syslog=on|off] [timeout=S]
 *   ip filter dynamic N SRC DST filter LIST [in LIST] [out LIST] [syslog=…] [timeout=…]
 *   ip filter set NAME in|out LIST… [dynamic LIST…]
 *   ip|ipv6 IFACE|pp|tunnel secure filter in|out [LIST…] [dynamic LIST…]   /   ip … secure filter name SET
 * IPv4 and IPv6 filters are separate number spaces (`model.filters` / `model.filters.v6`), and so
 * are static and dynamic filters. Problems name the field and point at the offending token (or
 * list element).
 */
import { FILTER_NUMBER_MAX_LEGACY, FILTER_REDEFINITION_REPLACES, SPECIAL_PROTOCOLS_ALLOWED_IN_LISTS, UNOFFICIAL_PORT_MNEMONICS_ARE_IANA } from './assumptions';
import { parseAddrElem } from './address';
import { contextIface, ifaceKey, IFACE_NAME, words } from './command';
import type {
  AddrElem,
  AddrSpec,
  DynamicFilter,
  FilterSetList,
  FilterSpace,
  IfaceRef,
  ListEntry,
  PortElem,
  PortMode,
  PortSpec,
  ProtoElem,
  ProtoSpec,
  RtxCommand,
  RtxModel,
  RtxProblem,
  RtxToken,
  SecureFilterBinding,
  StaticFilter,
} from './model';
import { DYNAMIC_APPLICATIONS, PORT_MNEMONICS, type PortMnemonic, PROTO_ICMP, PROTO_ICMP6, PROTO_TCP, PROTO_UDP, PROTOCOL_KEYWORDS, PROTOCOL_KEYWORDS_V6, PROTOCOL_MNEMONICS } from './ports';
import { ACTION_NAMES, ACTIONS, FIELD } from './terms';
import type { Range } from '../types';

/** At most this many elements in a port list (command reference §8.1.10). */
export const MAX_PORT_ELEMENTS = 10;

/** Maximum entries (static + dynamic) of one secure filter list, by model family. */
export function listLimit(model: string | undefined): number {
  if (!model) return 300;
  if (/^(?:RTX5000|RTX3510|RTX3500|vRX)/i.test(model)) return 300;
  if (/^(?:RTX830|RTX840|RTX1210|RTX1220|RTX1300)/i.test(model)) return 129;
  return 300;
}

/** `ip filter` sub-commands that are not numbered definitions. */
const IP_FILTER_SETTINGS = new Set(['source-route', 'directed-broadcast', 'set', 'fqdn', 'dynamic']);
const IPV6_FILTER_SETTINGS = new Set(['fqdn', 'dynamic']);

interface Piece {
  text: string;
  range: Range;
}

/** The comma-separated elements of a token, each with its document range. */
export function splitElements(token: RtxToken): Piece[] {
  const out: Piece[] = [];
  const v = token.value;
  let s = 0;
  for (let i = 0; i <= v.length; i++) {
    if (i === v.length || v[i] === ',') {
      out.push({ text: v.slice(s, i), range: i > s ? token.map.docRange(s, i) : emptyAt(token, s) });
      s = i + 1;
    }
  }
  return out;
}

function emptyAt(token: RtxToken, index: number): Range {
  // An empty element: point at the comma that delimits it.
  const at = Math.min(index, token.value.length - 1);
  return at >= 0 ? token.map.docRange(at, at + 1) : token.range;
}

/** Shortens long quoted values in messages (`'xxxxx…'`), so a garbage token never makes a huge message. */
export function clipQuoted(message: string): string {
  return message.replace(/'([^']{61,})'/g, (_m, q: string) => `'${q.slice(0, 57)}…'`);
}

const problem = (problems: RtxProblem[], range: Range, field: string, message: string): void => {
  problems.push({ range, message: clipQuoted(`${field}: ${message}`) });
};

// ----- fields ------------------------------------------------------------------------------

export function parseAddrField(token: RtxToken | undefined, field: string, problems: RtxProblem[], family: 4 | 6 = 4): { spec: AddrSpec; ok: boolean } {
  if (!token) return { spec: { any: true, elems: [] }, ok: true };
  if (token.value === '*') return { spec: { any: true, elems: [], token }, ok: true };
  let ok = true;
  const elems: AddrElem[] = [];
  for (const p of splitElements(token)) {
    const r = parseAddrElem(p.text, family);
    if ('error' in r) {
      problem(problems, p.range, field, r.error);
      ok = false;
    } else elems.push({ ...r, text: p.text, range: p.range } as AddrElem);
  }
  return { spec: { any: elems.some((e) => e.kind === 'any'), elems, token }, ok };
}

export function parseProtoField(token: RtxToken | undefined, problems: RtxProblem[], family: 4 | 6 = 4): { spec: ProtoSpec; ok: boolean } {
  if (!token || token.value === '*') return { spec: { any: true, elems: [], ...(token ? { token } : {}) }, ok: true };
  let ok = true;
  const elems: ProtoElem[] = [];
  const pieces = splitElements(token);
  for (const p of pieces) {
    const r = parseProtoElem(p.text, pieces.length > 1, family);
    if ('error' in r) {
      problem(problems, p.range, FIELD.proto, r.error);
      ok = false;
    } else elems.push({ ...r, text: p.text, range: p.range } as ProtoElem);
  }
  return { spec: { any: false, elems, token }, ok };
}

type ProtoValue =
  | { kind: 'number'; proto: number }
  | { kind: 'tcpflag'; value: number; mask: number; negate: boolean }
  | { kind: 'icmp-class'; types: readonly number[]; proto?: number };

function parseProtoElem(text: string, inList: boolean, family: 4 | 6): ProtoValue | { error: string } {
  const t = text.toLowerCase();
  if (t === '') return { error: 'empty element in the protocol list' };
  if (t === '*') return { error: "'*' cannot be combined with other protocols" };
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return n <= 255 ? { kind: 'number', proto: n } : { error: `protocol number ${t} is out of range 0-255` };
  }
  const special = (v: ProtoValue): ProtoValue | { error: string } =>
    inList && !SPECIAL_PROTOCOLS_ALLOWED_IN_LISTS ? { error: `'${text}' must be used alone` } : v;
  if (family === 6) {
    // In ipv6 filters `icmp` means ICMPv6; `icmp4` names ICMP for IPv4 (reference §2.10).
    if (t === 'icmp' || t === 'icmp6') return { kind: 'number', proto: PROTO_ICMP6 };
    if (t === 'icmp4') return { kind: 'number', proto: PROTO_ICMP };
    const kw6 = PROTOCOL_KEYWORDS_V6.get(t);
    if (kw6?.icmpTypes) return special({ kind: 'icmp-class', types: kw6.icmpTypes, proto: PROTO_ICMP6 });
  } else if (t === 'icmp-nd' || t === 'icmp4') {
    return { error: `'${text}' is only valid in ipv6 filters` };
  }
  const mn = PROTOCOL_MNEMONICS.get(t);
  if (mn) return { kind: 'number', proto: mn.number };
  const kw = PROTOCOL_KEYWORDS.get(t);
  if (kw?.tcp) return special({ kind: 'tcpflag', value: kw.tcp.value, mask: kw.tcp.mask, negate: false });
  if (kw?.icmpTypes) return special({ kind: 'icmp-class', types: kw.icmpTypes });
  if (t.startsWith('tcpflag')) {
    const m = /^tcpflag(!?=)0x([0-9a-f]{1,4})\/0x([0-9a-f]{1,4})$/.exec(t);
    if (!m) return { error: `'${text}' must be written tcpflag=0xVALUE/0xMASK or tcpflag!=0xVALUE/0xMASK` };
    return special({ kind: 'tcpflag', value: parseInt(m[2], 16), mask: parseInt(m[3], 16), negate: m[1] === '!=' });
  }
  return { error: `unknown protocol '${text}'` };
}

/** How the port fields of a filter with this protocol are compared (reference §2.6). */
export function portModeOf(proto: ProtoSpec, family: 4 | 6 = 4): PortMode {
  if (proto.any) return 'tcp-udp';
  const icmp = family === 6 ? PROTO_ICMP6 : PROTO_ICMP;
  if (proto.elems.length === 1 && proto.elems[0].kind === 'number' && proto.elems[0].proto === icmp) return 'icmp';
  const tcpUdp = proto.elems.some((e) => e.kind === 'tcpflag' || (e.kind === 'number' && (e.proto === PROTO_TCP || e.proto === PROTO_UDP)));
  return tcpUdp ? 'tcp-udp' : 'ignored';
}

export function parsePortField(
  token: RtxToken | undefined,
  field: string,
  mode: PortMode,
  problems: RtxProblem[],
): { spec: PortSpec; ok: boolean } {
  if (!token || token.value === '*') return { spec: { any: true, elems: [], ...(token ? { token } : {}) }, ok: true };
  let ok = true;
  const pieces = splitElements(token);
  if (pieces.length > MAX_PORT_ELEMENTS) {
    problem(problems, token.range, field, `${pieces.length} elements; at most ${MAX_PORT_ELEMENTS} are allowed`);
    ok = false;
  }
  const elems: PortElem[] = [];
  for (const p of pieces) {
    const r = mode === 'icmp' ? parseIcmpElem(p.text, field === FIELD.sport ? 'type' : 'code') : parsePortElem(p.text);
    if ('error' in r) {
      problem(problems, p.range, field, r.error);
      ok = false;
    } else elems.push({ text: p.text, range: p.range, ports: r.ports });
  }
  return { spec: { any: elems.some((e) => e.text === '*'), elems, token }, ok };
}

/** A port mnemonic accepted in static filters (official, or assumed IANA — see assumptions.ts). */
function portMnemonic(t: string): PortMnemonic | undefined {
  const m = PORT_MNEMONICS.get(t.toLowerCase());
  return m && (m.official || UNOFFICIAL_PORT_MNEMONICS_ARE_IANA) ? m : undefined;
}

type PortValue = { ports: { from: number; to: number }[] } | { error: string };

function singlePort(t: string): { min: number; max: number } | undefined {
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return n <= 65535 ? { min: n, max: n } : undefined;
  }
  const m = portMnemonic(t);
  return m ? { min: Math.min(...m.ports), max: Math.max(...m.ports) } : undefined;
}

/** One port element: number, mnemonic, `a-b`, `-b`, `a-` (ends may be mnemonics). */
export function parsePortElem(text: string): PortValue {
  if (text === '') return { error: 'empty element in the port list' };
  if (text === '*') return { ports: [{ from: 0, to: 65535 }] };
  const m = portMnemonic(text);
  if (m) return { ports: m.ports.map((p) => ({ from: p, to: p })) };
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n <= 65535 ? { ports: [{ from: n, to: n }] } : { error: `port ${text} is out of range 0-65535` };
  }
  // Ranges; a mnemonic may itself contain '-' (`ms-rpc`), so try every split point
  // (bounded: no port or mnemonic is long, and this keeps garbage linear).
  for (let i = text.length <= 64 ? text.indexOf('-') : -1; i >= 0; i = text.indexOf('-', i + 1)) {
    const a = text.slice(0, i);
    const b = text.slice(i + 1);
    if (a === '' && b === '') break;
    const pa = a === '' ? { min: 0, max: 0 } : singlePort(a);
    const pb = b === '' ? { min: 65535, max: 65535 } : singlePort(b);
    if (!pa || !pb) continue;
    if (pa.min > pb.max) return { error: `range start ${a} is above its end ${b}` };
    return { ports: [{ from: pa.min, to: pb.max }] };
  }
  if (/^[\d-]+$/.test(text)) return { error: `'${text}' is not a port or port range (0-65535)` };
  return { error: `unknown port name '${text}'` };
}

function parseIcmpElem(text: string, what: 'type' | 'code'): PortValue {
  if (text === '*') return { ports: [{ from: 0, to: 255 }] };
  const m = /^(\d*)-(\d*)$/.exec(text);
  const lo = m ? (m[1] === '' ? 0 : Number(m[1])) : /^\d+$/.test(text) ? Number(text) : NaN;
  const hi = m ? (m[2] === '' ? 255 : Number(m[2])) : lo;
  if (Number.isNaN(lo) || (m && m[1] === '' && m[2] === '')) {
    return { error: `with protocol icmp alone this field is the ICMP ${what}; '${text}' is not a number` };
  }
  if (lo > 255 || hi > 255) return { error: `ICMP ${what} ${text} is out of range 0-255` };
  if (lo > hi) return { error: `range start ${lo} is above its end ${hi}` };
  return { ports: [{ from: lo, to: hi }] };
}

function parseFilterNumber(token: RtxToken, problems: RtxProblem[]): number | undefined {
  if (!/^\d+$/.test(token.value)) {
    problem(problems, token.range, FIELD.num, `'${token.value}' is not a number`);
    return undefined;
  }
  const n = Number(token.value);
  if (n < 1 || n > FILTER_NUMBER_MAX_LEGACY) {
    problem(problems, token.range, FIELD.num, `${token.value} is out of range 1-${FILTER_NUMBER_MAX_LEGACY}`);
    return undefined;
  }
  return n;
}

function spanOf(tokens: RtxToken[]): Range {
  return { start: tokens[0].range.start, end: tokens[tokens.length - 1].range.end };
}

// ----- commands ----------------------------------------------------------------------------

/** `ip|ipv6 filter N ACTION SRC [DST [PROTO [SPORT [DPORT]]]]` (words[2] is the number). */
export function parseStaticFilter(cmd: RtxCommand, problems: RtxProblem[], family: 4 | 6 = 4): StaticFilter | 'removed' | undefined {
  const w = words(cmd);
  const numToken = w[2];
  const num = parseFilterNumber(numToken, problems);
  if (num === undefined) return undefined;
  if (cmd.negated) return 'removed';
  const actionToken = w[3];
  if (!actionToken) {
    problem(problems, cmd.range, FIELD.action, `missing (${ACTION_NAMES.join(', ')})`);
    return undefined;
  }
  let valid = true;
  let action = ACTIONS.get(actionToken.lower);
  if (!action) {
    problem(problems, actionToken.range, FIELD.action, `unknown action '${actionToken.value}' (${ACTION_NAMES.join(', ')})`);
    valid = false;
  }
  if (!w[4]) {
    problem(problems, cmd.range, FIELD.src, 'missing (write * for any address)');
    valid = false;
  }
  if (w.length > 9) {
    problem(problems, spanOf(w.slice(9)), 'too many parameters', `an ${family === 6 ? 'ipv6' : 'ip'} filter line ends with the destination port; '${w[9].value}' is extra`);
    valid = false;
  }
  const src = parseAddrField(w[4], FIELD.src, problems, family);
  const dst = parseAddrField(w[5], FIELD.dst, problems, family);
  const proto = parseProtoField(w[6], problems, family);
  const portMode = portModeOf(proto.spec, family);
  const sport = parsePortField(w[7], FIELD.sport, portMode, problems);
  const dport = parsePortField(w[8], FIELD.dport, portMode, problems);
  valid = valid && src.ok && dst.ok && proto.ok && sport.ok && dport.ok;
  action ??= ACTIONS.get('reject')!;
  return {
    family,
    num,
    command: cmd.index,
    numToken,
    action: { name: action.name, verdict: action.verdict, log: action.log },
    actionToken,
    src: src.spec,
    dst: dst.spec,
    proto: proto.spec,
    sport: sport.spec,
    dport: dport.spec,
    portMode,
    valid,
    range: cmd.range,
  };
}

/** `ip|ipv6 filter dynamic N …` (words[3] is the number). */
export function parseDynamicFilter(cmd: RtxCommand, problems: RtxProblem[], family: 4 | 6 = 4): DynamicFilter | 'removed' | undefined {
  const w = words(cmd);
  const numToken = w[3];
  const num = parseFilterNumber(numToken, problems);
  if (num === undefined) return undefined;
  if (cmd.negated) return 'removed';
  let valid = true;
  if (!w[4] || !w[5]) {
    problem(problems, cmd.range, w[4] ? FIELD.dst : FIELD.src, 'missing (write * for any address)');
    return undefined;
  }
  const src = parseAddrField(w[4], FIELD.src, problems, family);
  const dst = parseAddrField(w[5], FIELD.dst, problems, family);
  valid = src.ok && dst.ok;
  const rest = w.slice(6);
  const f: DynamicFilter = { family, num, command: cmd.index, numToken, src: src.spec, dst: dst.spec, syslog: true, valid, range: cmd.range };
  if (rest.length === 0) {
    problem(problems, cmd.range, FIELD.app, "missing (e.g. tcp, udp, smtp, www, or 'filter LIST')");
    return undefined;
  }
  let i = 0;
  if (rest[0].lower === 'filter') {
    let current: number[] = (f.trigger = []);
    for (i = 1; i < rest.length && !rest[i].value.includes('='); i++) {
      const t = rest[i];
      if (t.lower === 'in') current = f.inFilters = [];
      else if (t.lower === 'out') current = f.outFilters = [];
      else {
        const n = parseFilterNumber(t, problems);
        if (n === undefined) f.valid = false;
        else current.push(n);
      }
    }
    if (f.trigger.length === 0) {
      problem(problems, rest[0].range, FIELD.list, "'filter' needs at least one static filter number");
      f.valid = false;
    }
  } else {
    const appToken = rest[0];
    if (!DYNAMIC_APPLICATIONS.has(appToken.lower)) {
      problem(problems, appToken.range, FIELD.app, `unknown application '${appToken.value}'`);
      f.valid = false;
    }
    f.application = { name: appToken.lower, token: appToken };
    i = 1;
  }
  for (; i < rest.length; i++) {
    const t = rest[i];
    const m = /^(syslog|timeout)=(.*)$/.exec(t.lower);
    if (m?.[1] === 'syslog' && (m[2] === 'on' || m[2] === 'off')) f.syslog = m[2] === 'on';
    else if (m?.[1] === 'timeout' && /^\d+$/.test(m[2])) f.timeout = Number(m[2]);
    else {
      problem(problems, t.range, FIELD.option, `unexpected '${t.value}' (syslog=on|off, timeout=SECONDS)`);
      f.valid = false;
    }
  }
  return f;
}

export type SecureFilterResult =
  | { kind: 'bind'; binding: SecureFilterBinding }
  | { kind: 'remove'; key: string }
  | undefined;

/** Key of a binding: one list per family, interface and direction. */
export function bindingKey(family: 4 | 6, iface: IfaceRef, dir: 'in' | 'out'): string {
  return `${family}|${ifaceKey(iface)}|${dir}`;
}

/** `ip|ipv6 IFACE secure filter in|out …` (words[2..3] are `secure filter`). */
export function parseSecureFilter(cmd: RtxCommand, problems: RtxProblem[], model?: string): SecureFilterResult {
  const w = words(cmd);
  const family: 4 | 6 = w[0].lower === 'ipv6' ? 6 : 4;
  const ifTok = w[1];
  const name = ifTok.lower;
  let iface: IfaceRef | undefined;
  if (name === 'pp' || name === 'tunnel') {
    const sel = contextIface(cmd.context);
    if (!sel || sel.kind !== name) {
      problem(problems, ifTok.range, FIELD.iface, `'${w[0].value} ${name} secure filter' applies to the selected ${name}; use it after '${name} select N'`);
      return undefined;
    }
    iface = sel;
  } else if (/^(?:pp|tunnel)\d+$/.test(name)) {
    const kind = name.startsWith('pp') ? 'pp' : 'tunnel';
    problem(problems, ifTok.range, FIELD.iface, `'${ifTok.value}' is not accepted; select it with '${kind} select ${name.slice(kind.length)}' and write '${w[0].value} ${kind} secure filter …'`);
    return undefined;
  } else if (IFACE_NAME.test(name)) {
    iface = { kind: 'if', name };
  } else {
    problem(problems, ifTok.range, FIELD.iface, `unknown interface '${ifTok.value}'`);
    return undefined;
  }
  const dirTok = w[4];
  if (!dirTok) {
    problem(problems, cmd.range, FIELD.dir, "missing ('in' or 'out')");
    return undefined;
  }
  if (dirTok.lower === 'name') {
    if (family === 6) {
      problem(problems, dirTok.range, FIELD.list, "ipv6 secure filter has no filter-set ('name') form; list the ipv6 filter numbers");
      return undefined;
    }
    if (cmd.negated) return undefined;
    const set = w[5];
    if (!set) {
      problem(problems, dirTok.range, FIELD.list, 'missing filter set name');
      return undefined;
    }
    // A filter set serves both directions; record it as two bindings.
    const binding: SecureFilterBinding = { iface, dir: 'in', family, command: cmd.index, list: [], dynamic: [], setName: set.value };
    return { kind: 'bind', binding };
  }
  if (dirTok.lower !== 'in' && dirTok.lower !== 'out') {
    problem(problems, dirTok.range, FIELD.dir, `expected 'in' or 'out', not '${dirTok.value}'`);
    return undefined;
  }
  const dir = dirTok.lower;
  if (cmd.negated) return { kind: 'remove', key: bindingKey(family, iface, dir) };
  if (iface.kind === 'if' && iface.name === 'null' && dir === 'in') {
    problem(problems, dirTok.range, FIELD.dir, "the null interface has no 'in' direction");
    return undefined;
  }
  const binding: SecureFilterBinding = { iface, dir, family, command: cmd.index, list: [], dynamic: [] };
  let ok = readFilterLists(w.slice(5), binding, problems);
  if (binding.list.length + binding.dynamic.length === 0 && ok) {
    problem(problems, dirTok.range, FIELD.list, 'no filter numbers');
    return undefined;
  }
  if (binding.dynamic.length > 0 && iface.kind === 'if' && /^(?:loopback\d+|null)$/.test(iface.name)) {
    problem(problems, binding.dynamicToken!.range, FIELD.list, `${iface.name} cannot use dynamic filters`);
    ok = false;
  }
  const limit = listLimit(model);
  const total = binding.list.length + binding.dynamic.length;
  if (total > limit) {
    problem(problems, spanOf(w.slice(5)), FIELD.list, `${total} entries; at most ${limit} are allowed${model ? ` on ${model}` : ''}`);
    ok = false;
  }
  return ok ? { kind: 'bind', binding } : undefined;
}

/**
 * A list of filter numbers, optionally followed by `dynamic` and dynamic filter numbers, read
 * into `target.list` / `target.dynamic` (shared by `secure filter` and `ip filter set`).
 * Returns false when any token was wrong (each reported).
 */
function readFilterLists(
  tokens: readonly RtxToken[],
  target: { list: ListEntry[]; dynamic: ListEntry[]; dynamicToken?: RtxToken },
  problems: RtxProblem[],
): boolean {
  let into = target.list;
  let ok = true;
  for (const t of tokens) {
    if (t.lower === 'dynamic') {
      if (target.dynamicToken) {
        problem(problems, t.range, FIELD.list, "'dynamic' appears twice");
        ok = false;
      }
      target.dynamicToken = t;
      into = target.dynamic;
      continue;
    }
    if (!/^\d+$/.test(t.value)) {
      problem(problems, t.range, FIELD.list, `'${t.value}' is not a filter number`);
      ok = false;
      continue;
    }
    const n = parseFilterNumber(t, problems);
    if (n === undefined) ok = false;
    else into.push({ num: n, token: t });
  }
  return ok;
}

/** At most this many filters in one direction of a filter set (command reference §8.1.11). */
export const MAX_SET_FILTERS = 1001;

/** `ip filter set NAME in|out LIST… [dynamic LIST…]` (words[3] is the name). */
export function parseFilterSet(cmd: RtxCommand, problems: RtxProblem[]): FilterSetList | { remove: string; dir?: 'in' | 'out' } | undefined {
  const w = words(cmd);
  const nameTok = w[3];
  if (!nameTok) {
    if (!cmd.negated) problem(problems, cmd.range, FIELD.set, 'missing filter set name');
    return undefined;
  }
  const dirTok = w[4];
  if (cmd.negated) {
    const dir = dirTok?.lower === 'in' || dirTok?.lower === 'out' ? dirTok.lower : undefined;
    return { remove: nameTok.value, ...(dir ? { dir } : {}) };
  }
  if (!dirTok) {
    problem(problems, cmd.range, FIELD.dir, "missing ('in' or 'out')");
    return undefined;
  }
  if (dirTok.lower !== 'in' && dirTok.lower !== 'out') {
    problem(problems, dirTok.range, FIELD.dir, `expected 'in' or 'out', not '${dirTok.value}'`);
    return undefined;
  }
  const set: FilterSetList = { name: nameTok.value, dir: dirTok.lower, command: cmd.index, list: [], dynamic: [] };
  let ok = readFilterLists(w.slice(5), set, problems);
  if (set.list.length + set.dynamic.length === 0 && ok) {
    problem(problems, dirTok.range, FIELD.list, 'no filter numbers');
    return undefined;
  }
  if (set.list.length > MAX_SET_FILTERS) {
    problem(problems, spanOf(w.slice(5)), FIELD.list, `${set.list.length} filters; a filter set holds at most ${MAX_SET_FILTERS} per direction`);
    ok = false;
  }
  return ok ? set : undefined;
}

/** The filters of a family. */
export function filterSpace(model: RtxModel, family: 4 | 6): FilterSpace {
  return family === 6 ? model.filters.v6 : model.filters;
}

function define(space: FilterSpace, kind: 'static' | 'dynamic', cmd: RtxCommand, problems: RtxProblem[], family: 4 | 6): void {
  const numText = words(cmd)[kind === 'static' ? 2 : 3].value;
  if (kind === 'static') {
    const f = parseStaticFilter(cmd, problems, family);
    if (f === 'removed') space.static.delete(Number(numText));
    else if (f) {
      space.staticDefs.push(f);
      if (f.valid && (FILTER_REDEFINITION_REPLACES || !space.static.has(f.num))) space.static.set(f.num, f);
    }
  } else {
    const f = parseDynamicFilter(cmd, problems, family);
    if (f === 'removed') space.dynamic.delete(Number(numText));
    else if (f) {
      space.dynamicDefs.push(f);
      if (f.valid && (FILTER_REDEFINITION_REPLACES || !space.dynamic.has(f.num))) space.dynamic.set(f.num, f);
    }
  }
}

/** Reads every filter definition, filter set and binding of the model (fills `filters` and `bindings`). */
export function readFilters(model: RtxModel): void {
  const { filters, problems } = model;
  const bindings = new Map<string, SecureFilterBinding>();
  for (const cmd of model.commands) {
    const w = words(cmd);
    if (w.length < 2) continue;
    const fam = w[0].lower === 'ipv6' ? 6 : w[0].lower === 'ip' ? 4 : 0;
    if (fam !== 0 && w[1].lower === 'filter') {
      const family = fam as 4 | 6;
      const space = filterSpace(model, family);
      const a = w[2];
      if (!a) {
        if (!cmd.negated) problem(problems, cmd.range, FIELD.num, 'missing');
        continue;
      }
      if (/^\d+$/.test(a.value)) define(space, 'static', cmd, problems, family);
      else if (a.lower === 'dynamic' && w[3] && /^\d/.test(w[3].value)) define(space, 'dynamic', cmd, problems, family);
      else if (a.lower === 'dynamic' && !w[3]) {
        if (!cmd.negated) problem(problems, cmd.range, FIELD.num, 'missing dynamic filter number');
      } else if (family === 4 && a.lower === 'set') {
        const r = parseFilterSet(cmd, problems);
        if (r && 'remove' in r) {
          for (const d of r.dir ? [r.dir] : (['in', 'out'] as const)) filters.sets.delete(`${r.remove}|${d}`);
        } else if (r) filters.sets.set(`${r.name}|${r.dir}`, r);
      } else if (!(family === 4 ? IP_FILTER_SETTINGS : IPV6_FILTER_SETTINGS).has(a.lower)) {
        problem(problems, a.range, FIELD.num, `'${a.value}' is not a number`);
      }
    } else if (fam !== 0 && w[2]?.lower === 'secure' && w[3]?.lower === 'filter') {
      const r = parseSecureFilter(cmd, problems, model.header?.model);
      if (r?.kind === 'remove') {
        bindings.delete(r.key);
      } else if (r?.kind === 'bind') {
        const b = r.binding;
        if (b.setName !== undefined) {
          bindings.set(bindingKey(b.family, b.iface, 'in'), b);
          bindings.set(bindingKey(b.family, b.iface, 'out'), { ...b, dir: 'out' });
        } else {
          bindings.delete(bindingKey(b.family, b.iface, b.dir));
          bindings.set(bindingKey(b.family, b.iface, b.dir), b);
        }
      }
    }
  }
  model.bindings = [...bindings.values()].sort((x, y) => x.command - y.command);
}

/** The filter-set list a `secure filter name SET` binding uses for its direction, if the set exists. */
export function setListFor(model: RtxModel, b: SecureFilterBinding): FilterSetList | undefined {
  return b.setName === undefined ? undefined : model.filters.sets.get(`${b.setName}|${b.dir}`);
}

/**
 * The lists a binding evaluates: its own, or its filter set's (an unknown set name acts as no
 * filter at all — `undefined`).
 */
export function effectiveLists(model: RtxModel, b: SecureFilterBinding): { list: ListEntry[]; dynamic: ListEntry[]; set?: FilterSetList } | undefined {
  if (b.setName === undefined) return { list: b.list, dynamic: b.dynamic };
  const set = setListFor(model, b);
  return set ? { list: set.list, dynamic: set.dynamic, set } : undefined;
}

/** The effective binding of an interface and direction (IPv4 unless asked). */
export function bindingFor(model: RtxModel, iface: IfaceRef, dir: 'in' | 'out', family: 4 | 6 = 4): SecureFilterBinding | undefined {
  const key = bindingKey(family, iface, dir);
  return model.bindings.find((b) => bindingKey(b.family, b.iface, b.dir) === key);
}

/** Every list position where a static filter number is used (filter-set lists through the bindings that apply them). */
export function usesOfFilter(model: RtxModel, num: number, family: 4 | 6 = 4): { binding: SecureFilterBinding; position: number; entry: ListEntry }[] {
  const out: { binding: SecureFilterBinding; position: number; entry: ListEntry }[] = [];
  for (const b of model.bindings) {
    if (b.family !== family) continue;
    const lists = effectiveLists(model, b);
    lists?.list.forEach((entry, position) => {
      if (entry.num === num) out.push({ binding: b, position, entry });
    });
  }
  return out;
}
