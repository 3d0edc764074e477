/**
 * `zone-nsec3-chain`: the NSEC3 chain of a signed zone (RFC 5155 §7.1). The apex has an
 * NSEC3PARAM with flags 0; every NSEC3 uses its hash algorithm, iterations and salt; each name of
 * the zone (empty non-terminals included) has the NSEC3 whose owner is its hash, unless it is an
 * insecure delegation covered by an opt-out NSEC3; each NSEC3 names the next hash in order; its
 * type bitmap lists exactly the types at the name; no NSEC3 is left over.
 * (kzonecheck: "missing NSEC(3) record", "inconsistent NSEC(3) chain", "wrong NSEC(3) bitmap",
 * "wrong NSEC3 opt-out", "invalid flags in NSEC3PARAM".)
 */
import type { Rule } from '../../rule';
import type { Report } from '../../types';
import type { ZoneModel, ZoneRecord } from '../model';
import { freshTokens, ownerSpot } from './common';
import {
  bitmapOf,
  dataNames,
  dnssecFacts,
  hexBytes,
  nsec3Hash,
  num,
  parentOf,
  standing,
  typeName,
  typesAt,
  type DnssecFacts,
  T_DS,
  T_NSEC3,
  T_NSEC3PARAM,
  T_RRSIG,
} from './dnssec';

/** Most SHA-1 computations one check may spend on hashing names (names × (iterations + 1)). */
export const NSEC3_HASH_BUDGET = 200_000;

interface Params {
  alg: number;
  iterations: number;
  salt: string;
  saltBytes: number[];
}

function paramsOf(r: ZoneRecord, text: string): (Params & { flags: number }) | undefined {
  if (r.generic) return undefined;
  const t = freshTokens(r, text);
  const salt = (t[3]?.text ?? '').toLowerCase();
  const saltBytes = salt === '-' ? [] : hexBytes(salt);
  const alg = num(t[0]);
  const flags = num(t[1]);
  const iterations = num(t[2]);
  if (!saltBytes || Number.isNaN(alg) || Number.isNaN(flags) || Number.isNaN(iterations)) return undefined;
  return { alg, flags, iterations, salt: salt === '-' ? '-' : salt, saltBytes };
}

const show = (p: Params): string => `algorithm ${p.alg}, ${p.iterations} iterations, salt ${p.salt}`;

export const zoneNsec3Chain: Rule<ZoneModel> = {
  meta: {
    id: 'zone-nsec3-chain',
    language: 'zone',
    severity: 'error',
    description: 'The NSEC3 chain of a signed zone is broken: NSEC3PARAM missing or invalid, a name without its NSEC3, a wrong next hash or bitmap, or a wrong opt-out.',
  },
  check(model, _ctx, report) {
    const f = dnssecFacts(model);
    if (!f) return;
    const nsec3s = f.facts.ofType(T_NSEC3);
    const paramRecs = f.facts.ofType(T_NSEC3PARAM);
    // NSEC3 records alone, in a zone without signatures, are data samples rather than a chain.
    if (paramRecs.length === 0 && (nsec3s.length === 0 || f.facts.ofType(T_RRSIG).length === 0)) return;
    const text = model.text;
    let params: Params | undefined;
    for (const r of paramRecs) {
      if (r.owner !== f.apex) {
        report({ range: r.typeRange, message: `NSEC3PARAM at ${r.owner}: it belongs at the zone apex ${f.apex}` });
        continue;
      }
      const p = paramsOf(r, text);
      if (!p) continue;
      const t = freshTokens(r, text);
      if (p.flags !== 0) report({ range: t[1].range, message: `NSEC3PARAM at ${r.owner} has flags ${p.flags}: the flags of an NSEC3PARAM must be 0 (RFC 5155 §4.1.2)` });
      if (p.alg !== 1) report({ range: t[0].range, message: `NSEC3PARAM at ${r.owner} uses hash algorithm ${p.alg}; only 1 (SHA-1) is defined` });
      params ??= p;
    }
    if (!params) {
      if (nsec3s.length > 0 && !paramRecs.some((r) => r.owner === f.apex)) {
        report({ range: nsec3s[0].typeRange, message: `NSEC3 records but no NSEC3PARAM at the apex ${f.apex}: servers cannot tell which NSEC3 chain to answer from` });
      }
      return;
    }
    checkChain(f, text, nsec3s, params, report);
  },
};

