/** `senderguard`: the command-line interface for CI pipelines. */
import { checkFiles, toJson, toText, type CheckOptions } from './check';
import { UsageError } from './files';
import { VERSION } from '../version';

const USAGE = `Usage: senderguard check [--format text|json] [--language zone|rtx|rtxlog] [--mail-server ADDR]... PATH...

Checks BIND zone files (SPF and zone rules) and Yamaha RTX configs (SMTP egress, filter syntax).
Directories are walked; each file's language is detected from its name and content.

Exit status: 0 no errors, 1 at least one error-severity finding, 2 usage or read error.
`;

function parseCheckArgs(args: string[]): CheckOptions {
  const opts: CheckOptions = { format: 'text', mailServers: [], paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const name = a.startsWith('--') ? a.split('=')[0] : a;
    switch (name) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not '${v}'`);
        opts.format = v;
        break;
      }
      case '--language': {
        const v = value();
        if (v !== 'zone' && v !== 'rtx' && v !== 'rtxlog') throw new UsageError(`--language must be zone, rtx or rtxlog, not '${v}'`);
        opts.language = v;
        break;
      }
      case '--mail-server':
        opts.mailServers.push(value());
        break;
      case '--':
        opts.paths.push(...args.slice(i + 1));
        i = args.length;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        opts.paths.push(a);
    }
  }
  if (opts.paths.length === 0) throw new UsageError('check needs at least one PATH');
  return opts;
}

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
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
    if (command !== 'check') throw new UsageError(`unknown command '${command}'`);
    const opts = parseCheckArgs(rest);
    const { results } = checkFiles(opts);
    if (opts.format === 'json') out(JSON.stringify(toJson(results), null, 2) + '\n');
    else out(toText(results));
    const all = results.flatMap((r) => r.findings);
    const errors = all.filter((f) => f.severity === 'error').length;
    if (opts.format === 'text') {
      err(`${all.length} problem${all.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}) in ${results.length} file${results.length === 1 ? '' : 's'}\n`);
    }
    return errors > 0 ? 1 : 0;
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
  process.exitCode = main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
}
