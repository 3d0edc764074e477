/**
 * spf-ptr: the `ptr` mechanism or the `%{p}` macro. RFC 7208 §5.5 and §7.3: they SHOULD NOT be
 * used — slow, unreliable (they depend on reverse DNS the sender may not control) and a load on
 * the .arpa servers. Some receivers skip them. Tagged deprecated. No quick fix: list the
 * addresses with ip4:/ip6: or use a/mx instead.
 */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../../zone/model';
import type { SpfTerm } from '../parse';
import { spfRecords, shapeOf } from '../records';

/** The term is `ptr` or holds a `%{p}` macro. */
function usesPtr(t: SpfTerm): boolean {
  if (t.kind === 'mechanism' && t.mechanism === 'ptr') return true;
  const ms = t.kind === 'mechanism' ? t.domain : t.kind === 'modifier' ? t.value : undefined;
  return !!ms && ms.parts.some((p) => p.kind === 'macro' && p.letter.toLowerCase() === 'p');
}

export const spfPtr: Rule<ZoneModel> = {
  meta: {
    id: 'spf-ptr',
    scope: 'record',
    language: 'zone',
    severity: 'warning',
    description: 'The ptr mechanism or %{p} macro, which RFC 7208 says should not be used',
  },
  check(model, _ctx, report) {
    for (const c of spfRecords(model)) {
      if (!shapeOf(c).terms.some(usesPtr)) continue;
      for (const t of c.spf.terms) {
        if (t.kind === 'mechanism' && t.mechanism === 'ptr') {
          report({
            range: t.range,
            message: `'${t.text}' should not be used (RFC 7208 §5.5): it is slow, depends on reverse DNS and some receivers skip it. List the addresses with ip4:/ip6:, or use a or mx`,
            tags: ['deprecated'],
          });
        }
        const ms = t.kind === 'mechanism' ? t.domain : t.kind === 'modifier' ? t.value : undefined;
        for (const p of ms?.parts ?? []) {
          if (p.kind === 'macro' && p.letter.toLowerCase() === 'p') {
            report({
              range: p.range,
              message: `The macro '${p.text}' (validated reverse-DNS name) should not be used (RFC 7208 §7.3): it costs extra DNS lookups and is often 'unknown'`,
              tags: ['deprecated'],
            });
          }
        }
      }
    }
  },
};
