/**
 * A server that never dies: malformed JSON-RPC, wrong Content-Length headers (the input's frame
 * guard resynchronises), unknown methods, unopened documents, positions out of range, a storm of
 * incremental edits, cancellation, a 20 MB file and a binary file. After each, the process is alive
 * and answers the next request correctly. Waits on messages, never sleeps. (The 100 MB case is
 * `scripts/big-file.mjs`, run by `.ci/run`.)
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { makeContext, parseDocument, validate } from '../../server/src/core/engine';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { LineIndex } from '../../server/src/core/text';
import { ROOT, SERVER, TestClient } from '../support/lspClient';

const BROKEN_ZONE = fs.readFileSync(path.join(ROOT, 'examples/broken/example.jp.zone'), 'utf8');
const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code));
const has = (code: string) => (ds: Diagnostic[]) => codes(ds).includes(code);

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ------------------------------------------------------------------ raw transport
interface RpcMessage {
  id?: number | string | null;
  method?: string;
  params?: { uri?: string; diagnostics?: Diagnostic[] };
  result?: unknown;
  error?: { code: number; message: string };
}

/** The server process driven with raw bytes, so malformed frames can be sent. */
class RawServer {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly messages: RpcMessage[] = [];
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  private buf = Buffer.alloc(0);
  private listeners: (() => void)[] = [];

  constructor() {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    this.proc.stderr.resume();
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.proc.stdout.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      for (;;) {
        const h = this.buf.indexOf('\r\n\r\n');
        if (h < 0) break;
        const n = Number(/Content-Length: *(\d+)/i.exec(this.buf.subarray(0, h).toString('ascii'))?.[1]);
        if (this.buf.length < h + 4 + n) break;
        this.messages.push(JSON.parse(this.buf.subarray(h + 4, h + 4 + n).toString('utf8')) as RpcMessage);
        this.buf = this.buf.subarray(h + 4 + n);
      }
      for (const l of this.listeners) l();
    });
  }

  static frame(body: Buffer | string, length?: number): Buffer {
    const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return Buffer.concat([Buffer.from(`Content-Length: ${length ?? b.length}\r\n\r\n`, 'ascii'), b]);
  }

  write(bytes: Buffer): void {
    this.proc.stdin.write(bytes);
  }

  send(msg: object): void {
    this.write(RawServer.frame(JSON.stringify({ jsonrpc: '2.0', ...msg })));
  }

  /** Resolves with the first message satisfying `pred`, or rejects when the process exits first. */
  waitFor(pred: (m: RpcMessage) => boolean, what: string): Promise<RpcMessage> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const m = this.messages.find(pred);
        if (m) {
          this.listeners = this.listeners.filter((l) => l !== listener);
          resolve(m);
          return true;
        }
        return false;
      };
      const listener = (): void => void check();
      if (check()) return;
      this.listeners.push(listener);
      void this.exited.then(() => check() || reject(new Error(`server exited before ${what}`)));
    });
  }

  response(id: number): Promise<RpcMessage> {
    return this.waitFor((m) => m.id === id && m.method === undefined, `the response to ${id}`);
  }

  async initialize(): Promise<void> {
    this.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    await this.response(1);
    this.send({ method: 'initialized', params: {} });
  }

  /** A real request with a checkable answer: open the incident zone, get its SPF diagnostics. */
  async answersCorrectly(tag: string): Promise<void> {
    const uri = `file:///raw/${tag}.zone`;
    this.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'zone', version: 1, text: BROKEN_ZONE } } });
    const d = await this.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri, `diagnostics of ${uri}`);
    assert.ok(has('spf-version-typo')(d.params!.diagnostics!), JSON.stringify(d.params));
    this.send({ id: 900, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });
    const r = await this.response(900);
    assert.ok(Array.isArray(r.result) && r.result.length > 0, JSON.stringify(r));
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      this.proc.stdin.end();
      await this.exited;
    }
  }
}

