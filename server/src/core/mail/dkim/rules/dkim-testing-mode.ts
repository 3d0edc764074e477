/**
 * dkim-testing-mode: `t=y` — the domain is testing DKIM, and verifiers must not treat signed mail
 * differently from unsigned mail (RFC 6376 §3.6.1): failures are forgiven, but so is the absence
 * of DKIM protection, and DMARC evaluators may discount the signature. Left on after a rollout, it
 * quietly undoes the point of signing.
 * Quick fix: remove the `y` flag (and the whole `t=` tag when `y` was its only flag).
 */
import type { Rule } from '../../../rule';
import type { TextEdit } from '../../../types';
import type { ZoneModel } from '../../../zone/model';
import { docRange } from '../../records';
import { dkimAt, dkimRecords, listItems, removeListItem, removeTag } from '../record';

const ID = 'dkim-testing-mode';

export const dkimTestingMode: Rule<ZoneModel> = {
  meta: {
    id: ID,
    language: 'zone',
    severity: 'warning',
    description: 'A DKIM key record is in testing mode (t=y): verifiers may treat failures, and signatures, as if the mail were unsigned',
  },
  check(model, _ctx, report) {
    for (const info of dkimRecords(model)) {
      const t = info.first.get('t');
      if (!t) continue;
      for (const i of listItems(info, t)) {
        if (i.text !== 'y') continue;
        report({
          range: docRange(info.mail, i.span),
          message: "'t=y': this key is in testing mode, so verifiers may treat its signatures like unsigned mail (RFC 6376 §3.6.1). Remove the flag once signing works",
          data: { at: i.span.start },
        });
      }
    }
  },
  fix(model, finding) {
    const info = dkimAt(model, finding.range.start);
    const t = info?.first.get('t');
    const at = (finding.data as { at?: number } | undefined)?.at;
    if (!info || !t) return [];
    const items = listItems(info, t);
    const k = items.findIndex((i) => i.span.start === at && i.text === 'y');
    if (k < 0) return [];
    const others = items.filter((i, j) => j !== k && i.text !== '');
    const runOn = info.runOns.some((r) => r.host === t);
    let edits: TextEdit[];
    if (others.length > 0 || runOn) edits = removeListItem(info.mail, items, k);
    else if (info.mail.tags.filter((x) => x.name === 't').length === 1) edits = removeTag(info.mail, t);
    else return [];
    // Whether the rollout is over is the user's call: never part of "fix all".
    return [{ title: 'Turn off testing mode (remove t=y)', rule: ID, edits, preferred: true, manual: true }];
  },
};
