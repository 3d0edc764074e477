/**
 * Facts about DNS resource-record types and classes, read by the parser, hover and (later) RDATA
 * validation. Data only: one entry per type, with its number (IANA registry), a short
 * description and the defining RFC.
 */

export interface RRTypeInfo {
  /** Upper-case mnemonic as written in master files. */
  name: string;
  /** Type number. */
  code: number;
  /** One-line description for hover. */
  description: string;
  /** Defining document, e.g. `RFC 1035` (or a draft name). */
  rfc: string;
  /** Section of `rfc` that defines the presentation format, when useful (e.g. `3.3.14`). */
  section?: string;
  /** Extra remark shown in hover. */
  note?: string;
  /** Obsolete or historic: should not appear in new zones. */
  obsolete?: boolean;
  /** Query or meta type: never valid as zone data. */
  meta?: boolean;
  /** The RDATA is a sequence of character-strings only (TXT-like); decoded into `strings`. */
  strings?: boolean;
  /** The RDATA may be empty in presentation format. */
  emptyOk?: boolean;
}

const T = (
  name: string,
  code: number,
  rfc: string,
  description: string,
  extra: Partial<RRTypeInfo> = {},
): RRTypeInfo => ({ name, code, rfc, description, ...extra });

export const RR_TYPES: readonly RRTypeInfo[] = [
  T('A', 1, 'RFC 1035', 'IPv4 address of a host.', { section: '3.4.1' }),
  T('NS', 2, 'RFC 1035', 'Authoritative name server for the zone or a delegated child zone.', { section: '3.3.11' }),
  T('MD', 3, 'RFC 1035', 'Mail destination (obsolete: use MX).', { obsolete: true }),
  T('MF', 4, 'RFC 1035', 'Mail forwarder (obsolete: use MX).', { obsolete: true }),
  T('CNAME', 5, 'RFC 1035', 'Canonical name: this name is an alias of another name. No other data may exist at an alias.', { section: '3.3.1' }),
  T('SOA', 6, 'RFC 1035', 'Start of authority: primary server, responsible mailbox, serial and timers of the zone.', { section: '3.3.13' }),
  T('MB', 7, 'RFC 1035', 'Mailbox domain name (experimental).', { obsolete: true }),
  T('MG', 8, 'RFC 1035', 'Mail group member (experimental).', { obsolete: true }),
  T('MR', 9, 'RFC 1035', 'Mail rename domain name (experimental).', { obsolete: true }),
  T('NULL', 10, 'RFC 1035', 'Null record (experimental; only the generic `\\#` form can express it).'),
  T('WKS', 11, 'RFC 1035', 'Well-known services of a host (historic).', { obsolete: true }),
  T('PTR', 12, 'RFC 1035', 'Domain name pointer, used for reverse lookups (`in-addr.arpa`, `ip6.arpa`).', { section: '3.3.12' }),
  T('HINFO', 13, 'RFC 1035', 'Host information: CPU and operating system (two character-strings).', { section: '3.3.2', strings: true }),
  T('MINFO', 14, 'RFC 1035', 'Mailbox or mail-list information (experimental).'),
  T('MX', 15, 'RFC 1035', 'Mail exchange: preference and host that accepts mail for this name.', {
    section: '3.3.9',
    note: 'A "null MX" (`0 .`, RFC 7505) states that the domain accepts no mail.',
  }),
  T('TXT', 16, 'RFC 1035', 'Text strings. Also carries SPF (RFC 7208), DKIM, DMARC and verification records.', {
    section: '3.3.14',
    strings: true,
    note: 'Each character-string holds at most 255 octets; SPF joins the strings of one record without spaces.',
  }),
  T('RP', 17, 'RFC 1183', 'Responsible person: mailbox and a name holding TXT details.'),
  T('AFSDB', 18, 'RFC 1183', 'AFS database location.'),
  T('X25', 19, 'RFC 1183', 'X.25 PSDN address (historic).', { strings: true }),
  T('ISDN', 20, 'RFC 1183', 'ISDN address (historic).', { strings: true }),
  T('RT', 21, 'RFC 1183', 'Route through (historic).'),
  T('NSAP', 22, 'RFC 1706', 'OSI NSAP address (historic).'),
  T('NSAP-PTR', 23, 'RFC 1706', 'Reverse NSAP lookup (historic).', { obsolete: true }),
  T('SIG', 24, 'RFC 2535', 'Signature (legacy DNSSEC; now only SIG(0), RFC 2931).'),
  T('KEY', 25, 'RFC 2535', 'Public key (legacy; DNSSEC uses DNSKEY, RFC 3755).'),
  T('PX', 26, 'RFC 2163', 'X.400 mail mapping information.'),
  T('GPOS', 27, 'RFC 1712', 'Geographical position (historic; see LOC).'),
  T('AAAA', 28, 'RFC 3596', 'IPv6 address of a host.', { section: '2.2' }),
  T('LOC', 29, 'RFC 1876', 'Geographical location.'),
  T('NXT', 30, 'RFC 2535', 'Next domain (obsolete DNSSEC; replaced by NSEC).', { obsolete: true }),
  T('EID', 31, 'IANA registry', 'Endpoint identifier (Nimrod, historic).'),
  T('NIMLOC', 32, 'IANA registry', 'Nimrod locator (historic).'),
  T('SRV', 33, 'RFC 2782', 'Service location: priority, weight, port and target host.'),
  T('ATMA', 34, 'IANA registry', 'ATM address (ATM Forum).'),
  T('NAPTR', 35, 'RFC 3403', 'Naming authority pointer (rewrite rules, e.g. ENUM, SIP).'),
  T('KX', 36, 'RFC 2230', 'Key exchanger.'),
  T('CERT', 37, 'RFC 4398', 'Certificate or certificate revocation list.'),
  T('A6', 38, 'RFC 2874', 'IPv6 address chain (historic, RFC 6563: use AAAA).', { obsolete: true }),
  T('DNAME', 39, 'RFC 6672', 'Delegation name: redirects the whole subtree below this name.'),
  T('SINK', 40, 'IANA registry', 'Kitchen sink (never standardised).'),
  T('OPT', 41, 'RFC 6891', 'EDNS(0) option pseudo-record (exists only in messages).', { meta: true }),
  T('APL', 42, 'RFC 3123', 'Address prefix list (experimental).', { emptyOk: true }),
  T('DS', 43, 'RFC 4034', 'Delegation signer: digest of a child zone DNSKEY, published in the parent.'),
  T('SSHFP', 44, 'RFC 4255', 'SSH host key fingerprint.'),
  T('IPSECKEY', 45, 'RFC 4025', 'IPsec keying material.'),
  T('RRSIG', 46, 'RFC 4034', 'DNSSEC signature over an RRset.'),
  T('NSEC', 47, 'RFC 4034', 'DNSSEC authenticated denial: next owner name and types present.'),
  T('DNSKEY', 48, 'RFC 4034', 'DNSSEC public key of the zone.'),
  T('DHCID', 49, 'RFC 4701', 'DHCP client identifier.'),
  T('NSEC3', 50, 'RFC 5155', 'DNSSEC hashed authenticated denial.'),
  T('NSEC3PARAM', 51, 'RFC 5155', 'Parameters of the NSEC3 chain.'),
  T('TLSA', 52, 'RFC 6698', 'DANE TLS certificate association.'),
  T('SMIMEA', 53, 'RFC 8162', 'DANE S/MIME certificate association.'),
  T('HIP', 55, 'RFC 8005', 'Host Identity Protocol key and rendezvous servers.'),
  T('NINFO', 56, 'IANA registry', 'Zone status information.', { strings: true }),
  T('RKEY', 57, 'IANA registry', 'Resource key.'),
  T('TALINK', 58, 'IANA registry', 'Trust anchor link.'),
  T('CDS', 59, 'RFC 7344', 'Child copy of DS, for automated DS maintenance in the parent.'),
  T('CDNSKEY', 60, 'RFC 7344', 'Child copy of DNSKEY, for automated DS maintenance in the parent.'),
  T('OPENPGPKEY', 61, 'RFC 7929', 'OpenPGP public key (DANE).'),
  T('CSYNC', 62, 'RFC 7477', 'Child-to-parent synchronisation of NS and glue.'),
  T('ZONEMD', 63, 'RFC 8976', 'Message digest of the whole zone.'),
  T('SVCB', 64, 'RFC 9460', 'Service binding: endpoints and parameters of a service.'),
  T('HTTPS', 65, 'RFC 9460', 'Service binding for HTTPS (ALPN, ECH, address hints).'),
  T('DSYNC', 66, 'draft-ietf-dnsop-generalized-notify', 'Endpoint for generalized NOTIFY (DS/CSYNC updates).'),
  T('HHIT', 67, 'IANA registry (DRIP)', 'Hierarchical Host Identity Tag.'),
  T('BRID', 68, 'IANA registry (DRIP)', 'UAS broadcast remote identifier.'),
  T('SPF', 99, 'RFC 7208', 'SPF record type (discontinued).', {
    section: '3.1',
    strings: true,
    obsolete: true,
    note: 'RFC 7208 §3.1: SPF records MUST be published as TXT; the SPF type is no longer used.',
  }),
  T('UINFO', 100, 'IANA registry', 'User information (reserved).', { obsolete: true }),
  T('UID', 101, 'IANA registry', 'User ID (reserved).', { obsolete: true }),
  T('GID', 102, 'IANA registry', 'Group ID (reserved).', { obsolete: true }),
  T('UNSPEC', 103, 'IANA registry', 'Unspecified (reserved).', { obsolete: true }),
  T('NID', 104, 'RFC 6742', 'ILNP node identifier.'),
  T('L32', 105, 'RFC 6742', 'ILNP 32-bit locator.'),
  T('L64', 106, 'RFC 6742', 'ILNP 64-bit locator.'),
  T('LP', 107, 'RFC 6742', 'ILNP locator pointer.'),
  T('EUI48', 108, 'RFC 7043', 'EUI-48 (MAC) address.'),
  T('EUI64', 109, 'RFC 7043', 'EUI-64 address.'),
  T('NXNAME', 128, 'RFC 9824', 'Non-existent name marker in compact denial (meta type).', { meta: true }),
  T('TKEY', 249, 'RFC 2930', 'Transaction key (meta type).', { meta: true }),
  T('TSIG', 250, 'RFC 8945', 'Transaction signature (meta type).', { meta: true }),
  T('IXFR', 251, 'RFC 1995', 'Incremental zone transfer (query type).', { meta: true }),
  T('AXFR', 252, 'RFC 1035', 'Full zone transfer (query type).', { meta: true }),
  T('MAILB', 253, 'RFC 1035', 'Mailbox-related records (query type).', { meta: true }),
  T('MAILA', 254, 'RFC 1035', 'Mail agent records (query type, obsolete).', { meta: true }),
  T('ANY', 255, 'RFC 8482', 'All records (query type).', { meta: true }),
  T('URI', 256, 'RFC 7553', 'Uniform resource identifier with priority and weight.'),
  T('CAA', 257, 'RFC 8659', 'Certification authority authorization: which CAs may issue certificates.'),
  T('AVC', 258, 'IANA registry', 'Application visibility and control.', { strings: true }),
  T('DOA', 259, 'IANA registry', 'Digital object architecture.'),
  T('AMTRELAY', 260, 'RFC 8777', 'Automatic multicast tunneling relay.'),
  T('RESINFO', 261, 'RFC 9606', 'Resolver information (key=value strings).', { strings: true }),
  T('WALLET', 262, 'IANA registry', 'Public wallet address.', { strings: true }),
  T('CLA', 263, 'IANA registry', 'BP convergence layer adapter.'),
  T('IPN', 264, 'IANA registry', 'BP node number.'),
  T('DELEG', 61440, 'draft-ietf-deleg', 'Delegation with service parameters (experimental, draft).', { emptyOk: true }),
  T('DELEGPARAM', 65433, 'draft-ietf-deleg', 'Parameters for DELEG delegations (experimental, draft).', { emptyOk: true }),
  T('ALIAS', 65401, 'PowerDNS', 'Apex alias resolved by the server (PowerDNS extension; private-use type number).'),
  T('TA', 32768, 'IANA registry', 'DNSSEC trust authority (never standardised).'),
  T('DLV', 32769, 'RFC 4431', 'DNSSEC lookaside validation (historic, RFC 8749).', { obsolete: true }),
];

