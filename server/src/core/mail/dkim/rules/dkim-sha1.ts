/**
 * dkim-sha1: `h=` allows SHA-1 next to SHA-256 (RFC 8301 §3.1: signers must not sign with
 * rsa-sha1 and verifiers must not accept it). The key still works for rsa-sha256 signatures, but
 * the record advertises a hash that no longer protects anything. A list of `sha1` alone makes the
 * key unusable and is reported by `dkim-bad-tag-value`.
 * Quick fix: remove `sha1` from the list.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { docRange } from '../../records';
import { dkimAt, dkimRecords, listItems, removeListItem } from '../record';

const ID = 'dkim-sha1';

export const dkimSha1: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'warning',
    description: 'A DKIM key record allows the SHA-1 hash (h=sha1), deprecated by RFC 8301',
  },
  check(model, _ctx, report) {
    for (const info of dkimRecords(model)) {
      const h = info.first.get('h');
      if (!h) continue;
      const items = listItems(info, h);
      if (!items.some((i) => i.text === 'sha256')) continue;
      for (const i of items) {
        if (i.text !== 'sha1') continue;
        report({
          range: docRange(info.mail, i.span),
          message: "'sha1' in 'h=': RFC 8301 §3.1 forbids signing with rsa-sha1 and verifying it; list only sha256 (or leave h= out)",
          data: { at: i.span.start },
          tags: ['deprecated'],
        });
      }
    }
  },
  fix(model, finding) {
    const info = dkimAt(model, finding.range.start);
    const h = info?.first.get('h');
    const at = (finding.data as { at?: number } | undefined)?.at;
    if (!info || !h) return [];
    const items = listItems(info, h);
    const k = items.findIndex((i) => i.span.start === at && i.text === 'sha1');
    if (k < 0) return [];
    return [{ title: 'Remove sha1 from h=', rule: ID, edits: removeListItem(info.mail, items, k), preferred: true }];
  },
};
