/**
 * `senderguard spf test`: evaluates SPF (RFC 7208 check_host) for one client address and sender
 * against zone files, offline. Names outside the given zone files cannot be answered and make the
 * evaluation `temperror` (the trace says which name).
 *
 *   senderguard spf test --zone FILE [--zone FILE…] --ip ADDR (--sender LOCAL@DOMAIN | --domain NAME)
 *                        [--helo NAME] [--format text|json]
 *
 * Exit status: 0 whatever the SPF result; 2 on a usage or read error.
 */
import * as fs from 'fs';
import { parseDocument } from '../core';
import { checkHost, checkMailFrom, parseClientIp, type SpfCheck, type TraceStep } from '../core/spf/evaluate';
import { ZoneIndex, zoneResolver } from '../core/spf/resolver';
import { liveResolver, withFallback } from '../io/liveDns';
import type { ZoneModel } from '../core/zone/model';
import { decodeFile, oneOf, readArgs, UsageError } from './files';

export const SPF_TEST_USAGE = `Usage: senderguard spf test --zone FILE [--zone FILE]... --ip ADDR (--sender LOCAL@DOMAIN | --domain NAME)
                          [--helo NAME] [--format text|json]

Evaluates the SPF policy (RFC 7208 check_host) for a client address and sender, answering the DNS
queries from the zone files given. Names outside those files cannot be answered offline: the
result is then temperror and the trace names the query, unless --live is given.

  --zone FILE       a zone file (BIND master file); repeat for several zones
  --ip ADDR         the client IPv4 or IPv6 address
  --sender ADDR     the MAIL FROM address; its domain is checked
  --domain NAME     check this domain (the sender becomes postmaster@NAME unless --sender is given)
  --helo NAME       the HELO/EHLO name (default: the checked domain)
  --live            ask live DNS for names outside the zone files (at most 30 queries)
  --dns-server H[:P] name server for --live (repeatable; default: the system's)
  --dns-timeout MS  timeout of one live query (default 2000)
  --format FORMAT   text (default) or json

Exit status: 0 whatever the SPF result, 2 on a usage or read error.
`;

interface SpfTestOptions {
  zones: string[];
  ip?: string;
  sender?: string;
  domain?: string;
  helo?: string;
  format: 'text' | 'json';
  live: boolean;
  dnsServers: string[];
  dnsTimeoutMs: number;
}

function parseArgs(args: string[]): SpfTestOptions | 'help' {
  const opts: SpfTestOptions = { zones: [], format: 'text', live: false, dnsServers: [], dnsTimeoutMs: 2000 };
  let help = false;
  readArgs(
    args,
    (name, arg) => {
      switch (name) {
        case '--help':
        case '-h':
          help = true;
          return true;
        case '--zone':
          opts.zones.push(arg.value());
          return true;
        case '--ip':
          opts.ip = arg.value();
          return true;
        case '--sender':
          opts.sender = arg.value();
          return true;
        case '--domain':
          opts.domain = arg.value();
          return true;
        case '--helo':
          opts.helo = arg.value();
          return true;
        case '--live':
          opts.live = true;
          return true;
        case '--dns-server':
          opts.dnsServers.push(arg.value());
          return true;
        case '--dns-timeout': {
          const v = Number(arg.value());
          if (!Number.isInteger(v) || v < 100 || v > 60000) throw new UsageError('--dns-timeout must be a number of milliseconds from 100 to 60000');
          opts.dnsTimeoutMs = v;
          return true;
        }
        case '--format':
          opts.format = oneOf(name, arg.value(), ['text', 'json']);
          return true;
        default:
          return false;
      }
    },
    (word) => {
      throw new UsageError(`unexpected argument '${word}'`);
    },
  );
  if (help) return 'help';
  if (opts.zones.length === 0) throw new UsageError('spf test needs at least one --zone FILE');
  if (opts.ip === undefined) throw new UsageError('spf test needs --ip ADDR');
  if (!parseClientIp(opts.ip)) throw new UsageError(`--ip: '${opts.ip}' is not an IPv4 or IPv6 address`);
  if (opts.sender === undefined && opts.domain === undefined) throw new UsageError('spf test needs --sender LOCAL@DOMAIN or --domain NAME');
  if (opts.sender !== undefined && !opts.sender.includes('@')) throw new UsageError(`--sender: '${opts.sender}' is not LOCAL@DOMAIN`);
  return opts;
}

