/**
 * SPF record parser following the ABNF of RFC 7208 §12 (record selection §4.5, modifiers §6,
 * macros §7). Works on the decoded value of a TXT/SPF record (`MappedText.concat(record.strings)`)
 * and gives every part a span in the value plus its range in the document. Never throws; runs in
 * time linear in the length of the record.
 *
 * `errors` lists exactly the violations that make `check_host()` return permerror before any
 * evaluation (RFC 7208 §4.6: "If there are any syntax errors anywhere in the record, check_host()
 * returns immediately with the result permerror").
 */
import type { MappedText } from '../text';
import type { Range } from '../types';
import { ip4Problem, ip6Problem, prefixProblem } from './ip';
import {
  MACRO_DELIMITERS,
  macroLetter,
  mechanismNamed,
  modifierNamed,
  type MechanismDoc,
  type MechanismName,
  type ModifierName,
  type Qualifier,
} from './terms';

/** A piece of the record: `[start, end)` in the value, `range` in the document. */
export interface Part {
  start: number;
  end: number;
  text: string;
  range: Range;
}

export type MacroPart =
  | (Part & { kind: 'literal' })
  /** `%%`, `%_` or `%-`. */
  | (Part & { kind: 'escape' })
  | (Part & {
      kind: 'macro';
      /** The letter as written (upper case means URL-escaped). */
      letter: string;
      /** Number of right-hand parts to keep; undefined when no digits are written. */
      digits?: number;
      reverse: boolean;
      /** Delimiters as written; empty means the default `.`. */
      delimiters: string;
    });

/** A `macro-string` (RFC 7208 §7.1): a domain-spec or the value of a modifier. */
export interface MacroString extends Part {
  parts: MacroPart[];
}

/** A prefix length: `text` includes the slash(es), `length` is set when it is valid. */
export interface Cidr extends Part {
  length?: number;
}

export interface SpfMechanism extends Part {
  kind: 'mechanism';
  /** The explicit qualifier, if written. */
  qualifierPart?: Part;
  /** The effective qualifier (`+` when none is written). */
  qualifier: Qualifier;
  name: Part;
  /** The mechanism, lower case; undefined for an unknown name. */
  mechanism?: MechanismName;
  /** Everything after the name (`:example.com/24`), possibly empty. */
  argument: Part;
  /** include, a, mx, ptr, exists. */
  domain?: MacroString;
  /** ip4/ip6 address as written (without the prefix length). */
  network?: Part;
  /** IPv4 prefix length (`/24`): a, mx, ip4. */
  cidr4?: Cidr;
  /** IPv6 prefix length (`//64` for a/mx, `/64` for ip6). */
  cidr6?: Cidr;
}

export interface SpfModifier extends Part {
  kind: 'modifier';
  name: Part;
  /** `redirect` / `exp`, or undefined for an unknown modifier (legal and ignored, RFC 7208 §6). */
  modifier?: ModifierName;
  /** The `=`. */
  equals: Part;
  value: MacroString;
}

/** A term that is neither a mechanism nor a modifier (e.g. `1up=foo`, `=all`, a lone `+`). */
export interface SpfInvalidTerm extends Part {
  kind: 'invalid';
}

export type SpfTerm = SpfMechanism | SpfModifier | SpfInvalidTerm;

export type SpfErrorCode =
  /** A term separated by something other than SP (tab, line break, no-break space…). */
  | 'separator'
  /** A character outside visible ASCII inside a term. */
  | 'invalid-character'
  | 'unknown-mechanism'
  /** Not a mechanism and not a modifier (bad modifier name, lone qualifier…). */
  | 'invalid-term'
  /** A qualifier in front of a modifier (`-redirect=…`). */
  | 'qualified-modifier'
  /** A mechanism without its required argument, or without the `:` before it. */
  | 'missing-argument'
  /** An argument or prefix length on a mechanism that takes none. */
  | 'unexpected-argument'
  | 'empty-domain'
  /** A domain-spec that does not end in `.toplabel` or a macro. */
  | 'domain-end'
  | 'macro'
  /** A prefix length of a/mx that is malformed or out of range. */
  | 'cidr'
  | 'ip4-address'
  | 'ip6-address'
  /** A prefix length of ip4/ip6 that is malformed or out of range. */
  | 'ip-prefix'
  /** `redirect=` or `exp=` given twice (RFC 7208 §6). */
  | 'duplicate-modifier';

