/**
 * spf-missing-record: a name that receives mail (it has MX records) but publishes no SPF record,
 * so anyone can send mail in its name (`none`). Not reported when the name has a near miss
 * (`spf-version-typo`) or a type-99 record (`spf-type99`): those rules explain it. Range: the
 * owner of the first MX record (or its type when the owner is inherited). Quick fix: add
 * `v=spf1 mx -all` (only the MX hosts may send), or `v=spf1 -all` for a null MX (RFC 7505).
 */
import type { Rule } from '../../rule';
import type { ZoneModel, ZoneRecord } from '../../zone/model';
import { insertLineAfter, ownerText } from '../edits';
import { spfRecords } from '../records';
import { recordsByOwner } from '../../zone/owners';

const ID = 'spf-missing-record';

/** MX records grouped by owner, in document order (shared per model). */
const mxByOwner = (model: ZoneModel): ReadonlyMap<string, readonly ZoneRecord[]> => recordsByOwner(model, 'MX');

/** The first MX record of every owner that has MX records but no SPF record. */
function missing(model: ZoneModel): ZoneRecord[] {
  const covered = new Set(spfRecords(model).map((c) => c.record.owner));
  // A name with a CNAME can hold no other data (zone-cname-and-other-data says so already);
  // adding a TXT record there would only add to that error.
  for (const r of model.recordsOfType('CNAME')) covered.add(r.owner);
  const out: ZoneRecord[] = [];
  for (const [owner, records] of mxByOwner(model)) if (!covered.has(owner)) out.push(records[0]);
  return out;
}

function isNullMx(model: ZoneModel, owner: string): boolean {
  const mx = mxByOwner(model).get(owner) ?? [];
  return mx.length === 1 && mx[0].rdata.length === 2 && mx[0].rdata[1].text === '.';
}

function rangeOf(r: ZoneRecord) {
  return r.ownerRange.end > r.ownerRange.start ? r.ownerRange : r.typeRange;
}

export const spfMissingRecord: Rule<ZoneModel> = {
  meta: {
    id: ID,
    language: 'zone',
    severity: 'warning',
    description: 'A name with MX records but no SPF record, so anyone may send mail in its name',
  },
  check(model, _ctx, report) {
    for (const r of missing(model)) {
      const nullMx = isNullMx(model, r.owner);
      report({
        range: rangeOf(r),
        message: nullMx
          ? `${r.owner} accepts no mail (null MX) and publishes no SPF record; add "v=spf1 -all" so no one can send in its name`
          : `${r.owner} receives mail (MX) but publishes no SPF record, so receivers cannot tell forged mail from real mail. Add one, e.g. "v=spf1 mx -all"`,
      });
    }
  },
  fix(model, finding) {
    const r = missing(model).find((x) => rangeOf(x).start === finding.range.start);
    if (!r) return [];
    const value = isNullMx(model, r.owner) ? 'v=spf1 -all' : 'v=spf1 mx -all';
    const mxOfOwner = mxByOwner(model).get(r.owner) ?? [r];
    const last = mxOfOwner[mxOfOwner.length - 1];
    return [
      {
        title: `Add "${value}"`,
        rule: ID,
        edits: [insertLineAfter(model, last, `${ownerText(r.owner, last.origin)} IN TXT "${value}"`)],
        preferred: true,
      },
    ];
  },
};
