/**
 * spf-type99: an SPF record published with the RR type SPF (99). RFC 7208 §3.1 discontinued that
 * type: receivers read TXT only. When the name also has a TXT SPF record the type-99 one is dead
 * weight (quick fix: delete it); when it has none, the domain has no SPF at all (quick fix:
 * change the type to TXT). Tagged deprecated.
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import { deleteRecord } from '../edits';
import { candidateAt, evaluatedByOwner, spfRecords, type SpfCandidate } from '../records';

const ID = 'spf-type99';

function typeSpf(model: ZoneModel): { c: SpfCandidate; txt?: SpfCandidate }[] {
  const spf = spfRecords(model).filter((c) => c.record.type === 'SPF');
  if (spf.length === 0) return [];
  const txt = evaluatedByOwner(model);
  return spf.map((c) => ({ c, txt: txt.get(c.record.owner)?.[0] }));
}

export const spfType99: Rule<ZoneModel> = {
  meta: {
    id: ID,
    language: 'zone',
    severity: 'warning',
    description: 'An SPF record of RR type SPF (99), which receivers ignore since RFC 7208',
  },
  check(model, _ctx, report) {
    for (const { c, txt } of typeSpf(model)) {
      report({
        range: c.record.typeRange,
        message: txt
          ? 'Receivers ignore records of type SPF (RFC 7208 §3.1); the TXT record of this name is the one that counts. Delete this one'
          : 'Receivers ignore records of type SPF (RFC 7208 §3.1), so this name has no SPF record at all. Publish it as TXT',
        related: txt ? [{ range: txt.spf.version.range, message: 'the TXT SPF record receivers read' }] : undefined,
        tags: ['deprecated'],
      });
    }
  },
  fix(model, finding) {
    const found = typeSpf(model).find((x) => x.c.record.typeRange.start === finding.range.start);
    if (!found || candidateAt(model, finding.range) !== found.c) return [];
    const { c, txt } = found;
    if (txt) return [{ title: 'Delete the type SPF record', rule: ID, edits: deleteRecord(model, c.record), preferred: true }];
    return [{ title: 'Change the type to TXT', rule: ID, edits: [{ range: c.record.typeRange, newText: 'TXT' }], preferred: true }];
  },
};