export interface SpfError {
  code: SpfErrorCode;
  message: string;
  start: number;
  end: number;
  range: Range;
}

export interface SpfRecord {
  /** The decoded record value with its document mapping. */
  text: MappedText;
  /** The version section as written (`v=spf1`, or the mistyped tag of a near miss). */
  version: Part;
  terms: SpfTerm[];
  errors: SpfError[];
}

/** RFC 7208 §4.5: the record starts with `v=spf1` (case-insensitive) followed by SP or its end. */
export function isSpfRecord(value: string): boolean {
  return /^v=spf1(?: |$)/i.test(value);
}

/** Start of the terms after the version section (`v=spf1` + SP). */
function defaultBodyStart(value: string): number {
  const sp = value.indexOf(' ');
  return sp < 0 ? value.length : sp;
}

/**
 * Parses a record. The version section is `[0, bodyStart)`; by default it is everything up to the
 * first space. Near misses pass the end of the mistyped tag so that their terms are still checked.
 */
export function parseSpf(text: MappedText, bodyStart?: number): SpfRecord {
  const value = text.value;
  const b = Math.max(0, Math.min(bodyStart ?? defaultBodyStart(value), value.length));
  const p = new Parser(text);
  const version = p.part(0, b);
  const terms: SpfTerm[] = [];
  let i = b;
  while (i < value.length) {
    const c = value[i];
    if (c === ' ') {
      i++;
      continue;
    }
    if (isOtherSpace(c)) {
      let j = i;
      while (j < value.length && isOtherSpace(value[j])) j++;
      p.error('separator', i, j, `Terms must be separated by spaces; found ${describeChars(value.slice(i, j))}`);
      i = j;
      continue;
    }
    let j = i;
    while (j < value.length && value[j] !== ' ' && !isOtherSpace(value[j])) j++;
    terms.push(p.term(i, j));
    i = j;
  }
  p.checkDuplicates(terms);
  return { text, version, terms, errors: p.errors };
}

/**
 * Parses free text as a `macro-string` (RFC 7208 §7.1), as in the explanation TXT record named by
 * `exp=` (§6.2): the exp-only letters `c`, `r`, `t` are allowed. Never throws.
 */
export function parseMacroText(text: MappedText): { value: MacroString; errors: SpfError[] } {
  const p = new Parser(text);
  const value = p.macroString(0, text.value.length, { domain: false });
  return { value, errors: p.errors };
}

/** Whitespace other than SP: a term separator in practice, a syntax error per the ABNF. */
function isOtherSpace(c: string): boolean {
  const code = c.charCodeAt(0);
  // ASCII whitespace other than SP is TAB…CR; only beyond ASCII is the full `\s` class needed.
  if (code < 0x80) return code >= 9 && code <= 13;
  return /\s/.test(c);
}

