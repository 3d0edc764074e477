/**
 * `zone-portability`: master-file text that BIND (and RFC 1035 §5.1) accepts but Knot DNS's zone
 * scanner refuses, so the zone stops loading when it moves to Knot. Only constructs with a
 * portable spelling are reported, each once where it is written: a relative `$ORIGIN` or
 * `$INCLUDE` origin, a class written other than `IN`, a character outside letters, digits and
 * `-_/*` left unescaped in a domain name, a parenthesis opened inside another, and base64 split
 * inside a 4-character block. Line endings and anything every server accepts are not reported.
 *
 * `data`: `{ construct, servers }` — what is not portable and which servers refuse it.
 *
 * Quick fixes, where the portable spelling means the same: the absolute origin for a relative
 * one, a backslash before an ASCII character, `IN` for `CLASS1`.
 */
import type { Rule } from '../../rule';
import type { QuickFix, Range } from '../../types';
import type { ZoneModel, ZoneToken } from '../model';
import { rdataDescriptor } from '../rdata/validate';
import { uncachedRdata } from '../store';

export type PortabilityConstruct = 'relative-origin' | 'relative-include-origin' | 'class' | 'name-character' | 'nested-parenthesis' | 'base64-split';

const KNOT = ['knot'];

/** Characters that end an unquoted token (blank, line break, parentheses, comment, quote). */
const DELIMITER = new Set([32, 9, 10, 13, 40, 41, 59, 34, 0]);

/** Unescaped characters Knot accepts in a label (besides `@` alone for the origin). */
function knotLabelChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95 || c === 47 || c === 42;
}

/** Offset (in `text`) of the first unescaped character Knot refuses in the name token, or -1. */
export function knotNameCharAt(text: string, start: number, end: number): number {
  if (end - start === 1 && text.charCodeAt(start) === 64) return -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i += /^\d{3}$/.test(text.slice(i + 1, i + 4)) ? 3 : 1;
      continue;
    }
    if (c === 46 || knotLabelChar(c)) continue;
    return i;
  }
  return -1;
}

/** The name token ends with an unescaped dot (it is absolute), or is `@` (the current origin). */
function absolute(text: string): boolean {
  if (text === '@') return true;
  if (!text.endsWith('.')) return false;
  let slashes = 0;
  for (let i = text.length - 2; i >= 0 && text[i] === '\\'; i--) slashes++;
  return slashes % 2 === 0;
}

/** Offset of a `(` opened while another is open in `text[from, to)`, or -1. */
function nestedParenthesisAt(text: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 59) {
      while (i < to && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (c === 34) {
      for (i++; i < to; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34 || d === 10 || d === 13) break;
      }
    } else if (c === 40) {
      if (depth > 0) return i;
      depth++;
    } else if (c === 41 && depth > 0) depth--;
  }
  return -1;
}

/** `token` made absolute as `absoluteName` (canonical), keeping the case the token is written in. */
function absoluteSpelling(token: string, absoluteName: string): string {
  const lower = token.toLowerCase();
  return absoluteName.startsWith(lower + '.') ? token + absoluteName.slice(token.length) : absoluteName;
}

/** Whether `text[from, to)` holds the word `class` in any case (as `/class/i` on the slice, without the slice). */
function hasClassWord(text: string, from: number, to: number): boolean {
  for (let i = from; i + 5 <= to; i++) {
    if ((text.charCodeAt(i) | 0x20) !== 99) continue;
    if ((text.charCodeAt(i + 1) | 0x20) === 108 && (text.charCodeAt(i + 2) | 0x20) === 97 && (text.charCodeAt(i + 3) | 0x20) === 115 && (text.charCodeAt(i + 4) | 0x20) === 115) return true;
  }
  return false;
}

type Descriptor = NonNullable<ReturnType<typeof rdataDescriptor>>;
const readsRdataCache = new WeakMap<Descriptor, boolean>();

/** The check looks at the RDATA of this type: it has a name field or base64 data. */
function readsRdata(d: Descriptor): boolean {
  let v = readsRdataCache.get(d);
  if (v === undefined) {
    v = d.fields.some((f) => f.kind === 'name') || (!!d.rest && (d.rest.kind === 'base64' || d.rest.kind === 'base64OrDash'));
    readsRdataCache.set(d, v);
  }
  return v;
}

