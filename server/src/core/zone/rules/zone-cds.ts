/**
 * `zone-cds`: CDS and CDNSKEY records at the apex (RFC 7344, RFC 8078) that the parent would act
 * on wrongly: a CDNSKEY that is not one of the apex DNSKEYs; a CDS whose key tag, algorithm
 * or digest matches no apex DNSKEY; CDS and CDNSKEY sets that disagree when both are published;
 * a malformed delete request (`CDS 0 0 0 00`, `CDNSKEY 0 3 0 AA==`) or one mixed with other records.
 * (named-checkzone: "CDS/CDNSKEY consistency checks failed"; kzonecheck: "CDS not match CDNSKEY",
 * "CDNSKEY without corresponding CDS", "invalid CDNSKEY/CDS for DNSSEC delete algorithm".)
 */
import type { Rule } from '../../rule';
import type { Report } from '../../types';
import type { ZoneModel, ZoneRecord } from '../model';
import { freshTokens } from './common';
import { algorithmOf, dnssecFacts, keyInfo, nameWire, num, sha1, sha256, toHex, type DnssecFacts, type KeyInfo, T_CDNSKEY, T_CDS, T_DNSKEY } from './dnssec';

interface Cds {
  record: ZoneRecord;
  tag: number;
  algorithm: number;
  digestType: number;
  digest: string;
}

function cdsOf(r: ZoneRecord, text: string): Cds | undefined {
  if (r.generic) return undefined;
  const t = freshTokens(r, text);
  const tag = num(t[0]);
  const algorithm = algorithmOf(t[1]);
  const digestType = num(t[2]);
  if ([tag, algorithm, digestType].some(Number.isNaN)) return undefined;
  return { record: r, tag, algorithm, digestType, digest: t.slice(3).map((x) => x.text).join('').toLowerCase() };
}

/** The digest of a key for a DS/CDS of `digestType` (1 SHA-1, 2 SHA-256); undefined for types not computed here. */
export function dsDigest(owner: string, key: KeyInfo, digestType: number): string | undefined {
  const data = [...nameWire(owner), ...key.wire];
  if (digestType === 1) return toHex(sha1(data));
  if (digestType === 2) return toHex(sha256(data));
  return undefined;
}

/** The CDS names this key: same key tag and algorithm, and the same digest when it can be computed. */
function cdsMatches(c: Cds, owner: string, k: KeyInfo): boolean {
  if (c.tag !== k.tag || c.algorithm !== k.algorithm) return false;
  const d = dsDigest(owner, k, c.digestType);
  return d === undefined || d === c.digest;
}

const sameKey = (a: KeyInfo, b: KeyInfo): boolean => a.flags === b.flags && a.protocol === b.protocol && a.algorithm === b.algorithm && toHex(a.key) === toHex(b.key);

export const zoneCds: Rule<ZoneModel> = {
  meta: {
    id: 'zone-cds',
    language: 'zone',
    severity: 'error',
    description: 'A CDS or CDNSKEY record at the apex does not match the apex DNSKEYs or its counterpart, or is a malformed delete request.',
  },
  check(model, _ctx, report) {
    const f = dnssecFacts(model);
    if (!f) return;
    const cdsRecs = f.facts.ofType(T_CDS);
    const cdnskeyRecs = f.facts.ofType(T_CDNSKEY);
    if (cdsRecs.length === 0 && cdnskeyRecs.length === 0) return;
    check(f, model.text, cdsRecs, cdnskeyRecs, report);
  },
};

