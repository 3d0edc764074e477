/**
 * dmarc-deprecated-tag: `pct`, `rf` and `ri`, which DMARCbis removes. Hint, tagged deprecated.
 * Range: the tag. Quick fix: remove it when its value is the RFC 7489 default or invalid (so that
 * removing it changes nothing for any receiver).
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { docRange } from '../../records';
import type { Tag } from '../../tagList';
import { removeTag, sameRange } from '../common';
import { DEPRECATED_TAGS, dmarcRecords } from '../policy';

const ID = 'dmarc-deprecated-tag';

const INFO: Record<string, { why: string; valid: RegExp; byDefault: (v: string) => boolean }> = {
  pct: {
    why: 'receivers applied partial percentages inconsistently; DMARCbis replaces it with t=y (testing mode)',
    valid: /^[0-9]{1,3}$/,
    byDefault: (v) => /^0*100$/.test(v),
  },
  rf: { why: 'afrf was the only format ever defined, so failure reports use it anyway', valid: /^[A-Za-z0-9]+(\s*:\s*[A-Za-z0-9]+)*$/, byDefault: (v) => v.toLowerCase() === 'afrf' },
  ri: { why: 'receivers send aggregate reports daily whatever it asks', valid: /^[0-9]{1,10}$/, byDefault: (v) => /^0*86400$/.test(v) },
};

const removable = (t: Tag): boolean => INFO[t.name].byDefault(t.value) || !INFO[t.name].valid.test(t.value);

function deprecated(model: ZoneModel) {
  return dmarcRecords(model).flatMap((m) => m.tags.filter((t) => (DEPRECATED_TAGS as readonly string[]).includes(t.name)).map((t) => ({ m, t })));
}

export const dmarcDeprecatedTag: Rule<ZoneModel> = {
  meta: {
    id: ID,
    scope: 'record',
    language: 'zone',
    severity: 'hint',
    description: 'A DMARC tag that DMARCbis removes (pct, rf, ri)',
  },
  check(model, _ctx, report) {
    for (const { m, t } of deprecated(model)) {
      const info = INFO[t.name];
      const invalid = !info.valid.test(t.value) ? ` Its value "${t.value}" is not valid under RFC 7489 either, so receivers use the default.` : '';
      const dflt = info.byDefault(t.value) ? ' This value is the default: the tag can go.' : '';
      report({
        range: docRange(m, t.span),
        message: `${t.name}= is removed in DMARCbis: ${info.why}.${invalid}${dflt}`,
        tags: ['deprecated'],
      });
    }
  },
  fix(model, finding) {
    const hit = deprecated(model).find(({ m, t }) => sameRange(docRange(m, t.span), finding.range));
    if (!hit || !removable(hit.t)) return [];
    return [{ title: `Remove ${hit.t.name}=${hit.t.value}`, rule: ID, edits: removeTag(hit.m, hit.t), preferred: true }];
  },
};
