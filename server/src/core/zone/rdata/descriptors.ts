/**
 * The presentation format of each record type's RDATA, as data: an ordered list of fields (name
 * and kind), optionally followed by one field that takes the remaining tokens. Types with a
 * grammar that does not fit (LOC, SVCB parameters) name a special checker.
 */
import type { FieldKind, RestKind } from './fields';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
}

export interface RestSpec {
  name: string;
  kind: RestKind;
  /** The remaining tokens may be absent. */
  optional?: boolean;
}

export interface RdataDescriptor {
  fields: FieldSpec[];
  rest?: RestSpec;
  /** A checker of its own for the whole RDATA (`loc`). */
  special?: 'loc' | 'amtrelay' | 'ipseckey';
  /** Only the RFC 3597 generic form can express the data (NULL). */
  genericOnly?: boolean;
}

const f = (name: string, kind: FieldKind): FieldSpec => ({ name, kind });
const D = (fields: FieldSpec[], rest?: RestSpec): RdataDescriptor => ({ fields, rest });

const dsLike = D([f('key tag', 'u16'), f('algorithm', 'algorithm'), f('digest type', 'u8')], { name: 'digest', kind: 'hex' });
const keyLike = D([f('flags', 'keyFlags'), f('protocol', 'u8'), f('algorithm', 'algorithm')], { name: 'public key', kind: 'base64' });
const tlsaLike = D([f('certificate usage', 'u8'), f('selector', 'u8'), f('matching type', 'u8')], {
  name: 'certificate association data',
  kind: 'hex',
});
const svcbLike = D([f('priority', 'u16'), f('target', 'name')], { name: 'parameters', kind: 'svcParams', optional: true });

