/**
 * Target servers and their master-file dialects. BIND 9, Knot DNS and PowerDNS read zone files
 * differently on a few points: Knot refuses some text BIND accepts, Knot and PowerDNS accept some
 * text the RFCs (and BIND) forbid. Each such point is one row of `DIALECT_POINTS`, with the
 * servers that refuse it and where the difference shows in the conformance suites. The rules ask
 * this table (`refuses`, `refusers`); no other module names a server.
 *
 * Setting `senderGuard.zone.server` (CLI `check --server`) picks the target:
 * - a point the target refuses and the default rules accept is an error of `zone-server-refuses`;
 * - a point another server refuses and the target accepts is a `zone-portability` warning;
 * - a point the RFC forbids (`reportedBy` names the rule that reports it) stays that rule's error
 *   while the target refuses it too; when the target accepts it, that rule is quiet and
 *   `zone-portability` warns instead.
 */

export type ZoneServer = 'bind' | 'knot' | 'powerdns';

/** The servers, the default (today's behaviour) first. */
export const ZONE_SERVERS: readonly ZoneServer[] = ['bind', 'knot', 'powerdns'];

export const DEFAULT_ZONE_SERVER: ZoneServer = 'bind';

/** How each server is named in messages. */
export const SERVER_NAMES: Record<ZoneServer, string> = { bind: 'BIND', knot: 'Knot DNS', powerdns: 'PowerDNS' };

/** The dialect points a check accepts (the target server's): their problems are noted and the check goes on. */
export type Tolerated = (point: DialectPointId) => boolean;

export function isZoneServer(v: unknown): v is ZoneServer {
  return typeof v === 'string' && (ZONE_SERVERS as readonly string[]).includes(v);
}

export type DialectPointId =
  // Knot refuses, BIND and the RFCs accept (zone-portability's first constructs).
  | 'relative-origin'
  | 'relative-include-origin'
  | 'class'
  | 'name-character'
  | 'nested-parenthesis'
  | 'base64-split'
  // Knot refuses, BIND accepts.
  | 'crlf-line-ending'
  | 'sshfp-empty-fingerprint'
  | 'rrsig-date-after-2225'
  | 'nsec3-hash-partial-block'
  | 'l64-short-group'
  | 'cds-without-cdnskey'
  | 'ns-beside-dname'
  // PowerDNS refuses, BIND and Knot accept.
  | 'txt-unquoted'
  // BIND refuses, Knot accepts.
  | 'nsec3-hash-padding'
  | 'nsec3-owner-padding'
  | 'nsec3-sha1-hash-length'
  | 'rdata-over-message'
  // The RFCs and BIND refuse, Knot and/or PowerDNS accept.
  | 'txt-string-over-255'
  | 'missing-ttl'
  | 'loc-latitude-over-90'
  | 'loc-missing-altitude'
  | 'loc-seconds-60'
  | 'ipseckey-missing-gateway'
  | 'svcb-mandatory-absent-key'
  | 'svcb-no-default-alpn-alone'
  | 'svcb-alpn-id-over-255'
  | 'svcb-dohpath-unchecked'
  | 'svcb-key-leading-zero'
  | 'short-decimal-escape'
  | 'zonemd-digest-length'
  | 'tsig-tkey-record';

export interface DialectPoint {
  id: DialectPointId;
  /** One line: the construct. */
  description: string;
  /** The servers that refuse to load a zone holding it. */
  refusedBy: readonly ZoneServer[];
  /** How a server that accepts what the RFC forbids takes it. */
  acceptedAs?: Partial<Record<ZoneServer, string>>;
  /** The RFC's position. */
  rfc: string;
  /** Where the difference shows (conformance suites, vectors). */
  evidence: string;
  /**
   * The rule that reports the construct as an error under the default target (the RFC forbids
   * it); it stays quiet when the target accepts the construct. Unset: the default rules accept
   * it, and `zone-server-refuses` reports it when the target refuses it.
   */
  reportedBy?: 'zone-txt-too-long' | 'zone-bad-rdata' | 'zone-missing-ttl' | 'zone-syntax';
  /** `'zone'`: found from the whole zone (several records, or the file); else on one record. */
  scope: 'record' | 'zone';
  /** `'check'`: a semantic check (kzonecheck), not the zone scanner. Default: the scanner/parser. */
  stage?: 'check';
}

const KNOT: readonly ZoneServer[] = ['knot'];
const BIND: readonly ZoneServer[] = ['bind'];
const BIND_KNOT: readonly ZoneServer[] = ['bind', 'knot'];

