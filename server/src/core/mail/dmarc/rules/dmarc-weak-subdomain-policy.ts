/**
 * dmarc-weak-subdomain-policy: `sp` (subdomains) or `np` (non-existent subdomains, DMARCbis)
 * weaker than `p`, which leaves the subdomains open to spoofing that the domain itself blocks.
 * Range: the weaker tag.
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { docRange } from '../../records';
import { tag } from '../../tagList';
import { dmarcRecords, strength } from '../policy';

export const dmarcWeakSubdomainPolicy: Rule<ZoneModel> = {
  meta: {
    id: 'dmarc-weak-subdomain-policy',
    language: 'zone',
    severity: 'info',
    description: 'A DMARC subdomain policy (sp= or np=) weaker than the domain policy p=',
  },
  check(model, _ctx, report) {
    for (const m of dmarcRecords(model)) {
      const p = tag(m.tags, 'p');
      const ps = p ? strength(p.value) : undefined;
      if (ps === undefined) continue;
      for (const name of ['sp', 'np']) {
        const t = tag(m.tags, name);
        const s = t ? strength(t.value) : undefined;
        if (!t || s === undefined || s >= ps) continue;
        const what = name === 'sp' ? 'subdomains' : 'non-existent subdomains (np=, DMARCbis)';
        report({
          range: docRange(m, t.span),
          message: `${t.name}=${t.value} is weaker than p=${p!.value}: mail from ${what} that fails DMARC gets the weaker treatment, so spoofers can use them. Remove ${t.name}= to inherit p=, unless they send mail that does not pass yet`,
        });
      }
    }
  },
};
