/**
 * `zone-include-ttl`: an `$INCLUDE`d file sets `$TTL`, and records after the directive rely on the
 * default TTL. BIND keeps the TTL state of an included file after it ends (only the origin and
 * the current owner are restored), so those records get the included file's default; Knot DNS
 * restores the including file's default, as Sender Guard does. The zone then loads with different
 * TTLs on the two servers.
 *
 * Quick fix (when a `$TTL` was in effect before the directive): write that `$TTL` again right
 * after the `$INCLUDE`, so every server gives the records after it the TTL they get here.
 *
 * Not covered: a last TTL (no `$TTL` anywhere) carried back from the included file's records, and
 * `$TTL` set in files the included file includes.
 */
import type { Rule } from '../../rule';
import type { IncludeDirective, ZoneModel } from '../model';
import { formatDuration } from '../ttl';

interface Difference {
  directive: IncludeDirective;
  file: string;
  /** The default TTL the included file leaves (BIND's, after the directive). */
  carried: number;
  /** The default TTL in effect before the directive (undefined: none). */
  own?: number;
  /** Records after the directive, up to the next `$TTL`, without a TTL of their own. */
  affected: number;
}

function differences(model: ZoneModel): Difference[] {
  const out: Difference[] = [];
  for (const inc of model.includes ?? []) {
    const ttls = inc.model?.directives.filter((d) => d.kind === 'ttl' && d.ttl !== undefined) ?? [];
    if (ttls.length === 0) continue;
    const carried = (ttls[ttls.length - 1] as { ttl: number }).ttl;
    const d = inc.directive;
    const own = d.state?.defaultTtl;
    if (carried === own) continue;
    const next = model.directives.find((x) => x.kind === 'ttl' && x.range.start > d.range.start);
    const end = next ? next.recordIndex : model.recordCount;
    let affected = 0;
    const records = model.records;
    for (let i = d.recordIndex; i < end; i++) if (records[i].ttlSource !== 'explicit') affected++;
    if (affected > 0) out.push({ directive: d, file: d.file ?? '', carried, own, affected });
  }
  return out;
}

const seconds = (ttl: number): string => `${ttl}${ttl >= 60 ? ` (${formatDuration(ttl)})` : ''}`;

export const zoneIncludeTtl: Rule<ZoneModel> = {
  meta: {
    id: 'zone-include-ttl',
    language: 'zone',
    severity: 'warning',
    description: 'An $INCLUDEd file sets $TTL: BIND keeps it after the $INCLUDE, Knot DNS does not, so later records load with different TTLs.',
  },
  check(model, _ctx, report) {
    for (const x of differences(model)) {
      const records = x.affected === 1 ? 'the record after it without a TTL of its own gets' : `the ${x.affected} records after it without a TTL of their own get`;
      const knot = x.own === undefined ? 'the TTL of the record before them' : seconds(x.own);
      const advice = x.own === undefined ? 'Give them a TTL, or write $TTL after the $INCLUDE' : `Write $TTL ${x.own} after the $INCLUDE so every server loads the same TTLs`;
      report({
        range: x.directive.keywordRange,
        message: `'${x.file}' sets $TTL ${seconds(x.carried)}, which BIND keeps after this $INCLUDE: ${records} ${seconds(x.carried)} on BIND but ${knot} on Knot DNS and here. ${advice}`,
        data: { carried: x.carried, own: x.own ?? null },
      });
    }
  },
  fix(model, finding) {
    const x = differences(model).find((d) => d.directive.keywordRange.start === finding.range.start);
    if (!x || x.own === undefined) return [];
    const lines = model.lines;
    const line = lines.positionAt(x.directive.range.end).line;
    const at = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : model.text.length;
    const newline = at === model.text.length && !/[\r\n]$/.test(model.text) ? '\n' : '';
    return [
      {
        title: `Write $TTL ${x.own} after the $INCLUDE`,
        rule: 'zone-include-ttl',
        edits: [{ range: { start: at, end: at }, newText: `${newline}$TTL ${x.own}\n` }],
        preferred: true,
      },
    ];
  },
};
