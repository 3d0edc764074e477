/**
 * spf-unauthorised-host: a host of the zone that often sends mail for the domain — an MX host, or
 * the domain name's own A/AAAA address — is not authorised by the domain's SPF record, judged
 * offline from the zone files (see `static.ts`; unknown outcomes are not reported). Information
 * only: not every MX host sends mail. Range: the MX exchange or the address in this file (else
 * the record's version tag). Quick fix: add `ip4:`/`ip6:` for the address.
 */
import * as ipaddr from 'ipaddr.js';
import type { Rule } from '../../rule';
import type { Range } from '../../types';
import type { ZoneModel } from '../../zone/model';
import { uncachedRdata } from '../../zone/store';
import { recordsByOwner } from '../../zone/owners';
import { zoneIndexFor } from '../lookups';
import type { SpfMechanism } from '../parse';
import { evaluatedRecords, replaceInValue, shapeOf, type SpfCandidate } from '../records';
import { normalizeName, type LookupResult } from '../resolver';
import { staticCheck } from '../static';
import { appendTerm } from '../edits';
import { ITEMS_PER_STEP } from '../../steps';

const ID = 'spf-unauthorised-host';

interface Host {
  address: string;
  host: string;
  role: 'mx' | 'self';
  /** Where to report it (looked up only for a host that is reported). */
  range: () => Range;
}

/** Address lookups of MX hosts during one check: many domains share their mail hosts. */
type HostAddresses = Record<'A' | 'AAAA', Map<string, LookupResult<'A' | 'AAAA'>>>;

function hostsOf(model: ZoneModel, c: SpfCandidate, ctxIndex: ReturnType<typeof zoneIndexFor>, mxHosts: HostAddresses): Host[] {
  const owner = c.record.owner;
  const domain = normalizeName(owner);
  const out: Host[] = [];
  const seen = new Set<string>();
  const add = (h: Host) => {
    // The zone index gives addresses in canonical text already (IPv4 as four plain decimal
    // octets, IPv6 as ipaddr.js writes it): the text `parse(address).toString()` gives back.
    const key = h.address;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(h);
  };
  const inDoc = (type: string, value: (text: string) => boolean): Range | undefined => {
    for (const x of recordsByOwner(model, type).get(owner) ?? []) {
      const rdata = uncachedRdata(x);
      if (value(rdata[rdata.length - 1]?.text ?? '')) return rdata[rdata.length - 1]?.range;
    }
    return undefined;
  };
  for (const type of ['A', 'AAAA'] as const) {
    const r = ctxIndex.lookup(domain, type);
    if ('error' in r) continue;
    for (const a of r.records) {
      add({ address: a, host: domain, role: 'self', range: () => inDoc(type, (t) => sameAddress(t, a)) ?? c.spf.version.range });
    }
  }
  const mx = ctxIndex.lookup(domain, 'MX');
  if (!('error' in mx)) {
    for (const m of mx.records) {
      const host = normalizeName(m.exchange);
      if (host === '') continue;
      for (const type of ['A', 'AAAA'] as const) {
        let r = mxHosts[type].get(host);
        if (!r) mxHosts[type].set(host, (r = ctxIndex.lookup(host, type)));
        if ('error' in r) continue;
        let mxRange: Range | undefined | null = null;
        const range = (): Range => (mxRange === null ? (mxRange = mxRangeOf(model, owner, host)) : mxRange) ?? c.spf.version.range;
        for (const a of r.records) add({ address: a, host, role: 'mx', range });
      }
    }
  }
  return out;
}

/** The exchange token of the first MX record of `owner` that points at `host`. */
function mxRangeOf(model: ZoneModel, owner: string, host: string): Range | undefined {
  for (const x of recordsByOwner(model, 'MX').get(owner) ?? []) {
    const rdata = uncachedRdata(x);
    if (rdata.length === 2 && mxTarget(rdata[1].text, x.origin) === host) return rdata[1].range;
  }
  return undefined;
}

/** `a` is an address the zone index decoded (valid), so equal text is the same address. */
function sameAddress(text: string, a: string): boolean {
  if (text === a) return true;
  try {
    return ipaddr.parse(text).toString() === ipaddr.parse(a).toString();
  } catch {
    return false;
  }
}

function mxTarget(text: string, origin: string): string {
  if (text === '@') return normalizeName(origin);
  return normalizeName(text.endsWith('.') ? text : origin === '.' ? `${text}.` : `${text}.${origin}`);
}

export const spfUnauthorisedHost: Rule<ZoneModel> = {
  meta: {
    id: ID,
    language: 'zone',
    severity: 'info',
    description: "An MX host or the domain's own address that the domain's SPF record does not authorise to send",
  },
  // In steps: a static evaluation per host of every SPF record.
  *check(model, ctx, report) {
    const records = evaluatedRecords(model);
    if (records.length === 0) return;
    const index = zoneIndexFor(model, ctx);
    const mxHosts: HostAddresses = { A: new Map(), AAAA: new Map() };
    let done = 0;
    for (const c of records) {
      if (++done % ITEMS_PER_STEP === 0) yield;
      const domain = normalizeName(c.record.owner);
      const shape = shapeOf(c);
      for (const h of hostsOf(model, c, index, mxHosts)) {
        const r = staticCheck(shape, domain, h.address, index);
        if (r !== 'fail' && r !== 'softfail' && r !== 'neutral') continue;
        const mech = h.address.includes(':') ? 'ip6' : 'ip4';
        const who = h.role === 'mx' ? `${h.host} (${h.address}), an MX host of ${domain},` : `${domain}'s own address ${h.address}`;
        report({
          range: h.range(),
          message: `${who} is not authorised by the SPF record of ${domain} (it gets ${r}). If it sends mail for ${domain}, add ${mech}:${h.address}${h.role === 'mx' ? ' or mx' : ''}`,
          related: [{ range: c.spf.version.range, message: `the SPF record of ${domain}` }],
          data: { address: h.address, domain },
        });
      }
    }
  },
  fix(model, finding) {
    const data = finding.data as { address?: string; domain?: string } | undefined;
    if (!data?.address || !data.domain) return [];
    const c = evaluatedRecords(model).find((x) => normalizeName(x.record.owner) === data.domain);
    if (!c) return [];
    const term = `${data.address.includes(':') ? 'ip6' : 'ip4'}:${data.address}`;
    const all = c.spf.terms.find((t): t is SpfMechanism => t.kind === 'mechanism' && t.mechanism === 'all');
    const edits = all ? replaceInValue(c, all.start, all.start, `${term} `) : appendTerm(c, term);
    return [{ title: `Authorise ${data.address} (add ${term})`, rule: ID, edits }];
  },
};
