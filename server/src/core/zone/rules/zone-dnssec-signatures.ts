/**
 * `zone-dnssec-signatures`: in a signed zone, every authoritative RRset has an RRSIG, and each
 * RRSIG fits what it signs (RFC 4034 §3, RFC 4035 §2.2): covered type present at the owner,
 * labels, original TTL, signer name (the apex), algorithm and key tag of an apex DNSKEY, inception
 * before expiration; no RRSIG over RRSIGs, over a delegation's NS RRset or over glue.
 * (kzonecheck: "no valid signature for a record".) Signatures are not verified cryptographically.
 */
import type { Rule } from '../../rule';
import type { ZoneModel, ZoneRecord, ZoneToken } from '../model';
import { freshTokens } from './common';
import {
  algorithmOf,
  dnssecFacts,
  keyInfo,
  labelCount,
  nameIn,
  num,
  serialAfter,
  standing,
  timeOf,
  typeName,
  T_DNSKEY,
  T_DS,
  T_NSEC,
  T_RRSIG,
} from './dnssec';
import { typeCodeOf } from '../rdata/fields';

export const zoneDnssecSignatures: Rule<ZoneModel> = {
  meta: {
    id: 'zone-dnssec-signatures',
    language: 'zone',
    severity: 'error',
    description: 'In a signed zone, an RRset has no RRSIG, or an RRSIG does not match its RRset or the apex DNSKEYs.',
  },
  check(model, _ctx, report) {
    const f = dnssecFacts(model);
    if (!f || f.facts.ofType(T_RRSIG).length === 0) return;
    const text = model.text;
    const apexKeys = new Set<string>();
    const apexAlgs = new Set<number>();
    for (const r of f.byOwner.get(f.apex) ?? []) {
      if (r.typeCode !== T_DNSKEY) continue;
      const k = keyInfo(r, text);
      if (!k) continue;
      apexKeys.add(`${k.algorithm} ${k.tag}`);
      apexAlgs.add(k.algorithm);
    }
    const names = f.typeNames;
    for (const [owner, records] of f.byOwner) {
      const where = standing(f, owner);
      if (where === 'out') continue;
      // RRsets at this owner (type → records) and the RRSIGs by covered type.
      const sets = new Map<number, ZoneRecord[]>();
      const sigs = new Map<number, { sig: ZoneRecord; t: ZoneToken[] }[]>();
      for (const r of records) {
        if (r.typeCode === T_RRSIG) {
          if (r.generic) continue;
          const t = freshTokens(r, text);
          const covered = typeCodeOf(t[0]?.text ?? '');
          if (covered === undefined) continue;
          const l = sigs.get(covered);
          if (l) l.push({ sig: r, t });
          else sigs.set(covered, [{ sig: r, t }]);
        } else {
          const l = sets.get(r.typeCode);
          if (l) l.push(r);
          else sets.set(r.typeCode, [r]);
        }
      }
      // Unsigned RRsets that must be signed.
      for (const [code, set] of sets) {
        const mustSign = where === 'auth' || (where === 'cut' && (code === T_DS || code === T_NSEC));
        if (!mustSign || sigs.has(code)) continue;
        const first = set[0];
        report({ range: first.typeRange, message: `No RRSIG covers the ${typeName(code, names)} RRset at ${owner}: the zone is signed, and this RRset would fail validation` });
      }
      // Each RRSIG against its RRset and the keys.
      const ownerLabels = labelCount(owner) - (owner.startsWith('*.') ? 1 : 0);
      for (const [code, list] of sigs) {
        for (const { sig, t } of list) {
          const tn = typeName(code, names);
          const set = sets.get(code);
          if (code === T_RRSIG) {
            report({ range: t[0].range, message: `RRSIG at ${owner} covers RRSIG: RRSIG RRsets are never signed (RFC 4035 §2.2)` });
            continue;
          }
          if (!set) {
            report({ range: t[0].range, message: `RRSIG at ${owner} covers ${tn}, but ${owner} has no ${tn} records` });
            continue;
          }
          if (where === 'below' || (where === 'cut' && code !== T_DS && code !== T_NSEC)) {
            report({
              range: t[0].range,
              message: `RRSIG over ${tn} at ${owner}: ${where === 'cut' ? 'the NS RRset and glue of a delegation are not signed by the parent' : 'the name is below a delegation (glue or occluded data), which is not signed'} (RFC 4035 §2.2)`,
            });
            continue;
          }
          const labels = num(t[2]);
          if (t[2] && labels !== ownerLabels) {
            report({ range: t[2].range, message: `RRSIG over ${tn} at ${owner} says ${t[2].text} labels; ${owner} has ${ownerLabels}` });
          }
          const origTtl = num(t[3]);
          const ttl = set[0].ttl;
          if (t[3] && ttl !== undefined && origTtl !== ttl) {
            report({ range: t[3].range, message: `RRSIG over ${tn} at ${owner} has original TTL ${t[3].text}, but the ${tn} RRset's TTL is ${ttl}` });
          }
          const exp = timeOf(t[4]);
          const inc = timeOf(t[5]);
          if (t[5] && serialAfter(inc, exp)) {
            report({ range: t[5].range, message: `RRSIG over ${tn} at ${owner}: inception ${t[5].text} is after expiration ${t[4].text}` });
          }
          const signer = t[7] ? nameIn(t[7], sig) : undefined;
          if (t[7] && signer !== f.apex) {
            report({ range: t[7].range, message: `RRSIG over ${tn} at ${owner} names signer ${signer}; signatures of this zone are made by its apex ${f.apex}` });
            continue;
          }
          const alg = algorithmOf(t[1]);
          const tag = num(t[6]);
          if (t[6] && !Number.isNaN(alg) && !Number.isNaN(tag) && !apexKeys.has(`${alg} ${tag}`)) {
            const why = apexKeys.size === 0 ? `the apex ${f.apex} has no DNSKEY records` : apexAlgs.has(alg) ? `no apex DNSKEY has key tag ${tag}` : `no apex DNSKEY uses algorithm ${alg}`;
            report({ range: t[6].range, message: `RRSIG over ${tn} at ${owner} (algorithm ${alg}, key tag ${tag}): ${why}` });
          }
        }
      }
    }
  },
};
