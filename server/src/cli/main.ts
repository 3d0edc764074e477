/** `senderguard`: the command-line interface for CI pipelines. */
import { checkFiles, writeJson, writeText, type CheckOptions } from './check';
import { oneOf, readArgs, UsageError } from './files';
import { bounceCommand } from './bounce';
import { logCommand } from './log';
import { rtxSimulateCommand } from './rtxSimulate';
import { spfTestCommand } from './spfTest';
import { writeSarif } from './sarif';
import { VERSION } from '../version';
import type { Severity } from '../core';
import { ZONE_SERVERS } from '../core/zone/servers';

const USAGE = `Usage:
  senderguard check [--format text|json|sarif] [--severity error|warning|info|hint]
                    [--language zone|rtx|rtxlog] [--server bind|knot|powerdns]
                    [--mail-server ADDR]... PATH...
  senderguard log [--format text|json] [--min-attempts N] [--min-destinations N]
                  [--mail-server ADDR]... [--lan PREFIX]... FILE...|-
  senderguard spf test --zone FILE [--zone FILE]... --ip ADDR (--sender LOCAL@DOMAIN | --domain NAME)
                      [--helo NAME] [--format text|json]
  senderguard rtx simulate CONFIG --from ADDR --to ADDR --proto tcp|udp|icmp|… [--port N] [--sport N]
                           [--interface IF --direction in|out] [--format text|json]
  senderguard bounce [--format text|json] [--workspace PATH]... FILE|-
  senderguard --help | --version

check   Checks BIND zone files (SPF and zone rules) and Yamaha RTX configs (SMTP egress,
        filters). Directories are walked; each file's language is detected from its name and
        content. Zone files among the inputs name the mail servers for the router quick fixes.
        --severity sets the lowest severity that fails the run (default: error).
        --server names the DNS server the zone files are loaded on (default: bind): what
        it refuses is an error (zone-server-refuses), what only other servers refuse is a
        zone-portability warning.

log     Reads Yamaha router logs (show log / syslog, streamed) and lists the LAN hosts that
        tried to send mail straight to the internet — likely infected PCs. Exit status 1 when
        a likely-infected host is found. 'senderguard log --help' for details.

spf     'spf test' evaluates SPF (RFC 7208 check_host) for a client address against the records
        of the given zone files only, and prints the result, the explanation, the DNS lookup
        count and the trace. Exit status 0 whatever the SPF result.

rtx     'rtx simulate' runs a packet through a Yamaha RTX config's filters: by default the flow
        from the LAN to the internet (LAN in, then WAN out), or one interface's list. Prints
        the verdict and the deciding filter of each step. 'senderguard rtx simulate --help'.

bounce  Explains a bounce message (.eml or pasted text, '-' for stdin): remote server, reply,
        status code, likely cause and fix; with --workspace, the findings of the related rules
        in those zone files, router configs and logs. 'senderguard bounce --help'.

Exit status of check: 0 nothing at or above the --severity threshold, 1 findings at or above it,
2 usage or read error.
`;

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

type Out = (s: string) => void;

interface ParsedCheck extends CheckOptions {
  output: 'text' | 'json' | 'sarif';
  threshold: Severity;
}

function parseCheckArgs(args: string[]): ParsedCheck {
  const opts: ParsedCheck = { output: 'text', threshold: 'error', mailServers: [], paths: [] };
  readArgs(
    args,
    (name, arg) => {
      switch (name) {
        case '--format':
          opts.output = oneOf(name, arg.value(), ['text', 'json', 'sarif']);
          return true;
        case '--severity':
          opts.threshold = oneOf(name, arg.value(), ['error', 'warning', 'info', 'hint']);
          return true;
        case '--language':
          opts.language = oneOf(name, arg.value(), ['zone', 'rtx', 'rtxlog'] as const);
          return true;
        case '--mail-server':
          opts.mailServers.push(arg.value());
          return true;
        case '--server':
          opts.server = oneOf(name, arg.value(), ZONE_SERVERS);
          return true;
        default:
          return false;
      }
    },
    (word) => opts.paths.push(word),
  );
  if (opts.paths.length === 0) throw new UsageError('check needs at least one PATH');
  return opts;
}

function check(args: string[], out: Out, err: Out): number {
  const opts = parseCheckArgs(args);
  const progress = process.stderr.isTTY ? (done: number, total: number) => err(`\rchecked ${done}/${total} files`) : undefined;
  const { results } = checkFiles({ ...opts, progress });
  if (progress) err('\r\x1b[K');
  // Written as formatted: a large zone's report never sits in memory as one string.
  if (opts.output === 'json') writeJson(results, out);
  else if (opts.output === 'sarif') writeSarif(results, out);
  else writeText(results, out);
  let total = 0;
  let failing = 0;
  let errors = 0;
  const threshold = RANK[opts.threshold];
  for (const { findings } of results) {
    total += findings.length;
    for (const f of findings) {
      if (RANK[f.severity] >= threshold) failing++;
      if (f.severity === 'error') errors++;
    }
  }
  if (opts.output === 'text') {
    err(`${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}) in ${results.length} file${results.length === 1 ? '' : 's'}\n`);
  }
  return failing > 0 ? 1 : 0;
}

/** Subcommands: name → handler. */
const COMMANDS: Record<string, (args: string[], out: Out, err: Out) => number | Promise<number>> = {
  check,
  log: logCommand,
  bounce: bounceCommand,
  spf: (args, out, err) => {
    if (args[0] !== 'test') throw new UsageError(`unknown command 'spf ${args[0] ?? ''}'; did you mean 'spf test'?`);
    return spfTestCommand(args.slice(1), out, err);
  },
  rtx: (args, out, err) => {
    if (args[0] !== 'simulate') throw new UsageError(`unknown command 'rtx ${args[0] ?? ''}'; did you mean 'rtx simulate'?`);
    return rtxSimulateCommand(args.slice(1), out, err);
  },
};

export async function main(argv: string[], out: Out, err: Out): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version') {
      out(`senderguard ${VERSION}\n`);
      return 0;
    }
    const handler = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!handler) throw new UsageError(`unknown command '${command}'`);
    return await handler(rest, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`senderguard: ${e.message}\n${e.message.startsWith('cannot read') ? '' : "Run 'senderguard --help' for usage.\n"}`);
      return 2;
    }
    err(`senderguard: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

if (require.main === module) {
  // A reader that stops early (`senderguard check … | head`) closes the pipe: stop writing, but
  // finish the run so the exit status still says whether problems were found.
  let closed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
  });
  void main(
    process.argv.slice(2),
    (s) => void (closed || process.stdout.write(s)),
    (s) => process.stderr.write(s),
  ).then((code) => {
    process.exitCode = code;
  });
}
