/**
 * Which addresses a zone file names as the organisation's mail servers: the A/AAAA records of its
 * in-zone MX hosts, and the single hosts its SPF records authorise with `ip4:`/`ip6:`. The server
 * and the CLI collect these from the zone files of the workspace and hand them to the Yamaha
 * rules (`RuleContext.workspace.mailServers`), so "Allow SMTP only to …" can offer them.
 */
import { ip4Problem, ip6Problem } from './spf/ip';
import { shapeOf, spfRecords } from './spf/records';
import type { ZoneModel } from './zone/model';
import { uncachedRdata } from './zone/store';

export interface MailServerFact {
  address: string;
  /** Where it was found, for the quick fix's title and hover (e.g. `MX mail.example.jp.`). */
  source: string;
}

/** Addresses (A, then AAAA) of the given hosts, in one pass over the address records. */
function hostAddresses(model: ZoneModel, hosts: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (hosts.size === 0) return out;
  for (const type of ['A', 'AAAA']) {
    for (const r of model.recordsOfType(type)) {
      if (!hosts.has(r.owner)) continue;
      const first = uncachedRdata(r)[0];
      if (!first) continue;
      let list = out.get(r.owner);
      if (!list) out.set(r.owner, (list = []));
      list.push(first.text);
    }
  }
  return out;
}

function absolute(name: string, origin: string): string {
  const n = name.toLowerCase();
  if (n === '@') return origin;
  if (n.endsWith('.')) return n;
  return origin === '.' ? `${n}.` : `${n}.${origin}`;
}

export function mailServersFromZone(model: ZoneModel): MailServerFact[] {
  const facts: MailServerFact[] = [];
  const seen = new Set<string>();
  const add = (address: string, source: string): void => {
    const key = address.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    facts.push({ address, source });
  };
  const hosts: string[] = [];
  for (const mx of model.recordsOfType('MX')) {
    const target = uncachedRdata(mx)[1];
    if (target) hosts.push(absolute(target.text, mx.origin));
  }
  const addresses = hostAddresses(model, new Set(hosts));
  const done = new Set<string>();
  for (const host of hosts) {
    if (done.has(host)) continue;
    done.add(host);
    for (const address of addresses.get(host) ?? []) add(address, `MX ${host}`);
  }
  for (const c of spfRecords(model)) {
    if (c.typo) continue;
    const record = c.record;
    // The shared parse: only the terms' text is read, so no per-record document positions are built.
    for (const term of shapeOf(c).terms) {
      if (term.kind !== 'mechanism' || (term.mechanism !== 'ip4' && term.mechanism !== 'ip6') || !term.network) continue;
      const family = term.mechanism === 'ip4' ? 4 : 6;
      const cidr = family === 4 ? term.cidr4 : term.cidr6;
      const single = !cidr || cidr.length === (family === 4 ? 32 : 128);
      const valid = family === 4 ? !ip4Problem(term.network.text) : !ip6Problem(term.network.text);
      if (single && valid) add(term.network.text, `SPF ${term.mechanism}: of ${record.owner}`);
    }
  }
  return facts;
}
