/** Test helpers for zone models (not imported by runtime code). */
import type { ZoneModel } from './model';

/** Everything a consumer of a zone model can read, as plain data: equal for equal models. */
export function modelSnapshot(m: ZoneModel): unknown {
  return {
    count: m.recordCount,
    records: m.records.map((r) => ({
      owner: r.owner,
      ownerRange: r.ownerRange,
      ttl: r.ttl,
      ttlSource: r.ttlSource,
      ttlRange: r.ttlRange,
      class: r.class,
      classRange: r.classRange,
      type: r.type,
      typeCode: r.typeCode,
      typeRange: r.typeRange,
      rdata: r.rdata,
      generic: r.generic,
      strings: r.strings?.map((s) => s.value),
      range: r.range,
      lineStart: r.lineStart,
      origin: r.origin,
    })),
    byType: [1, 6, 15, 16].map((t) => m.recordsOfType(t).map((r) => r.range.start)),
    at: [0, Math.floor(m.text.length / 2), m.text.length - 1].map((o) => m.recordAt(o)?.range.start),
    directives: m.directives,
    problems: m.problems,
    origin: m.origin,
    originKnown: m.originKnown,
  };
}
