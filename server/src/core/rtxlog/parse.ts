/**
 * The line parser of Yamaha logs: pure, incremental (one line at a time, no state), never throws,
 * linear in the line length. It peels off the header layers a line can carry — a syslog daemon's
 * file prefix, `<PRI>`, the router's own RFC 3164 / RFC 5424 header, the `show log` timestamp —
 * and then reads the message: filter hits, `[INSPECT]` sessions, repeat lines, everything else
 * as "other" with its tag. Offsets in the result are document offsets (`start` + column).
 */
import type { Range } from '../types';
import { looksLikeMac, parseEndpoint } from './endpoint';
import type { Endpoint, FilterHit, HeaderLayer, IfaceLabel, InspectHit, LogEntry, LogHeader, LogProblem, ProblemCode, Span, Stamp } from './model';

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

const RE_RFC3164_TIME = /(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.\d{1,6})?(?= )/y;
const RE_ISO_TIME = /(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.\d{1,9})?(Z|[+-]\d\d:?\d\d)?(?= |$)/y;
const RE_SHOWLOG_TIME = /(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d):(?= |$)/y;
const RE_PRI = /<(\d{1,3})>/y;
const RE_INSPECT_TIME = /^\((\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)\)$/;
const RE_FILTER_HEAD = /^(?:(\S+) )?(Rejected|Passed) at (IN|OUT)\((\d{1,10}|default)\) filter:/;
const RE_FILTER_LIKE = /^(?:\S+ )?(?:Rejected|Passed) at\b/;
const RE_REPEAT = /^(?:-+ ?)?(?:same|last) message repeated (\d{1,9}) times?(?: ?-+)?\s*$/i;
const RE_IFACE_BRACKET = /^(PP|TUNNEL)\[([^\]\s]{1,16})\]$/i;
const RE_IFACE_NAMED = /^(LAN|WAN|VLAN|BRIDGE|LOOPBACK)(\d{1,3}(?:[/.]\d{1,4})?)(?:\(port(\d{1,3})\))?$/i;
const RE_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** Working state while reading one line. */
class LineReader {
  readonly problems: LogProblem[] = [];
  constructor(
    readonly s: string,
    readonly base: number,
    readonly lineNo: number,
  ) {}

  range(from: number, to: number): Range {
    return { start: this.base + from, end: this.base + to };
  }

  span(from: number, to: number): Span {
    return { text: this.s.slice(from, to), range: this.range(from, to) };
  }

  problem(code: ProblemCode, from: number, to: number, message: string): void {
    this.problems.push({ code, line: this.lineNo, range: this.range(from, Math.max(from, to)), message });
  }

  skipSpaces(pos: number): number {
    while (pos < this.s.length && (this.s.charCodeAt(pos) === 32 || this.s.charCodeAt(pos) === 9)) pos++;
    return pos;
  }

  /** The next space-delimited token at or after `pos`. */
  token(pos: number): { text: string; start: number; end: number } | undefined {
    const start = this.skipSpaces(pos);
    if (start >= this.s.length) return undefined;
    let end = start;
    while (end < this.s.length && this.s.charCodeAt(end) !== 32 && this.s.charCodeAt(end) !== 9) end++;
    return { text: this.s.slice(start, end), start, end };
  }

  match(re: RegExp, pos: number): RegExpExecArray | null {
    re.lastIndex = pos;
    return re.exec(this.s);
  }
}

function stampKey(y: number, mo: number, d: number, h: number, mi: number, sec: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return undefined;
  const key = Date.UTC(y, mo - 1, d, h, mi, sec);
  // Date.UTC rolls 30 February over into March; such a date was not written by a clock.
  return new Date(key).getUTCDate() === d ? key : undefined;
}

