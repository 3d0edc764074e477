/**
 * `zone-portability`: master-file text the target server (setting `senderGuard.zone.server`,
 * BIND by default) accepts but another server refuses, so the zone stops loading when it moves
 * there. The constructs are the dialect points of `../servers.ts` that some server refuses and the
 * target accepts, each reported once where it is written. Under BIND, Knot DNS's refusals: a
 * relative `$ORIGIN` or `$INCLUDE` origin, a class written other than `IN`, a character outside
 * letters, digits and `-_/*` left unescaped in a domain name, a parenthesis opened inside another,
 * base64 split inside a 4-character block, an SSHFP record without fingerprint, an RRSIG date after
 * 2225, an NSEC3 hash not in whole 8-character blocks, a short L64 group; and PowerDNS's: TXT
 * text without quotes (but for one last word of letters and digits). Under Knot DNS or PowerDNS,
 * also what the target accepts against the RFCs (a TXT string over 255 octets, LOC, SVCB,
 * IPSECKEY, ZONEMD and TSIG/TKEY points, SVCB keys with leading zeros, one-digit escapes), which
 * the rule that refuses it under BIND then leaves to this one. Points found only from the whole zone (CRLF line endings, CDS without CDNSKEY, NS beside
 * a DNAME) are not reported here: the rule judges each record on its own.
 *
 * `data`: `{ construct, servers }` — the dialect point and the servers that refuse it.
 *
 * Quick fixes, where the portable spelling means the same: the absolute origin for a relative
 * one, a backslash before an ASCII character, `IN` for `CLASS1`, quotes around bare TXT strings.
 */
import type { Rule } from '../../rule';
import type { Finding, QuickFix } from '../../types';
import { findDialectPoints } from '../dialect';
import type { ZoneModel } from '../model';
import { uncachedRdata } from '../store';
import { dialectPoint, pointsReportedBy, refusers, SERVER_NAMES, serverList, targetServer, type DialectPointId, type ZoneServer } from '../servers';

export const zonePortability: Rule<ZoneModel> = {
  meta: {
    id: 'zone-portability',
    scope: 'record',
    language: 'zone',
    severity: 'warning',
    description: 'Master-file text the target server (BIND by default) accepts but another server (Knot DNS, PowerDNS, BIND) refuses to load.',
  },
  check(model, ctx, report) {
    const target = targetServer(ctx.settings);
    findDialectPoints(model, pointsReportedBy(target, 'zone-portability', 'record'), (o) => {
      const servers = refusers(o.point).filter((s) => s !== target);
      const verb = servers.length === 1 ? 'refuses' : 'refuse';
      const accepted = o.accepted ?? dialectAcceptance(target, o.point);
      const message = `${serverList(servers)} ${verb} ${o.what}; ${SERVER_NAMES[target]} ${accepted}${o.advice ? `. ${o.advice}` : ''}`;
      report({ range: o.range, message, data: { construct: o.point, servers } });
    });
  },
  fix(model, finding) {
    return portableSpelling(model, finding, 'zone-portability');
  },
};

/** How the target takes a point the RFC forbids (the table's words), else "accepts it". */
function dialectAcceptance(target: ZoneServer, point: DialectPointId): string {
  return dialectPoint(point).acceptedAs?.[target] ?? 'accepts it';
}

/** `token` made absolute as `absoluteName` (canonical), keeping the case the token is written in. */
function absoluteSpelling(token: string, absoluteName: string): string {
  const lower = token.toLowerCase();
  return absoluteName.startsWith(lower + '.') ? token + absoluteName.slice(token.length) : absoluteName;
}

/** The portable spelling of a dialect-point finding, where it means the same (shared with zone-server-refuses). */
export function portableSpelling(model: ZoneModel, finding: Finding, rule: string): QuickFix[] {
  const { start, end } = finding.range;
  if (end <= start || end > model.text.length) return [];
  const construct = (finding.data as { construct?: DialectPointId } | undefined)?.construct;
  const written = model.text.slice(start, end);
  const fix = (title: string, newText: string): QuickFix[] => [{ title, rule, edits: [{ range: { start, end }, newText }], preferred: true }];
  if (construct === 'relative-origin' || construct === 'relative-include-origin') {
    for (const d of model.directives) {
      const name = d.kind === 'origin' && d.nameRange?.start === start ? d.name : d.kind === 'include' && d.originRange?.start === start ? d.origin : undefined;
      if (name) {
        const spelled = absoluteSpelling(written, name);
        return fix(`Write the absolute name ${spelled}`, spelled);
      }
    }
    return [];
  }
  if (construct === 'name-character' && end - start === 1 && written.charCodeAt(0) < 128) {
    return fix(`Escape '${written}' as \\${written}`, `\\${written}`);
  }
  if (construct === 'class' && /^CLASS0*1$/i.test(written)) return fix('Write IN', 'IN');
  if (construct === 'txt-unquoted') {
    const r = model.recordAt(start);
    const bare = r ? uncachedRdata(r).filter((t) => !t.quoted) : [];
    if (!bare.some((t) => t.range.start === start)) return [];
    const edits = bare.map((t) => ({ range: t.range, newText: `"${t.text}"` }));
    return [{ title: 'Write the strings in double quotes', rule, edits, preferred: true }];
  }
  return [];
}
