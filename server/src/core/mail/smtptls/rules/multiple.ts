/** Several records of one kind at one name (RFC 8461 §3.1, RFC 8460 §3: senders then use none). */
import type { Report } from '../../../types';
import type { ZoneModel } from '../../../zone/model';
import { mailRecordsOf, rdataDocRange, type MailKind, type MailRecord } from '../../records';
import { bare } from '../../dmarc/common';

export function reportMultiple(model: ZoneModel, kind: MailKind, label: string, spec: string, report: (r: Report) => void): void {
  const byOwner = new Map<string, MailRecord[]>();
  for (const m of mailRecordsOf(model, kind)) {
    // Senders discard records that do not begin with the exact version tag.
    if (m.ownerKind !== kind || m.version.state !== 'ok') continue;
    const list = byOwner.get(m.record.owner) ?? [];
    list.push(m);
    byOwner.set(m.record.owner, list);
  }
  for (const [owner, list] of byOwner) {
    if (list.length < 2) continue;
    for (const m of list.slice(1)) {
      report({
        range: rdataDocRange(m),
        message: `${bare(owner)} has ${list.length} ${label} records: senders then act as if there were none (${spec}). Keep one record`,
        related: list.filter((x) => x !== m).map((x) => ({ range: rdataDocRange(x), message: `another ${label} record at this name` })),
      });
    }
  }
}
