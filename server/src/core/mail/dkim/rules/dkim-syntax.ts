/**
 * dkim-syntax: a DKIM key record that verifiers cannot read (RFC 6376 §3.2, §3.6.1; §6.1.2 makes
 * a key record that does not adhere to the format a PERMFAIL): tag-list errors, a tag given twice,
 * `v=` not `DKIM1` or not first, no `p=` (or a key written without it), tags run together without `;` or separated by `,`, and
 * characters outside ASCII (a no-break space or a full-width `；` pasted from a document).
 *
 * Quick fixes: insert the missing `;` (or the missing `p=` before a bare key), turn `,` into `;`, replace a non-ASCII look-alike with its
 * ASCII character, write `v=DKIM1`, move `v=` to the front, drop a duplicate that repeats the first.
 */
import type { Rule } from '../../../rule';
import type { QuickFix, TextEdit } from '../../../types';
import type { ZoneModel } from '../../../zone/model';
import { docRange, rdataDocRange } from '../../records';
import { dkimAt, dkimRecords, effectiveSpan, effectiveValue, quote, removeTag, replaceInValue, type DkimInfo } from '../record';

const ID = 'dkim-syntax';

/** ASCII stand-ins of characters that sneak in when a key is pasted from a document or chat. */
function asciiFor(c: number): string | undefined {
  if (c === 0xa0 || c === 0x3000 || c === 0x202f || (c >= 0x2000 && c <= 0x200a)) return ' ';
  if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff) return '';
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  return undefined;
}

const NAMES: Record<number, string> = {
  0xa0: 'a no-break space',
  0x3000: 'an ideographic (full-width) space',
  0x200b: 'a zero-width space',
  0xfeff: 'a byte-order mark',
  0xff1b: "a full-width ';'",
  0xff1d: "a full-width '='",
  0x2018: 'a typographic quote',
  0x2019: 'a typographic quote',
  0x201c: 'a typographic quote',
  0x201d: 'a typographic quote',
};

function charName(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[c] ?? (c >= 0xff01 && c <= 0xff5e ? `a full-width '${String.fromCharCode(c - 0xfee0)}'` : undefined);
  return name ? `${name} (${hex})` : hex;
}

interface NonAscii {
  at: number;
  end: number;
  ch: string;
}

const MAX_NON_ASCII = 8;

function nonAscii(info: DkimInfo): NonAscii[] {
  const v = info.mail.text.value;
  const out: NonAscii[] = [];
  for (let i = 0; i < v.length && out.length < MAX_NON_ASCII; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x80) continue;
    const ch = String.fromCodePoint(v.codePointAt(i) ?? c);
    out.push({ at: i, end: i + ch.length, ch });
    i += ch.length - 1;
  }
  return out;
}

type Data =
  | { kind: 'parse' | 'missing-p' | 'version-order' | 'version' }
  | { kind: 'non-ascii'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'run-on'; at: number }
  | { kind: 'bare-key'; at: number };

/** A spec that is nothing but base64 of some length: a key whose `p=` was left out. */
const BARE_KEY = /^[A-Za-z0-9+/][A-Za-z0-9+/ \t\r\n]{38,}={0,2}$/;

/** `p=` written somewhere the tag list did not read it as a tag (run together, or behind a bad character). */
const HIDDEN_P = /(^|[^A-Za-z0-9_])p[ \t]*[=\uff1d]/;

