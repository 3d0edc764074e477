/**
 * `zone-bad-hostname`: a name that must be a host name is not one (BIND's check-names: letters,
 * digits and hyphens, no hyphen at either end of a label; RFC 952, RFC 1123 §2.1). Checked: owners
 * of A, AAAA and MX records (a leading `*` label is allowed), and the hosts named by NS, MX, SRV,
 * SVCB/HTTPS and the SOA's primary server.
 */
import { uncachedRdata } from '../store';
import type { Rule } from '../../rule';
import { targetName, zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';
import { ownerSpot } from './common';

const LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i;

/** `name` (absolute, canonical) is a host name; `wildcard` allows a leading `*` label. */
export function isHostname(name: string, wildcard: boolean): boolean {
  if (name === '.') return true;
  const labels = name.slice(0, -1).split('.');
  // As BIND: Active Directory's gc._msdcs.<forest> and SPF macro names (x._spf.<domain>).
  if ((labels[0] === 'gc' && labels[1] === '_msdcs') || labels[1]?.startsWith('_spf')) return labels.slice(2).every((l) => LABEL.test(l));
  for (let i = 0; i < labels.length; i++) {
    if (i === 0 && wildcard && labels[0] === '*') continue;
    if (!LABEL.test(labels[i])) return false;
  }
  return true;
}

const OWNER_TYPES = [1, 28, 15];
/** Type code → index of the host name in its RDATA. */
const DATA_HOSTS: [number, number][] = [
  [2, 0],
  [15, 1],
  [33, 3],
  [6, 0],
  [64, 1],
  [65, 1],
];

export const zoneBadHostname: Rule<ZoneModel> = {
  meta: {
    id: 'zone-bad-hostname',
    language: 'zone',
    severity: 'error',
    description: 'A name that must be a host name (A/AAAA/MX owner, NS/MX/SRV target, SOA server) has invalid characters.',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    for (const code of OWNER_TYPES) {
      // Records of one owner come in runs: check each run's name once.
      let last: string | undefined;
      let lastOk = true;
      for (const r of facts.ofType(code)) {
        const owner = r.owner;
        if (owner !== last) {
          last = owner;
          lastOk = isHostname(owner, true);
        }
        if (!lastOk) {
          report({ range: ownerSpot(r), message: `${r.owner} is not a valid host name for a ${r.type} record (letters, digits, hyphens)` });
        }
      }
    }
    for (const [code, field] of DATA_HOSTS) {
      for (const r of facts.ofType(code)) {
        if (r.generic) continue;
        const t = uncachedRdata(r)[field];
        if (!t || t.quoted || t.text === '.') continue;
        const name = targetName(t, r.origin);
        if (!isHostname(name, false)) {
          report({ range: t.range, message: `${r.type} ${code === 6 ? 'primary server' : 'target'} ${name} is not a valid host name (letters, digits, hyphens)` });
        }
      }
    }
  },
};
