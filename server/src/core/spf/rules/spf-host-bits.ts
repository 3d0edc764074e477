/**
 * spf-host-bits: an `ip4:`/`ip6:` network written with host bits set beyond its prefix length
 * (`ip4:192.0.2.1/24`). Receivers ignore those bits, so the term covers the whole network — often
 * not what was meant. Quick fixes: write the network address (preferred), or keep the single
 * address (/32, /128).
 */
import * as ipaddr from 'ipaddr.js';
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import { isFourPartDecimal, isValidIp6, memoized } from '../ip';
import type { SpfMechanism } from '../parse';
import { candidateAt, replaceInValue, spfRecords, shapeOf } from '../records';

const ID = 'spf-host-bits';

interface HostBits {
  term: SpfMechanism;
  written: string;
  network: string;
  length: number;
  max: number;
}

function hostBits(t: SpfMechanism): HostBits | undefined {
  if ((t.mechanism !== 'ip4' && t.mechanism !== 'ip6') || !t.network) return undefined;
  const cidr = t.mechanism === 'ip4' ? t.cidr4 : t.cidr6;
  const length = cidr?.length;
  if (length === undefined) return undefined;
  const max = t.mechanism === 'ip4' ? 32 : 128;
  const text = t.network.text;
  if (length === max) return undefined;
  const network = networkWithHostBits(`${t.mechanism} ${length} ${text}`);
  if (network === undefined) return undefined;
  return { term: t, written: text, network, length, max };
}

/**
 * For `ip4|ip6 length address`: the network address when the address has host bits set beyond
 * the length, else undefined (also for an invalid address). Remembered: records repeat networks.
 */
const networkWithHostBits = memoized((key): string | undefined => {
  const [mechanism, len, text] = key.split(' ');
  const length = Number(len);
  const valid = mechanism === 'ip4' ? isFourPartDecimal(text) : isValidIp6(text);
  if (!valid) return undefined;
  const addr = ipaddr.parse(text);
  const network = (mechanism === 'ip4' ? ipaddr.IPv4 : ipaddr.IPv6).networkAddressFromCIDR(`${addr.toString()}/${length}`);
  if (network.toString() === addr.toString()) return undefined;
  return network.toString();
});

export const spfHostBits: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'warning',
    description: 'An ip4:/ip6: network whose address has bits set beyond its prefix length (ip4:192.0.2.1/24)',
  },
  check(model, _ctx, report) {
    for (const c of spfRecords(model)) {
      if (!shapeOf(c).terms.some((t) => t.kind === 'mechanism' && hostBits(t))) continue;
      for (const t of c.spf.terms) {
        const h = t.kind === 'mechanism' ? hostBits(t) : undefined;
        if (!h) continue;
        const cidr = (h.term.mechanism === 'ip4' ? h.term.cidr4 : h.term.cidr6)!;
        report({
          range: { start: h.term.network!.range.start, end: cidr.range.end },
          message: `'${h.written}/${h.length}' has host bits set: receivers match the whole network ${h.network}/${h.length}. Write the network address, or /${h.max} for the single address`,
          data: { network: h.network, length: h.length },
        });
      }
    }
  },
  fix(model, finding) {
    const c = candidateAt(model, finding.range);
    const t = c?.spf.terms.find(
      (x): x is SpfMechanism => x.kind === 'mechanism' && !!x.network && x.network.range.start === finding.range.start,
    );
    const h = t && hostBits(t);
    if (!c || !h) return [];
    const cidr = (h.term.mechanism === 'ip4' ? h.term.cidr4 : h.term.cidr6)!;
    return [
      {
        title: `Write the network: ${h.network}/${h.length}`,
        rule: ID,
        edits: replaceInValue(c, h.term.network!.start, h.term.network!.end, h.network),
        preferred: true,
      },
      {
        title: `Authorise only ${h.written} (/${h.max})`,
        rule: ID,
        edits: replaceInValue(c, cidr.start, cidr.end, ''),
      },
    ];
  },
};
