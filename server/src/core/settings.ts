/**
 * The one typed settings schema. The server reads the client's `senderGuard` section through
 * `readSettings`, which never throws: unknown keys are ignored and bad values fall back to the
 * defaults. `package.json` `contributes.configuration` is generated from / checked against
 * `SETTINGS_SCHEMA` by a test.
 */
import type { SeveritySetting } from './types';
import { DEFAULT_ZONE_SERVER, isZoneServer, ZONE_SERVERS, type ZoneServer } from './zone/servers';

export interface Settings {
  /** Per-rule severity override, keyed by rule id. */
  rules: Record<string, SeveritySetting>;
  /** Addresses of the organisation's own outgoing mail servers (for "Allow SMTP only to …"). */
  mailServers: string[];
  liveDns: {
    enabled: boolean;
    timeoutMs: number;
    maxQueries: number;
    /** Name servers to ask (`host[:port]`); empty = the system's. */
    servers: string[];
  };
  zone: {
    /** The server the zone files are written for (`zone-server-refuses`, `zone-portability`). */
    server: ZoneServer;
  };
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  rules: {},
  mailServers: [],
  liveDns: { enabled: false, timeoutMs: 2000, maxQueries: 30, servers: [] },
  zone: { server: DEFAULT_ZONE_SERVER },
}) as Settings;

const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

export function isSeveritySetting(v: unknown): v is SeveritySetting {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}

function num(v: unknown, def: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : def;
}

/** Tolerant reader: anything malformed falls back to its default. */
export function readSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (isSeveritySetting(v)) rules[k] = v;
    }
  }
  const mailServers = Array.isArray(r.mailServers)
    ? r.mailServers.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim())
    : [];
  const ld = (r.liveDns && typeof r.liveDns === 'object' ? r.liveDns : {}) as Record<string, unknown>;
  const zone = (r.zone && typeof r.zone === 'object' ? r.zone : {}) as Record<string, unknown>;
  return {
    rules,
    mailServers,
    liveDns: {
      enabled: ld.enabled === true,
      timeoutMs: num(ld.timeoutMs, DEFAULT_SETTINGS.liveDns.timeoutMs, 100, 60000),
      maxQueries: num(ld.maxQueries, DEFAULT_SETTINGS.liveDns.maxQueries, 1, 1000),
      servers: Array.isArray(ld.servers) ? ld.servers.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [],
    },
    zone: { server: isZoneServer(zone.server) ? zone.server : DEFAULT_ZONE_SERVER },
  };
}

/** JSON-schema fragments for `contributes.configuration`, minus the per-rule entries. */
export const SETTINGS_SCHEMA: Record<string, Record<string, unknown>> = {
  'senderGuard.mailServers': {
    type: 'array',
    items: { type: 'string' },
    default: [],
    markdownDescription:
      "IPv4/IPv6 addresses of your organisation's own outgoing mail servers. The Yamaha quick fix offers \"Allow SMTP only to …\" for each.",
  },
  'senderGuard.liveDns.enabled': {
    type: 'boolean',
    default: false,
    markdownDescription: 'Allow live DNS queries when testing an IP against SPF, for names outside the workspace\'s zone files. Off by default; never used in untrusted workspaces.',
  },
  'senderGuard.liveDns.timeoutMs': {
    type: 'number',
    default: 2000,
    minimum: 100,
    maximum: 60000,
    markdownDescription: 'Timeout of one live DNS query, in milliseconds.',
  },
  'senderGuard.liveDns.maxQueries': {
    type: 'number',
    default: 30,
    minimum: 1,
    maximum: 1000,
    markdownDescription: 'Upper bound on live DNS queries for one analysis.',
  },
  'senderGuard.liveDns.servers': {
    type: 'array',
    items: { type: 'string' },
    default: [],
    markdownDescription: 'Name servers for live DNS (`host` or `host:port`); empty uses the system resolver.',
  },
  'senderGuard.zone.server': {
    type: 'string',
    enum: [...ZONE_SERVERS],
    default: DEFAULT_ZONE_SERVER,
    enumDescriptions: ['BIND 9 (named-checkzone) and the RFCs.', 'Knot DNS: also refuses what its zone scanner and kzonecheck refuse.', 'PowerDNS: accepts what it accepts beyond the RFCs.'],
    markdownDescription:
      'The DNS server the zone files are loaded on. Constructs that server refuses are errors (`zone-server-refuses`); constructs it accepts but other servers refuse are `zone-portability` warnings.',
  },
  'senderGuard.trace.server': {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: 'off',
    markdownDescription: 'Traces the communication between VS Code and the Sender Guard language server.',
  },
};
