/**
 * Expansion of BIND's `$GENERATE range lhs [ttl] [class] type rhs`. In the templates `$` is the
 * iterator, `${offset[,width[,base]]}` formats it (base d, o, x, X, or n/N for reversed nibbles),
 * and `$$` or `\$` is a literal dollar sign. Bounded: at most `MAX_GENERATE` records per
 * directive are produced; the rest is reported, never built.
 */
import type { GenerateDirective } from './model';

/**
 * Records produced per `$GENERATE` directive at most (larger ranges are reported): one line of
 * text must not cost seconds of checking on every keystroke. A larger range is reported and its
 * first records are checked.
 */
export const MAX_GENERATE = 8192;

export interface GeneratedText {
  /** Iterator value. */
  value: number;
  owner: string;
  rdata: string;
}

export interface Expansion {
  items: GeneratedText[];
  /** Records the range asks for (may exceed what was produced). */
  requested: number;
  problem?: string;
}

function formatValue(v: number, width: number, base: string): string {
  // Only decimal shows a sign; the other bases show the 32-bit pattern, as BIND's printf does.
  if (v < 0 && base !== 'd') v = v >>> 0;
  if (base === 'n' || base === 'N') {
    let hex = v.toString(16);
    if (base === 'N') hex = hex.toUpperCase();
    // Width counts output characters (nibbles and the dots between them), as in BIND.
    const nibbles = Math.max(hex.length, Math.ceil((width + 1) / 2));
    hex = hex.padStart(nibbles, '0');
    return hex.split('').reverse().join('.');
  }
  let s: string;
  switch (base) {
    case 'o':
      s = v.toString(8);
      break;
    case 'x':
      s = v.toString(16);
      break;
    case 'X':
      s = v.toString(16).toUpperCase();
      break;
    default:
      s = String(v);
  }
  if (s.startsWith('-')) return '-' + s.slice(1).padStart(Math.max(0, width - 1), '0');
  return s.padStart(width, '0');
}

/** Substitute `value` into a template; undefined when the template is malformed. */
export function substitute(template: string, value: number): string | undefined {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === '\\' && i + 1 < template.length) {
      if (template[i + 1] === '$') {
        out += '$';
        i++;
      } else {
        out += c + template[i + 1];
        i++;
      }
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    if (template[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (template[i + 1] !== '{') {
      out += String(value);
      continue;
    }
    const close = template.indexOf('}', i + 2);
    if (close < 0) return undefined;
    const m = /^([+-]?\d+)(?:,(\d+)(?:,([doxXnN]))?)?$/.exec(template.slice(i + 2, close));
    if (!m) return undefined;
    const v = value + Number(m[1]);
    // As BIND: the substituted value is a signed 32-bit number.
    if (v < -0x80000000 || v > 0x7fffffff) return undefined;
    out += formatValue(v, m[2] ? Math.min(Number(m[2]), 255) : 0, m[3] ?? 'd');
    i = close;
  }
  return out;
}

function unquote(text: string, quoted: boolean): string {
  if (!quoted) return text;
  return text.length >= 2 && text.endsWith('"') ? text.slice(1, -1) : text.slice(1);
}

/** Expand a parsed directive (one whose range, templates and type were accepted). */
export function expandGenerate(d: GenerateDirective, limit = MAX_GENERATE): Expansion {
  if (d.start === undefined || d.stop === undefined || d.step === undefined || !d.lhs || !d.rhs || !d.type) {
    return { items: [], requested: 0 };
  }
  const requested = Math.floor((d.stop - d.start) / d.step) + 1;
  const items: GeneratedText[] = [];
  const lhs = d.lhs.text;
  const rhs = unquote(d.rhs.text, d.rhs.quoted);
  for (let v = d.start, k = 0; v <= d.stop && k < limit; v += d.step, k++) {
    const owner = substitute(lhs, v);
    const rdata = substitute(rhs, v);
    if (owner === undefined || rdata === undefined) return { items, requested, problem: `substitution out of range or invalid for ${v}` };
    items.push({ value: v, owner, rdata });
  }
  return { items, requested };
}