describe('malformed JSON-RPC on the wire', { timeout: 60000 }, () => {
  const recovering: [string, Buffer][] = [
    ['garbage bytes with a valid Content-Length', RawServer.frame(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x7b, 0x22, 0xc3, 0x28]))],
    ['invalid JSON', RawServer.frame('{"jsonrpc":"2.0","id":5,"method":')],
    ['JSON that is not a JSON-RPC message', RawServer.frame('[1,2,3]')],
    ['a request without a method', RawServer.frame('{"jsonrpc":"2.0","id":7}')],
    ['a request with params of the wrong shape', RawServer.frame('{"jsonrpc":"2.0","id":8,"method":"textDocument/hover","params":42}')],
  ];
  for (const [name, bytes] of recovering) {
    test(`${name}: the next request still answers`, async () => {
      const s = new RawServer();
      try {
        await s.initialize();
        s.write(bytes);
        await s.answersCorrectly('after');
        assert.equal(s.proc.exitCode, null);
      } finally {
        await s.stop();
      }
    });
  }

  // A wrong Content-Length used to desynchronise the stream for good. The server's input goes
  // through a frame guard: the bad frame is re-read up to the next header (it is JSON, so it is
  // answered), the event is logged on stderr, and every later request is answered.
  for (const [name, delta] of [['too short', -5], ['too long', 5], ['far too long', 100000]] as const) {
    test(`a Content-Length ${name}: the server resynchronises and answers the next requests correctly`, async () => {
      const s = new RawServer();
      const stderr: string[] = [];
      s.proc.stderr.on('data', (b: Buffer) => stderr.push(b.toString()));
      try {
        await s.initialize();
        const uri = `file:///raw/desync-${delta}.zone`;
        s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'zone', version: 1, text: BROKEN_ZONE } } });
        const first = await s.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri, `diagnostics of ${uri}`);
        assert.ok(has('spf-version-typo')(first.params!.diagnostics!));
        // Hover on the SPF record's ip4 mechanism, through a frame with the wrong length.
        const lines = BROKEN_ZONE.split('\n');
        const line = lines.findIndex((l) => /TXT\s+"v-spf1/.test(l));
        const character = lines[line].indexOf('ip4:') + 1;
        const hover = (id: number): object => ({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line, character } } });
        const body = JSON.stringify(hover(6));
        s.write(RawServer.frame(body, Buffer.byteLength(body) + delta));
        s.write(RawServer.frame(JSON.stringify(hover(10))));
        const answers = await Promise.all([s.response(6), s.response(10)]);
        for (const a of answers) {
          assert.equal(a.error, undefined, JSON.stringify(a));
          assert.match(JSON.stringify(a.result), /SPF mechanism/, JSON.stringify(a));
        }
        assert.deepEqual(answers[0].result, answers[1].result);
        // A diagnostic request on another document is answered with the right findings.
        await s.answersCorrectly(`after-desync-${delta}`);
        assert.equal(s.proc.exitCode, null);
        assert.match(stderr.join(''), /transport: Content-Length \d+ (runs into the next frame|does not end a JSON body)/);
      } finally {
        await s.stop();
      }
    });
  }

  test('a frame whose body is not JSON, then bytes outside any frame: skipped, logged, and the server answers', async () => {
    const s = new RawServer();
    const stderr: string[] = [];
    s.proc.stderr.on('data', (b: Buffer) => stderr.push(b.toString()));
    try {
      await s.initialize();
      s.write(RawServer.frame('this is not json at all!'));
      s.write(Buffer.from('\r\n\x00garbage between frames\r\n'));
      await s.answersCorrectly('after-garbage');
      assert.match(stderr.join(''), /transport: skipped \d+ bytes/);
    } finally {
      await s.stop();
    }
  });

  test('closing the input ends the process (code 1 without exit)', async () => {
    const s = new RawServer();
    await s.initialize();
    s.proc.stdin.end();
    assert.deepEqual(await s.exited, { code: 1, signal: null });
  });

  test('shutdown then exit ends the process with code 0', async () => {
    const s = new RawServer();
    await s.initialize();
    s.send({ id: 2, method: 'shutdown' });
    await s.response(2);
    s.send({ method: 'exit' });
    assert.deepEqual(await s.exited, { code: 0, signal: null });
  });
});

