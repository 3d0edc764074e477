/**
 * Reads a bounce (non-delivery report) as text: RFC 3464 delivery-status reports and the plain
 * layouts of Postfix, Exim, Sendmail, Microsoft Exchange / Outlook.com, qmail and the multi-line
 * replies of Gmail and others. Finds the remote MTA, the SMTP reply (continuation lines joined),
 * its basic and enhanced status codes, the recipients and the SMTP phase, with the reply's range
 * in the input. Never throws; linear in the input, which is read up to MAX_INPUT characters.
 */
import type { Range } from '../types';
import { field, looksLikeMessage, parseHeaders, walkEntity, decodeEncodedWords, type HeaderField, type Segment } from './mime';
import type { BounceProblem, BounceSource, DsnRecipient, ParsedBounce, RemoteMta, SmtpPhase } from './model';

export const MAX_INPUT = 4 * 1024 * 1024;
/** Characters of each text part searched for replies. */
export const MAX_SCAN = 256 * 1024;
const MAX_NOTICE = 4000;
/** Characters of one reply that are joined (the range still covers all of it). */
const MAX_REPLY = 64 * 1024;
/** Replies read per layout and part (a report names a few recipients; more is noise). */
const MAX_MATCHES = 50;

const DSN_MESSAGE_FIELDS = new Set(['reporting-mta', 'arrival-date', 'received-from-mta', 'dsn-gateway', 'original-envelope-id']);
const DSN_RECIPIENT_FIELDS = new Set(['final-recipient', 'original-recipient', 'action', 'status', 'remote-mta', 'diagnostic-code', 'last-attempt-date']);

/** Lines after which a plain bounce quotes the original message (not searched). */
const ORIGINAL_MESSAGE = [
  /^-+ ?This is a copy of the message/im,
  /^-+ ?Below this line is a copy of the message/im,
  /^-+ ?Original message follows/im,
  /^Original message headers:/im,
  /^-+ ?Original Message -+$/im,
  /^-+ ?The following is a copy of/im,
];

interface Candidate {
  source: BounceSource;
  seg: Segment;
  /** Reply as it stands, in segment offsets. */
  start: number;
  end: number;
  host?: string;
  ip?: string;
  phase?: SmtpPhase;
  recipient?: string;
  /** An enhanced status stated beside the reply (qmail "(#5.1.1)", DSN Status). */
  status?: string;
  /** Only a DSN Status field: no reply text to join. */
  statusOnly?: boolean;
  /** Lower numbers win when several layouts match. */
  rank: number;
}

// ----- helpers ---------------------------------------------------------------------------------

function rangeIn(seg: Segment, start: number, end: number): { range: Range; exact: boolean } {
  if (!seg.exact) return { range: { ...seg.range }, exact: false };
  const s = Math.min(seg.range.start + start, seg.range.end);
  return { range: { start: s, end: Math.max(s, Math.min(seg.range.start + end, seg.range.end)) }, exact: true };
}

function cutOriginal(text: string): string {
  let end = Math.min(text.length, MAX_SCAN);
  for (const re of ORIGINAL_MESSAGE) {
    const m = re.exec(text.slice(0, end));
    if (m && m.index > 0) end = Math.min(end, m.index);
  }
  return text.slice(0, end);
}

/** End of the paragraph containing `at`: the next blank line, or the end. */
function paragraphEnd(t: string, at: number): number {
  const re = /\r?\n[ \t]*\r?\n/g;
  re.lastIndex = at;
  const m = re.exec(t);
  return m ? m.index : t.length;
}

function paragraphStart(t: string, at: number): number {
  const from = Math.max(0, at - 4000);
  const re = /\n[ \t]*\r?\n/g;
  re.lastIndex = from;
  let start = from;
  for (let m = re.exec(t); m && m.index + m[0].length <= at; m = re.exec(t)) start = m.index + m[0].length;
  return start;
}

/** Trim blanks and line breaks off both ends of [start, end). */
function trimSpan(t: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(t[start])) start++;
  while (end > start && /\s/.test(t[end - 1])) end--;
  return [start, end];
}

