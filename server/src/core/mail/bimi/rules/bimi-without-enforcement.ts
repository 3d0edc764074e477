/**
 * bimi-without-enforcement: a BIMI record for a domain whose DMARC policy (in this zone file) is
 * not at enforcement. Mailbox providers show a BIMI logo only for mail under `p=quarantine` or
 * `p=reject` applied to all mail (no `pct` below 100, no `t=y`); a subdomain without its own
 * DMARC record gets its organisational domain's `sp` (or `p`). Silent when the zone holds no
 * DMARC record for the domain. Range: the BIMI record's RDATA; related: the DMARC record.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { docRange, mailRecordsOf, rdataDocRange, type MailRecord } from '../../records';
import { tag } from '../../tagList';
import { bare } from '../../records';
import { strength } from '../../dmarc/policy';
import { recordsOf } from '../../records';

function parentOf(name: string): string | undefined {
  const dot = name.indexOf('.');
  return dot < 0 || dot === name.length - 1 ? undefined : name.slice(dot + 1);
}

export const bimiWithoutEnforcement: Rule<ZoneModel> = {
  meta: {
    id: 'bimi-without-enforcement',
    language: 'zone',
    severity: 'warning',
    description: 'A BIMI record for a domain whose DMARC policy is not at enforcement, so no logo is shown',
  },
  check(model, _ctx, report) {
    const bimi = recordsOf(model, 'bimi').filter((m) => m.ownerKind === 'bimi' && m.version.state === 'ok' && (tag(m.tags, 'l')?.value ?? '') !== '');
    if (bimi.length === 0) return;
    const dmarc = new Map<string, MailRecord>();
    for (const m of mailRecordsOf(model, 'dmarc')) {
      if (m.ownerKind === 'dmarc' && m.version.state === 'ok' && !dmarc.has(m.domain)) dmarc.set(m.domain, m);
    }
    for (const b of bimi) {
      let own = true;
      let d: string | undefined = b.domain;
      let policy: MailRecord | undefined;
      while (d && !(policy = dmarc.get(d))) {
        d = parentOf(d);
        own = false;
      }
      if (!policy) continue;
      const p = tag(policy.tags, 'p');
      const sp = tag(policy.tags, 'sp');
      const applied = own ? p : (sp ?? p);
      const pct = tag(policy.tags, 'pct');
      const testing = tag(policy.tags, 't');
      const level = applied ? strength(applied.value) : undefined;
      const why: string[] = [];
      if (level === undefined || level < 1) why.push(applied ? `${applied.name}=${applied.value}` : 'no p= tag');
      if (pct && !/^0*100$/.test(pct.value)) why.push(`pct=${pct.value}`);
      if (testing && testing.value.toLowerCase() === 'y') why.push('t=y');
      if (why.length === 0) continue;
      report({
        range: rdataDocRange(b),
        message: `Mailbox providers show a BIMI logo only under a DMARC policy at enforcement (p=quarantine or p=reject for all mail), but the policy for ${bare(b.domain)}${own ? '' : ` (from _dmarc.${bare(policy.domain)})`} has ${why.join(', ')}`,
        related: [{ range: docRange(policy, applied ? applied.span : { start: 0, end: policy.text.value.length }), message: 'the DMARC policy that applies' }],
      });
    }
  },
};
