/**
 * spf-ip-unknown: an `ip4:`/`ip6:` term that holds no address of a host in the zone files (the
 * A/AAAA records of any name, MX hosts included) — the document and the other zone files of the
 * workspace — and no mail server declared in `senderGuard.mailServers`. When the network lies in a mail provider's published outbound range
 * (`providers.ts`), the finding names the provider and the quick fix replaces the term with the
 * provider's `include:` (or removes it when the record already includes the provider). Otherwise
 * it is a hint to check the address still sends mail for the domain. Range: the term.
 */
import * as ipaddr from 'ipaddr.js';
import type { Rule, RuleContext } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import { uncachedRdata } from '../../zone/store';
import { termAddresses, type AuthorisedNetwork, formatNetwork } from '../addresses';
import { removeTerm } from '../edits';
import { addressNumbers, ip4Within, ip6Within, parsedAddress } from '../ip';
import { staticTarget, workspaceZones, zoneIndexFor } from '../lookups';
import type { SpfMechanism } from '../parse';
import { providerOf, type ProviderMatch } from '../providers';
import { candidateAt, evaluatedRecords, replaceInValue, shapeOf, type SpfCandidate } from '../records';
import { normalizeName, type ZoneIndex } from '../resolver';
import { ITEMS_PER_STEP, type Steps } from '../../steps';

const ID = 'spf-ip-unknown';

/** Addresses as numbers (compared by mask: zones hold many, and an object per address would cost 40 MB at a million records). */
interface Addresses {
  /** IPv4 addresses as 32-bit numbers. */
  v4: number[];
  /** IPv6 addresses, eight 16-bit parts each, one address after the other. */
  v6: number[];
}

function addTo(out: Addresses, a: ipaddr.IPv4 | ipaddr.IPv6): void {
  if (a.kind() === 'ipv4') out.v4.push(v4Number(a as ipaddr.IPv4));
  else for (const part of (a as ipaddr.IPv6).parts) out.v6.push(part);
}

function v4Number(a: ipaddr.IPv4): number {
  const [w, x, y, z] = a.octets;
  return ((w << 24) | (x << 16) | (y << 8) | z) >>> 0;
}

/** Whether any address of `v6` (eight parts each) lies in the network `net/length`. */
function holdsV6(v6: readonly number[], net: readonly number[], length: number): boolean {
  for (let at = 0; at < v6.length; at += 8) if (ip6Within(v6, at, net, length)) return true;
  return false;
}

/** Every A/AAAA address of a model, parsed; cached per model. */
const addressCache = new WeakMap<ZoneModel, Addresses>();
function* addressesOf(model: ZoneModel): Steps<Addresses> {
  let list = addressCache.get(model);
  if (list) return list;
  list = { v4: [], v6: [] };
  let done = 0;
  for (const type of ['A', 'AAAA']) {
    for (const r of model.recordsOfType(type)) {
      if (++done % ITEMS_PER_STEP === 0) yield;
      if (r.generic) continue;
      const text = uncachedRdata(r)[0]?.text;
      if (text === undefined) continue;
      // An A record's four-part address, an AAAA record's IPv6 address, as numbers.
      const v = addressNumbers(text);
      if (type === 'A' && typeof v === 'number') list.v4.push(v);
      else if (type === 'AAAA' && Array.isArray(v)) for (const part of v) list.v6.push(part);
    }
  }
  addressCache.set(model, list);
  return list;
}

/** The zones' addresses and the mail servers the user declared (`senderGuard.mailServers`). */
function* knownAddresses(model: ZoneModel, ctx: RuleContext): Steps<Addresses[]> {
  const declared: Addresses = { v4: [], v6: [] };
  for (const m of ctx.settings.mailServers) {
    const a = parsedAddress(m);
    if (a) addTo(declared, a);
  }
  const out = [declared];
  for (const z of [model, ...workspaceZones(ctx).filter((z) => z !== model)]) out.push(yield* addressesOf(z));
  return out;
}

/** Whether any of the addresses lies in the network. */
function holdsAny(net: AuthorisedNetwork, sets: readonly Addresses[]): boolean {
  const n = addressNumbers(net.address);
  if (n === undefined) return false;
  if (typeof n === 'number') return sets.some((s) => s.v4.some((h) => ip4Within(h, n, net.length)));
  return sets.some((s) => holdsV6(s.v6, n, net.length));
}

interface IpTerm {
  term: SpfMechanism;
  network: AuthorisedNetwork;
}