function phaseOf(words: string): SmtpPhase | undefined {
  const w = words.toUpperCase();
  if (/RCPT/.test(w)) return 'RCPT';
  if (/MAIL FROM|MAIL\b/.test(w)) return 'MAIL';
  if (/DATA|MESSAGE BODY|\.$/.test(w)) return 'DATA';
  if (/HELO|EHLO|STARTTLS|GREETING|BANNER/.test(w)) return 'HELO';
  if (/CONNECT/.test(w)) return 'connect';
  return undefined;
}

const ADDRESS = /[^\s<>()"',;:@]+@[A-Za-z0-9.-]+\.[A-Za-z0-9-]+/;
const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]+)$/;

function cleanHost(h: string | undefined): string | undefined {
  const v = h?.trim().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return v ? v : undefined;
}

function cleanIp(ip: string | undefined): string | undefined {
  const v = ip?.trim().replace(/^IPv6:/i, '');
  return v && IP.test(v) ? v : undefined;
}

/** "dns; mx.example.com [203.0.113.5]" → host and address. */
function parseMtaField(value: string | undefined): RemoteMta | undefined {
  if (!value) return undefined;
  const v = value.replace(/^\s*[A-Za-z][\w-]*\s*;\s*/, '').trim();
  if (!v) return undefined;
  const br = /\[((?:IPv6:)?[0-9A-Fa-f:.]+)\]/.exec(v);
  const host = v.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\[[^\]]*\]/g, ' ').trim().split(/\s+/)[0];
  const ip = cleanIp(br?.[1]);
  const h = cleanHost(host);
  if (h && IP.test(h)) return { ip: h };
  return h || ip ? { host: h, ip } : undefined;
}

function stripAddress(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const a = v.replace(/^\s*[A-Za-z][\w-]*\s*;\s*/, '').trim().replace(/^<|>$/g, '');
  return a || undefined;
}

// ----- joining a reply -------------------------------------------------------------------------

const HEAD = /^([245]\d\d)(?:([ -])#?([245]\.\d{1,3}\.\d{1,3})(?=[\s,;:.'")\]]|$)|(?=[ -]|$))/;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One line from a reply as it stands: line breaks and indentation gone, the `550-` / `550 5.7.26`
 * prefixes of continuation lines dropped (also where an MTA had already joined them inline),
 * a diagnostic type (`smtp;`) and Sendmail's `<<<` removed.
 */
export function joinReply(raw: string): { reply: string; code?: number; status?: string } {
  const lines = raw
    .split(/\r?\n|\r/)
    .map((l) => l.replace(/^[ \t]*(?:<<<[ \t]*)?/, '').trim())
    .filter((l) => l !== '');
  if (lines.length === 0) return { reply: '' };
  lines[0] = lines[0].replace(/^(?:smtp|x-[\w-]+)\s*;\s*/i, '');
  // Exchange's older form: "<mx.example.com #5.1.1 smtp;550 5.1.1 …>".
  let legacyStatus: string | undefined;
  const legacy = /^<?\s*(?:\S+\s+)?#([245]\.\d{1,3}\.\d{1,3})\s+smtp\s*;\s*/i.exec(lines[0]);
  if (legacy) {
    legacyStatus = legacy[1];
    lines[0] = lines[0].slice(legacy[0].length);
    const last = lines.length - 1;
    lines[last] = lines[last].replace(/>\s*$/, '');
  }
  const head = HEAD.exec(lines[0]);
  if (!head) return { reply: lines.join(' ').replace(/\s+/g, ' ').trim(), status: legacyStatus };
  const code = head[1];
  const status = head[3];
  const cont = new RegExp(`^${code}[ -](?:#?${status ? escapeRe(status) : '[245]\\.\\d{1,3}\\.\\d{1,3}'}(?=\\s|$))?\\s*`);
  let rest = [lines[0].slice(head[0].length).replace(/^[ -]/, ''), ...lines.slice(1).map((l) => l.replace(cont, ''))].join(' ');
  if (status) rest = rest.replace(new RegExp(`(^|\\s)${code}[ -]#?${escapeRe(status)}(?=\\s|$)`, 'g'), ' ');
  else rest = rest.replace(new RegExp(`(^|\\s)${code}-(?=\\S)`, 'g'), ' ');
  const text = rest.replace(/\s+/g, ' ').trim();
  return { reply: [code, status, text].filter((x) => x).join(' '), code: Number(code), status: status ?? legacyStatus };
}

// ----- layouts ---------------------------------------------------------------------------------

/** Postfix: "host mx.example.com[203.0.113.5] said: 550 … (in reply to RCPT TO command)". */
function postfix(seg: Segment, t: string, out: Candidate[]): void {
  const re = /\bhost\s+([A-Za-z0-9._-]+)\s*\[((?:IPv6:)?[0-9A-Fa-f:.]+)\]\s+(?:said|refused to talk to me):[ \t]*/g;
  for (const m of t.matchAll(re)) {
    if (out.length >= MAX_MATCHES) break;
    const from = (m.index ?? 0) + m[0].length;
    const pEnd = paragraphEnd(t, from);
    const body = t.slice(from, pEnd);
    const inReply = /\(in\s+reply\s+to\s+([^)]*?)(?:\s+command)?\)/i.exec(body);
    const [s, e] = trimSpan(t, from, inReply ? from + inReply.index : pEnd);
    const pStart = paragraphStart(t, m.index ?? 0);
    const rcpt = /<([^<>\s]+@[^<>\s]+)>:/.exec(t.slice(pStart, m.index));
    out.push({ source: 'postfix', seg, start: s, end: e, host: m[1], ip: cleanIp(m[2]), phase: inReply ? phaseOf(inReply[1]) : undefined, recipient: rcpt?.[1], rank: 1 });
  }
  if (!/\bThis is the mail system at host\b|\bpostfix\b/i.test(t)) return;
  // Local failures in a Postfix report: "<user@example.net>: Host or domain name not found. …",
  // "<…>: connect to mx[203.0.113.5]:25: Connection refused".
  for (const m of t.matchAll(/^<([^<>\s]+@[^<>\s]+)>:[ \t]*/gm)) {
    if (out.length >= MAX_MATCHES) break;
    const from = (m.index ?? 0) + m[0].length;
    const pEnd = paragraphEnd(t, from);
    const body = t.slice(from, pEnd);
    if (/\bhost\s+\S+\s*\[[^\]]*\]\s+(?:said|refused to talk to me):/.test(body)) continue;
    const [s, e] = trimSpan(t, from, pEnd);
    const conn = /connect to ([A-Za-z0-9._-]+)\[((?:IPv6:)?[0-9A-Fa-f:.]+)\](?::\d+)?:/.exec(body);
    out.push({ source: 'postfix', seg, start: s, end: e, host: conn?.[1], ip: cleanIp(conn?.[2]), phase: conn ? 'connect' : undefined, recipient: m[1], rank: 5 });
  }
}