function readZones(files: string[]): ZoneModel[] {
  return files.map((file) => {
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
    }
    return parseDocument('zone', decodeFile(file, bytes).text).model as ZoneModel;
  });
}

const MARK: Record<TraceStep['kind'], string> = {
  record: 'record ',
  term: '',
  dns: '· ',
  result: '= ',
  limit: '! ',
  explanation: 'exp: ',
  error: '! ',
};

function traceLine(s: TraceStep): string {
  const mark = s.kind === 'term' ? (s.match === true ? '✓ ' : s.match === false ? '✗ ' : '→ ') : MARK[s.kind];
  const text = s.kind === 'record' ? `${s.domain}: "${s.text}"` : s.text;
  return `${'  '.repeat(s.depth + (s.kind === 'dns' ? 1 : 0))}${mark}${text}`;
}

function toText(check: SpfCheck, who: string): string {
  const lines = [`SPF check of ${who}`, '', ...check.trace.map(traceLine), ''];
  lines.push(`Result: ${check.result}`);
  if (check.decidedBy) lines.push(`Decided by: ${check.decidedBy.term} (record of ${check.decidedBy.domain})`);
  if (check.problem) lines.push(`Reason: ${check.problem}`);
  if (check.explanation !== undefined) lines.push(`Explanation${check.explanationSource === 'default' ? ' (default)' : ''}: ${check.explanation}`);
  lines.push(`DNS lookups: ${check.lookups} of 10, void lookups: ${check.voidLookups} of 2`);
  return lines.join('\n') + '\n';
}

/**
 * Runs `spf test` with the arguments after `spf test`. Writes the report to `out`, usage and read
 * errors to `err`; resolves to the exit status.
 */
export async function spfTestCommand(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let opts: SpfTestOptions | 'help';
  let models: ZoneModel[];
  try {
    opts = parseArgs(args);
    if (opts === 'help') {
      out(SPF_TEST_USAGE);
      return 0;
    }
    models = readZones(opts.zones);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`senderguard spf test: ${e.message}\n${e.message.startsWith('cannot read') ? '' : "Run 'senderguard spf test --help' for usage.\n"}`);
      return 2;
    }
    throw e;
  }
  const resolver = opts.live
    ? withFallback(new ZoneIndex(models), liveResolver({ timeoutMs: opts.dnsTimeoutMs, maxQueries: 30, servers: opts.dnsServers.length ? opts.dnsServers : undefined }))
    : zoneResolver(models);
  const ip = opts.ip!;
  let check: SpfCheck;
  let who: string;
  if (opts.domain !== undefined) {
    const sender = opts.sender ?? `postmaster@${opts.domain}`;
    const helo = opts.helo ?? opts.domain;
    check = await checkHost(ip, opts.domain, sender, helo, resolver);
    who = `${opts.domain} for ${ip} (sender ${sender}, HELO ${helo})`;
  } else {
    const sender = opts.sender!;
    const helo = opts.helo ?? sender.slice(sender.lastIndexOf('@') + 1);
    check = await checkMailFrom(ip, sender, helo, resolver);
    who = `${sender} from ${ip} (HELO ${helo})`;
  }
  if (opts.format === 'json') {
    const json = {
      result: check.result,
      explanation: check.explanation ?? null,
      lookups: check.lookups,
      voidLookups: check.voidLookups,
      problem: check.problem ?? null,
      decidedBy: check.decidedBy ?? null,
      trace: check.trace,
    };
    out(JSON.stringify(json, null, 2) + '\n');
  } else {
    out(toText(check, who));
  }
  return 0;
}
