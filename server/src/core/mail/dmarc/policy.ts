/**
 * DMARC record facts shared by the DMARC rules (RFC 7489 §6.3/§6.4 and the tags of its successor,
 * DMARCbis): the known tags, the value checks, the policy strength and the report URIs.
 */
import type { ZoneModel } from '../../zone/model';
import { mailRecordsOf, type MailRecord } from '../records';
import { splitValue, tag, type Span, type Tag } from '../tagList';
import { editDistance } from '../../spf/nearMiss';
import { commentCutNote, mailtoProblem, uriScheme, versionRunsOn } from './common';

/** Every tag of RFC 7489 and DMARCbis. */
export const DMARC_TAGS = ['v', 'p', 'sp', 'np', 'rua', 'ruf', 'adkim', 'aspf', 'fo', 'pct', 'rf', 'ri', 'psd', 't'] as const;

/** Tags DMARCbis removes. */
export const DEPRECATED_TAGS = ['pct', 'rf', 'ri'] as const;

/** DMARC records (at `_dmarc` or misplaced) that are evidently DMARC: not another protocol's record at the name. */
export function dmarcRecords(model: ZoneModel): MailRecord[] {
  return mailRecordsOf(model, 'dmarc').filter((m) => m.valueKind === 'dmarc' || m.version.state === 'missing' || m.version.state === 'not-first');
}

/** Policy strength: none < quarantine < reject; undefined for an invalid value. */
export function strength(value: string): number | undefined {
  const v = value.toLowerCase();
  return v === 'none' ? 0 : v === 'quarantine' ? 1 : v === 'reject' ? 2 : undefined;
}

export interface ReportUri {
  tag: Tag;
  text: string;
  span: Span;
  /** The URI without the `!size` suffix. */
  uri: string;
  scheme?: string;
  /** For `mailto:`: the address's domain, lower case, without trailing dot. */
  domain?: string;
  problem?: string;
}

/** The URIs of a `rua`/`ruf` tag, each checked (RFC 7489 §6.4 `dmarc-uri`). */
export function reportUris(t: Tag): ReportUri[] {
  return splitValue(t, ',').map(({ text, span }) => {
    const out: ReportUri = { tag: t, text, span, uri: text };
    if (text.length === 0) {
      out.problem = `An empty entry in the ${t.name}= list (stray comma)`;
      return out;
    }
    const bang = text.lastIndexOf('!');
    if (bang >= 0) {
      const size = text.slice(bang + 1);
      out.uri = text.slice(0, bang);
      if (!/^[0-9]+[kmgtKMGT]?$/.test(size)) {
        out.problem = `"!${size}" is not a size limit: write a number with an optional k, m, g or t (e.g. "!10m")`;
        return out;
      }
    }
    out.scheme = uriScheme(out.uri);
    if (!out.scheme) {
      out.problem = `"${out.uri}" is not a URI: report addresses are written as mailto:address`;
      return out;
    }
    if (out.scheme === 'mailto') {
      const rest = out.uri.slice(out.uri.indexOf(':') + 1);
      out.problem = mailtoProblem(rest);
      if (!out.problem) {
        const q = rest.indexOf('?');
        const addr = q < 0 ? rest : rest.slice(0, q);
        out.domain = addr.slice(addr.lastIndexOf('@') + 1).toLowerCase().replace(/\.$/, '');
      } else out.problem = `${out.problem} in "${out.uri}"`;
    }
    return out;
  });
}

export interface ValueProblem {
  span: Span;
  message: string;
  /** An evident correction of the span's text. */
  replacement?: string;
}