export const DIALECT_POINTS: readonly DialectPoint[] = [
  {
    id: 'relative-origin',
    description: 'a relative $ORIGIN (BIND appends it to the current origin)',
    refusedBy: KNOT,
    rfc: 'RFC 1035 §5.1 allows a relative domain name here',
    evidence: "Knot libzscanner 04_ORIGIN ('relative origin' cases)",
    scope: 'record',
  },
  {
    id: 'relative-include-origin',
    description: 'a relative origin on $INCLUDE',
    refusedBy: KNOT,
    rfc: 'RFC 1035 §5.1 allows a relative domain name here',
    evidence: 'Knot libzscanner 06_INCLUDE',
    scope: 'record',
  },
  {
    id: 'class',
    description: 'a class written other than IN (CH, HS, CLASS1…)',
    refusedBy: KNOT,
    rfc: 'RFC 1035 §5.1 and RFC 3597 §5 allow any class',
    evidence: 'Knot libzscanner 02_class',
    scope: 'record',
  },
  {
    id: 'name-character',
    description: "a character other than letters, digits and '-_/*' left unescaped in a domain name",
    refusedBy: KNOT,
    rfc: 'RFC 1035 §5.1 allows any character but the delimiters in a name',
    evidence: 'Knot libzscanner 01_owner',
    scope: 'record',
  },
  {
    id: 'nested-parenthesis',
    description: 'a parenthesis opened inside another',
    refusedBy: KNOT,
    rfc: 'RFC 1035 §5.1 does not forbid it; BIND counts the parentheses',
    evidence: 'Knot libzscanner 00_general',
    scope: 'record',
  },
  {
    id: 'base64-split',
    description: 'base64 data split inside a 4-character block',
    refusedBy: KNOT,
    rfc: 'RFC 4034 §2.2 and §3.2 let base64 contain whitespace',
    evidence: 'Knot libzscanner 29_DNSKEY',
    scope: 'record',
  },
  {
    id: 'crlf-line-ending',
    description: 'CRLF (DOS) line endings',
    refusedBy: KNOT,
    rfc: 'RFC 1035 §5.1 names no line-ending convention; BIND reads CRLF',
    evidence: 'Knot libzscanner 00-2_general (ZS_DOS_NEWLINE)',
    scope: 'zone',
  },
  {
    id: 'sshfp-empty-fingerprint',
    description: 'an SSHFP record with no fingerprint (fingerprint type 0)',
    refusedBy: KNOT,
    rfc: 'RFC 4255 §3.2 gives the fingerprint no minimum length',
    evidence: "Knot libzscanner 34_SSHFP ('Missing item', ZS_BAD_HEX_CHAR); BIND's RDATA vectors list '0 0' as valid",
    scope: 'record',
  },
  {
    id: 'rrsig-date-after-2225',
    description: 'an RRSIG date (YYYYMMDDHHmmSS) after the year 2225',
    refusedBy: KNOT,
    rfc: 'RFC 4034 §3.2 reduces the date modulo 2^32 (serial arithmetic)',
    evidence: "Knot libzscanner 36_RRSIG ('Date overflow', ZS_BAD_DATE; 22251231235959 is its largest date)",
    scope: 'record',
  },
  {
    id: 'nsec3-hash-partial-block',
    description: 'an unpadded NSEC3 next hashed owner name that does not fill whole 8-character base32hex blocks',
    refusedBy: KNOT,
    rfc: 'RFC 5155 §3.3 writes the hash in unpadded base32hex',
    evidence: "Knot libzscanner 39_NSEC3 ('Continuous block length must be multiple of 8'); BIND and dnspython accept such hashes",
    scope: 'record',
  },
  {
    id: 'nsec3-hash-padding',
    description: "an NSEC3 next hashed owner name padded with '='",
    refusedBy: BIND,
    rfc: 'RFC 5155 §3.3 writes the hash in base32hex without padding',
    evidence: "BIND checkzone bad-nsec3-padded.db ('bad base32 encoding'); Knot libzscanner 39_NSEC3 lists 'CPNMU===' as valid",
    scope: 'record',
  },
  {
    id: 'nsec3-owner-padding',
    description: "an NSEC3 owner whose first label (the hash) is padded with '='",
    refusedBy: BIND,
    rfc: 'RFC 5155 §3 writes the hashed owner label in base32hex without padding',
    evidence: "BIND checkzone bad-nsec3owner-padded.db ('bad owner name (check-names)'); Knot refuses the unescaped '=' itself (name-character)",
    scope: 'record',
  },
  {
    id: 'nsec3-sha1-hash-length',
    description: 'an NSEC3 of hash algorithm 1 (SHA-1) whose next hashed owner name is not 20 octets',
    refusedBy: BIND,
    rfc: 'RFC 5155 §3.1.7 stores the hash with its length (1 to 255 octets); a SHA-1 hash (§5) is 20 octets',
    evidence: "BIND checkzone bad-nsec3-length.db ('out of range' for 14 octets); named-checkzone 9.18 refuses every length but 20 under algorithm 1 and any length under other algorithms; Knot accepts 10 octets; dnspython's example zone has a 4-octet one",
    scope: 'record',
  },
  {
    id: 'rdata-over-message',
    description: 'record data over 65512 octets, more than a DNS message can carry beside its header and the record',
    refusedBy: BIND,
    rfc: 'RFC 1035 §3.2.1 allows RDLENGTH up to 65535, but a message holds at most 65535 octets in all (RFC 1035 §4.2.2 over TCP)',
    evidence: 'BIND master loader master15.data (65513 octets: ISC_R_NOSPACE) and master16.data (65512 octets: loads)',
    scope: 'record',
  },
  {
    id: 'l64-short-group',
    description: 'an L64 locator group of fewer than 4 hex digits',
    refusedBy: KNOT,
    rfc: 'RFC 6742 §2.3 writes the locator as four groups of hex digits, like an IPv6 address (leading zeros optional there)',
    evidence: "Knot libzscanner 47_L64 ('Missing hex character'); BIND's RDATA vectors accept short groups",
    scope: 'record',
  },
  {
    id: 'cds-without-cdnskey',
    description: 'CDS without CDNSKEY at the apex, or CDNSKEY without CDS',
    refusedBy: KNOT,
    rfc: 'RFC 7344 §4 lets the child publish either or both',
    evidence: 'Knot semantic checks cdnskey.nocds and cdnskey.nocdnskey (kzonecheck); named-checkzone loads good-cds.db and good-cdnskey.db',
    scope: 'zone',
    stage: 'check',
  },
  {
    id: 'ns-beside-dname',
    description: 'NS records beside a DNAME below the apex',
    refusedBy: KNOT,
    rfc: 'RFC 6672 §2.3 forbids only CNAME and other DNAMEs at a DNAME owner',
    evidence: "Knot semantic check dname_extra_ns.zone (kzonecheck); BIND's checkzone good1.db has one",
    scope: 'zone',
    stage: 'check',
  },
  {
    id: 'txt-unquoted',
    description: 'a TXT or SPF string written without quotes that is not one last word of letters and digits',
    refusedBy: ['powerdns'],
    rfc: 'RFC 1035 §5.1 allows a character-string without quotes (a word without blanks)',
    evidence: "PowerDNS RDATA vectors (bad TXT #19, the unquoted '\\02unlimited'); its record reader quotes a bare word of letters and digits at the end and refuses any other unquoted text",
    scope: 'record',
  },
  {
    id: 'txt-string-over-255',
    description: 'a TXT character-string over 255 octets',
    refusedBy: ['bind'],
    acceptedAs: { knot: 'splits it into strings of at most 255 octets', powerdns: 'splits it into strings of at most 255 octets' },
    rfc: 'RFC 1035 §3.3: a character-string holds at most 255 octets',
    evidence: 'Knot libzscanner 12_TXT (256-octet strings accepted); PowerDNS RDATA vectors (TXT #24) and regression zones addzone.com, test.com, test.dyndns.orig',
    reportedBy: 'zone-txt-too-long',
    scope: 'record',
  },
  {
    id: 'missing-ttl',
    description: 'records with no TTL at all (no $TTL, no earlier TTL, none written)',
    refusedBy: ['bind', 'powerdns'],
    acceptedAs: { knot: "gives it the zone's default TTL (Knot's default-ttl, 3600 unless configured)" },
    rfc: 'RFC 2308 §4 expects $TTL; RFC 1035 has no default',
    evidence: 'Knot semantic checks soa.nonfirst and soa.relative load (kzonecheck); the value 3600 is the documented default of default-ttl, not shown by the suites; PowerDNS is assumed to refuse them (no vector)',
    reportedBy: 'zone-missing-ttl',
    scope: 'record',
  },
  {
    id: 'loc-latitude-over-90',
    description: "a LOC coordinate beyond 90° (latitude) or 180° (longitude) in total, e.g. 90 59 59.999",
    refusedBy: ['bind', 'powerdns'],
    acceptedAs: { knot: 'checks degrees, minutes and seconds each on its own' },
    rfc: 'RFC 1876 §2 limits latitude to 90° and longitude to 180°',
    evidence: "Knot libzscanner 42_LOC ('Maximal values'); PowerDNS is assumed to refuse it (no vector)",
    reportedBy: 'zone-bad-rdata',
    scope: 'record',
  },
  {
    id: 'loc-missing-altitude',
    description: 'a LOC record without its altitude',
    refusedBy: BIND_KNOT,
    acceptedAs: { powerdns: 'reads the altitude as 0 m' },
    rfc: 'RFC 1876 §3 requires the altitude',
    evidence: 'PowerDNS RDATA vectors (LOC #36)',
    reportedBy: 'zone-bad-rdata',
    scope: 'record',
  },
  {
    id: 'loc-seconds-60',
    description: 'LOC seconds of 60 or more',
    refusedBy: BIND_KNOT,
    acceptedAs: { powerdns: 'adds them to the minutes' },
    rfc: 'RFC 1876 §3 allows 0–59.999 seconds',
    evidence: 'PowerDNS RDATA vectors (LOC #42, 60.000 seconds)',
    reportedBy: 'zone-bad-rdata',
    scope: 'record',
  },
  {
    id: 'ipseckey-missing-gateway',
    description: "IPSECKEY gateway type 0 without the '.' gateway",
    refusedBy: BIND_KNOT,
    acceptedAs: { powerdns: 'reads no gateway field for type 0' },
    rfc: "RFC 4025 §3.1 requires the gateway field, '.' for type 0",
    evidence: 'PowerDNS RDATA vectors (IPSECKEY #78, #79)',
    reportedBy: 'zone-bad-rdata',
    scope: 'record',
  },
  {
    id: 'svcb-mandatory-absent-key',
    description: 'SVCB/HTTPS mandatory= naming a key the record does not give',
    refusedBy: BIND_KNOT,
    acceptedAs: { powerdns: 'keeps the list as written' },
    rfc: 'RFC 9460 §8: every key listed in mandatory must be present',
    evidence: 'PowerDNS RDATA vectors (SVCB #121)',
    reportedBy: 'zone-bad-rdata',
    scope: 'record',
  },
  {
    id: 'svcb-no-default-alpn-alone',
    description: 'SVCB/HTTPS no-default-alpn without alpn',
    refusedBy: ['bind'],
    acceptedAs: { knot: 'keeps the record as written', powerdns: 'keeps the record as written' },
    rfc: 'RFC 9460 §7.1.1: no-default-alpn requires alpn',
    evidence: 'Knot libzscanner 57_SVCB (line 14); PowerDNS RDATA vectors (SVCB #122) and regression zone example.com',
    reportedBy: 'zone-bad-rdata',
    scope: 'record',
  },
  {
    id: 'svcb-alpn-id-over-255',
    description: 'an SVCB/HTTPS alpn protocol id over 255 octets',
    refusedBy: BIND_KNOT,
    acceptedAs: { powerdns: 'keeps the id as written' },
    rfc: 'RFC 9460 §7.1: an alpn id is at most 255 octets',
    evidence: 'PowerDNS RDATA vectors (SVCB #124, a 256-octet id)',
    reportedBy: 'zone-bad-rdata',
    scope: 'record',
  },
  {
    id: 'svcb-dohpath-unchecked',
    description: 'an SVCB/HTTPS dohpath that is not a relative URI template with the dns variable',
    refusedBy: BIND_KNOT,
    acceptedAs: { powerdns: 'does not check dohpath' },
    rfc: 'RFC 9461 §5 requires a relative URI template with the dns variable',
    evidence: 'PowerDNS RDATA vectors (SVCB #151, dohpath="path"); Knot is assumed to refuse it (no vector)',
    reportedBy: 'zone-bad-rdata',
    scope: 'record',
  },
  {
    id: 'zonemd-digest-length',
    description: 'a ZONEMD digest of the wrong length for its hash algorithm',
    refusedBy: BIND_KNOT,
    acceptedAs: { powerdns: 'loads the record (the digest then fails verification)' },
    rfc: 'RFC 8976 §2.2.4: SHA-384 digests are 48 octets, SHA-512 digests 64',
    evidence: 'PowerDNS regression zones zonemd-allunsup.zone, zonemd-sha512.zone, zonemd3.zone; Knot is assumed to refuse it (its 56_ZONEMD vectors use only algorithm 0)',
    reportedBy: 'zone-bad-rdata',
    scope: 'record',
  },
  {
    id: 'svcb-key-leading-zero',
    description: 'an SVCB/HTTPS parameter key keyNNNNN written with leading zeros (key0998)',
    refusedBy: BIND_KNOT,
    acceptedAs: { powerdns: 'reads the number (key0998 is key998; an assumption, no vector shows the data)' },
    rfc: 'RFC 9460 §2.1 writes keyNNNNN as the decimal key number without leading zeros',
    evidence: "PowerDNS regression zone example.com (key00997, key0998), which PowerDNS serves; BIND's svc_keyfromregion refuses zero padding; Knot's refusal is an assumption (no vector)",
    reportedBy: 'zone-bad-rdata',
    scope: 'record',
  },
  {
    id: 'short-decimal-escape',
    description: 'a backslash followed by one or two digits (\\2) instead of \\DDD',
    refusedBy: BIND_KNOT,
    acceptedAs: { powerdns: 'loads the record (how it reads the escape is an assumption: no vector shows the data)' },
    rfc: 'RFC 1035 §5.1: \\X escapes a non-digit, \\DDD is exactly three digits',
    evidence: "PowerDNS regression zone unit.test (NAPTR regexp '\\2'), which PowerDNS serves; BIND refuses it (DNS_R_SYNTAX); Knot's refusal is an assumption (no vector)",
    reportedBy: 'zone-syntax',
    scope: 'record',
  },
  {
    id: 'tsig-tkey-record',
    description: 'a TSIG or TKEY record (meta types that exist only in messages)',
    refusedBy: BIND_KNOT,
    acceptedAs: { powerdns: 'parses the record like any other' },
    rfc: 'RFC 6895 §3.1: TSIG and TKEY are meta types, never zone data',
    evidence: 'PowerDNS RDATA vectors (TKEY #168, TSIG #169, #170)',
    reportedBy: 'zone-syntax',
    scope: 'record',
  },
];

