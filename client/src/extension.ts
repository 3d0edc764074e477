/**
 * The VS Code client: starts the bundled language server and forwards the `senderGuard`
 * settings. All analysis lives in the server; this file only wires VS Code to it.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

export const LANGUAGES = ['zone', 'rtx', 'rtxlog'] as const;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, args: ['--stdio'] },
    debug: { module: serverModule, transport: TransportKind.stdio, args: ['--stdio'], options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
      { scheme: 'vscode-remote', language },
    ]),
    synchronize: {
      configurationSection: 'senderGuard',
      // Zone files anywhere in the workspace tell the router rules which hosts are mail servers.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.zone,db.*}'),
    },
    initializationOptions: { settings: vscode.workspace.getConfiguration('senderGuard'), trusted: vscode.workspace.isTrusted, clientCommands: true },
  };
  client = new LanguageClient('senderGuard', 'Sender Guard', serverOptions, clientOptions);
  registerCommands(context, client);
  await client.start();
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('senderGuard/workspaceTrusted')));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
