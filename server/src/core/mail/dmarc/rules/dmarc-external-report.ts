/**
 * dmarc-external-report: a `rua`/`ruf` address at another organisation's domain that has not
 * authorised reports about this domain. RFC 7489 §7.1: receivers send such reports only when
 * `<domain>._report._dmarc.<other>` has a TXT record starting `v=DMARC1`. Checked when the other
 * domain's zone is this document or another zone file of the workspace; otherwise silent (whether
 * the record exists is unknown offline). Range: the URI.
 */
import type { Rule } from '../../../rule';
import { normalizeName } from '../../../spf/resolver';
import { zoneIndexFor } from '../../../spf/lookups';
import type { ZoneModel } from '../../../zone/model';
import { docRange } from '../../records';
import { tag } from '../../tagList';
import { dmarcRecords, reportUris } from '../policy';

const under = (name: string, parent: string): boolean => name === parent || name.endsWith('.' + parent);

export const dmarcExternalReport: Rule<ZoneModel> = {
  meta: {
    id: 'dmarc-external-report',
    language: 'zone',
    severity: 'warning',
    description: 'DMARC reports sent to another domain that does not publish the _report._dmarc authorisation',
  },
  check(model, ctx, report) {
    const records = dmarcRecords(model).filter((m) => m.ownerKind === 'dmarc' && m.version.state === 'ok' && (tag(m.tags, 'rua') || tag(m.tags, 'ruf')));
    if (records.length === 0) return;
    const index = zoneIndexFor(model, ctx);
    for (const m of records) {
      const d = normalizeName(m.domain);
      for (const t of m.tags) {
        if (t.name !== 'rua' && t.name !== 'ruf') continue;
        for (const u of reportUris(t)) {
          const o = u.domain;
          if (!o || u.problem || under(o, d) || under(d, o)) continue;
          const apexO = index.apexOf(o);
          // Outside the zone files: unknown offline. In the same zone: the same organisation.
          if (apexO === undefined || apexO === index.apexOf(d)) continue;
          const name = `${d}._report._dmarc.${o}`;
          const res = index.lookup(name, 'TXT');
          if ('error' in res) {
            if (res.error !== 'nxdomain') continue;
          } else if (res.records.some((s) => /^v=DMARC1(;|\s|$)/.test(s.join('')))) continue;
          report({
            range: docRange(m, u.span),
            message: `${t.name === 'rua' ? 'Aggregate' : 'Failure'} reports about ${d} go to ${o}, which has not agreed to receive them: receivers send them only when ${o} publishes ${name}. IN TXT "v=DMARC1" (RFC 7489 §7.1)`,
            data: { authorisation: `${name}.` },
          });
        }
      }
    }
  },
};