function checkChain(f: DnssecFacts, text: string, nsec3s: ZoneRecord[], params: Params, report: (r: Report) => void): void {
  // NSEC3 records of the chain, by hashed label.
  const suffix = '.' + f.apex;
  const chain = new Map<string, { record: ZoneRecord; optOut: boolean }>();
  for (const r of nsec3s) {
    const label = r.owner.endsWith(suffix) ? r.owner.slice(0, -suffix.length) : '';
    if (!label || label.includes('.') || r.generic) {
      report({ range: ownerSpot(r), message: `NSEC3 at ${r.owner}: an NSEC3 owner is one hashed label directly under the apex ${f.apex}` });
      continue;
    }
    const p = paramsOf(r, text);
    const t = freshTokens(r, text);
    // A record with too few fields is zone-bad-rdata's business.
    if (!p || t.length < 4) continue;
    if (p.alg !== params.alg || p.iterations !== params.iterations || p.salt !== params.salt) {
      report({ range: { start: t[0].range.start, end: t[3].range.end }, message: `NSEC3 at ${r.owner} uses ${show(p)}; the NSEC3PARAM says ${show(params)}` });
      continue;
    }
    if (p.flags > 1) report({ range: t[1].range, message: `NSEC3 at ${r.owner} has flags ${p.flags}: only the opt-out bit (1) is defined` });
    if (chain.has(label)) {
      report({ range: r.typeRange, message: `A second NSEC3 at ${r.owner}: each hashed name has exactly one` });
      continue;
    }
    chain.set(label, { record: r, optOut: (p.flags & 1) === 1 });
  }
  const labels = [...chain.keys()].sort();
  // Each NSEC3 names the next hash in order; the last names the first.
  for (let i = 0; i < labels.length; i++) {
    const { record } = chain.get(labels[i])!;
    const t = freshTokens(record, text);
    const next = (t[4]?.text ?? '').toLowerCase().replace(/=+$/, '');
    const want = labels[(i + 1) % labels.length];
    if (t[4] && next !== want) {
      report({ range: t[4].range, message: `NSEC3 at ${record.owner} gives next hash ${next}; the next NSEC3 of the chain is ${want}` });
    }
  }
  const names = dataNames(f);
  if (names.length * (params.iterations + 1) > NSEC3_HASH_BUDGET || params.alg !== 1) return;
  // The NSEC3 whose span covers a hash (the greatest owner before it, else the last).
  const covering = (h: string): { record: ZoneRecord; optOut: boolean } | undefined => {
    let lo = 0;
    let hi = labels.length - 1;
    let found = labels.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (labels[mid] < h) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return labels.length ? chain.get(labels[found]) : undefined;
  };
  const hash = (n: string): string => nsec3Hash(n, params.saltBytes, params.iterations);
  const used = new Set<string>();
  const exists = new Set(names);
  const requiredEnts = new Set<string>();
  const optionalEnts = new Set<string>();
  const typeNames = f.typeNames;
  for (const name of names) {
    const h = hash(name);
    const own = chain.get(h);
    const insecure = standing(f, name) === 'cut' && !(f.byOwner.get(name) ?? []).some((r) => r.typeCode === T_DS);
    let exempt = false;
    if (own) {
      used.add(h);
      checkBitmap(own.record, typesAt(f, name, false), name, text, typeNames, report);
    } else if (insecure && covering(h)?.optOut) {
      exempt = true;
    } else {
      const first = (f.byOwner.get(name) ?? [])[0];
      if (first) {
        const why = insecure ? `; it is an insecure delegation, but the NSEC3 covering its hash has no opt-out flag` : '';
        report({ range: ownerSpot(first), message: `No NSEC3 for ${name} (hash ${h}.${f.apex})${why}` });
      }
    }
    // Empty non-terminals between the name and the apex.
    for (let p = parentOf(name); p && p !== f.apex && p.endsWith(suffix) && !exists.has(p); p = parentOf(p)) {
      if (exempt) optionalEnts.add(p);
      else requiredEnts.add(p);
    }
  }
  for (const ent of [...requiredEnts, ...optionalEnts]) {
    const h = hash(ent);
    const own = chain.get(h);
    if (own) {
      used.add(h);
      checkBitmap(own.record, new Set(), ent, text, typeNames, report);
    } else if (requiredEnts.has(ent)) {
      const child = names.find((n) => n.endsWith('.' + ent));
      const first = child ? (f.byOwner.get(child) ?? [])[0] : undefined;
      if (first) report({ range: ownerSpot(first), message: `No NSEC3 for the empty non-terminal ${ent} (hash ${h}.${f.apex}) above ${child}` });
    }
  }
  for (const label of labels) {
    if (used.has(label)) continue;
    const r = chain.get(label)!.record;
    report({ range: ownerSpot(r), message: `NSEC3 at ${r.owner} matches no name of the zone: its hash is not the hash of any owner name` });
  }
}

function checkBitmap(r: ZoneRecord, present: Set<number>, name: string, text: string, typeNames: Map<number, string>, report: (r: Report) => void): void {
  const t = freshTokens(r, text);
  const listed = bitmapOf(t, 5);
  const missing = [...present].filter((c) => !listed.has(c)).map((c) => typeName(c, typeNames));
  const extra = [...listed].filter((c) => !present.has(c)).map((c) => typeName(c, typeNames));
  if (!missing.length && !extra.length) return;
  const parts: string[] = [];
  if (missing.length) parts.push(`omits ${missing.join(' ')}, present at ${name}`);
  if (extra.length) parts.push(`lists ${extra.join(' ')}, absent from ${name}`);
  const range = t.length > 5 ? { start: t[5].range.start, end: t[t.length - 1].range.end } : r.typeRange;
  report({ range, message: `The type bitmap of the NSEC3 for ${name} (at ${r.owner}) ${parts.join(' and ')}` });
}
