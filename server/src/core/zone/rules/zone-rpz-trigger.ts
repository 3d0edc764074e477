/**
 * `zone-rpz-trigger`: address triggers of a response policy zone (RPZ) that no query can match:
 * not a prefix length and an address, or not in the canonical form BIND reads (`../rpz.ts`).
 * Quick fix: the canonical spelling in place of the trigger labels as written.
 */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';
import { readRpzTrigger, rpzTriggerOf } from '../rpz';
import { ownerSpot } from './common';

export const zoneRpzTrigger: Rule<ZoneModel> = {
  meta: {
    id: 'zone-rpz-trigger',
    language: 'zone',
    severity: 'error',
    description: 'A response policy zone address trigger (…rpz-ip, rpz-client-ip, rpz-nsip) that is not a prefix length and an address in canonical form.',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    const apex = facts.apex;
    if (!apex) return;
    const seen = new Set<string>();
    for (const r of facts.records) {
      const owner = r.owner;
      if (seen.has(owner)) continue;
      const trigger = rpzTriggerOf(owner, apex);
      if (!trigger) continue;
      seen.add(owner);
      const reading = readRpzTrigger(trigger.labels);
      if (!('problem' in reading)) continue;
      const written = trigger.labels.join('.');
      report({
        range: ownerSpot(r),
        message: `RPZ ${trigger.kind} trigger ${written}: ${reading.problem}`,
        data: reading.canonical ? { written, canonical: reading.canonical } : undefined,
      });
    }
  },
  fix(model, finding) {
    const data = finding.data as { written?: string; canonical?: string } | undefined;
    const { start, end } = finding.range;
    if (!data?.written || !data.canonical || end > model.text.length) return [];
    // The owner as written starts with the trigger labels (relative or absolute, any case).
    const written = model.text.slice(start, end);
    if (!written.toLowerCase().startsWith(`${data.written}.`)) return [];
    const edits = [{ range: { start, end: start + data.written.length }, newText: data.canonical }];
    return [{ title: `Write the trigger as ${data.canonical}`, rule: 'zone-rpz-trigger', edits, preferred: true }];
  },
};
