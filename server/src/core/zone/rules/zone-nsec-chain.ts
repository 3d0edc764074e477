/**
 * `zone-nsec-chain`: the NSEC chain of a signed zone (RFC 4034 §4, RFC 4035 §2.3). Every name of
 * the zone's data has exactly one NSEC; each NSEC names the next name in canonical order (the last
 * one the apex); its type bitmap lists exactly the types at its owner; no NSEC sits on glue or
 * outside the zone; and a signed zone has an NSEC or NSEC3 chain at all.
 * (kzonecheck: "missing NSEC(3) record", "inconsistent NSEC(3) chain", "wrong NSEC(3) bitmap".)
 */
import type { Rule } from '../../rule';
import type { Report } from '../../types';
import type { ZoneModel, ZoneRecord } from '../model';
import { freshTokens, ownerSpot } from './common';
import { bitmapOf, dataNames, dnssecFacts, nameIn, standing, typesAt, type DnssecFacts, typeName, T_NSEC, T_NSEC3, T_NSEC3PARAM, T_RRSIG } from './dnssec';

export const zoneNsecChain: Rule<ZoneModel> = {
  meta: {
    id: 'zone-nsec-chain',
    language: 'zone',
    severity: 'error',
    description: 'The NSEC chain of a signed zone is broken: a name without NSEC, a wrong next name, a wrong type bitmap, or no chain at all.',
  },
  check(model, _ctx, report) {
    const f = dnssecFacts(model);
    if (!f) return;
    const nsecs = f.facts.ofType(T_NSEC);
    if (nsecs.length === 0) {
      if (f.facts.ofType(T_RRSIG).length > 0 && f.facts.ofType(T_NSEC3).length === 0 && f.facts.ofType(T_NSEC3PARAM).length === 0) {
        const at = (f.byOwner.get(f.apex) ?? [])[0];
        if (at) report({ range: ownerSpot(at), message: `The zone ${f.apex} is signed (it has RRSIG records) but has no NSEC or NSEC3 records: denial of existence cannot be validated` });
      }
      return;
    }
    checkChain(f, model.text, nsecs, report);
  },
};

function checkChain(f: DnssecFacts, text: string, nsecs: ZoneRecord[], report: (r: Report) => void): void {
  const byOwner = new Map<string, ZoneRecord>();
  for (const r of nsecs) {
    const where = standing(f, r.owner);
    if (where === 'out' || where === 'below') {
      report({ range: r.typeRange, message: `NSEC at ${r.owner}, which is ${where === 'out' ? 'outside the zone' : 'below a delegation (not authoritative data)'}: it has no place in the chain` });
      continue;
    }
    if (f.nsec3Owners.has(r.owner)) continue;
    if (byOwner.has(r.owner)) {
      report({ range: r.typeRange, message: `A second NSEC at ${r.owner}: a name has exactly one NSEC record` });
      continue;
    }
    byOwner.set(r.owner, r);
  }
  const names = dataNames(f);
  const listed: string[] = [];
  for (const name of names) {
    if (byOwner.has(name)) {
      listed.push(name);
      continue;
    }
    const first = (f.byOwner.get(name) ?? [])[0];
    if (first) report({ range: ownerSpot(first), message: `No NSEC record at ${name}: the NSEC chain of the signed zone skips this name` });
  }
  // Names with NSEC in canonical order: each points at the next, the last at the first (the apex).
  const typeNames = f.typeNames;
  for (let i = 0; i < listed.length; i++) {
    const r = byOwner.get(listed[i]) as ZoneRecord;
    if (r.generic) continue;
    const t = freshTokens(r, text);
    if (!t[0]) continue;
    const want = listed[(i + 1) % listed.length];
    const next = nameIn(t[0], r);
    if (next !== want) {
      report({ range: t[0].range, message: `NSEC at ${r.owner} points to ${next}; the next name of the zone in canonical order is ${want}` });
    }
    const present = typesAt(f, r.owner, true);
    const listedTypes = bitmapOf(t, 1);
    const missing = [...present].filter((c) => !listedTypes.has(c)).map((c) => typeName(c, typeNames));
    const extra = [...listedTypes].filter((c) => !present.has(c)).map((c) => typeName(c, typeNames));
    if (missing.length || extra.length) {
      const parts: string[] = [];
      if (missing.length) parts.push(`omits ${missing.join(' ')}, present at the name`);
      if (extra.length) parts.push(`lists ${extra.join(' ')}, absent from the name`);
      const range = t.length > 1 ? { start: t[1].range.start, end: t[t.length - 1].range.end } : r.typeRange;
      report({ range, message: `The type bitmap of the NSEC at ${r.owner} ${parts.join(' and ')}` });
    }
  }
}
