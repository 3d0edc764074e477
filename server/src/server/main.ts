/** `senderguard-lsp --stdio`: the language server over standard input/output. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { VERSION } from '../version';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('Usage: senderguard-lsp --stdio\nThe Sender Guard language server (LSP over standard input/output).\n');
  process.exit(0);
}
if (args.includes('--version')) {
  process.stdout.write(`senderguard-lsp ${VERSION}\n`);
  process.exit(0);
}
if (!args.includes('--stdio') && !args.some((a) => a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
process.on('uncaughtException', (e) => {
  process.stderr.write(`senderguard-lsp: uncaught exception: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
});
startServer(createConnection(ProposedFeatures.all));
