/**
 * sender-requirements: a domain of the zone that sends mail but lacks what the large mailbox
 * providers require of bulk senders — a DMARC record or a DKIM key (SPF problems have rules of
 * their own). One finding per domain, on the owner of the record that shows it sends mail (its
 * SPF record, else its MX). Quick fix: add a starter DMARC record (`p=none` with aggregate
 * reports to `dmarc-reports@<domain>`) at the end of the file, where it cannot change which
 * owner later blank-owner lines inherit. There is no fix for a missing DKIM key: only the mail
 * system that signs can make one. The fix is `manual`, so "fix all" leaves it out: the
 * report address is the user's to choose.
 */
import type { Rule } from '../../rule';
import type { TextEdit } from '../../types';
import type { ZoneModel } from '../../zone/model';
import { ownerSpot } from '../../zone/rules/common';
import { ownerText } from '../../spf/edits';
import { reportable, sendingDomains, sendingDomainsInSteps, type Requirement, type SendingDomain } from './requirements';
import { ITEMS_PER_STEP } from '../../steps';

const ID = 'sender-requirements';

function originAtEnd(model: ZoneModel): string {
  let origin = model.origin;
  for (const d of model.directives) if (d.kind === 'origin' && d.name) origin = d.name;
  return origin;
}

/** The starter DMARC record the fix adds for `domain`. */
export function starterDmarc(domain: string): string {
  return `v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain.replace(/\.$/, '')}`;
}

export function addStarterDmarc(model: ZoneModel, domain: string): TextEdit {
  const text = model.text;
  const owner = ownerText(`_dmarc.${domain}`, originAtEnd(model));
  const lead = text.length > 0 && !text.endsWith('\n') ? '\n' : '';
  return { range: { start: text.length, end: text.length }, newText: `${lead}${owner} IN TXT "${starterDmarc(domain)}"\n` };
}

const WHAT: Record<string, string> = { dmarc: 'DMARC record', dkim: 'DKIM key' };

function message(d: SendingDomain, missing: readonly Requirement[]): string {
  const what = missing.map((r) => `no ${WHAT[r.id]}`).join(' and ');
  const need = missing.length > 1 ? 'both' : 'one';
  // Concatenated rather than joined: the message then shares the checklist's sentences instead of
  // copying them (a zone can have a sending domain per host, hundreds of thousands).
  const details = missing.slice(1).reduce((text, r) => text + ' ' + r.detail, missing[0]?.detail ?? '');
  return `${d.domain} sends mail but publishes ${what}: Gmail, Yahoo and Outlook.com require ${need} of bulk senders and may reject or junk its mail. ${details}`;
}

export const senderRequirements: Rule<ZoneModel> = {
  meta: {
    id: ID,
    language: 'zone',
    severity: 'warning',
    description: 'A domain that sends mail without the DMARC record or DKIM key the large mailbox providers require',
  },
  // In steps: a checklist for every sending domain of the zone.
  *check(model, _ctx, report) {
    let done = 0;
    for (const d of yield* sendingDomainsInSteps(model)) {
      if (++done % ITEMS_PER_STEP === 0) yield;
      const missing = reportable(d.requirements);
      if (missing.length === 0) continue;
      report({
        range: ownerSpot(d.evidence),
        message: message(d, missing),
        data: { domain: d.domain, missing: missing.map((r) => r.id) },
      });
    }
  },
  fix(model, finding) {
    const data = finding.data as { domain?: string; missing?: string[] } | undefined;
    if (!data?.domain || !data.missing?.includes('dmarc')) return [];
    const d = sendingDomains(model).find((x) => x.domain === data.domain);
    if (!d || !reportable(d.requirements).some((r) => r.id === 'dmarc')) return [];
    return [
      {
        title: `Add a starter DMARC record for ${d.domain} (p=none, reports to dmarc-reports@${d.domain.replace(/\.$/, '')})`,
        rule: ID,
        edits: [addStarterDmarc(model, d.domain)],
        manual: true,
      },
    ];
  },
};