/** The allowed word closest to `v` (at most two edits, and unique), for a did-you-mean fix. */
function closest(v: string, words: readonly string[]): string | undefined {
  const lower = v.toLowerCase();
  let best: string | undefined;
  let bestD = 3;
  let tie = false;
  for (const w of words) {
    const d = editDistance(lower, w);
    if (d < bestD) {
      best = w;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return best && !tie && bestD <= (best.length > 4 ? 2 : 1) ? best : undefined;
}

const POLICIES = ['none', 'quarantine', 'reject'];

const ENUMS: Record<string, { re: RegExp; allowed: string; words?: string[] }> = {
  p: { re: /^(none|quarantine|reject)$/i, allowed: 'none, quarantine or reject', words: POLICIES },
  sp: { re: /^(none|quarantine|reject)$/i, allowed: 'none, quarantine or reject', words: POLICIES },
  np: { re: /^(none|quarantine|reject)$/i, allowed: 'none, quarantine or reject', words: POLICIES },
  adkim: { re: /^[rs]$/i, allowed: 'r (relaxed) or s (strict)' },
  aspf: { re: /^[rs]$/i, allowed: 'r (relaxed) or s (strict)' },
  psd: { re: /^[ynu]$/i, allowed: 'y, n or u' },
  t: { re: /^[yn]$/i, allowed: 'y or n' },
};

/** Whether the record's `rua` holds at least one valid URI. */
export function hasValidRua(m: MailRecord): boolean {
  const rua = tag(m.tags, 'rua');
  return !!rua && reportUris(rua).some((u) => !u.problem);
}

/**
 * The value problems of a DMARC record's known tags (not `v`, not the removed `rf`/`ri`, whose
 * values receivers no longer read), plus a missing `p`.
 */
export function valueProblems(m: MailRecord, model?: ZoneModel): ValueProblem[] {
  const out: ValueProblem[] = [];
  const pNote = (): string =>
    hasValidRua(m) ? '; with a valid rua= receivers treat the record as p=none (RFC 7489 §6.6.3)' : '; without a valid rua= either, receivers ignore the record (RFC 7489 §6.6.3)';
  const badChars = m.errors.filter((e) => e.code === 'bad-value-char');
  for (const t of m.tags) {
    // A value with a non-ASCII or control character is reported by the parser already.
    if (badChars.some((e) => e.span.start >= t.valueSpan.start && e.span.start < t.valueSpan.end)) continue;
    const v = t.value;
    const en = ENUMS[t.name];
    if (en) {
      if (!en.re.test(v)) {
        const near = v.length && en.words ? closest(v, en.words) : undefined;
        out.push({
          span: v.length ? t.valueSpan : t.span,
          message: `${t.name}=${v.length ? `"${v}"` : ' has no value'}${v.length ? ' is not allowed' : ''}: ${t.name} is ${en.allowed}${near ? ` (did you mean ${near}?)` : ''}${t.name === 'p' ? pNote() : ''}`,
          replacement: near,
        });
      }
      continue;
    }
    switch (t.name) {
      case 'pct': {
        if (!/^[0-9]{1,3}$/.test(v) || Number(v) > 100) {
          out.push({ span: v.length ? t.valueSpan : t.span, message: `pct=${v}: the percentage is a whole number from 0 to 100 (RFC 7489 §6.3)` });
        }
        break;
      }
      case 'fo': {
        const items = v.split(':');
        if (v.length === 0 || items.some((x) => !/^\s*[01ds]\s*$/i.test(x))) {
          out.push({ span: v.length ? t.valueSpan : t.span, message: `fo=${v}: failure-report options are 0, 1, d or s, separated by ':' (RFC 7489 §6.3)` });
        }
        break;
      }
      case 'rua':
      case 'ruf': {
        if (v.length === 0) {
          out.push({ span: t.span, message: `${t.name}= has no value: remove the tag or give mailto: addresses` });
          break;
        }
        for (const u of reportUris(t)) {
          if (!u.problem) continue;
          // A bare address: the mailto: scheme is missing.
          const bare = !u.scheme && !mailtoProblem(u.uri);
          out.push({ span: u.text.length ? u.span : t.valueSpan, message: `${u.problem} (RFC 7489 §6.4)`, replacement: bare ? `mailto:${u.text}` : undefined });
        }
        break;
      }
      default:
    }
  }
  // A broken tag list may hold the p (`p none`): its own error says so.
  if (!m.tags.some((t) => t.name === 'p') && m.kind === 'dmarc' && m.errors.length === 0 && !versionRunsOn(m)) {
    const v = m.tags.find((t) => t.name === 'v');
    out.push({
      span: v ? v.span : { start: 0, end: m.text.value.length },
      message: `The record has no p= tag: the requested policy is required (RFC 7489 §6.3)${pNote()}${commentCutNote(m, model)}`,
    });
  }
  return out;
}
