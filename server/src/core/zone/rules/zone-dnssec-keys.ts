/**
 * `zone-dnssec-keys`: DNSKEY and DS records whose fields make them unusable: a DNSKEY whose
 * protocol is not 3 (RFC 4034 §2.1.2); more than three apex DNSKEYs of one algorithm sharing
 * a key tag (validators try every one); a DS or CDS with the reserved digest type 0 or a
 * digest whose length does not fit its type (RFC 4034 §5.1, RFC 4509, RFC 6605).
 * (kzonecheck: "invalid DNSKEY", "many DNSKEYs with equal keytag", "unknown algorithm in DS".)
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../model';
import { freshTokens } from './common';
import { dnssecFacts, keyInfo, num, type KeyInfo, T_CDS, T_DNSKEY, T_DS } from './dnssec';
import { zoneFacts } from '../analysis';

/** Digest lengths in octets of the DS digest types (IANA "Digest Algorithms"). */
const DIGEST_OCTETS: Record<number, number> = { 1: 20, 2: 32, 3: 32, 4: 48, 5: 32, 6: 32 };

/** More apex DNSKEYs than this with one key tag and algorithm is reported (a collision or two happen in rollovers). */
export const MAX_SHARED_TAG = 3;

export const zoneDnssecKeys: Rule<ZoneModel> = {
  meta: {
    id: 'zone-dnssec-keys',
    language: 'zone',
    severity: 'error',
    description: 'A DNSKEY with a protocol other than 3, too many DNSKEYs sharing a key tag, or a DS/CDS with a reserved digest type or a digest of the wrong length.',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    const dss = [...facts.ofType(T_DS), ...facts.ofType(T_CDS)];
    const f = dnssecFacts(model);
    if (!f && dss.length === 0) return;
    const text = model.text;
    for (const r of dss) {
      if (r.generic) continue;
      const t = freshTokens(r, text);
      const type = num(t[2]);
      const alg = num(t[1]);
      if (!t[2] || Number.isNaN(type)) continue;
      // The CDS delete request `0 0 0 00` is zone-cds's business.
      if (r.typeCode === T_CDS && alg === 0) continue;
      const digest = t.slice(3).map((x) => x.text).join('');
      if (type === 0) {
        report({ range: t[2].range, message: `${r.type} at ${r.owner} (key tag ${t[0]?.text}) uses digest type 0, which is reserved: no validator can use it` });
        continue;
      }
      const want = DIGEST_OCTETS[type];
      if (want !== undefined && digest.length !== want * 2 && /^[0-9a-fA-F]*$/.test(digest)) {
        report({
          range: t.length > 3 ? { start: t[3].range.start, end: t[t.length - 1].range.end } : t[2].range,
          message: `${r.type} at ${r.owner} (key tag ${t[0]?.text}): a digest of type ${type} is ${want} octets, this one is ${digest.length / 2}`,
        });
      }
    }
    if (!f) return;
    const keys: KeyInfo[] = [];
    for (const r of facts.ofType(T_DNSKEY)) {
      const k = keyInfo(r, text);
      if (!k) continue;
      if (k.protocol !== 3) {
        const t = freshTokens(r, text);
        report({ range: t[1].range, message: `DNSKEY at ${r.owner} (key tag ${k.tag}) has protocol ${k.protocol}: the protocol field of a DNSKEY must be 3 (RFC 4034 §2.1.2)` });
      }
      if (r.owner === f.apex) keys.push(k);
    }
    const byTag = new Map<string, KeyInfo[]>();
    for (const k of keys) {
      const key = `${k.algorithm} ${k.tag}`;
      const l = byTag.get(key);
      if (l) l.push(k);
      else byTag.set(key, [k]);
    }
    for (const list of byTag.values()) {
      if (list.length <= MAX_SHARED_TAG) continue;
      for (const k of list.slice(MAX_SHARED_TAG)) {
        report({ range: k.record.typeRange, message: `${list.length} DNSKEYs at ${k.record.owner} share key tag ${k.tag} and algorithm ${k.algorithm}: validators must try each of them for every signature` });
      }
    }
  },
};