export const RDATA: Readonly<Record<string, RdataDescriptor>> = {
  A: D([f('address', 'ipv4')]),
  AAAA: D([f('address', 'ipv6')]),
  NS: D([f('name server', 'name')]),
  CNAME: D([f('target', 'name')]),
  DNAME: D([f('target', 'name')]),
  PTR: D([f('target', 'name')]),
  MB: D([f('mailbox host', 'name')]),
  MD: D([f('host', 'name')]),
  MF: D([f('host', 'name')]),
  MG: D([f('mailbox', 'name')]),
  MR: D([f('mailbox', 'name')]),
  SOA: D([
    f('primary server', 'name'),
    f('mailbox', 'name'),
    f('serial', 'u32'),
    f('refresh', 'ttl'),
    f('retry', 'ttl'),
    f('expire', 'ttl'),
    f('minimum', 'ttl'),
  ]),
  MX: D([f('preference', 'u16'), f('exchange', 'name')]),
  KX: D([f('preference', 'u16'), f('exchanger', 'name')]),
  RT: D([f('preference', 'u16'), f('intermediate host', 'name')]),
  AFSDB: D([f('subtype', 'u16'), f('hostname', 'name')]),
  LP: D([f('preference', 'u16'), f('locator name', 'name')]),
  TXT: D([], { name: 'text', kind: 'strings' }),
  SPF: D([], { name: 'text', kind: 'strings' }),
  HINFO: D([f('CPU', 'string'), f('OS', 'string')]),
  MINFO: D([f('responsible mailbox', 'name'), f('error mailbox', 'name')]),
  RP: D([f('mailbox', 'name'), f('TXT name', 'name')]),
  SRV: D([f('priority', 'u16'), f('weight', 'u16'), f('port', 'u16'), f('target', 'name')]),
  NAPTR: D([
    f('order', 'u16'),
    f('preference', 'u16'),
    f('flags', 'string'),
    f('services', 'string'),
    f('regexp', 'string'),
    f('replacement', 'name'),
  ]),
  CAA: D([f('flags', 'u8'), f('tag', 'caaTag'), f('value', 'string')]),
  URI: D([f('priority', 'u16'), f('weight', 'u16'), f('target', 'string')]),
  TLSA: tlsaLike,
  SMIMEA: tlsaLike,
  SSHFP: D([f('algorithm', 'u8'), f('fingerprint type', 'u8')], { name: 'fingerprint', kind: 'hex', optional: true }),
  DS: dsLike,
  CDS: dsLike,
  DLV: dsLike,
  TA: dsLike,
  DNSKEY: keyLike,
  CDNSKEY: keyLike,
  KEY: keyLike,
  RRSIG: D(
    [
      f('type covered', 'type'),
      f('algorithm', 'algorithm'),
      f('labels', 'u8'),
      f('original TTL', 'u32'),
      f('expiration', 'time'),
      f('inception', 'time'),
      f('key tag', 'u16'),
      f("signer's name", 'name'),
    ],
    { name: 'signature', kind: 'base64' },
  ),
  NSEC: D([f('next name', 'name')], { name: 'type bitmap', kind: 'types', optional: true }),
  NSEC3: D(
    [f('hash algorithm', 'u8'), f('flags', 'u8'), f('iterations', 'u16'), f('salt', 'hexOrDash'), f('next hashed owner', 'base32hex')],
    { name: 'type bitmap', kind: 'types', optional: true },
  ),
  NSEC3PARAM: D([f('hash algorithm', 'u8'), f('flags', 'u8'), f('iterations', 'u16'), f('salt', 'hexOrDash')]),
  CSYNC: D([f('SOA serial', 'u32'), f('flags', 'u16')], { name: 'type bitmap', kind: 'types', optional: true }),
  OPENPGPKEY: D([], { name: 'public key', kind: 'base64' }),
  DHCID: D([], { name: 'identifier', kind: 'base64' }),
  CERT: D([f('certificate type', 'certType'), f('key tag', 'u16'), f('algorithm', 'algorithm')], { name: 'certificate', kind: 'base64' }),
  ZONEMD: D([f('serial', 'u32'), f('scheme', 'u8'), f('hash algorithm', 'u8')], { name: 'digest', kind: 'hex' }),
  SVCB: svcbLike,
  HTTPS: svcbLike,
  EUI48: D([f('address', 'eui48')]),
  EUI64: D([f('address', 'eui64')]),
  NID: D([f('preference', 'u16'), f('node identifier', 'ilnp64')]),
  L64: D([f('preference', 'u16'), f('locator', 'ilnp64')]),
  L32: D([f('preference', 'u16'), f('locator', 'ipv4')]),
  LOC: { fields: [], special: 'loc' },
  AMTRELAY: { fields: [], special: 'amtrelay' },
  IPSECKEY: { fields: [], special: 'ipseckey' },
  ALIAS: D([f('target', 'name')]),
  DOA: D([f('enterprise', 'u32'), f('type', 'u32'), f('location', 'u8'), f('media type', 'string')], { name: 'data', kind: 'base64OrDash' }),
  DSYNC: D([f('type', 'type'), f('scheme', 'dsyncScheme'), f('port', 'u16'), f('target', 'name')]),
  EID: D([], { name: 'endpoint identifier', kind: 'hex' }),
  NIMLOC: D([], { name: 'locator', kind: 'hex' }),
  HHIT: D([], { name: 'data', kind: 'base64' }),
  BRID: D([], { name: 'data', kind: 'base64' }),
  APL: D([], { name: 'address prefixes', kind: 'apl', optional: true }),
  ATMA: D([f('address', 'atma')]),
  NSAP: D([f('address', 'nsap')]),
  NULL: { fields: [], genericOnly: true },
  // IANA-reserved types with no defined presentation format: only the generic form (RFC 3597 §5).
  UINFO: { fields: [], genericOnly: true },
  UID: { fields: [], genericOnly: true },
  GID: { fields: [], genericOnly: true },
  UNSPEC: { fields: [], genericOnly: true },
  DELEG: D([], { name: 'parameters', kind: 'delegParams', optional: true }),
  DELEGPARAM: D([], { name: 'parameters', kind: 'delegParams', optional: true }),
  RKEY: D([f('flags', 'u16'), f('protocol', 'u8'), f('algorithm', 'algorithm')], { name: 'public key', kind: 'base64' }),
  WKS: D([f('address', 'ipv4'), f('protocol', 'protocol')], { name: 'services', kind: 'services', optional: true }),
};
