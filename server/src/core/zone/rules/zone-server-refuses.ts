/**
 * `zone-server-refuses`: text the target server (setting `senderGuard.zone.server`, CLI
 * `check --server`) refuses although BIND and the default checks accept it, so the zone will not
 * load there. The constructs are the dialect points of `../servers.ts` the target refuses and no
 * other rule reports: under Knot DNS, the `zone-portability` constructs (relative origins, classes
 * other than IN, special characters in names, nested parentheses, split base64), CRLF line
 * endings, an SSHFP record without fingerprint, an RRSIG date after 2225, an NSEC3 hash not in
 * whole 8-character blocks, a short L64 group, and kzonecheck's CDS-without-CDNSKEY and
 * NS-beside-DNAME checks; under BIND (the default), NSEC3 hashes padded with '=', SHA-1 NSEC3
 * hashes that are not 20 octets and record data over 65512 octets; under PowerDNS, TXT text
 * without quotes (but for one last word of letters and digits).
 *
 * It looks at the whole zone (some points need several records), so edits in large zones wait
 * for the whole analysis.
 *
 * `data`: `{ construct, servers }` — the dialect point and the target server.
 *
 * Quick fixes: those of `zone-portability` where the portable spelling means the same.
 */
import type { Rule } from '../../rule';
import { findDialectPoints } from '../dialect';
import type { ZoneModel } from '../model';
import { pointsReportedBy, SERVER_NAMES, targetServer } from '../servers';
import { portableSpelling } from './zone-portability';

export const zoneServerRefuses: Rule<ZoneModel> = {
  meta: {
    id: 'zone-server-refuses',
    language: 'zone',
    severity: 'error',
    description: 'The target server (setting zone.server) refuses text that the RFC checks accept, so the zone will not load there.',
  },
  check(model, ctx, report) {
    const target = targetServer(ctx.settings);
    findDialectPoints(model, pointsReportedBy(target, 'zone-server-refuses'), (o) => {
      const message = `${SERVER_NAMES[target]} refuses ${o.what}; the zone will not load there${o.advice ? `. ${o.advice}` : ''}`;
      report({ range: o.range, message, data: { construct: o.point, servers: [target] } });
    });
  },
  fix(model, finding) {
    return portableSpelling(model, finding, 'zone-server-refuses');
  },
};