function describeChars(s: string): string {
  const names: Record<string, string> = {
    '\t': 'a tab',
    '\n': 'a line break',
    '\r': 'a carriage return',
    '\u00a0': 'a no-break space',
    '\u3000': 'an ideographic (full-width) space',
    '\ufeff': 'a byte-order mark',
  };
  const c = s[0];
  return names[c] ?? `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** ABNF `name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )`. */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 46;
}
const IS_ALPHA = /[A-Za-z]/;
const TOPLABEL = /^(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])$/;

function isVisible(code: number): boolean {
  return code >= 0x21 && code <= 0x7e;
}

class Parser {
  readonly errors: SpfError[] = [];
  private readonly v: string;

  constructor(private readonly text: MappedText) {
    this.v = text.value;
  }

  part(start: number, end: number): Part {
    return { start, end, text: this.v.slice(start, end), range: this.text.docRange(start, end) };
  }

  error(code: SpfErrorCode, start: number, end: number, message: string): void {
    this.errors.push({ code, message, start, end, range: this.text.docRange(start, end) });
  }

  /** Parses one term `[start, e)`; a term with bad characters gets only that error. */
  term(start: number, e: number): SpfTerm {
    const mark = this.errors.length;
    const term = this.termSyntax(start, e);
    for (let k = start; k < e; k++) {
      if (!isVisible(this.v.charCodeAt(k))) {
        let m = k + 1;
        while (m < e && !isVisible(this.v.charCodeAt(m))) m++;
        this.errors.length = mark;
        const code = this.v.codePointAt(k) ?? 0;
        const what = code < 0x20 || code === 0x7f ? 'the control character' : 'the non-ASCII character';
        this.error(
          'invalid-character',
          k,
          m,
          `'${this.v.slice(start, e).replace(/[^\x21-\x7e]/g, '?')}' contains ${what} U+${code.toString(16).toUpperCase().padStart(4, '0')}; SPF records are plain ASCII`,
        );
        break;
      }
    }
    return term;
  }

  private termSyntax(start: number, end: number): SpfTerm {
    const v = this.v;
    // Modifier: name "=" macro-string.
    const nameEnd = this.nameEnd(start, end);
    if (nameEnd > start && v[nameEnd] === '=' && IS_ALPHA.test(v[start])) return this.modifier(start, nameEnd, end);

    let q = start;
    let qualifierPart: Part | undefined;
    if ('+-~?'.includes(v[q])) {
      qualifierPart = this.part(q, q + 1);
      q++;
    }
    const qualifier = (qualifierPart?.text ?? '+') as Qualifier;
    if (q >= end) {
      this.error('invalid-term', start, end, `'${v.slice(start, end)}' is a qualifier without a mechanism`);
      return { kind: 'invalid', ...this.part(start, end) };
    }
    const ne = this.nameEnd(q, end);
    if (qualifierPart && ne > q && v[ne] === '=' && IS_ALPHA.test(v[q])) {
      const mod = this.modifier(q, ne, end);
      this.error(
        'qualified-modifier',
        start,
        q,
        `Modifiers take no qualifier: '${qualifierPart.text}' in front of '${v.slice(q, ne)}=' makes the record invalid`,
      );
      return { ...mod, ...this.part(start, end) };
    }
    if (ne === q || !IS_ALPHA.test(v[q])) {
      const t = v.slice(start, end);
      const msg =
        v[ne] === '='
          ? `'${t}' is not a valid modifier: a modifier name must start with a letter and contain only letters, digits, '-', '_' and '.'`
          : `'${t}' is not a mechanism or modifier`;
      this.error('invalid-term', start, end, msg);
      return { kind: 'invalid', ...this.part(start, end) };
    }

    // Mechanism name: the known name that begins the name run, or the whole run when unknown.
    const run = v.slice(q, ne);
    let nEnd = ne;
    let doc = mechanismNamed(run);
    if (!doc) {
      const m = /^([A-Za-z0-9]+)[\-_.]/.exec(run);
      const prefixDoc = m ? mechanismNamed(m[1]) : undefined;
      if (prefixDoc) {
        doc = prefixDoc;
        nEnd = q + m![1].length;
      }
    }
    const mech: SpfMechanism = {
      kind: 'mechanism',
      ...this.part(start, end),
      qualifierPart,
      qualifier,
      name: this.part(q, nEnd),
      mechanism: doc?.name,
      argument: this.part(nEnd, end),
    };
    if (!doc) {
      this.error('unknown-mechanism', q, ne, `Unknown mechanism '${run}'`);
      return mech;
    }
    this.mechanismArgument(mech, doc, nEnd, end);
    return mech;
  }

  /** End of the ABNF `name` run starting at `i` (no check of the first character). */
  private nameEnd(i: number, end: number): number {
    let j = i;
    while (j < end && isNameChar(this.v.charCodeAt(j))) j++;
    return j;
  }

  private modifier(start: number, nameEnd: number, end: number): SpfModifier {
    const name = this.part(start, nameEnd);
    const doc = modifierNamed(name.text);
    const value = this.macroString(nameEnd + 1, end, { domain: doc !== undefined });
    const mod: SpfModifier = {
      kind: 'modifier',
      ...this.part(start, end),
      name,
      modifier: doc?.name,
      equals: this.part(nameEnd, nameEnd + 1),
      value,
    };
    if (doc && value.text === '') {
      this.error('empty-domain', start, end, `'${doc.name}=' needs a domain, e.g. ${doc.examples[0]}`);
    } else if (doc) {
      this.domainEnd(value, `${doc.name}=`, true);
    }
    return mod;
  }

  private mechanismArgument(m: SpfMechanism, doc: MechanismDoc, a: number, end: number): void {
    const v = this.v;
    const label = doc.name;
    if (doc.network) {
      if (v[a] !== ':') {
        const msg =
          a === end
            ? `'${label}' needs an address: ${doc.examples[0]}`
            : `Expected ':' after '${label}', found '${v.slice(a, end)}' (write ${doc.examples[0]})`;
        this.error('missing-argument', a === end ? m.start : a, end, msg);
        return;
      }
      this.ipArgument(m, doc.network, a + 1, end);
      return;
    }
    if (doc.domain === 'none') {
      if (a < end) this.error('unexpected-argument', a, end, `'${label}' takes no argument; remove '${v.slice(a, end)}'`);
      return;
    }
    // include / exists / ptr / a / mx
    if (v[a] === ':') {
      const ds = a + 1;
      let de = end;
      if (doc.cidr === 'dual') {
        de = this.dualCidr(m, ds, end, true);
      }
      if (de === ds) {
        this.error('empty-domain', m.start, end, `'${label}:' needs a domain after the colon (or drop the colon)`);
        m.domain = this.macroString(ds, de, { domain: true });
        return;
      }
      const domain = this.macroString(ds, de, { domain: true });
      m.domain = domain;
      this.domainEnd(domain, `${label}:`, doc.cidr === 'none');
      return;
    }
    if (a === end) {
      if (doc.domain === 'required') {
        this.error('missing-argument', m.start, end, `'${label}' needs a domain: ${doc.examples[0]}`);
      }
      return;
    }
    if (v[a] === '/' && doc.cidr === 'dual') {
      const rest = this.dualCidr(m, a, end, false);
      if (rest > a) {
        m.cidr4 = undefined;
        m.cidr6 = undefined;
        this.error(
          'cidr',
          a,
          end,
          `'${v.slice(a, end)}' is not a valid prefix length; write /<0-32> for IPv4, //<0-128> for IPv6, or both as /24//64`,
        );
      }
      return;
    }
    if (v[a] === '/') {
      this.error('unexpected-argument', a, end, `'${label}' takes no prefix length; remove '${v.slice(a, end)}'`);
      return;
    }
    this.error(
      'missing-argument',
      a,
      end,
      `Expected ':' between '${label}' and its domain, found '${v.slice(a, end)}' (write ${doc.examples[doc.examples.length > 1 ? 1 : 0]})`,
    );
  }

  /**
   * Splits `[/ip4-cidr][//ip6-cidr]` off the end of `[s, end)`, records it on the mechanism and
   * returns where it begins. Malformed lengths are reported, except when there is no domain and
   * something is left before them: the caller then reports the whole suffix (`a/24/64`).
   */
  private dualCidr(m: SpfMechanism, s: number, end: number, withDomain: boolean): number {
    const v = this.v;
    let j = end;
    let i = j;
    while (i > s && isDigit(v.charCodeAt(i - 1))) i--;
    let c6: [number, number] | undefined;
    let c4: [number, number] | undefined;
    if (i - 2 >= s && v[i - 1] === '/' && v[i - 2] === '/') {
      c6 = [i - 2, j];
      j = i - 2;
      i = j;
      while (i > s && isDigit(v.charCodeAt(i - 1))) i--;
    }
    if (i - 1 >= s && v[i - 1] === '/' && !(i - 2 >= s && v[i - 2] === '/')) {
      c4 = [i - 1, j];
      j = i - 1;
    }
    const leftover = j > s && !withDomain;
    if (c4) m.cidr4 = this.cidr(c4[0], c4[1], 1, 4, !leftover);
    if (c6) m.cidr6 = this.cidr(c6[0], c6[1], 2, 6, !leftover);
    return j;
  }

  private cidr(start: number, end: number, slashes: number, family: 4 | 6, report: boolean): Cidr {
    const digits = this.v.slice(start + slashes, end);
    const problem = prefixProblem(digits, family);
    const c: Cidr = this.part(start, end);
    if (problem) {
      if (report) this.error('cidr', start, end, `Invalid IPv${family} prefix length '${c.text}': ${problem}`);
    } else c.length = Number(digits);
    return c;
  }

  private ipArgument(m: SpfMechanism, family: 4 | 6, s: number, end: number): void {
    const v = this.v;
    const slash = v.indexOf('/', s);
    const ne = slash < 0 || slash > end ? end : slash;
    m.network = this.part(s, ne);
    const problem = family === 4 ? ip4Problem(m.network.text) : ip6Problem(m.network.text);
    if (problem) {
      const [es, ee] = ne > s ? [s, ne] : [m.start, ne];
      this.error(family === 4 ? 'ip4-address' : 'ip6-address', es, ee, `Invalid ip${family} address: ${problem}`);
    }
    if (ne === end) return;
    const c: Cidr = this.part(ne, end);
    if (family === 4) m.cidr4 = c;
    else m.cidr6 = c;
    if (v[ne + 1] === '/') {
      this.error('ip-prefix', ne, end, `ip${family} takes a single '/length'; '//' is only used by a and mx`);
      return;
    }
    const p = prefixProblem(v.slice(ne + 1, end), family);
    if (p) this.error('ip-prefix', ne, end, `Invalid prefix length '${c.text}': ${p}`);
    else c.length = Number(v.slice(ne + 1, end));
  }

  /** `macro-string` over `[s, e)`; macro errors are reported. In a domain-spec the exp-only letters are errors. */
  macroString(s: number, e: number, opts: { domain: boolean }): MacroString {
    const v = this.v;
    const parts: MacroPart[] = [];
    let lit = s;
    const flush = (to: number) => {
      if (to > lit) parts.push({ kind: 'literal', ...this.part(lit, to) });
    };
    let i = s;
    while (i < e) {
      if (v[i] !== '%') {
        i++;
        continue;
      }
      flush(i);
      const n = v[i + 1];
      if (i + 1 < e && (n === '%' || n === '_' || n === '-')) {
        parts.push({ kind: 'escape', ...this.part(i, i + 2) });
        i += 2;
      } else if (i + 1 < e && n === '{') {
        i = this.macroExpand(i, e, parts, opts.domain);
      } else {
        const shown = i + 1 < e ? `'%${n}'` : "'%' at the end";
        this.error(
          'macro',
          i,
          Math.min(i + 2, e),
          `Invalid macro ${shown}: '%' must start %{…}, %%, %_ or %- (write %% for a literal percent sign)`,
        );
        i = Math.min(i + 2, e);
      }
      lit = i;
    }
    flush(e);
    return { ...this.part(s, e), parts };
  }

  /** Parses `%{letter digits r delimiters}` starting at `i` (the `%`); returns the index after it. */
  private macroExpand(i: number, e: number, parts: MacroPart[], domain: boolean): number {
    const v = this.v;
    let close = -1;
    for (let k = i + 2; k < e; k++) {
      if (v[k] === '}') {
        close = k;
        break;
      }
      if (v[k] === '%' || v[k] === '{') break;
    }
    if (close < 0) {
      let k = i + 2;
      while (k < e && v[k] !== '%' && v[k] !== '{') k++;
      this.error('macro', i, k, `Unterminated macro '${v.slice(i, k)}': missing '}'`);
      return k;
    }
    const inner = v.slice(i + 2, close);
    const m = /^([A-Za-z])([0-9]*)([rR]?)([.\-+,/_=]*)$/.exec(inner);
    const text = v.slice(i, close + 1);
    const letterDoc = m ? macroLetter(m[1]) : undefined;
    if (!m || !letterDoc) {
      const why = !m
        ? inner === ''
          ? 'it is empty'
          : `expected %{letter[digits][r][delimiters]} with delimiters from '${MACRO_DELIMITERS}'`
        : `'${m[1]}' is not a macro letter (s l o d i p h c r t v)`;
      this.error('macro', i, close + 1, `Invalid macro '${text}': ${why}`);
      return close + 1;
    }
    if (m[2] !== '' && /^0+$/.test(m[2])) {
      this.error('macro', i, close + 1, `Invalid macro '${text}': the number of parts to keep must not be zero`);
    } else if (domain && letterDoc.expOnly) {
      this.error(
        'macro',
        i,
        close + 1,
        `The macro '${text}' (${letterDoc.meaning}) is allowed only in explanation text, not in a domain`,
      );
    }
    parts.push({
      kind: 'macro',
      ...this.part(i, close + 1),
      letter: m[1],
      digits: m[2] === '' ? undefined : Math.min(Number(m[2]), Number.MAX_SAFE_INTEGER),
      reverse: m[3] !== '',
      delimiters: m[4],
    });
    return close + 1;
  }

  /**
   * `domain-spec = macro-string domain-end` with `domain-end = ( "." toplabel [ "." ] ) / macro-expand`.
   * Checked only when the macro-string itself is well formed.
   */
  private domainEnd(d: MacroString, label: string, noCidr: boolean): void {
    // Errors of this domain are the latest ones with a start inside it (bounded by the term's errors).
    for (let k = this.errors.length - 1; k >= 0 && this.errors[k].start >= d.start; k--) {
      if (this.errors[k].code === 'macro' && this.errors[k].end <= d.end) return;
    }
    const last = d.parts[d.parts.length - 1];
    if (!last || last.kind !== 'literal') return;
    let t = last.text;
    if (t.endsWith('.')) t = t.slice(0, -1);
    const dot = t.lastIndexOf('.');
    const top = dot < 0 ? undefined : t.slice(dot + 1);
    if (top !== undefined && TOPLABEL.test(top)) return;
    // Explain the common shapes.
    const cidr = noCidr ? /\/\/?[0-9]*(?:\/\/[0-9]*)?$/.exec(d.text) : null;
    if (cidr && cidr.index > 0) {
      const s = d.start + cidr.index;
      this.error('unexpected-argument', s, d.end, `'${label.slice(0, -1)}' takes no prefix length; remove '${cidr[0]}'`);
      return;
    }
    const port = /:[0-9]*$/.exec(d.text);
    let why: string;
    if (/^[0-9]+(\.[0-9]+){3}$/.test(d.text)) {
      why = `it is an IP address; use ip4:${d.text} for addresses`;
    } else if (port && d.text.length > port[0].length && dot >= 0) {
      why = `it ends with a port ('${port[0]}'), which SPF does not allow`;
    } else if (dot < 0) {
      why = 'a domain needs at least one dot and a top-level label (e.g. example.com)';
    } else if (top === '') {
      why = 'it ends with an empty label';
    } else if (/^[0-9]+$/.test(top ?? '')) {
      why = `its last label '${top}' is all digits`;
    } else {
      why = `its last label '${top}' is not a valid top-level label (letters, digits and inner '-')`;
    }
    this.error('domain-end', d.start, d.end, `Invalid domain in '${label}${d.text}': ${why}`);
  }

  /** RFC 7208 §6: `redirect` and `exp` may each appear at most once. */
  checkDuplicates(terms: SpfTerm[]): void {
    const seen = new Map<string, SpfModifier>();
    for (const t of terms) {
      if (t.kind !== 'modifier' || !t.modifier) continue;
      const first = seen.get(t.modifier);
      if (!first) seen.set(t.modifier, t);
      else {
        this.error(
          'duplicate-modifier',
          t.start,
          t.end,
          `'${t.modifier}=' appears more than once (first: '${first.text}'); RFC 7208 §6 makes this a permerror`,
        );
      }
    }
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