function check(f: DnssecFacts, text: string, cdsRecs: ZoneRecord[], cdnskeyRecs: ZoneRecord[], report: (r: Report) => void): void {
  const apex = f.apex;
  const cds: Cds[] = [];
  const cdnskeys: KeyInfo[] = [];
  // Only the apex RRsets are read by the parent (RFC 7344 §4); elsewhere they are plain data.
  for (const r of cdsRecs) {
    if (r.owner !== apex) continue;
    const c = cdsOf(r, text);
    if (c) cds.push(c);
  }
  for (const r of cdnskeyRecs) {
    if (r.owner !== apex) continue;
    const k = keyInfo(r, text);
    if (k) cdnskeys.push(k);
  }
  // Delete requests (RFC 8078 §4): exactly `CDS 0 0 0 00` / `CDNSKEY 0 3 0 AA==`, alone in their RRset.
  const cdsDelete = cds.filter((c) => c.algorithm === 0);
  const keyDelete = cdnskeys.filter((k) => k.algorithm === 0);
  for (const c of cdsDelete) {
    if (c.tag !== 0 || c.digestType !== 0 || c.digest !== '00') {
      report({ range: rdataRange(c.record, text), message: `CDS at ${apex} with algorithm 0 is a delete request, which must read exactly '0 0 0 00' (RFC 8078 §4)` });
    }
  }
  for (const k of keyDelete) {
    if (k.flags !== 0 || k.protocol !== 3 || toHex(k.key) !== '00') {
      report({ range: rdataRange(k.record, text), message: `CDNSKEY at ${apex} with algorithm 0 is a delete request, which must read exactly '0 3 0 AA==' (RFC 8078 §4)` });
    }
  }
  if (cdsDelete.length && cds.length > cdsDelete.length) {
    report({ range: cdsDelete[0].record.typeRange, message: `The CDS RRset at ${apex} mixes a delete request with other CDS records: a delete request stands alone (RFC 8078 §4)` });
  }
  if (keyDelete.length && cdnskeys.length > keyDelete.length) {
    report({ range: keyDelete[0].record.typeRange, message: `The CDNSKEY RRset at ${apex} mixes a delete request with other CDNSKEY records: a delete request stands alone (RFC 8078 §4)` });
  }
  const liveCds = cds.filter((c) => c.algorithm !== 0);
  const liveKeys = cdnskeys.filter((k) => k.algorithm !== 0);
  if (cdsDelete.length && liveKeys.length && !keyDelete.length) {
    report({ range: cdsDelete[0].record.typeRange, message: `CDS at ${apex} asks the parent to remove the DS records, but the CDNSKEY records publish keys` });
  }
  if (keyDelete.length && liveCds.length && !cdsDelete.length) {
    report({ range: keyDelete[0].record.typeRange, message: `CDNSKEY at ${apex} asks the parent to remove the DS records, but the CDS records name keys` });
  }
  // Against the apex DNSKEYs.
  const dnskeys: KeyInfo[] = [];
  for (const r of f.byOwner.get(apex) ?? []) {
    if (r.typeCode !== T_DNSKEY) continue;
    const k = keyInfo(r, text);
    if (k) dnskeys.push(k);
  }
  for (const k of liveKeys) {
    if (!dnskeys.some((d) => sameKey(d, k))) {
      report({ range: rdataRange(k.record, text), message: `CDNSKEY at ${apex} (key tag ${k.tag}, algorithm ${k.algorithm}) is not one of the zone's DNSKEY records` });
    }
  }
  for (const c of liveCds) {
    const byTag = dnskeys.filter((d) => d.tag === c.tag && d.algorithm === c.algorithm);
    if (byTag.length === 0) {
      report({ range: rdataRange(c.record, text), message: `CDS at ${apex} (key tag ${c.tag}, algorithm ${c.algorithm}) matches no DNSKEY of the zone` });
    } else if (!byTag.some((d) => cdsMatches(c, apex, d))) {
      report({ range: rdataRange(c.record, text), message: `CDS at ${apex} (key tag ${c.tag}, algorithm ${c.algorithm}): the digest is not the digest of that DNSKEY` });
    }
  }
  // When both are published they describe the same keys.
  if (liveCds.length && liveKeys.length) {
    for (const c of liveCds) {
      if (!liveKeys.some((k) => cdsMatches(c, apex, k))) {
        report({ range: rdataRange(c.record, text), message: `CDS at ${apex} (key tag ${c.tag}, algorithm ${c.algorithm}) has no matching CDNSKEY: when both are published they must name the same keys` });
      }
    }
    for (const k of liveKeys) {
      if (!liveCds.some((c) => cdsMatches(c, apex, k))) {
        report({ range: rdataRange(k.record, text), message: `CDNSKEY at ${apex} (key tag ${k.tag}, algorithm ${k.algorithm}) has no matching CDS: when both are published they must name the same keys` });
      }
    }
  }
}

function rdataRange(r: ZoneRecord, text: string): { start: number; end: number } {
  const t = freshTokens(r, text);
  return t.length ? { start: t[0].range.start, end: t[t.length - 1].range.end } : r.typeRange;
}
