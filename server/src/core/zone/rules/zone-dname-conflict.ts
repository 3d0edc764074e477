/**
 * `zone-dname-conflict`: DNAME rules of RFC 6672 §2.3–2.4: one DNAME per name, no CNAME or (below
 * the apex) NS beside it, no data below it (it would never be served), and no NS, MX or SRV target
 * below it (named-checkzone: "is below a DNAME").
 */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';
import { ownerSpot, targets } from './common';
import { canonicalRdata } from './rrsets';

/** The DNAME owner strictly above `name`, if any. */
function dnameAbove(name: string, owners: Set<string>): string | undefined {
  let n = name;
  for (;;) {
    const dot = n.indexOf('.');
    if (dot < 0 || dot === n.length - 1) return undefined;
    n = n.slice(dot + 1);
    if (owners.has(n)) return n;
  }
}

export const zoneDnameConflict: Rule<ZoneModel> = {
  meta: {
    id: 'zone-dname-conflict',
    language: 'zone',
    severity: 'error',
    description: 'A DNAME has a second DNAME or a CNAME beside it, or records or targets below it (RFC 6672).',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    const dnames = facts.ofType(39);
    if (dnames.length === 0) return;
    const owners = new Set<string>();
    const byOwner = facts.byOwner();
    // The same DNAME written twice is one record (RFC 2181 §5); zone-duplicate-record reports it.
    const seen = new Set<string>();
    for (const d of dnames) {
      if (owners.has(d.owner)) {
        const key = `${d.owner} ${canonicalRdata(d, model.text)}`;
        if (!seen.has(key)) report({ range: d.typeRange, message: `${d.owner} has more than one DNAME` });
        seen.add(key);
        continue;
      }
      owners.add(d.owner);
      seen.add(`${d.owner} ${canonicalRdata(d, model.text)}`);
      for (const r of byOwner.get(d.owner) ?? []) {
        if (r.typeCode === 5) {
          report({ range: r.typeRange, message: `${r.type} beside the DNAME at ${d.owner} (RFC 6672 §2.3)` });
        }
      }
    }
    // Below a DNAME at the apex only the zone's own NSEC3 chain may exist; servers ignore the rest
    // quietly, so only DNAMEs below the apex are checked for descendants.
    // A DNAME at a delegation point is the child's business: names below are glue.
    const inner = new Set([...owners].filter((o) => o !== facts.apex && !(byOwner.get(o) ?? []).some((r) => r.typeCode === 2)));
    // Addresses of delegations' name servers are glue, wherever they sit.
    const glue = new Set(inner.size ? targets(facts, model.text).filter((t) => t.record.typeCode === 2 && t.record.owner !== facts.apex).map((t) => t.name) : []);
    for (const r of inner.size ? facts.records : []) {
      if (r.typeCode === 50 || ((r.typeCode === 1 || r.typeCode === 28) && glue.has(r.owner))) continue;
      const above = dnameAbove(r.owner, inner);
      if (above) report({ range: ownerSpot(r), message: `${r.owner} is below the DNAME at ${above}: it is never served (RFC 6672 §2.3)` });
    }
    for (const t of targets(facts, model.text)) {
      // A delegation's server may sit below a DNAME: its address is glue, not zone data.
      if (t.record.typeCode === 2 && t.record.owner !== facts.apex) continue;
      const above = dnameAbove(t.name, owners);
      if (above) report({ range: t.token.range, message: `${t.record.type} target ${t.name} is below the DNAME at ${above}` });
    }
  },
};
