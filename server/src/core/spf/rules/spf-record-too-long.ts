/**
 * spf-record-too-long: an SPF record longer than 450 octets (RFC 7208 §3.4: it SHOULD fit a
 * 512-octet DNS answer, or receivers may have to retry over TCP and some give up), or one of its
 * character-strings longer than 255 octets (RFC 1035 §3.3: not loadable). Range: the whole
 * RDATA, or the long string. Quick fix for a long string: split it into strings of at most 255
 * characters (receivers concatenate them, RFC 7208 §3.3).
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import { MAX_STRING, quoteStrings, rdataRange } from '../edits';
import { spfRecords } from '../records';

const ID = 'spf-record-too-long';
/** RFC 7208 §3.4. */
export const MAX_RECORD_OCTETS = 450;

function octets(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x100 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

export const spfRecordTooLong: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'warning',
    description: 'An SPF record over 450 octets, or with a character-string over 255 octets',
  },
  check(model, _ctx, report) {
    for (const c of spfRecords(model)) {
      // A character is at most 3 octets per UTF-16 unit: a short value can be neither too long
      // nor hold a string over 255 octets (its strings make up the value).
      if (c.text.value.length * 3 <= MAX_STRING) continue;
      const total = octets(c.text.value);
      if (total > MAX_RECORD_OCTETS) {
        report({
          range: rdataRange(c.record),
          message: `The SPF record is ${total} octets long; RFC 7208 §3.4 asks for at most ${MAX_RECORD_OCTETS} so that the answer fits one UDP packet. Replace includes or ranges with fewer terms`,
          data: { kind: 'record', octets: total },
        });
      }
      const strings = c.record.generic ? [] : (c.record.strings ?? []);
      strings.forEach((s, k) => {
        const n = octets(s.value);
        if (n <= MAX_STRING) return;
        const token = c.record.rdata[k];
        if (!token) return;
        report({
          range: token.range,
          message: `This character-string is ${n} octets long; a string holds at most ${MAX_STRING} (RFC 1035 §3.3). Split it into several strings: receivers join them without spaces (RFC 7208 §3.3)`,
          data: { kind: 'string', index: k },
        });
      });
    }
  },
  fix(model, finding) {
    const data = finding.data as { kind?: string; index?: number } | undefined;
    if (data?.kind !== 'string' || typeof data.index !== 'number') return [];
    const c = spfRecords(model).find((x) => x.record.rdata[data.index!]?.range.start === finding.range.start);
    const s = c?.record.strings?.[data.index];
    if (!c || !s) return [];
    return [{ title: `Split into strings of at most ${MAX_STRING} characters`, rule: ID, edits: [{ range: finding.range, newText: quoteStrings(s.value) }], preferred: true }];
  },
};
