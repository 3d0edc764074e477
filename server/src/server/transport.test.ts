import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FrameGuard, FULL_JSON_CHECK_BYTES } from './transport';

const frame = (body: string, length = Buffer.byteLength(body)): Buffer => Buffer.from(`Content-Length: ${length}\r\n\r\n${body}`, 'utf8');
const msg = (id: number, extra: object = {}): string => JSON.stringify({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///a.zone' }, position: { line: 0, character: 0 } }, ...extra });

/** Writes `chunks` through a guard; returns the bodies of the frames it passed on (strictly parsed) and its log. */
async function run(chunks: Buffer[]): Promise<{ bodies: string[]; log: string[]; guard: FrameGuard }> {
  const log: string[] = [];
  const guard = new FrameGuard((m) => log.push(m));
  const out: Buffer[] = [];
  guard.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise((resolve) => guard.on('end', resolve));
  for (const c of chunks) guard.write(c);
  guard.end();
  await ended;
  const all = Buffer.concat(out);
  const bodies: string[] = [];
  let at = 0;
  while (at < all.length) {
    const h = all.indexOf('\r\n\r\n', at);
    assert.ok(h > 0, 'every output frame has a header block');
    const m = /^Content-Length: (\d+)(?:\r\nContent-Type: [^\r\n]+)?$/.exec(all.toString('latin1', at, h));
    assert.ok(m, `a Content-Length header first: ${all.toString('latin1', at, h)}`);
    bodies.push(all.toString('utf8', h + 4, h + 4 + Number(m[1])));
    at = h + 4 + Number(m[1]);
  }
  assert.equal(at, all.length);
  return { bodies, log, guard };
}

/** Every way of cutting `bytes` into two chunks, plus byte by byte. */
function splits(bytes: Buffer): Buffer[][] {
  const out: Buffer[][] = [[bytes], Array.from(bytes, (b) => Buffer.from([b]))];
  for (let i = 1; i < bytes.length; i += 7) out.push([bytes.subarray(0, i), bytes.subarray(i)]);
  return out;
}

describe('FrameGuard', () => {
  test('valid frames pass unchanged, however the input is cut', async () => {
    const bytes = Buffer.concat([frame(msg(1)), frame(msg(2, { note: 'é ✓ 𝄞' })), frame('{}')]);
    for (const chunks of splits(bytes)) {
      const { bodies, log } = await run(chunks);
      assert.deepEqual(bodies, [msg(1), msg(2, { note: 'é ✓ 𝄞' }), '{}']);
      assert.deepEqual(log, []);
    }
  });

  test('a Content-Type header is kept; a body quoting a header in a JSON string is not a header', async () => {
    const tricky = JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { text: 'Content-Length: 5\r\n\r\n{"a":1}' } });
    const bytes = Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(tricky)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${tricky}`), frame(msg(3))]);
    const { bodies, log } = await run([bytes]);
    assert.deepEqual(bodies, [tricky, msg(3)]);
    assert.deepEqual(log, []);
  });

  for (const delta of [-5, -1, 1, 5, 40, 1000]) {
    test(`a Content-Length off by ${delta}: that message is re-read from the next header, and the next ones pass`, async () => {
      const bad = msg(6);
      const bytes = Buffer.concat([frame(bad, Buffer.byteLength(bad) + delta), frame(msg(10)), frame(msg(11))]);
      for (const chunks of splits(bytes)) {
        const { bodies, log, guard } = await run(chunks);
        assert.deepEqual(bodies, [bad, msg(10), msg(11)], JSON.stringify(log));
        assert.equal(guard.stats.repaired, 1);
        assert.equal(log.length, 1);
        assert.match(log[0], /Content-Length/);
      }
    });
  }

  test('a too-long Content-Length followed by nothing: the message waits, then is dropped at the end of input', async () => {
    const bad = msg(6);
    const { bodies, log } = await run([frame(bad, Buffer.byteLength(bad) + 5)]);
    assert.deepEqual(bodies, []);
    assert.match(log.join('\n'), /incomplete frame at the end of the input/);
  });

  test('garbage between frames, a header block without a length and a body that is not JSON are skipped', async () => {
    const bytes = Buffer.concat([
      Buffer.from('\r\nhello garbage\x00\xff'),
      frame(msg(1)),
      Buffer.from('X-Nothing: 1\r\n\r\n{"jsonrpc":"2.0"}'),
      frame(msg(2)),
      frame('{"jsonrpc":"2.0","id":5,"method":'),
      frame(msg(3)),
      Buffer.from('Content-Length: abc\r\n\r\n{}'),
      frame(msg(4)),
    ]);
    for (const chunks of [[bytes], Array.from(bytes, (b) => Buffer.from([b]))]) {
      const { bodies, log } = await run(chunks);
      assert.deepEqual(bodies, [msg(1), msg(2), msg(3), msg(4)]);
      assert.equal(log.length, 4, log.join('\n'));
      assert.ok(log.every((l) => /skipped \d+ bytes/.test(l)), log.join('\n'));
    }
  });

  test('a large body arriving in many chunks passes whole; its length is checked by its ends', async () => {
    const big = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: 'x'.repeat(FULL_JSON_CHECK_BYTES * 3) } });
    const bytes = Buffer.concat([frame(big), frame(msg(1))]);
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 65536) chunks.push(bytes.subarray(i, i + 65536));
    const { bodies, log } = await run(chunks);
    assert.equal(bodies.length, 2);
    assert.equal(bodies[0], big);
    assert.equal(bodies[1], msg(1));
    assert.deepEqual(log, []);
  });

  test('a large body with a too-long length is cut at the next header', async () => {
    const big = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: 'y'.repeat(FULL_JSON_CHECK_BYTES * 2) } });
    const bytes = Buffer.concat([frame(big, Buffer.byteLength(big) + 100), frame(msg(1)), frame(msg(2))]);
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 65536) chunks.push(bytes.subarray(i, i + 65536));
    const { bodies } = await run(chunks);
    assert.deepEqual(bodies.map((b) => b.length), [big.length, msg(1).length, msg(2).length]);
    assert.equal(bodies[0], big);
  });
});
