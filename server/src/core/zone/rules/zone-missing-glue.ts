/**
 * `zone-missing-glue`: a name server named by an NS record lies inside this zone but the zone has
 * no address for it: either below a delegation (glue, RFC 1034 §4.2.1) or in the zone's own data
 * (named-checkzone: "has no address records"; kzonecheck: "missing glue record").
 */
import type { Rule } from '../../rule';
import { delegations, hasAddress, inZone, zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';
import { looksLikeAddress, targets } from './common';

export const zoneMissingGlue: Rule<ZoneModel> = {
  meta: {
    id: 'zone-missing-glue',
    language: 'zone',
    severity: 'error',
    description: 'A name server inside the zone (or below one of its delegations) has no A or AAAA record.',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    const apex = facts.apex;
    if (!apex) return;
    const cuts = delegations(facts);
    const byOwner = facts.byOwner();
    // Under a DNAME at the apex every other name is redirected: nothing below can need an address here.
    const apexDname = (byOwner.get(apex) ?? []).some((r) => r.typeCode === 39);
    for (const t of targets(facts, model.text)) {
      if (apexDname && t.name !== apex) continue;
      if (t.record.typeCode !== 2 || !inZone(t.name, apex) || looksLikeAddress(t.token.text)) continue;
      const owner = t.record.owner;
      if (owner !== apex && !cuts.points.has(owner)) continue;
      // NS records below another delegation are occluded (not served): no glue needed for them.
      const parent = owner.slice(owner.indexOf('.') + 1) || '.';
      if (owner !== apex && cuts.cutAbove(parent) !== undefined) continue;
      if (hasAddress(facts, t.name)) continue;
      const cut = cuts.cutAbove(t.name);
      if (cut === undefined) {
        // An alias is reported by zone-ns-is-cname.
        if (byOwner.get(t.name)?.some((r) => r.typeCode === 5)) continue;
        report({ range: t.token.range, message: `Name server ${t.name} is in this zone but has no A or AAAA record` });
      } else if (cut !== t.name && owner !== apex) {
        // A server named like a delegation point is the child's apex: glue is not required there.
        report({ range: t.token.range, message: `Missing glue: name server ${t.name} is inside the delegated zone ${cut} but has no A or AAAA record here` });
      }
    }
  },
};