const BY_NAME = new Map<string, RRTypeInfo>();
const BY_CODE = new Map<number, RRTypeInfo>();
for (const t of RR_TYPES) {
  BY_NAME.set(t.name, t);
  BY_CODE.set(t.code, t);
}

/** Case-insensitive hash of `text[s, e)` (ASCII letters folded to upper case). */
function foldedHash(text: string, s: number, e: number): number {
  let h = e - s;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    h = (h * 31 + (c >= 97 && c <= 122 ? c - 32 : c)) | 0;
  }
  return h;
}

function sameFolded(text: string, s: number, e: number, upper: string): boolean {
  if (e - s !== upper.length) return false;
  for (let i = 0; i < upper.length; i++) {
    const c = text.charCodeAt(s + i);
    if ((c >= 97 && c <= 122 ? c - 32 : c) !== upper.charCodeAt(i)) return false;
  }
  return true;
}

/** Lookup of mnemonics written in a document, without slicing or allocating. */
class FoldedTable<T> {
  private readonly buckets = new Map<number, { key: string; value: T }[]>();

  add(upperKey: string, value: T): void {
    const h = foldedHash(upperKey, 0, upperKey.length);
    const bucket = this.buckets.get(h);
    if (bucket) bucket.push({ key: upperKey, value });
    else this.buckets.set(h, [{ key: upperKey, value }]);
  }

