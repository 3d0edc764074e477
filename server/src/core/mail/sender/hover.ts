/**
 * The sender-requirements summary, shown when hovering the owner of the SOA record (the apex):
 * for each sending domain of the zone, the checklist of what the large mailbox providers require
 * of bulk senders, met or not, after the owner's usual hover.
 */
import type { RuleContext } from '../../rule';
import type { HoverResult } from '../../types';
import type { ZoneModel } from '../../zone/model';
import { zoneSyntaxHover } from '../../zone/hover';
import { ownerSpot } from '../../zone/rules/common';
import { REQUIREMENT_TITLES, sendingDomains, type RequirementStatus } from './requirements';

/** Words, not symbols: editors without an emoji font show those as empty boxes. */
const MARK: Record<RequirementStatus, string> = { met: '**met**', unmet: '**not met**', outside: 'outside the zone' };

export function senderSummaryMarkdown(model: ZoneModel): string {
  const domains = sendingDomains(model);
  const out = ['**Sender requirements** (what Gmail, Yahoo and Outlook.com require of bulk senders)'];
  if (domains.length === 0) {
    out.push('', 'No domain of this zone sends mail: no SPF record other than `v=spf1 -all`, and no MX.');
    return out.join('\n');
  }
  for (const d of domains) {
    const requirements = d.requirements;
    const met = requirements.filter((r) => r.status === 'met').length;
    const checked = requirements.filter((r) => r.status !== 'outside').length;
    out.push('', `\`${d.domain}\` — ${met} of ${checked} met in this zone`, '', '| status | requirement | finding |', '|---|---|---|');
    for (const r of requirements) out.push(`| ${MARK[r.status]} | ${REQUIREMENT_TITLES[r.id]} | ${r.detail} |`);
  }
  out.push(
    '',
    'Outside DNS, the same providers also require TLS for sending, one-click unsubscribe (RFC 8058) for marketing mail and a spam rate below 0.3 %.',
  );
  return out.join('\n');
}

export function senderHover(model: ZoneModel, offset: number, ctx: RuleContext): HoverResult | undefined {
  const soa = model.recordsOfType(6)[0];
  if (!soa) return undefined;
  const spot = ownerSpot(soa);
  if (offset < spot.start || offset >= spot.end) return undefined;
  const base = zoneSyntaxHover(model, offset, ctx);
  const summary = senderSummaryMarkdown(model);
  return { range: spot, contents: base ? `${base.contents}\n\n---\n\n${summary}` : summary };
}
