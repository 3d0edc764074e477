/**
 * dkim-bad-tag-value: a tag whose value makes the key unusable (RFC 6376 §3.6.1): a key type `k=`
 * that is neither `rsa` nor `ed25519` (values are case-sensitive, RFC 6376 §3.2), an `h=` list
 * with no hash algorithm verifiers accept (unknown ones only, or only `sha1`, which RFC 8301 §3.1
 * forbids verifiers to accept), an `s=` list that covers neither `*` nor `email`, or an empty
 * item or list in `h=`, `s=`, `t=`.
 *
 * Quick fixes: lower-case `k=RSA`; replace `h=sha1` with `h=sha256`.
 */
import type { Rule } from '../../../rule';
import type { QuickFix } from '../../../types';
import type { ZoneModel } from '../../../zone/model';
import { docRange } from '../../records';
import { dkimAt, dkimRecords, effectiveSpan, effectiveValue, KEY_TYPES, listItems, quote, replaceInValue } from '../record';

const ID = 'dkim-bad-tag-value';

type Data = { kind: 'k' | 'h-sha1' | 'h' | 's' | 'empty' };

export const dkimBadTagValue: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'A DKIM key record tag whose value makes the key unusable: unknown k=, no accepted h= hash, s= without email',
  },
  check(model, _ctx, report) {
    for (const info of dkimRecords(model)) {
      const { mail } = info;
      const k = info.first.get('k');
      if (k && !info.keyType) {
        const value = effectiveValue(info, k);
        const lower = value.toLowerCase();
        report({
          range: docRange(mail, value ? effectiveSpan(info, k) : k.span),
          message: (KEY_TYPES as readonly string[]).includes(lower)
            ? `'k=${value}': key types are case-sensitive; verifiers know only '${lower}', so they cannot use this key (RFC 6376 §3.2)`
            : `'k=${quote(value)}' is not a key type verifiers know ('rsa' or 'ed25519'): they cannot use this key (RFC 6376 §3.6.1, RFC 8463)`,
          data: { kind: 'k' },
        });
      }
      for (const name of ['h', 's', 't']) {
        const t = info.first.get(name);
        if (!t) continue;
        const items = listItems(info, t);
        const empty = items.filter((i) => i.text === '');
        if (items.length === 1 && empty.length === 1) {
          report({
            range: docRange(mail, t.span),
            message: `'${name}=' is empty: the tag needs at least one value, or leave it out (RFC 6376 §3.6.1)`,
            data: { kind: 'empty' },
          });
          continue;
        }
        for (const e of empty) {
          report({ range: docRange(mail, t.valueSpan.start < e.span.start ? { start: e.span.start - 1, end: e.span.start } : e.span), message: `An empty item in the ':' list of '${name}=' (a doubled or trailing ':')`, data: { kind: 'empty' } });
        }
        if (name === 'h') {
          const known = items.filter((i) => i.text === 'sha256' || i.text === 'sha1');
          if (known.length === 0) {
            report({
              range: docRange(mail, effectiveSpan(info, t)),
              message: `'h=${quote(effectiveValue(info, t))}' names no hash algorithm verifiers know ('sha256'): the key cannot verify any signature (RFC 6376 §3.6.1)`,
              data: { kind: 'h' },
            });
          } else if (known.every((i) => i.text === 'sha1')) {
            report({
              range: docRange(mail, effectiveSpan(info, t)),
              message: "'h=sha1' limits the key to rsa-sha1 signatures, which verifiers must not accept (RFC 8301 §3.1): every signature with this key fails. Use sha256",
              data: { kind: 'h-sha1' },
            });
          }
        }
        if (name === 's' && !items.some((i) => i.text === '*' || i.text === 'email')) {
          report({
            range: docRange(mail, effectiveSpan(info, t)),
            message: `'s=${quote(effectiveValue(info, t))}' does not include 'email' or '*': verifiers must not use this key for mail (RFC 6376 §3.6.1)`,
            data: { kind: 's' },
          });
        }
      }
    }
  },
  fix(model, finding) {
    const info = dkimAt(model, finding.range.start);
    const data = finding.data as Data | undefined;
    if (!info || !data) return [];
    const out: QuickFix[] = [];
    if (data.kind === 'k') {
      const k = info.first.get('k');
      if (!k) return [];
      const lower = effectiveValue(info, k).toLowerCase();
      if (!(KEY_TYPES as readonly string[]).includes(lower)) return [];
      const span = effectiveSpan(info, k);
      out.push({ title: `Write k=${lower}`, rule: ID, edits: replaceInValue(info.mail, span.start, span.end, lower), preferred: true });
    }
    if (data.kind === 'h-sha1') {
      const h = info.first.get('h');
      if (!h) return [];
      const span = effectiveSpan(info, h);
      out.push({ title: 'Replace with h=sha256', rule: ID, edits: replaceInValue(info.mail, span.start, span.end, 'sha256'), preferred: true });
    }
    return out;
  },
};
