/**
 * Which addresses a zone file names as the organisation's mail servers: the A/AAAA records of its
 * in-zone MX hosts, and the single hosts its SPF records authorise with `ip4:`/`ip6:`. The server
 * and the CLI collect these from the zone files of the workspace and hand them to the Yamaha
 * rules (`RuleContext.workspace.mailServers`), so "Allow SMTP only to …" can offer them.
 */
import { ip4Problem, ip6Problem } from './spf/ip';
import { spfRecords } from './spf/records';
import type { ZoneModel } from './zone/model';

export interface MailServerFact {
  address: string;
  /** Where it was found, for the quick fix's title and hover (e.g. `MX mail.example.jp.`). */
  source: string;
}

function hostAddresses(model: ZoneModel, host: string): string[] {
  const out: string[] = [];
  for (const type of ['A', 'AAAA']) {
    for (const r of model.recordsOfType(type)) if (r.owner === host && r.rdata[0]) out.push(r.rdata[0].text);
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
  for (const mx of model.recordsOfType('MX')) {
    const target = mx.rdata[1];
    if (!target) continue;
    const host = absolute(target.text, mx.origin);
    for (const address of hostAddresses(model, host)) add(address, `MX ${host}`);
  }
  for (const { spf, typo, record } of spfRecords(model)) {
    if (typo) continue;
    for (const term of spf.terms) {
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