  get(text: string, s: number, e: number): T | undefined {
    const bucket = this.buckets.get(foldedHash(text, s, e));
    if (!bucket) return undefined;
    for (const entry of bucket) if (sameFolded(text, s, e, entry.key)) return entry.value;
    return undefined;
  }
}

/** A class or type mnemonic (or both, for ANY). */
export interface Mnemonic {
  type?: RRTypeInfo;
  cls?: RRClassInfo;
}

const MNEMONICS = new FoldedTable<Mnemonic>();

/** Class or type whose mnemonic is written (in any case) at `text[s, e)`; one lookup for both. */
export function mnemonicAt(text: string, s: number, e: number): Mnemonic | undefined {
  return MNEMONICS.get(text, s, e);
}

/** Type whose mnemonic is written (in any case) at `text[s, e)`. */
export function rrTypeAt(text: string, s: number, e: number): RRTypeInfo | undefined {
  return MNEMONICS.get(text, s, e)?.type;
}

/** Type by upper-case mnemonic. */
export function rrTypeByName(upperName: string): RRTypeInfo | undefined {
  return BY_NAME.get(upperName);
}

export function rrTypeByCode(code: number): RRTypeInfo | undefined {
  return BY_CODE.get(code);
}

/** Meta and query types (RFC 6895 §3.1: 128–255, plus OPT) are never zone data. */
export function isMetaType(code: number): boolean {
  if (code === 41) return true;
  return code >= 128 && code <= 255;
}