export const zonePortability: Rule<ZoneModel> = {
  meta: {
    id: 'zone-portability',
    scope: 'record',
    language: 'zone',
    severity: 'warning',
    description: 'Master-file text that BIND accepts but Knot DNS refuses to load (relative $ORIGIN, class other than IN, special characters in names, nested parentheses, split base64).',
  },
  check(model, _ctx, report) {
    const text = model.text;
    const warn = (range: Range, construct: PortabilityConstruct, message: string): void =>
      report({ range, message, data: { construct, servers: KNOT } });

    for (const d of model.directives) {
      if (d.kind === 'origin' && d.nameRange && d.args[0] && !d.args[0].quoted && !absolute(d.args[0].text)) {
        warn(d.nameRange, 'relative-origin', `Knot DNS refuses a relative $ORIGIN; BIND appends it to the current origin. Write the absolute name ${d.name ?? ''}`.trimEnd());
      } else if (d.kind === 'include' && d.originRange && d.args[1] && !d.args[1].quoted && !absolute(d.args[1].text)) {
        warn(d.originRange, 'relative-include-origin', `Knot DNS refuses a relative $INCLUDE origin (and stops loading); BIND appends it to the current origin. Write the absolute name ${d.origin ?? ''}`.trimEnd());
      }
    }

    const nameChar = (t: { range: Range }, what: string): void => {
      const at = knotNameCharAt(text, t.range.start, t.range.end);
      if (at < 0) return;
      const ch = text[at];
      const code = ch.charCodeAt(0);
      const escape = code < 128 ? `\\${ch}` : 'its escaped or punycode (xn--) form';
      warn(
        { start: at, end: at + 1 },
        'name-character',
        `Knot DNS refuses the unescaped character '${ch}' in ${what}; BIND accepts it. Write ${escape} to load the zone on both`,
      );
    };

    /** Next `(` at or after the current record (searched once per stretch of text: linear). */
    let paren = -1;
    for (const r of model.records) {
      // A written owner starts the line (the store's ownerRange and classRange re-scan: avoided here).
      const lineStart = r.lineStart;
      const typeStart = r.typeRange.start;
      const first = text.charCodeAt(lineStart);
      if (first !== 32 && first !== 9) {
        let end = lineStart;
        while (end < typeStart && !DELIMITER.has(text.charCodeAt(end))) end++;
        nameChar({ range: { start: lineStart, end } }, 'an owner name');
      }
      if (r.class !== 'IN' || hasClassWord(text, lineStart, typeStart)) {
        const written = r.classRange && text.slice(r.classRange.start, r.classRange.end);
        if (r.classRange && written && written.toUpperCase() !== 'IN') {
          warn(r.classRange, 'class', `Knot DNS loads only class IN, written as IN; BIND accepts ${written}`);
        }
      }
      if (paren !== Infinity && paren < r.lineStart) {
        paren = text.indexOf('(', r.lineStart);
        if (paren < 0) paren = Infinity;
      }
      if (paren < r.range.end) {
        const at = nestedParenthesisAt(text, r.lineStart, r.range.end);
        if (at >= 0) warn({ start: at, end: at + 1 }, 'nested-parenthesis', 'Knot DNS refuses a parenthesis opened inside another (and stops loading); BIND only counts them. Remove the inner pair');
      }
      if (r.generic) continue;
      const d = rdataDescriptor(r.type);
      if (!d || !readsRdata(d)) continue;
      // Read afresh, not cached on the record: a pass over a large zone keeps nothing.
      const rdata = uncachedRdata(r);
      d.fields.forEach((f, i) => {
        const t: ZoneToken | undefined = rdata[i];
        if (f.kind === 'name' && t && !t.quoted) nameChar(t, `the ${r.type} ${f.name}`);
      });
      if (d.rest && (d.rest.kind === 'base64' || d.rest.kind === 'base64OrDash')) {
        const rest = rdata.slice(d.fields.length);
        const piece = rest.slice(0, -1).find((t) => t.text.length % 4 !== 0);
        if (piece) {
          warn(
            piece.range,
            'base64-split',
            `Knot DNS refuses base64 split inside a 4-character block (this piece has ${piece.text.length} characters); BIND joins the pieces. Split the ${r.type} ${d.rest.name} at multiples of 4 characters`,
          );
        }
      }
    }
  },
  fix(model, finding) {
    const { start, end } = finding.range;
    if (end <= start || end > model.text.length) return [];
    const construct = (finding.data as { construct?: PortabilityConstruct } | undefined)?.construct;
    const written = model.text.slice(start, end);
    const fix = (title: string, newText: string): QuickFix[] => [{ title, rule: 'zone-portability', edits: [{ range: { start, end }, newText }], preferred: true }];
    if (construct === 'relative-origin' || construct === 'relative-include-origin') {
      for (const d of model.directives) {
        const name = d.kind === 'origin' && d.nameRange?.start === start ? d.name : d.kind === 'include' && d.originRange?.start === start ? d.origin : undefined;
        if (name) {
          const spelled = absoluteSpelling(written, name);
          return fix(`Write the absolute name ${spelled}`, spelled);
        }
      }
      return [];
    }
    if (construct === 'name-character' && end - start === 1 && written.charCodeAt(0) < 128) {
      return fix(`Escape '${written}' as \\${written}`, `\\${written}`);
    }
    if (construct === 'class' && /^CLASS0*1$/i.test(written)) return fix('Write IN', 'IN');
    return [];
  },
};