function offsetMinutes(z: string | undefined): number {
  if (!z || z === 'Z') return 0;
  const sign = z[0] === '-' ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** A stamp with a full date; reports an impossible date as a problem. */
function datedStamp(r: LineReader, m: RegExpExecArray, from: number, to: number, zone?: string): Stamp {
  const n = (i: number): number => Number(m[i]);
  const key = stampKey(n(1), n(2), n(3), n(4), n(5), n(6));
  const stamp: Stamp = r.span(from, to);
  if (key === undefined) r.problem('bad-date', from, to, `'${stamp.text}' is not a valid date and time`);
  else stamp.key = key - offsetMinutes(zone) * 60000;
  return stamp;
}

function rfc3164Stamp(r: LineReader, m: RegExpExecArray, from: number, to: number): Stamp {
  const day = Number(m[2]);
  const stamp: Stamp = r.span(from, to);
  if (MONTHS[m[1]] === undefined || day < 1 || day > 31 || Number(m[3]) > 23 || Number(m[4]) > 59 || Number(m[5]) > 60) {
    r.problem('bad-date', from, to, `'${stamp.text}' is not a valid date and time`);
  }
  return stamp;
}

/** Host after a timestamp, unless the message starts right away (`[TAG]`, `<PRI>`, `PP[01] Rejected at …`). */
function readHost(r: LineReader, pos: number): { host?: Span; pos: number } {
  const t = r.token(pos);
  if (!t) return { pos: r.skipSpaces(pos) };
  const c = t.text.charCodeAt(0);
  if (c === 91 /* [ */ || c === 60 /* < */ || RE_IFACE_BRACKET.test(t.text) || RE_FILTER_LIKE.test(r.s.slice(t.start, t.start + 200))) {
    return { pos: t.start };
  }
  return { host: r.span(t.start, t.end), pos: r.skipSpaces(t.end) };
}

/** Peels the header layers off the line; returns the header and where the message starts. */
function readHeader(r: LineReader): { header: LogHeader; pos: number } {
  const header: LogHeader = { layers: [], pri: undefined, time: undefined, host: undefined };
  const stamps: Stamp[] = [];
  const layer = (l: HeaderLayer): void => {
    header.layers.push(l);
  };
  let pos = r.skipSpaces(0);

  // 1. A syslog daemon's file prefix.
  let m = r.match(RE_ISO_TIME, pos);
  if (m) {
    stamps.push(datedStamp(r, m, pos, pos + m[0].length, m[7]));
    layer('daemon-iso');
    const h = readHost(r, pos + m[0].length);
    if (h.host) header.host = h.host;
    pos = h.pos;
  } else if ((m = r.match(RE_RFC3164_TIME, pos))) {
    stamps.push(rfc3164Stamp(r, m, pos, pos + m[0].length));
    layer('daemon-rfc3164');
    const h = readHost(r, pos + m[0].length);
    if (h.host) header.host = h.host;
    pos = h.pos;
  }

  // 2. <PRI>, then the router's own RFC 5424 / RFC 3164 header if any.
  if ((m = r.match(RE_PRI, pos))) {
    const value = Number(m[1]);
    header.pri = { value, range: r.range(pos, pos + m[0].length) };
    if (value > 191) r.problem('bad-header', pos, pos + m[0].length, `syslog priority ${value} is out of range (0–191)`);
    layer('pri');
    pos += m[0].length;
    if (r.s.startsWith('1 ', pos)) {
      const after = read5424(r, pos + 2, header, stamps);
      if (after !== undefined) pos = after;
    } else {
      const p = r.skipSpaces(pos);
      if ((m = r.match(RE_RFC3164_TIME, p))) {
        stamps.push(rfc3164Stamp(r, m, p, p + m[0].length));
        layer('rfc3164');
        const h = readHost(r, p + m[0].length);
        if (h.host) header.host = h.host;
        pos = h.pos;
      }
    }
  }

  // 3. The `show log` timestamp.
  pos = r.skipSpaces(pos);
  if ((m = r.match(RE_SHOWLOG_TIME, pos))) {
    stamps.push(datedStamp(r, m, pos, pos + m[0].length - 1));
    layer('show-log');
    pos += m[0].length;
  }
  pos = r.skipSpaces(pos);
  const time = stamps.find((s) => s.key !== undefined) ?? stamps[0];
  if (time) header.time = time;
  return { header, pos };
}

/** `TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD [MSG]` after `<PRI>1 `; undefined if it is not RFC 5424. */
function read5424(r: LineReader, pos: number, header: LogHeader, stamps: Stamp[]): number | undefined {
  const ts = r.token(pos);
  if (!ts || ts.start !== pos) return undefined;
  let stamp: Stamp | undefined;
  if (ts.text !== '-') {
    const m = r.match(RE_ISO_TIME, ts.start);
    if (!m || ts.start + m[0].length !== ts.end) return undefined;
    stamp = datedStamp(r, m, ts.start, ts.end, m[7]);
  }
  header.layers.push('rfc5424');
  if (stamp) stamps.push(stamp);
  const fields: { text: string; start: number; end: number }[] = [];
  let p = ts.end;
  for (let i = 0; i < 4; i++) {
    const t = r.token(p);
    if (!t) {
      r.problem('bad-header', pos, r.s.length, 'RFC 5424 header is incomplete (expected HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA)');
      return r.s.length;
    }
    fields.push(t);
    p = t.end;
  }
  if (fields[0].text !== '-') header.host = r.span(fields[0].start, fields[0].end);
  // STRUCTURED-DATA: `-` or one or more `[id param="value" …]` (`\]` escapes inside values).
  p = r.skipSpaces(p);
  if (r.s[p] === '-') p++;
  else if (r.s[p] === '[') {
    while (r.s[p] === '[') {
      let q = p + 1;
      let inQuote = false;
      for (; q < r.s.length; q++) {
        const c = r.s[q];
        if (c === '\\' && inQuote) q++;
        else if (c === '"') inQuote = !inQuote;
        else if (c === ']' && !inQuote) break;
      }
      if (q >= r.s.length) {
        r.problem('bad-header', p, r.s.length, 'unterminated RFC 5424 structured data');
        return r.s.length;
      }
      p = q + 1;
    }
  } else {
    r.problem('bad-header', p, p + 1, 'RFC 5424 structured data must be "-" or start with "["');
  }
  p = r.skipSpaces(p);
  if (r.s.charCodeAt(p) === 0xfeff) p++;
  return p;
}

/** How the router names an interface: `PP[01]`, `TUNNEL[1]`, `LAN2`, `LAN1(port3)`, `WAN1`. */
export function parseIfaceLabel(text: string, range: Range): IfaceLabel {
  let m = RE_IFACE_BRACKET.exec(text);
  if (m) return { text, range, kind: m[1].toUpperCase() === 'PP' ? 'pp' : 'tunnel', id: m[2], port: undefined };
  m = RE_IFACE_NAMED.exec(text);
  if (m) return { text, range, kind: m[1].toLowerCase() as IfaceLabel['kind'], id: m[2], port: m[3] === undefined ? undefined : Number(m[3]) };
  return { text, range, kind: 'other', id: undefined, port: undefined };
}

/** Reads an endpoint token and reports what is wrong with it. */
function endpoint(r: LineReader, t: { text: string; start: number; end: number }, what: string): Endpoint {
  const ep = parseEndpoint(t.text, r.base + t.start);
  if (ep.error) {
    const portBad = ep.address !== undefined && ep.portRange !== undefined;
    const at = portBad ? ep.portRange! : ep.range;
    r.problems.push({ code: portBad ? 'bad-port' : 'bad-address', line: r.lineNo, range: at, message: `${what}: ${ep.error}` });
  }
  return ep;
}

function isPortProto(proto: string): boolean {
  const p = proto.toUpperCase();
  return p === 'TCP' || p === 'UDP';
}

/** `PROTO SRC > DST [annotation]` (or `MAC > MAC TYPE`) from `pos`; undefined when cut short. */
function readPacket(
  r: LineReader,
  pos: number,
  lineEnd: number,
): { layer: 'ip' | 'ethernet'; proto: Span | undefined; src: Endpoint; dst: Endpoint; annotation: Span | undefined; end: number } | undefined {
  const cut = (at: number, what: string): undefined => {
    r.problem('cut-short', at, lineEnd, `the line is cut short: ${what} is missing`);
    return undefined;
  };
  const t0 = r.token(pos);
  if (!t0) return cut(lineEnd, 'the packet (protocol, source and destination)');
  const ethernet = looksLikeMac(t0.text);
  let proto: Span | undefined;
  let srcTok = t0;
  if (!ethernet) {
    proto = r.span(t0.start, t0.end);
    const t1 = r.token(t0.end);
    if (!t1) return cut(t0.end, 'the source address');
    srcTok = t1;
  }
  const arrow = r.token(srcTok.end);
  if (!arrow) return cut(srcTok.end, "'> destination'");
  if (arrow.text !== '>') {
    r.problem('bad-field', arrow.start, arrow.end, `expected '>' between source and destination, found '${arrow.text.slice(0, 40)}'`);
    return undefined;
  }
  const dstTok = r.token(arrow.end);
  if (!dstTok) return cut(arrow.end, 'the destination address');
  const src = endpoint(r, srcTok, 'source');
  const dst = endpoint(r, dstTok, 'destination');
  let end = dstTok.end;
  if (ethernet) {
    const type = r.token(dstTok.end);
    if (type) {
      proto = r.span(type.start, type.end);
      end = type.end;
    }
  } else if (proto && isPortProto(proto.text)) {
    // TCP/UDP lines always carry ports; a missing IPv4 destination port means the line was cut.
    if (!src.error && src.family === 4 && src.port === undefined) r.problem('bad-field', srcTok.start, srcTok.end, 'source: the source port is missing');
    if (!dst.error && dst.family === 4 && dst.port === undefined) r.problem('cut-short', dstTok.start, lineEnd, 'the line is cut short: the destination port is missing');
  }
  const restStart = r.skipSpaces(end);
  let annotation: Span | undefined;
  if (restStart < lineEnd) {
    let restEnd = lineEnd;
    while (restEnd > restStart && (r.s.charCodeAt(restEnd - 1) === 32 || r.s.charCodeAt(restEnd - 1) === 9)) restEnd--;
    annotation = r.span(restStart, restEnd);
  }
  return { layer: ethernet ? 'ethernet' : 'ip', proto, src, dst, annotation, end };
}

/** What every entry has. Entries are built as plain literals with all fields present: object
 * spread with extra properties is very slow in V8 and the CLI builds a million of them. */
interface Base {
  line: number;
  range: Range;
  header: LogHeader;
  message: Range;
}

function otherLine(b: Base, tag?: Span): LogEntry {
  return { line: b.line, range: b.range, header: b.header, message: b.message, problems: undefined, kind: 'other', tag };
}

function readFilterHit(r: LineReader, msg: number, lineEnd: number, base: Base, m: RegExpExecArray): LogEntry {
  let p = msg;
  let iface: IfaceLabel | undefined;
  if (m[1] !== undefined) {
    iface = parseIfaceLabel(m[1], r.range(p, p + m[1].length));
    p += m[1].length + 1;
  }
  const verdictRange = r.range(p, p + m[2].length);
  p += m[2].length + 4; // "Rejected" + " at "
  const directionRange = r.range(p, p + m[3].length);
  p += m[3].length + 1;
  const filterRange = r.range(p, p + m[4].length);
  const packet = readPacket(r, msg + m[0].length, lineEnd);
  if (!packet) return otherLine(base, iface);
  const hit: FilterHit = {
    line: base.line,
    range: base.range,
    header: base.header,
    message: base.message,
    problems: undefined,
    kind: 'filter',
    iface,
    verdict: m[2] === 'Rejected' ? 'rejected' : 'passed',
    verdictRange,
    direction: m[3] === 'IN' ? 'in' : 'out',
    directionRange,
    filter: m[4] === 'default' ? 'default' : Number(m[4]),
    filterRange,
    layer: packet.layer,
    proto: packet.proto,
    src: packet.src,
    dst: packet.dst,
    annotation: packet.annotation,
  };
  return hit;
}

function readInspect(r: LineReader, msg: number, lineEnd: number, base: Base): LogEntry {
  const tag = r.span(msg, msg + '[INSPECT]'.length);
  const otherTag = r.span(msg + 1, msg + '[INSPECT]'.length - 1);
  const t0 = r.token(tag.range.end - r.base);
  if (!t0) {
    r.problem('cut-short', lineEnd, lineEnd, 'the line is cut short: the interface, direction and dynamic filter number are missing');
    return otherLine(base, otherTag);
  }
  // `PP[01][out][101]`: the last two bracket groups are the direction and the filter number.
  const numOpen = t0.text.lastIndexOf('[');
  const dirClose = numOpen - 1;
  const dirOpen = dirClose > 0 && t0.text[dirClose] === ']' ? t0.text.lastIndexOf('[', dirClose) : -1;
  const num = numOpen > 0 && t0.text.endsWith(']') ? t0.text.slice(numOpen + 1, -1) : '';
  const dir = dirOpen > 0 ? t0.text.slice(dirOpen + 1, dirClose).toLowerCase() : '';
  if (!/^\d{1,10}$/.test(num) || (dir !== 'in' && dir !== 'out')) {
    r.problem('bad-field', t0.start, t0.end, `expected INTERFACE[in|out][dynamic filter number], found '${t0.text.slice(0, 60)}'`);
    return otherLine(base, otherTag);
  }
  const iface = parseIfaceLabel(t0.text.slice(0, dirOpen), r.range(t0.start, t0.start + dirOpen));
  const packet = readPacket(r, t0.end, lineEnd);
  if (!packet || !packet.proto) return otherLine(base, otherTag);
  const hit: InspectHit = {
    line: base.line,
    range: base.range,
    header: base.header,
    message: base.message,
    problems: undefined,
    kind: 'inspect',
    tag,
    iface,
    direction: dir,
    directionRange: r.range(t0.start + dirOpen + 1, t0.start + dirClose),
    filter: Number(num),
    filterRange: r.range(t0.start + numOpen + 1, t0.end - 1),
    proto: packet.proto,
    src: packet.src,
    dst: packet.dst,
    created: undefined,
  };
  if (packet.annotation) {
    const m = RE_INSPECT_TIME.exec(packet.annotation.text);
    const from = packet.annotation.range.start - r.base;
    if (m) hit.created = datedStamp(r, m, from + 1, from + packet.annotation.text.length - 1);
  }
  return hit;
}

function readMessage(r: LineReader, msg: number, lineEnd: number, base: Base): LogEntry {
  const s = r.s;
  if (s.startsWith('[INSPECT]', msg)) return readInspect(r, msg, lineEnd, base);
  const text = msg === 0 && lineEnd === s.length ? s : s.slice(msg, lineEnd);
  const c = text.charCodeAt(0);
  if (c === 45 /* - */ || c === 115 /* s */ || c === 108 /* l */ || c === 83 || c === 76) {
    const rep = RE_REPEAT.exec(text);
    if (rep) {
      const at = text.indexOf(rep[1], text.indexOf('repeated'));
      const count = Number(rep[1]);
      const countRange = r.range(msg + at, msg + at + rep[1].length);
      return { line: base.line, range: base.range, header: base.header, message: base.message, problems: undefined, kind: 'repeat', count, countRange };
    }
  }
  const head = RE_FILTER_HEAD.exec(text);
  if (head) return readFilterHit(r, msg, lineEnd, base, head);
  if (RE_FILTER_LIKE.test(text)) {
    r.problem('cut-short', msg, lineEnd, "the line is cut short: a filter log line needs 'at IN|OUT(<filter>) filter: <protocol> <source> > <destination>'");
    const first = r.token(msg);
    const iface = first && !/^(?:Rejected|Passed)$/.test(first.text) ? parseIfaceLabel(first.text, r.range(first.start, first.end)) : undefined;
    return otherLine(base, iface);
  }
  if (c === 91 /* [ */) {
    const close = s.indexOf(']', msg);
    if (close > msg + 1 && close - msg <= 64) return otherLine(base, r.span(msg + 1, close));
    return otherLine(base);
  }
  const first = r.token(msg);
  if (first) {
    const iface = parseIfaceLabel(first.text, r.range(first.start, first.end));
    if (iface.kind !== 'other') return otherLine(base, iface);
    // A syslog daemon's program tag in front of a Yamaha message (`rtx830: PP[01] Rejected …`).
    if (first.text.length > 1 && first.text.endsWith(':') && first.end < lineEnd) {
      const next = r.skipSpaces(first.end);
      if (s.startsWith('[INSPECT]', next) || RE_FILTER_LIKE.test(s.slice(next, Math.min(lineEnd, next + 200)))) {
        const message = r.range(next, lineEnd);
        return readMessage(r, next, lineEnd, { line: base.line, range: base.range, header: base.header, message });
      }
    }
  }
  return otherLine(base);
}

/**
 * Parses one line. `start` is the document offset of its first character and `fullLength` the
 * length of the line as written when `text` holds only its start (very long lines). Returns
 * undefined for a blank line.
 */
export function parseLine(text: string, line: number, start: number, fullLength = text.length): LogEntry | undefined {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  if (end === 0 && fullLength === text.length) return undefined;
  const r = new LineReader(text, start, line);
  const { header, pos } = readHeader(r);
  const lineRange = { start, end: start + fullLength };
  const base = { line, range: lineRange, header, message: r.range(Math.min(pos, end), end) };
  const entry = readMessage(r, Math.min(pos, end), end, base);
  const ctl = RE_CONTROL.exec(text);
  if (ctl) r.problem('control-chars', ctl.index, ctl.index + 1, 'control character in the line: the file may be damaged or binary');
  if (fullLength > text.length) {
    r.problem('too-long', text.length, text.length, `the line is ${fullLength} characters long; only the first ${text.length} were read`);
  }
  if (r.problems.length > 0) entry.problems = r.problems;
  return entry;
}

/** True when the line reads as a Yamaha log line (used to recognise a log file by its content). */
export function isRtxLogLine(text: string): boolean {
  const e = parseLine(text.slice(0, 4096), 0, 0);
  if (!e || (e.problems && e.problems.length > 0)) return false;
  if (e.kind !== 'other') return true;
  // Other messages count only with a header of their own or a Yamaha tag.
  const layers = e.header.layers;
  if (layers.includes('show-log') || layers.includes('pri')) return true;
  return layers.length > 0 && e.tag !== undefined;
}