/** Link to an RFC (or draft) for hover. */
export function rfcLink(rfc: string, section?: string): string {
  const m = /^RFC (\d+)$/.exec(rfc);
  if (m) {
    const url = `https://www.rfc-editor.org/rfc/rfc${m[1]}${section ? `#section-${section}` : ''}`;
    return `[${rfc}${section ? ` §${section}` : ''}](${url})`;
  }
  if (rfc.startsWith('draft-')) return `[${rfc}](https://datatracker.ietf.org/doc/${rfc}/)`;
  return rfc;
}

export interface RRClassInfo {
  /** Canonical mnemonic. */
  name: string;
  code: number;
  description: string;
  /** Only meaningful in queries and updates, never as zone data. */
  meta?: boolean;
}

export const RR_CLASSES: readonly RRClassInfo[] = [
  { name: 'IN', code: 1, description: 'Internet (RFC 1035). The class of every ordinary zone.' },
  { name: 'CS', code: 2, description: 'CSNET (obsolete, RFC 1035).' },
  { name: 'CH', code: 3, description: 'Chaos (used for server information such as `version.bind`).' },
  { name: 'HS', code: 4, description: 'Hesiod (MIT Athena).' },
  { name: 'NONE', code: 254, description: 'NONE (RFC 2136; updates only).', meta: true },
  { name: 'ANY', code: 255, description: 'ANY (RFC 1035; queries only).', meta: true },
];

const CLASS_ALIASES: Record<string, string> = { CHAOS: 'CH', HESIOD: 'HS' };
const CLASS_BY_NAME = new Map<string, RRClassInfo>();
const CLASS_BY_CODE = new Map<number, RRClassInfo>();
for (const c of RR_CLASSES) {
  CLASS_BY_NAME.set(c.name, c);
  CLASS_BY_CODE.set(c.code, c);
}
for (const [alias, name] of Object.entries(CLASS_ALIASES)) CLASS_BY_NAME.set(alias, CLASS_BY_NAME.get(name)!);

{
  const all = new Map<string, Mnemonic>();
  for (const t of RR_TYPES) all.set(t.name, { type: t });
  // ANY is both a class and a (query) type.
  for (const [name, info] of CLASS_BY_NAME) all.set(name, { ...all.get(name), cls: info });
  for (const [name, m] of all) MNEMONICS.add(name, m);
}

/** Class whose mnemonic is written (in any case) at `text[s, e)`. */
export function rrClassAt(text: string, s: number, e: number): RRClassInfo | undefined {
  return MNEMONICS.get(text, s, e)?.cls;
}

export function rrClassByName(upperName: string): RRClassInfo | undefined {
  return CLASS_BY_NAME.get(upperName);
}

export function rrClassByCode(code: number): RRClassInfo | undefined {
  return CLASS_BY_CODE.get(code);
}
