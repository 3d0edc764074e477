/**
 * dkim-unknown-tag: what verifiers skip in a DKIM key record (RFC 6376 §3.6.1: unrecognised tags,
 * hash algorithms, service types and flags are ignored): a tag that is not one of v, h, k, n, p,
 * s, t (`g=` of RFC 4871, removed by RFC 6376, included), an unknown entry in `h=` or `s=` next to
 * a known one, an unknown flag in `t=`, and notes (`n=`) that are not quoted-printable.
 * A tag that differs from a known one only in case (`K=rsa`) gets a quick fix: tag names are
 * case-sensitive, so `K=` is ignored and the default applies.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { docRange } from '../../records';
import { dkimAt, dkimRecords, DKIM_TAGS, effectiveValue, listItems, replaceInValue } from '../record';

const ID = 'dkim-unknown-tag';

const KNOWN_ITEMS: Record<string, readonly string[]> = { h: ['sha1', 'sha256'], s: ['*', 'email'], t: ['y', 's'] };
const WHAT: Record<string, string> = { h: 'hash algorithm', s: 'service type', t: 'flag' };

export const dkimUnknownTag: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'info',
    description: 'A tag, hash algorithm, service type or flag of a DKIM key record that verifiers ignore',
  },
  check(model, _ctx, report) {
    for (const info of dkimRecords(model)) {
      const { mail } = info;
      for (const t of mail.tags) {
        if (t.name === 'g') {
          report({
            range: docRange(mail, t.span),
            message: "'g=' (key granularity) was removed by RFC 6376 and is ignored; a value other than '*' made RFC 4871 verifiers reject signatures whose i= did not match. Remove it",
            data: { kind: 'tag', at: t.span.start },
          });
          continue;
        }
        if (DKIM_TAGS.has(t.name)) continue;
        const lower = t.name.toLowerCase();
        const caseOnly = DKIM_TAGS.has(lower);
        report({
          range: docRange(mail, t.nameSpan),
          message: caseOnly
            ? `'${t.name}=' is not '${lower}=': tag names are case-sensitive (RFC 6376 §3.2), so verifiers ignore this tag${lower === 'p' ? '' : ' and use the default'}`
            : `'${t.name}=' is not a DKIM key record tag; verifiers ignore it (RFC 6376 §3.6.1)`,
          data: { kind: 'tag', at: t.span.start },
        });
      }
      for (const name of ['h', 's', 't']) {
        const t = info.first.get(name);
        if (!t) continue;
        const items = listItems(info, t).filter((i) => i.text !== '');
        const known = items.filter((i) => KNOWN_ITEMS[name].includes(i.text));
        // An h= or s= list with nothing known is dkim-bad-tag-value's (the key is unusable).
        if (name !== 't' && known.length === 0) continue;
        for (const i of items) {
          if (KNOWN_ITEMS[name].includes(i.text)) continue;
          report({
            range: docRange(mail, i.span),
            message: `'${i.text}' is not a ${WHAT[name]} verifiers know in '${name}='; they ignore it${name === 't' ? " (flags are 'y' and 's', and are case-sensitive)" : ''}`,
            data: { kind: 'item' },
          });
        }
      }
      const n = info.first.get('n');
      if (n) {
        const value = effectiveValue(info, n);
        const bad = /=(?![0-9A-F]{2})/.exec(value);
        if (bad) {
          const at = n.valueSpan.start + bad.index;
          report({
            range: docRange(mail, { start: at, end: at + 1 }),
            message: "Notes ('n=') are quoted-printable: '=' must start a hex escape such as '=3D' (RFC 6376 §3.6.1). Strict verifiers may reject the record",
            data: { kind: 'notes' },
          });
        }
      }
    }
  },
  fix(model, finding) {
    const info = dkimAt(model, finding.range.start);
    const data = finding.data as { kind?: string; at?: number } | undefined;
    if (!info || data?.kind !== 'tag') return [];
    const t = info.mail.tags.find((x) => x.span.start === data.at);
    if (!t) return [];
    const lower = t.name.toLowerCase();
    if (t.name === 'g' || !DKIM_TAGS.has(lower) || info.first.has(lower)) return [];
    // The renamed tag takes effect (K=ed25519 changes the key type): the user's call.
    return [{ title: `Rename to '${lower}='`, rule: ID, edits: replaceInValue(info.mail, t.nameSpan.start, t.nameSpan.end, lower), preferred: true, manual: true }];
  },
};
