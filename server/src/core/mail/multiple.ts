/**
 * Several records of one kind at one name. DMARC (RFC 7489 §6.6.3), MTA-STS (RFC 8461 §3.1) and
 * TLS-RPT (RFC 8460 §3) all say the same: when the lookup returns more than one record that starts
 * with the exact version tag, none is used. Range: the RDATA of every record after the first;
 * related information: the others.
 */
import type { Report } from '../types';
import type { ZoneModel } from '../zone/model';
import { bare, mailRecordsOf, rdataDocRange, type MailKind, type MailRecord } from './records';

/** `consequence` completes "<name> has N <label> records: …" (e.g. "receivers then apply no DMARC policy at all"). */
export function reportMultiple(model: ZoneModel, kind: MailKind, label: string, consequence: string, spec: string, report: (r: Report) => void): void {
  const byOwner = new Map<string, MailRecord[]>();
  for (const m of mailRecordsOf(model, kind)) {
    // Records that do not begin with the exact version tag are discarded before counting.
    if (m.ownerKind !== kind || m.version.state !== 'ok') continue;
    const list = byOwner.get(m.record.owner);
    if (list) list.push(m);
    else byOwner.set(m.record.owner, [m]);
  }
  for (const [owner, list] of byOwner) {
    if (list.length < 2) continue;
    for (const m of list.slice(1)) {
      report({
        range: rdataDocRange(m),
        message: `${bare(owner)} has ${list.length} ${label} records: ${consequence} (${spec}). Keep one record`,
        related: list.filter((x) => x !== m).map((x) => ({ range: rdataDocRange(x), message: `another ${label} record at this name` })),
      });
    }
  }
}