/** The network of an ip4:/ip6: term (it depends on the term alone: no domain, no lookup). */
function ipTerm(t: SpfMechanism, index: ZoneIndex): IpTerm | undefined {
  if (t.mechanism !== 'ip4' && t.mechanism !== 'ip6') return undefined;
  const a = termAddresses(t, '', index);
  if (!a || a.status !== 'resolved' || a.networks.length !== 1) return undefined;
  return { term: t, network: a.networks[0] };
}

/** The record's include term for the provider's include target, if it has one. */
function existingInclude(c: SpfCandidate, match: ProviderMatch): SpfMechanism | undefined {
  const domain = normalizeName(c.record.owner);
  return shapeOf(c).terms.find(
    (t): t is SpfMechanism => t.kind === 'mechanism' && t.mechanism === 'include' && !!t.domain && staticTarget(t.domain, domain) === match.provider.include,
  );
}

export const spfIpUnknown: Rule<ZoneModel> = {
  meta: {
    id: ID,
    language: 'zone',
    severity: 'hint',
    description: 'An ip4:/ip6: term that matches no host of the zone files; inside a known mail provider\'s range it is better written as the provider\'s include:',
  },
  // In steps: it reads every A/AAAA address of the zones.
  *check(model, ctx, report) {
    const records = evaluatedRecords(model);
    if (records.length === 0) return;
    let hosts: Addresses[] | undefined;
    const index = zoneIndexFor(model, ctx);
    // Records repeat the same networks: each is looked for among the hosts once (by network,
    // and by term: records with the same value share their parsed terms).
    const held = new Map<string, boolean>();
    const heldByTerm = new Map<SpfMechanism, boolean>();
    for (const c of records) {
      // Decided on the shared parse; the record's own term gives the range.
      const terms = shapeOf(c).terms;
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i];
        if (t.kind !== 'mechanism' || (t.mechanism !== 'ip4' && t.mechanism !== 'ip6')) continue;
        let holds = heldByTerm.get(t);
        if (holds === true) continue;
        const ip = ipTerm(t, index);
        if (!ip) continue;
        if (holds === undefined) {
          if (!hosts) hosts = yield* knownAddresses(model, ctx);
          const key = `${ip.network.family}/${ip.network.length}/${ip.network.address}`;
          holds = held.get(key);
          if (holds === undefined) held.set(key, (holds = holdsAny(ip.network, hosts)));
          heldByTerm.set(t, holds);
          if (holds) continue;
        }
        const net = formatNetwork(ip.network);
        const match = providerOf(ip.network.address, ip.network.length);
        if (!match) {
          report({
            range: c.spf.terms[i].range,
            message:
              `'${t.text}' is no address of a host in the zone files (A/AAAA records, MX hosts) nor a declared mail server, and lies in no known mail provider's published range. ` +
              `Check that ${net} still sends mail for ${normalizeName(c.record.owner)}; remove it if not`,
          });
          continue;
        }
        const p = match.provider;
        const has = existingInclude(c, match);
        report({
          range: c.spf.terms[i].range,
          message: has
            ? `'${t.text}' lies in ${p.name}'s published outbound range ${match.network}, which '${has.text}' in this record already authorises: the term is redundant`
            : `'${t.text}' lies in ${p.name}'s published outbound range ${match.network}. Addresses copied from a provider go stale when it renumbers: ` +
              `'include:${p.include}' follows the provider (it costs one DNS lookup, plus those of the provider's record)`,
          data: { provider: p.id },
        });
      }
    }
  },
  fix(model, finding, ctx) {
    const c = candidateAt(model, finding.range);
    const t = c?.spf.terms.find((x): x is SpfMechanism => x.kind === 'mechanism' && x.range.start === finding.range.start && x.range.end === finding.range.end);
    if (!c || !t || (t.mechanism !== 'ip4' && t.mechanism !== 'ip6')) return [];
    const ip = ipTerm(t, zoneIndexFor(model, ctx));
    if (!ip) return [];
    const match = providerOf(ip.network.address, ip.network.length);
    if (!match) return [];
    const p = match.provider;
    const has = existingInclude(c, match);
    if (has) return [{ title: `Remove '${t.text}' (already covered by '${has.text}')`, rule: ID, edits: removeTerm(c, t) }];
    // Keep the qualifier: `~ip4:…` becomes `~include:…`.
    const replacement = `${t.qualifierPart ? t.qualifierPart.text : ''}include:${p.include}`;
    return [{ title: `Replace '${t.text}' with '${replacement}' (${p.name})`, rule: ID, edits: replaceInValue(c, t.start, t.end, replacement) }];
  },
};