// ------------------------------------------------------------------ protocol-level hostility
describe('hostile requests over a healthy connection', { timeout: 240000 }, () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  async function stillAnswers(tag: string): Promise<void> {
    const uri = `file:///ws/check-${tag}.zone`;
    client.open(uri, 'zone', BROKEN_ZONE);
    await client.diagnostics(uri, has('spf-version-typo'));
    const syms = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(syms.length > 0);
    assert.equal(client.proc.exitCode, null);
  }

  test('unknown requests are errors (MethodNotFound); unknown notifications are ignored', async () => {
    await assert.rejects(client.request('senderGuard/noSuchMethod', { x: 1 }), (e: { code?: number }) => e.code === -32601);
    await assert.rejects(client.request('textDocument/noSuchFeature', {}), (e: { code?: number }) => e.code === -32601);
    void client.conn.sendNotification('senderGuard/noSuchNotification', { x: 1 });
    void client.conn.sendNotification('$/noSuchThing', {});
    await stillAnswers('unknown');
  });

  test('every feature on an unopened document answers neutrally', async () => {
    const textDocument = { uri: 'file:///ws/never-opened.zone' };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    const answers = await Promise.all([
      client.request('textDocument/hover', { textDocument, position }),
      client.request('textDocument/documentSymbol', { textDocument }),
      client.request('textDocument/foldingRange', { textDocument }),
      client.request('textDocument/definition', { textDocument, position }),
      client.request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }),
      client.request('textDocument/completion', { textDocument, position }),
      client.request('textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } }),
      client.request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }),
    ]);
    for (const a of answers) assert.ok(a === null || (Array.isArray(a) && a.length === 0) || (typeof a === 'object' && Array.isArray((a as { items?: unknown[] }).items)), JSON.stringify(a));
    // Changing and closing a document that was never opened is ignored.
    void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: textDocument.uri, version: 2 }, contentChanges: [{ text: 'x' }] });
    void client.conn.sendNotification('textDocument/didClose', { textDocument });
    await stillAnswers('unopened');
  });

  test('positions and ranges out of range answer without breaking the server', async () => {
    const uri = 'file:///ws/positions.zone';
    client.open(uri, 'zone', BROKEN_ZONE);
    await client.diagnostics(uri, has('spf-version-typo'));
    const textDocument = { uri };
    const odd = [
      { line: 1e6, character: 1e6 },
      { line: 0, character: 1e9 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
      { line: -1, character: -5 },
      { line: 1.5, character: 0.25 },
    ];
    for (const position of odd) {
      for (const [method, params] of [
        ['textDocument/hover', { textDocument, position }],
        ['textDocument/definition', { textDocument, position }],
        ['textDocument/completion', { textDocument, position }],
        ['textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [{ range: { start: position, end: position }, message: 'x', code: 'spf-version-typo', source: 'sender-guard' }] } }],
      ] as const) {
        // An answer or an error response are both fine; silence or a crash are not.
        await client.request(method, params).then(
          () => undefined,
          (e: { code?: number }) => assert.equal(typeof e.code, 'number'),
        );
      }
    }
    await stillAnswers('positions');
  });

  test('$/cancelRequest: a cancelled request resolves or is cancelled; unknown ids are ignored', async (t) => {
    const uri = 'file:///ws/cancel.zone';
    client.open(uri, 'zone', BROKEN_ZONE.repeat(50));
    const outcomes: string[] = [];
    const pending: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      const cts = new CancellationTokenSource();
      pending.push(
        client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, cts.token).then(
          (r) => void outcomes.push(Array.isArray(r) ? 'answered' : `odd ${JSON.stringify(r)}`),
          (e: { code?: number }) => void outcomes.push(e.code === -32800 ? 'cancelled' : `error ${e.code}`),
        ),
      );
      cts.cancel();
    }
    void client.conn.sendNotification('$/cancelRequest', { id: 987654 });
    void client.conn.sendNotification('$/cancelRequest', { id: 'no-such-request' });
    await Promise.all(pending);
    assert.equal(outcomes.length, 20);
    assert.ok(outcomes.every((o) => o === 'answered' || o === 'cancelled'), outcomes.join());
    t.diagnostic(`20 cancelled outline requests: ${outcomes.filter((o) => o === 'cancelled').length} cancelled, ${outcomes.filter((o) => o === 'answered').length} answered`);
    await stillAnswers('cancel');
  });

  test('1,000 rapid incremental edits: the final diagnostics are those of the final text', async () => {
    const uri = 'file:///ws/storm.zone';
    let text = BROKEN_ZONE;
    client.open(uri, 'zone', text);
    await client.diagnostics(uri);
    const next = rng(1000);
    const pieces = ['a', ' ', '\n', '"', ';', 'IN TXT "v=spf1 ip4:1.2.3.4 -all"\n', 'x IN A 192.0.2.300\n', '(', ')', '\\', 'é', '😀'];
    let version = 1;
    for (let i = 0; i < 1000; i++) {
      const lines = new LineIndex(text);
      const a = Math.floor(next() * (text.length + 1));
      // Never split a surrogate pair: positions count UTF-16 units on both sides anyway.
      const del = next() < 0.4 ? Math.floor(next() * 6) : 0;
      let b = Math.min(text.length, a + del);
      const s0 = a > 0 && /[\uDC00-\uDFFF]/.test(text[a]) ? a - 1 : a;
      if (b < text.length && /[\uDC00-\uDFFF]/.test(text[b])) b++;
      const ins = next() < 0.7 ? pieces[Math.floor(next() * pieces.length)] : '';
      const range = { start: lines.positionAt(s0), end: lines.positionAt(b) };
      text = text.slice(0, s0) + ins + text.slice(b);
      version++;
      void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: ins }] });
    }
    const lines = new LineIndex(text);
    const want = validate(parseDocument('zone', text), makeContext(DEFAULT_SETTINGS))
      .map((f) => `${f.rule} ${JSON.stringify(lines.positionAt(f.range.start))}-${JSON.stringify(lines.positionAt(f.range.end))}`)
      .sort();
    const key = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.code} ${JSON.stringify(d.range.start)}-${JSON.stringify(d.range.end)}`).sort();
    const got = await client.diagnostics(uri, (ds) => JSON.stringify(key(ds)) === JSON.stringify(want), 30000);
    assert.deepEqual(key(got), want);
    // The server's copy of the text is the same: a full-range edit round-trips.
    const syms = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(syms));
  });

  test('a binary file of every language gives diagnostics and the server carries on', async () => {
    const next = rng(0xb1);
    const bytes = Buffer.from(Array.from({ length: 64 * 1024 }, () => Math.floor(next() * 256)));
    const asText = bytes.toString('latin1') + '\uD800\uDFFF\uDC00' + bytes.toString('utf8').slice(0, 10000);
    for (const lang of ['zone', 'rtx', 'rtxlog']) {
      const uri = `file:///ws/binary.${lang}`;
      client.open(uri, lang, asText);
      await client.diagnostics(uri, () => true, 60000);
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 3 } });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    }
    await stillAnswers('binary');
  });

  test('a 20 MB zone file: diagnostics come back (time and memory reported)', async (t) => {
    const uri = 'file:///ws/twenty-mb.zone';
    const parts = ['$ORIGIN big.example.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 900 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n', '@ IN TXT "v-spf1 +ip4:AAA.BBB.CCC.DDD -all"\n'];
    let size = parts[0].length + parts[1].length;
    for (let i = 0; size < 20 * 1024 * 1024; i++) {
      const line = `h${i} IN A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} ; host ${i}\n`;
      parts.push(line);
      size += line.length;
    }
    const text = parts.join('');
    const t0 = Date.now();
    client.open(uri, 'zone', text);
    const ds = await client.diagnostics(uri, has('spf-version-typo'), 200000);
    const ms = Date.now() - t0;
    const status = fs.existsSync(`/proc/${client.proc.pid}/status`) ? fs.readFileSync(`/proc/${client.proc.pid}/status`, 'utf8') : '';
    const rss = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    const peak = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    t.diagnostic(`20 MB zone (${(text.length / 1048576).toFixed(1)} MiB, ${parts.length} lines): ${ds.length} diagnostics after ${ms} ms; server RSS ${rss ? Math.round(+rss / 1024) : '?'} MiB, peak ${peak ? Math.round(+peak / 1024) : '?'} MiB`);
    assert.ok(has('spf-version-typo')(ds));
    client.close(uri);
    await client.diagnostics(uri, (d) => d.length === 0, 60000);
    await stillAnswers('big');
  });
});
