/** `zone-bad-rdata`: a field of a record's data does not follow its type's presentation format. */
import type { Rule } from '../../rule';
import { forEachToken, Scanner, TOK_QUOTED } from '../lexer';
import type { ZoneModel, ZoneRecord, ZoneToken } from '../model';
import { RDATA } from '../rdata/descriptors';
import { validateRdata } from '../rdata/validate';
import { refuses, targetServer, type DialectPointId } from '../servers';
import { ITEMS_PER_STEP } from '../../steps';

/** Octets the generic form of a known fixed-size type must have. */
const FIXED: Record<string, number> = { A: 4, AAAA: 16, EUI48: 6, EUI64: 8, L32: 6, L64: 10, NID: 10 };

/** Generic (RFC 3597) data of a known type: empty where the type needs data, or the wrong size. */
function genericProblem(r: ZoneRecord): string | undefined {
  const d = RDATA[r.type];
  const len = r.rdata[1];
  if (!d || d.genericOnly || !len || !/^\d+$/.test(len.text)) return undefined;
  const n = Number(len.text);
  const fixed = FIXED[r.type];
  if (fixed !== undefined && n !== fixed) return `${r.type} data is ${fixed} octets, not ${n}`;
  if (n === 0 && !(d.rest?.optional && d.fields.length === 0)) return `${r.type} data cannot be empty`;
  return undefined;
}

export const zoneBadRdata: Rule<ZoneModel> = {
  meta: {
    id: 'zone-bad-rdata',
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: "A field of a record's data is not valid for its type (address, number, name, base64…).",
  },
  // In steps: every record's data is read.
  *check(model, ctx, report) {
    // What the target server accepts beyond the RFC is left to zone-portability (validated past it).
    const target = targetServer(ctx.settings);
    const accepted = (point: DialectPointId): boolean => !refuses(target, point);
    const scanner = new Scanner(model.text, null);
    let done = 0;
    for (const r of model.records) {
      if (++done % (4 * ITEMS_PER_STEP) === 0) yield;
      if (r.generic) {
        const p = genericProblem(r);
        if (p) report({ range: r.rdata[1]?.range ?? r.typeRange, message: p, data: { field: 'length' } });
        continue;
      }
      const d = RDATA[r.type];
      // Character-string types are checked by the parser; absent data is a syntax error.
      if (!d || (d.fields.length === 0 && d.rest?.kind === 'strings')) continue;
      // Tokens read afresh rather than through `r.rdata`, which keeps them cached on the record:
      // short-lived objects are cheap to collect, a cache of every token of a large zone is not.
      const tokens: ZoneToken[] = [];
      const text = model.text;
      const typeRange = r.typeRange;
      forEachToken(text, typeRange.end, r.range.end, (start, end, flags) => {
        tokens.push({ text: text.slice(start, end), range: { start, end }, quoted: (flags & TOK_QUOTED) !== 0 });
      }, scanner);
      if (tokens.length === 0) continue;
      for (const p of validateRdata(r.type, tokens, r.origin, typeRange, accepted)) {
        if (p.point && accepted(p.point)) continue;
        report({ range: p.range, message: p.message, data: { field: p.field } });
      }
    }
  },
};