export const dkimSyntax: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'A DKIM key record verifiers cannot read: tag-list errors, duplicate tags, a bad v=, no p=, run-together tags, non-ASCII characters',
  },
  check(model, _ctx, report) {
    for (const info of dkimRecords(model)) {
      const { mail } = info;
      const odd = nonAscii(info);
      for (const n of odd) {
        const ascii = asciiFor(n.ch.codePointAt(0) ?? 0);
        const hint = ascii === undefined ? '' : ascii === '' ? '; delete it' : ` where '${ascii}' was meant`;
        report({
          range: docRange(mail, { start: n.at, end: n.end }),
          message: `The DKIM record holds ${charName(n.ch)}: key records are ASCII only, and verifiers reject the record${hint}`,
          data: { kind: 'non-ascii', at: n.at },
        });
      }
      let bareKey = false;
      for (const e of mail.errors) {
        if (odd.some((n) => n.at < e.span.end && n.end > e.span.start)) continue;
        const written = mail.text.value.slice(e.span.start, e.span.end);
        if (e.code === 'missing-equals' && !info.p && BARE_KEY.test(written)) {
          bareKey = true;
          report({
            range: docRange(mail, e.span),
            message: `'${quote(written, 16)}' looks like the public key without 'p=' in front: verifiers find no key in this record (RFC 6376 §3.6.1)`,
            data: { kind: 'bare-key', at: e.span.start },
          });
          continue;
        }
        report({ range: docRange(mail, e.span), message: `${e.message} (DKIM key record, RFC 6376 §3.2)`, data: { kind: 'parse' } });
      }
      const seen = new Map<string, number>();
      for (const t of mail.tags) {
        const at = seen.get(t.name);
        if (at === undefined) {
          seen.set(t.name, t.index);
          continue;
        }
        const firstTag = mail.tags[at];
        report({
          range: docRange(mail, t.span),
          message: `'${t.name}=' is given twice: a tag list with a repeated tag is invalid, so verifiers ignore the whole key record (RFC 6376 §3.2)`,
          related: [{ range: docRange(mail, firstTag.span), message: `first '${t.name}='` }],
          data: { kind: 'duplicate', at: t.span.start },
        });
      }
      const v = info.first.get('v');
      if (v) {
        const value = effectiveValue(info, v);
        if (value !== 'DKIM1') {
          report({
            range: docRange(mail, v.value ? effectiveSpan(info, v) : v.span),
            message: `'v=${quote(value)}': the version must be exactly 'DKIM1'; verifiers discard key records with any other version (RFC 6376 §3.6.1)`,
            data: { kind: 'version' },
          });
        } else if (v.index !== 0) {
          report({
            range: docRange(mail, v.span),
            message: "'v=DKIM1' must be the first tag of the key record (RFC 6376 §3.6.1); leave it out or move it to the front",
            data: { kind: 'version-order' },
          });
        }
      }
      for (const r of info.runOns) {
        // `k=rsa； p=…`: the look-alike is the separator, already reported.
        if (odd.some((n) => n.end === r.sep.start)) continue;
        const written = mail.text.value.slice(r.name.start, r.name.end);
        report({
          range: docRange(mail, r.comma ? r.sep : r.name),
          message: r.comma
            ? `Tags are separated by ';', not ',': verifiers read '${written}…' as part of the value of '${r.host.name}='`
            : `'${written}' runs into the value of '${r.host.name}=': the ';' before it is missing, so verifiers read '${quote(effectiveValue(info, r.host) + ' ' + written)}…' as one value`,
          data: { kind: 'run-on', at: r.sep.start },
        });
      }
      if (!info.p && !bareKey && !HIDDEN_P.test(mail.text.value)) {
        report({
          range: rdataDocRange(mail),
          message: "The DKIM key record has no 'p=' tag: the key is required (an empty 'p=' revokes it), so verifiers cannot use this record (RFC 6376 §3.6.1)",
          data: { kind: 'missing-p' },
        });
      }
    }
  },
  fix(model, finding) {
    const info = dkimAt(model, finding.range.start);
    const data = finding.data as Data | undefined;
    if (!info || !data) return [];
    const { mail } = info;
    const fix = (title: string, edits: TextEdit[]): QuickFix[] => [{ title, rule: ID, edits, preferred: true }];
    switch (data.kind) {
      case 'non-ascii': {
        const ch = String.fromCodePoint(mail.text.value.codePointAt(data.at) ?? 0);
        const ascii = asciiFor(ch.codePointAt(0) ?? 0);
        if (ascii === undefined) return [];
        return fix(ascii === '' ? `Delete ${charName(ch)}` : `Replace ${charName(ch)} with '${ascii}'`, replaceInValue(mail, data.at, data.at + ch.length, ascii));
      }
      case 'run-on': {
        const r = info.runOns.find((x) => x.sep.start === data.at);
        if (!r) return [];
        return r.comma ? fix("Replace ',' with ';'", replaceInValue(mail, r.sep.start, r.sep.end, ';')) : fix("Insert the missing ';'", replaceInValue(mail, r.sep.start, r.sep.start, ';'));
      }
      case 'bare-key': {
        if (info.p || !mail.errors.some((e) => e.code === 'missing-equals' && e.span.start === data.at)) return [];
        return fix("Insert 'p=' before the key", replaceInValue(mail, data.at, data.at, 'p=', 'next'));
      }
      case 'version': {
        const v = info.first.get('v');
        if (!v) return [];
        const span = effectiveSpan(info, v);
        return fix('Write v=DKIM1', replaceInValue(mail, span.start, span.end, 'DKIM1'));
      }
      case 'version-order': {
        const v = info.first.get('v');
        if (!v || v.index === 0) return [];
        return fix('Move v=DKIM1 to the front', [...replaceInValue(mail, mail.tags[0].span.start, mail.tags[0].span.start, 'v=DKIM1; ', 'next'), ...removeTag(mail, v)]);
      }
      case 'duplicate': {
        const t = mail.tags.find((x) => x.span.start === data.at);
        const firstTag = t && info.first.get(t.name);
        if (!t || !firstTag || firstTag === t || firstTag.value !== t.value) return [];
        return fix(`Remove the repeated '${t.name}=${quote(t.value, 16)}'`, removeTag(mail, t));
      }
      default:
        return [];
    }
  },
};