/** Exim: "SMTP error from remote mail server after RCPT TO:<…>:" with "host H [IP]" before or after. */
function exim(seg: Segment, t: string, out: Candidate[]): void {
  const re = /SMTP error from remote (?:mail server|mailer|server) after ([^\n]*?):?[ \t]*\r?\n/g;
  for (const m of t.matchAll(re)) {
    if (out.length >= MAX_MATCHES) break;
    let from = (m.index ?? 0) + m[0].length;
    const pStart = paragraphStart(t, m.index ?? 0);
    let host: RegExpExecArray | null = null;
    const after = /^[ \t]*host\s+([A-Za-z0-9._-]+)\s+\[((?:IPv6:)?[0-9A-Fa-f:.]+)\](?::\d+)?:?[ \t]*/.exec(t.slice(from, from + 600));
    if (after) {
      host = after;
      from += after[0].length;
    } else {
      const before = [...t.slice(pStart, m.index).matchAll(/host\s+([A-Za-z0-9._-]+)\s+\[((?:IPv6:)?[0-9A-Fa-f:.]+)\]/g)];
      host = before.length ? (before[before.length - 1] as RegExpExecArray) : null;
    }
    const [s, e] = trimSpan(t, from, paragraphEnd(t, from));
    const rcpt = /RCPT TO:\s*<([^<>\s]+)>/i.exec(m[1]) ?? /^[ \t]+([^\s<>]+@[^\s<>]+)[ \t]*$/m.exec(t.slice(pStart, m.index));
    out.push({ source: 'exim', seg, start: s, end: e, host: host?.[1], ip: cleanIp(host?.[2]), phase: phaseOf(m[1].replace(/^pipelined\s+/i, '')), recipient: rcpt?.[1], rank: 1 });
  }
}

