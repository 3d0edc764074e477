/** `senderguard-lsp --stdio`: the language server over standard input/output. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { VERSION } from '../version';
import { guardedInput } from './transport';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('Usage: senderguard-lsp --stdio\nThe Sender Guard language server (LSP over standard input/output).\n');
  process.exit(0);
}
if (args.includes('--version')) {
  process.stdout.write(`senderguard-lsp ${VERSION}\n`);
  process.exit(0);
}
const otherTransport = args.some((a) => a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'));
if (!args.includes('--stdio') && !otherTransport) {
  process.argv.push('--stdio');
}
process.on('uncaughtException', (e) => {
  process.stderr.write(`senderguard-lsp: uncaught exception: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
});
if (otherTransport) {
  startServer(createConnection(ProposedFeatures.all));
} else {
  // Standard input goes through the frame guard, so one wrong Content-Length costs one message,
  // not the connection. Standard output carries the protocol: console output goes to stderr.
  const toStderr = (...a: unknown[]): void => void process.stderr.write(`${a.map((x) => (typeof x === 'string' ? x : String(x))).join(' ')}\n`);
  console.log = console.info = console.warn = console.error = console.debug = toStderr;
  const input = guardedInput(process.stdin, (m) => process.stderr.write(`senderguard-lsp: ${m}\n`));
  startServer(createConnection(ProposedFeatures.all, input, process.stdout));
}