const BY_ID = new Map(DIALECT_POINTS.map((p) => [p.id, p]));

export function dialectPoint(id: DialectPointId): DialectPoint {
  return BY_ID.get(id)!;
}

/** The target server refuses to load a zone holding the construct. */
export function refuses(server: ZoneServer, point: DialectPointId): boolean {
  return BY_ID.get(point)?.refusedBy.includes(server) ?? false;
}

/** The servers that refuse the construct. */
export function refusers(point: DialectPointId): ZoneServer[] {
  return [...(BY_ID.get(point)?.refusedBy ?? [])];
}

/** Server names for a message: "Knot DNS", "BIND and Knot DNS". */
export function serverList(servers: readonly ZoneServer[]): string {
  const names = servers.map((s) => SERVER_NAMES[s]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The rule that reports the construct under `server` (undefined: nobody does).
 * - the default rules report it (`reportedBy`) while the target refuses it;
 * - `zone-server-refuses` when the target refuses what the default rules accept;
 * - `zone-portability` when the target accepts it and another server refuses it.
 */
export function reportingRule(server: ZoneServer, id: DialectPointId): 'zone-server-refuses' | 'zone-portability' | DialectPoint['reportedBy'] | undefined {
  const p = BY_ID.get(id);
  if (!p) return undefined;
  if (p.refusedBy.includes(server)) return p.reportedBy ?? 'zone-server-refuses';
  return p.refusedBy.length > 0 ? 'zone-portability' : undefined;
}

const reportedCache = new Map<string, ReadonlySet<DialectPointId>>();

/**
 * The points `rule` reports under `server` (see `reportingRule`); with `scope`, only the points of
 * that scope (a rule that judges each record on its own asks for `'record'`).
 */
export function pointsReportedBy(server: ZoneServer, rule: 'zone-server-refuses' | 'zone-portability', scope?: DialectPoint['scope']): ReadonlySet<DialectPointId> {
  const key = `${server} ${rule} ${scope ?? ''}`;
  let points = reportedCache.get(key);
  if (!points) {
    points = new Set(DIALECT_POINTS.filter((p) => (!scope || p.scope === scope) && reportingRule(server, p.id) === rule).map((p) => p.id));
    reportedCache.set(key, points);
  }
  return points;
}

/** The target server named in the settings (the default when unset). */
export function targetServer(settings: { zone?: { server?: unknown } } | undefined): ZoneServer {
  const s = settings?.zone?.server;
  return isZoneServer(s) ? s : DEFAULT_ZONE_SERVER;
}