/** Sendmail: the "<<< 550 …" lines of the session transcript, the ">>> RCPT To:" before them. */
function sendmail(seg: Segment, t: string, out: Candidate[]): void {
  const tr = /-+ ?Transcript of session follows ?-+/i.exec(t);
  if (!tr) return;
  const from = tr.index + tr[0].length;
  const talk = /while talking to ([A-Za-z0-9._-]+?)\.?:/i.exec(t.slice(from));
  const lineRe = /^[ \t]*<<<[ \t]*([245]\d\d)[ -].*$/gm;
  lineRe.lastIndex = from;
  const first = lineRe.exec(t);
  if (!first) return;
  let end = first.index + first[0].length;
  // Further "<<< " lines right after belong to the same reply.
  const more = /^\r?\n[ \t]*<<<[ \t]*.*$/;
  for (let m = more.exec(t.slice(end, end + 2000)), k = 0; m && k < 200; m = more.exec(t.slice(end, end + 2000)), k++) end += m[0].length;
  const sent = [...t.slice(from, first.index).matchAll(/^[ \t]*>>>[ \t]*(.*)$/gm)];
  const last = sent.length ? sent[sent.length - 1][1] : '';
  const [s, e] = trimSpan(t, first.index, end);
  const rcpt = /RCPT To:\s*<([^<>\s]+)>/i.exec(last);
  const pStart = paragraphStart(t, tr.index);
  const rcpt2 = /<([^<>\s]+@[^<>\s]+)>/.exec(t.slice(pStart, tr.index));
  out.push({ source: 'sendmail', seg, start: s, end: e, host: cleanHost(talk?.[1]), phase: last ? phaseOf(last.replace(/^RCPT.*/i, 'RCPT')) : undefined, recipient: rcpt?.[1] ?? rcpt2?.[1], rank: 1 });
}

/** Exchange / Outlook.com: "Remote Server returned '550 5.7.1 …'", maybe "at H (IP)". */
function exchange(seg: Segment, t: string, out: Candidate[]): void {
  const re = /Remote Server (?:at ([A-Za-z0-9._-]+) \(([^)\s]*)\) )?returned '/gi;
  for (const m of t.matchAll(re)) {
    if (out.length >= MAX_MATCHES) break;
    const from = (m.index ?? 0) + m[0].length;
    const nl = t.indexOf('\n', from);
    const lineEnd = nl < 0 ? t.length : nl;
    const q = t.lastIndexOf("'", lineEnd);
    const [s, e] = trimSpan(t, from, q >= from ? q : lineEnd);
    const before = t.slice(Math.max(0, (m.index ?? 0) - 400), m.index).split(/\r?\n/).filter((l) => l.trim() !== '');
    const prev = before.length ? before[before.length - 1].trim() : '';
    const rcpt = ADDRESS.exec(prev);
    out.push({ source: 'exchange', seg, start: s, end: e, host: m[1], ip: cleanIp(m[2]), recipient: rcpt && prev.replace(/[<>]/g, '').trim() === rcpt[0] ? rcpt[0] : undefined, rank: 1 });
  }
}

