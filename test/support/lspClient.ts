/**
 * A minimal LSP client for tests: spawns the real `dist/server.js --stdio`, talks JSON-RPC to it
 * and lets tests wait for notifications (never sleeps).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

type Waiter = { uri: string; pred: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void };

export class TestClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly conn: MessageConnection;
  readonly stderr: string[] = [];
  private readonly latest = new Map<string, Diagnostic[]>();
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();
  /** Every publication, in order of arrival. */
  readonly publications: PublishDiagnosticsParams[] = [];

  constructor(args: string[] = ['--stdio']) {
    this.proc = spawn(process.execPath, [SERVER, ...args], { stdio: 'pipe' });
    this.proc.stderr.on('data', (b: Buffer) => this.stderr.push(b.toString()));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.publications.push(p);
      this.latest.set(p.uri, p.diagnostics);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.pred(p.diagnostics)) {
          w.resolve(p.diagnostics);
          return false;
        }
        return true;
      });
    });
    this.conn.onRequest('workspace/configuration', () => [{}]);
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.listen();
  }

  /** Initialises the server; with `folder`, that directory is the (single) workspace folder. */
  async initialize(initializationOptions: unknown = {}, folder?: string): Promise<unknown> {
    const folderUri = folder === undefined ? null : pathToFileURL(folder).toString();
    const r = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      ...(folderUri ? { workspaceFolders: [{ uri: folderUri, name: path.basename(folder!) }] } : {}),
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
    return r;
  }

  open(uri: string, languageId: string, text: string): void {
    this.versions.set(uri, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replace the whole text (a full-document change). */
  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Replace `range` by `text` (an incremental change); returns the new version. */
  edit(uri: string, range: Range, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  close(uri: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves with the first published diagnostics for `uri` that satisfy `pred` (including ones already received). */
  diagnostics(uri: string, pred: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 10000): Promise<Diagnostic[]> {
    const have = this.latest.get(uri);
    if (have && pred(have)) return Promise.resolve(have);
    return this.wait(uri, pred, timeoutMs);
  }

  /** Waits for a publication for `uri` that arrives after this call. */
  nextDiagnostics(uri: string, pred: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 10000): Promise<Diagnostic[]> {
    return this.wait(uri, pred, timeoutMs);
  }

  /** A waiter that fails with the last diagnostics seen when nothing matching arrives in time. */
  private wait(uri: string, pred: (d: Diagnostic[]) => boolean, timeoutMs: number): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        uri,
        pred,
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const last = this.latest.get(uri);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last published: ${last ? JSON.stringify(last.map((d) => d.code)) : 'none'}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  async shutdown(): Promise<void> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
