/**
 * `senderguard rtx simulate CONFIG --from ADDR --to ADDR --proto P [--port N] [--sport N]
 *  [--interface IF --direction in|out] [--format text|json]`: runs one packet through the
 * config's filters (the core's `simulateCommand`) and prints the verdict and the deciding filter
 * of every list on the way. Exit status: 0 for any verdict, 2 for usage or read errors.
 */
import * as fs from 'fs';
import { decodeFile, oneOf, readArgs, UsageError } from './files';
import { parseRtx } from '../core/rtx/parse';
import { renderSimulation, simulateCommand, validateSimulateArgs, type SimulateArgs } from '../core/rtx/simulateCommand';

export const RTX_SIMULATE_USAGE = `Usage: senderguard rtx simulate CONFIG --from ADDR --to ADDR --proto tcp|udp|icmp|… [options]

Runs one packet through the Yamaha RTX config's packet filters and prints the verdict.
By default the packet is a LAN host's connection to the Internet: the LAN interface's IN
list, then the Internet uplink's OUT list (filters see the private source, before NAT).

Options:
  --from ADDR            source address (IPv4 or IPv6)
  --to ADDR              destination address
  --proto P              tcp, udp, icmp, icmp6, gre, esp, ah, or a number 0-255
  --port N               destination port (required for tcp and udp)
  --sport N              source port (default 50000)
  --tcp-flags F          syn (default), ack, syn,ack, fin, rst, … or 0xNN
  --icmp-type N          ICMP type (default: echo request)
  --icmp-code N          ICMP code (default 0)
  --interface IF         evaluate only this interface's list: lan1, pp 1, tunnel 2, …
  --direction in|out     … in this direction (needs --interface)
  --disconnected         the line is down (restrict filters then discard)
  --prefix NAME=PREFIX   a learned prefix, e.g. ra-prefix@lan2=2001:db8:1:2::/64
  --no-join-wrapped      do not join lines wrapped by an 80-column terminal
  --format text|json     output format (default text)

Exit status: 0 for any verdict, 2 for usage or read errors.
`;


interface Parsed {
  config?: string;
  format: 'text' | 'json';
  join: boolean;
  args: SimulateArgs;
  help: boolean;
}

function parse(argv: string[]): Parsed {
  const p: Parsed = { format: 'text', join: true, args: {}, help: false };
  const positional: string[] = [];
  readArgs(
    argv,
    (name, arg) => {
      switch (name) {
        case '--help':
        case '-h':
          p.help = true;
          return true;
        case '--from':
          p.args.from = arg.value();
          return true;
        case '--to':
          p.args.to = arg.value();
          return true;
        case '--proto':
          p.args.proto = arg.value();
          return true;
        case '--port':
          p.args.port = arg.value();
          return true;
        case '--sport':
          p.args.sport = arg.value();
          return true;
        case '--tcp-flags':
          p.args.tcpFlags = arg.value();
          return true;
        case '--icmp-type':
          p.args.icmpType = arg.value();
          return true;
        case '--icmp-code':
          p.args.icmpCode = arg.value();
          return true;
        case '--interface': {
          // `--interface pp 1`: a PP/tunnel number may follow as its own word.
          let v = arg.value();
          const next = arg.peek();
          if (/^(pp|tunnel)$/i.test(v) && next !== undefined && /^(\d+|anonymous)$/i.test(next)) v = `${v} ${arg.take()}`;
          p.args.interface = v;
          return true;
        }
        case '--direction':
          p.args.direction = arg.value();
          return true;
        case '--disconnected':
          p.args.connected = false;
          return true;
        case '--prefix':
          (p.args.prefixes ??= []).push(arg.value());
          return true;
        case '--no-join-wrapped':
          p.join = false;
          return true;
        case '--format':
          p.format = oneOf(name, arg.value(), ['text', 'json']);
          return true;
        default:
          return false;
      }
    },
    (word) => positional.push(word),
  );
  if (positional.length > 1) throw new UsageError(`one CONFIG file expected, got ${positional.length}: ${positional.join(' ')}`);
  if (positional[0] !== undefined) p.config = positional[0];
  return p;
}

/** `args` are the words after `rtx simulate`. Returns the exit status. */
export function rtxSimulateCommand(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  let parsed: Parsed;
  try {
    parsed = parse(args);
  } catch (e) {
    err(`senderguard rtx simulate: ${(e as Error).message}\nRun 'senderguard rtx simulate --help' for usage.\n`);
    return 2;
  }
  if (parsed.help) {
    out(RTX_SIMULATE_USAGE);
    return 0;
  }
  if (!parsed.config) {
    err(`senderguard rtx simulate: CONFIG file missing\n${RTX_SIMULATE_USAGE}`);
    return 2;
  }
  const checked = validateSimulateArgs(parsed.args);
  if ('errors' in checked) {
    err(checked.errors.map((m) => `senderguard rtx simulate: ${m}\n`).join(''));
    return 2;
  }
  let text: string;
  try {
    text = decodeFile(parsed.config, fs.readFileSync(parsed.config)).text;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err(`senderguard rtx simulate: cannot read ${parsed.config}: ${code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}\n`);
    return 2;
  }
  const model = parseRtx(text, undefined, { joinWrappedLines: parsed.join });
  const result = simulateCommand(model, checked.input);
  if ('error' in result) {
    err(`senderguard rtx simulate: ${result.error}\n`);
    return 2;
  }
  if (parsed.format === 'json') {
    const p = checked.input.packet;
    out(`${JSON.stringify({ config: parsed.config, packet: p, verdict: result.verdict, path: result.path, steps: result.steps }, null, 2)}\n`);
  } else out(renderSimulation(result, checked.input.packet));
  return 0;
}