/** qmail: "<addr>:\nIP does not like recipient.\nRemote host said: 550 …\nGiving up on IP." */
function qmail(seg: Segment, t: string, out: Candidate[]): void {
  if (!/qmail-send program|\bqmail\b/i.test(t)) return;
  for (const m of t.matchAll(/^<([^<>\s]+)>:[ \t]*\r?\n/gm)) {
    if (out.length >= MAX_MATCHES) break;
    const from = (m.index ?? 0) + m[0].length;
    const pEnd = paragraphEnd(t, from);
    const body = t.slice(from, pEnd);
    const said = /Remote host said:[ \t]*/.exec(body);
    let phase: SmtpPhase | undefined;
    let ip: string | undefined;
    const who = /^(\S+) does not like recipient\./m.exec(body);
    const conn = /Connected to (\S+) but (sender was rejected|greeting failed|my name was rejected)/.exec(body);
    const after = /^(\S+) failed after I sent the message\./m.exec(body);
    if (who) [phase, ip] = ['RCPT', who[1]];
    else if (conn) [phase, ip] = [/sender/.test(conn[2]) ? 'MAIL' : /name/.test(conn[2]) ? 'HELO' : 'connect', conn[1]];
    else if (after) [phase, ip] = ['DATA', after[1]];
    const status = /\(#([245]\.\d{1,3}\.\d{1,3})\)/.exec(body)?.[1];
    if (said) {
      const start = from + said.index + said[0].length;
      const giving = /^[ \t]*(?:Giving up on|I'm not going to try again)/m.exec(t.slice(start, pEnd));
      const [s, e] = trimSpan(t, start, giving ? start + giving.index : pEnd);
      out.push({ source: 'qmail', seg, start: s, end: e, ip: cleanIp(ip?.replace(/\.$/, '')), phase, recipient: m[1], status, rank: 1 });
    } else {
      const [s, e] = trimSpan(t, from, pEnd);
      out.push({ source: 'qmail', seg, start: s, end: e, ip: cleanIp(ip?.replace(/\.$/, '')), phase, recipient: m[1], status, rank: 5 });
    }
  }
}

/**
 * Any reply written as SMTP lines: "550-5.7.26 …" continuation lines up to "550 5.7.26 …", or a
 * single line with a 4xx/5xx code and an enhanced status, indented continuation lines included.
 */
function replyLines(seg: Segment, t: string, out: Candidate[]): void {
  const re = /^([ \t>]*)([45]\d\d)([ -])#?([245]\.\d{1,3}\.\d{1,3})(?=[\s,;:.]|$).*$/gm;
  // Without an enhanced status code, a line that starts with a reply code and text will do.
  const m = re.exec(t) ?? /^([ \t>]*)([45]\d\d)([ -])(?=[A-Za-z<#\[(]).*$/m.exec(t);
  if (!m) return;
  const code = m[2];
  let end = m.index + m[0].length;
  let sep = m[3];
  const next = /^\r?\n([^\n]*)/;
  for (let k = 0; k < 200; k++) {
    const n = next.exec(t.slice(end, end + 2000));
    if (!n) break;
    const line = n[1].replace(/\r$/, '');
    const trimmed = line.replace(/^[ \t>]*/, '');
    if (sep === '-' && trimmed.startsWith(code)) {
      sep = trimmed.charAt(3);
      end += n[0].length;
      continue;
    }
    if (sep !== '-' && /^[ \t]+\S/.test(line) && !/^[ \t]*[2-5]\d\d[ -]/.test(line) && !/^\s*\S+:\s/.test(trimmed)) {
      end += n[0].length;
      continue;
    }
    break;
  }
  const [s, e] = trimSpan(t, m.index + m[1].length, end);
  out.push({ source: 'reply-lines', seg, start: s, end: e, rank: 3 });
}

// ----- delivery-status parts -------------------------------------------------------------------

interface DsnRead {
  perMessage: HeaderField[];
  recipients: { fields: HeaderField[] }[];
}

function readDsn(text: string): DsnRead {
  const read: DsnRead = { perMessage: [], recipients: [] };
  let at = 0;
  for (let guard = 0; at < text.length && guard < 10000; guard++) {
    const block = parseHeaders(text, at, text.length);
    if (block.fields.length === 0) {
      const nl = text.indexOf('\n', at);
      at = nl < 0 ? text.length : nl + 1;
      continue;
    }
    if (block.fields.some((f) => DSN_RECIPIENT_FIELDS.has(f.name))) read.recipients.push({ fields: block.fields });
    else if (block.fields.some((f) => DSN_MESSAGE_FIELDS.has(f.name))) read.perMessage.push(...block.fields);
    at = block.bodyStart > at ? block.bodyStart : text.length;
  }
  return read;
}

// ----- the whole -------------------------------------------------------------------------------

export function parseBounce(input: string): ParsedBounce {
  const result: ParsedBounce = { dsn: false, replyRangeExact: false, recipients: [], dsnRecipients: [], notice: '', problems: [] };
  try {
    parseInto(typeof input === 'string' ? input : '', result);
  } catch (e) {
    // Defence in depth: a bug must not take an editor command down.
    result.problems.push({ message: `internal error while reading the bounce: ${e instanceof Error ? e.message : String(e)}`, range: { start: 0, end: 0 } });
  }
  return result;
}

function parseInto(input: string, result: ParsedBounce): void {
  const text = input.length > MAX_INPUT ? input.slice(0, MAX_INPUT) : input;
  const problems: BounceProblem[] = result.problems;
  if (input.length > MAX_INPUT) problems.push({ message: `only the first ${MAX_INPUT} characters were read`, range: { start: MAX_INPUT, end: MAX_INPUT } });
  const segs: Segment[] = [];
  let topFields: HeaderField[] = [];
  const whole: Segment = { kind: 'text', text, range: { start: 0, end: text.length }, exact: true, contentType: '' };
  // A byte-order mark or blank lines before a pasted message.
  const lead = /^\uFEFF?(?:[ \t]*\r?\n)*/.exec(text)![0].length;
  if (looksLikeMessage(text.slice(lead, lead + 1000))) {
    const top = walkEntity(text, lead, text.length, segs);
    topFields = top.fields;
    if (!field(top, 'content-type') && top.fields.some((f) => DSN_RECIPIENT_FIELDS.has(f.name) || DSN_MESSAGE_FIELDS.has(f.name))) {
      // Bare delivery-status fields (a pasted report part).
      segs.length = 0;
      segs.push(whole);
      result.dsn = true;
    }
  } else segs.push(whole);

  const subject = field(topFields, 'subject');
  if (subject) result.subject = decodeEncodedWords(subject.value).replace(/\s+/g, ' ').trim();
  const failed = field(topFields, 'x-failed-recipients');

  const candidates: Candidate[] = [];
  const dsnCands: Candidate[] = [];
  let dsnRemote: RemoteMta | undefined;
  let reporting: string | undefined;

  for (const seg of segs) {
    // Delivery-status fields pasted into a plain text (after the notice) are read as well.
    const inlineDsn = seg.kind === 'text' && /^(?:Final-Recipient|Diagnostic-Code|Status):[ \t]*\S/im.test(seg.text.slice(0, MAX_SCAN));
    if (seg.kind === 'delivery-status' || inlineDsn) {
      if (seg.kind === 'delivery-status') result.dsn = true;
      const dsn = readDsn(seg.kind === 'text' ? cutOriginal(seg.text) : seg.text.slice(0, MAX_SCAN));
      const pm = (name: string) => dsn.perMessage.find((f) => f.name === name)?.value.replace(/\s+/g, ' ').trim();
      reporting ??= parseMtaField(pm('reporting-mta'))?.host;
      result.arrivalDate ??= pm('arrival-date');
      for (const r of dsn.recipients) {
        const get = (name: string) => field(r.fields, name);
        const val = (name: string) => get(name)?.value.replace(/\s+/g, ' ').trim();
        const rec: DsnRecipient = {
          finalRecipient: stripAddress(val('final-recipient')),
          originalRecipient: stripAddress(val('original-recipient')),
          action: val('action')?.toLowerCase(),
          status: /[245]\.\d{1,3}\.\d{1,3}/.exec(val('status') ?? '')?.[0],
          remoteMta: val('remote-mta'),
          diagnosticCode: val('diagnostic-code'),
          lastAttemptDate: val('last-attempt-date'),
        };
        result.dsnRecipients.push(rec);
        const diag = get('diagnostic-code');
        const remote = parseMtaField(rec.remoteMta);
        if (remote && !dsnRemote) dsnRemote = remote;
        if (diag) {
          const prefix = /^\s*[A-Za-z][\w-]*\s*;\s*/.exec(diag.value);
          const start = diag.valueStart + (prefix ? prefix[0].length : 0);
          const [s, e] = trimSpan(seg.text, start, diag.end);
          const failedAction = rec.action === 'failed' || rec.action === 'delayed' || rec.action === undefined;
          dsnCands.push({ source: 'dsn', seg, start: s, end: e, host: remote?.host, ip: remote?.ip, recipient: rec.finalRecipient ?? rec.originalRecipient, status: rec.status, rank: failedAction ? 0 : 2 });
        } else if (rec.status) {
          const st = get('status')!;
          dsnCands.push({ source: 'dsn', seg, start: st.valueStart, end: st.end, statusOnly: true, host: remote?.host, ip: remote?.ip, recipient: rec.finalRecipient ?? rec.originalRecipient, status: rec.status, rank: 4 });
        }
      }
    }
    if (seg.kind === 'text') {
      const t = cutOriginal(seg.contentType === 'text/html' ? seg.text.replace(/<[^>]*>/g, (m) => ' '.repeat(m.length)) : seg.text);
      if (!result.notice) result.notice = t.replace(/\s+/g, ' ').trim().slice(0, MAX_NOTICE);
      const found: Candidate[] = [];
      postfix(seg, t, found);
      exim(seg, t, found);
      sendmail(seg, t, found);
      exchange(seg, t, found);
      qmail(seg, t, found);
      if (!found.some((c) => c.rank <= 1)) replyLines(seg, t, found);
      candidates.push(...found);
      reporting ??=
        /This is the mail system at host ([A-Za-z0-9._-]+?)\.?\s*$/m.exec(t)?.[1] ??
        /This is the qmail-send program at ([A-Za-z0-9._-]+?)\.?\s*$/m.exec(t)?.[1] ??
        /Generating server:\s*([A-Za-z0-9._-]+)/i.exec(t)?.[1] ??
        /Reporting-MTA:\s*dns\s*;\s*([A-Za-z0-9._-]+)/i.exec(t)?.[1];
    }
  }

  // The primary reply: the first failed DSN recipient's, else the best plain layout's.
  dsnCands.sort((a, b) => a.rank - b.rank);
  candidates.sort((a, b) => a.rank - b.rank);
  let primary: Candidate | undefined = dsnCands[0] && dsnCands[0].rank < 4 ? dsnCands[0] : candidates[0] ?? dsnCands[0];
  let joined = primary ? (primary.statusOnly ? { reply: '' } : joinReply(primary.seg.text.slice(primary.start, Math.min(primary.end, primary.start + MAX_REPLY)))) : undefined;
  // Prefer the same reply where it stands verbatim (a plain part) over an encoded DSN part.
  if (primary && joined && primary.source === 'dsn' && !primary.seg.exact) {
    const twin = candidates.find((c) => c.seg.exact && joinReply(c.seg.text.slice(c.start, Math.min(c.end, c.start + MAX_REPLY))).code === joined!.code);
    if (twin) {
      primary = { ...twin, status: twin.status ?? primary.status };
      joined = joinReply(twin.seg.text.slice(twin.start, Math.min(twin.end, twin.start + MAX_REPLY)));
    }
  }

  if (primary && joined) {
    if (joined.reply) result.reply = joined.reply;
    result.replyCode = joined.code;
    result.status = joined.status ?? primary.status ?? dsnCands.find((c) => c.status)?.status;
    result.source = primary.source;
    const where = rangeIn(primary.seg, primary.start, primary.end);
    result.replyRange = where.range;
    result.replyRangeExact = where.exact;
  } else {
    const st = result.dsnRecipients.find((r) => r.status)?.status;
    if (st) result.status = st;
  }
  if (!result.reply && !result.status) {
    const firstLine = text.indexOf('\n');
    problems.push({ message: 'no SMTP reply or enhanced status code found', range: { start: 0, end: firstLine < 0 ? text.length : firstLine } });
  }

  // Remote MTA: the DSN's Remote-MTA, completed with the address a plain layout gives.
  const all = [...(primary ? [primary] : []), ...dsnCands, ...candidates];
  const host = dsnRemote?.host ?? all.find((c) => c.host)?.host;
  const ip = dsnRemote?.ip ?? all.find((c) => c.ip && (!host || !c.host || c.host.toLowerCase() === host.toLowerCase()))?.ip;
  if (host || ip) result.remoteMta = { ...(host ? { host: cleanHost(host) } : {}), ...(ip ? { ip } : {}) };
  result.phase = all.find((c) => c.phase)?.phase;
  if (reporting) result.reportingMta = cleanHost(reporting);
  else {
    const from = field(topFields, 'from')?.value;
    const daemon = from && /(?:mailer-daemon|postmaster)@([A-Za-z0-9.-]+)/i.exec(from);
    if (daemon) result.reportingMta = daemon[1];
  }

  const seen = new Set<string>();
  const add = (a: string | undefined): void => {
    const v = a?.trim().replace(/^<|>$/g, '');
    if (!v || !ADDRESS.test(v) || seen.has(v.toLowerCase())) return;
    seen.add(v.toLowerCase());
    result.recipients.push(v);
  };
  for (const r of result.dsnRecipients) add(r.finalRecipient ?? r.originalRecipient);
  if (primary) add(primary.recipient);
  for (const c of candidates) add(c.recipient);
  for (const a of failed?.value.split(',') ?? []) add(a);
  if (result.recipients.length === 0 && result.reply) add(/<([^<>\s]+@[^<>\s]+)>/.exec(result.reply)?.[1]);
}
