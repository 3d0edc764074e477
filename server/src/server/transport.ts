/**
 * A guard in front of the stdio transport. The JSON-RPC reader trusts every `Content-Length`: one
 * wrong length and every later frame is read from the wrong offset, for good. This filter checks
 * each frame before the reader sees it — a header block of `Name: value` lines with a numeric
 * `Content-Length`, then a body that is JSON — and re-frames what it passes on with the length of
 * the body actually found:
 *
 * - length too long: the next frame's header shows up inside the announced body (a raw
 *   `Content-Length: n` line ending in CR LF cannot occur inside JSON text), so the body ends there;
 * - length too short: the announced body is not JSON, so the body runs to the next header;
 * - garbage between frames, a header block without a length, a body that is not JSON: skipped up to
 *   the next `Content-Length:` header.
 *
 * A body recovered that way is passed on when it is JSON; otherwise it is dropped. Every skip or
 * repair is reported through `log`. Valid traffic passes unchanged apart from the header block
 * being rewritten.
 */
import { Transform, type TransformCallback } from 'stream';

/** Bodies up to this size are checked with `JSON.parse`; larger ones only by their first and last characters. */
export const FULL_JSON_CHECK_BYTES = 1024 * 1024;
/** More than this buffered without a complete frame is dropped (1 GiB). */
const MAX_PENDING_BYTES = 1024 * 1024 * 1024;
/** A header block longer than this is not one. */
const MAX_HEADER_BYTES = 8 * 1024;

const CRLF2 = Buffer.from('\r\n\r\n', 'ascii');
const MARKERS = [Buffer.from('Content-Length', 'ascii'), Buffer.from('content-length', 'ascii'), Buffer.from('CONTENT-LENGTH', 'ascii')];
const HEADER_LINE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+:[ \t]*[^\r\n]*$/;
/** A frame's length header as it appears at the start of a header block. */
const LENGTH_LINE = /^content-length:[ \t]*(\d+)[ \t]*\r\n/i;

export type TransportLog = (message: string) => void;

export class FrameGuard extends Transform {
  /** Bytes received and not yet passed on: `data[head, tail)`. */
  private data = Buffer.alloc(64 * 1024);
  private head = 0;
  private tail = 0;
  /** How far the current frame's body was already searched for a header (an offset into `data`). */
  private scanned = -1;
  /** Frames passed on, repaired and dropped (for tests and logs). */
  readonly stats = { passed: 0, repaired: 0, skippedBytes: 0 };

  constructor(private readonly log: TransportLog = () => undefined) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.append(chunk);
    try {
      this.drain();
    } catch (e) {
      // Defensive: the guard must never be what breaks the connection.
      this.log(`transport: ${e instanceof Error ? e.message : String(e)}; ${this.tail - this.head} buffered bytes dropped`);
      this.head = this.tail = 0;
      this.scanned = -1;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.tail > this.head) this.skip(this.tail, 'incomplete frame at the end of the input');
    done();
  }

  private append(chunk: Buffer): void {
    if (this.tail + chunk.length > this.data.length) {
      const live = this.tail - this.head;
      const need = live + chunk.length;
      if (need <= this.data.length / 2) {
        this.data.copy(this.data, 0, this.head, this.tail);
      } else {
        let cap = this.data.length;
        while (cap < need) cap *= 2;
        const next = Buffer.allocUnsafe(cap);
        this.data.copy(next, 0, this.head, this.tail);
        this.data = next;
      }
      if (this.scanned >= 0) this.scanned -= this.head;
      this.head = 0;
      this.tail = live;
    }
    chunk.copy(this.data, this.tail);
    this.tail += chunk.length;
  }

  /** Passes on every complete frame in the buffer. */
  private drain(): void {
    while (this.tail > this.head) {
      if (this.tail - this.head > MAX_PENDING_BYTES) {
        this.skipToNextHeader(`more than ${MAX_PENDING_BYTES} bytes without a complete frame`, true);
        continue;
      }
      if (!this.startsWithHeaderName()) {
        const next = this.findHeader(this.head + 1, this.tail);
        if (next >= 0) {
          this.skip(next, 'bytes outside any frame');
          continue;
        }
        // Keep a tail that may be the beginning of a header.
        const keep = Math.min(this.tail - this.head, 64);
        if (this.tail - keep > this.head) this.skip(this.tail - keep, 'bytes outside any frame');
        return;
      }
      const headerEnd = this.indexOf(CRLF2, this.head, this.tail);
      if (headerEnd < 0) {
        if (this.tail - this.head > MAX_HEADER_BYTES && this.skipToNextHeader('a header block without an end', true)) continue;
        return;
      }
      const header = this.data.toString('latin1', this.head, headerEnd);
      const lines = header.split('\r\n');
      let length = -1;
      let valid = headerEnd - this.head <= MAX_HEADER_BYTES;
      for (const l of lines) {
        if (!HEADER_LINE.test(l)) valid = false;
        const m = /^content-length:[ \t]*(\d+)[ \t]*$/i.exec(l);
        if (m) length = Number(m[1]);
      }
      if (!valid || length < 0 || !Number.isSafeInteger(length)) {
        if (this.skipToNextHeader(`a bad header block ${JSON.stringify(header.slice(0, 120))}`)) continue;
        return;
      }
      const bodyStart = headerEnd + 4;
      const announcedEnd = bodyStart + length;
      // A header inside the announced body: the length is too long.
      const from = this.scanned < bodyStart ? bodyStart : Math.max(bodyStart, this.scanned - 64);
      const inside = this.findHeader(from, Math.min(this.tail, announcedEnd));
      this.scanned = Math.min(this.tail, announcedEnd);
      if (inside >= 0) {
        this.finishFrame(lines, bodyStart, inside, `Content-Length ${length} runs into the next frame`);
        continue;
      }
      if (this.tail < announcedEnd) return; // the rest of the body is still to come
      if (isJson(this.data, bodyStart, announcedEnd)) {
        this.pass(lines, bodyStart, announcedEnd);
        this.stats.passed++;
        continue;
      }
      // Not JSON: the length may be too short, so the body runs to the next header (which may
      // begin just before the announced end).
      const next = this.findHeader(bodyStart, this.tail);
      if (next < 0) return; // the next frame will show where this one ends
      this.finishFrame(lines, bodyStart, next, `Content-Length ${length} does not end a JSON body`);
    }
  }

  /** Ends the current frame at `bodyEnd` (the next header): passes the body on when it is JSON. */
  private finishFrame(lines: string[], bodyStart: number, bodyEnd: number, why: string): void {
    if (isJson(this.data, bodyStart, bodyEnd)) {
      this.pass(lines, bodyStart, bodyEnd);
      this.stats.repaired++;
      this.log(`transport: ${why}; the frame was re-read with the ${bodyEnd - bodyStart}-byte JSON body found before the next header`);
    } else {
      this.skip(bodyEnd, `${why}; ${bodyEnd - bodyStart} bytes that are not JSON`);
    }
  }

  /** Passes `data[bodyStart, bodyEnd)` on as one frame and consumes it. */
  private pass(lines: string[], bodyStart: number, bodyEnd: number): void {
    const others = lines.filter((l) => !/^content-length:/i.test(l));
    const head = Buffer.from([`Content-Length: ${bodyEnd - bodyStart}`, ...others].join('\r\n') + '\r\n\r\n', 'latin1');
    this.push(Buffer.concat([head, this.data.subarray(bodyStart, bodyEnd)]));
    this.consume(bodyEnd);
  }

  /** Drops `data[head, to)`. */
  private consume(to: number): void {
    this.head = to;
    this.scanned = -1;
    if (this.head === this.tail) {
      this.head = this.tail = 0;
      // Release a large buffer once it is empty.
      if (this.data.length > 1024 * 1024) this.data = Buffer.alloc(64 * 1024);
    }
  }

  private skip(to: number, why: string): void {
    const n = to - this.head;
    this.stats.skippedBytes += n;
    this.log(`transport: skipped ${n} bytes (${why})`);
    this.consume(to);
  }

  /**
   * Skips to the next header; with none yet, waits for one (returns false) unless `force`d, when
   * everything buffered goes.
   */
  private skipToNextHeader(why: string, force = false): boolean {
    const next = this.findHeader(this.head + 1, this.tail);
    if (next < 0 && !force) return false;
    this.skip(next >= 0 ? next : this.tail, why);
    return true;
  }

  /** Whether the buffer starts like a header line (`Name:`, or a prefix of one still arriving). */
  private startsWithHeaderName(): boolean {
    const head = this.data.toString('latin1', this.head, Math.min(this.tail, this.head + 64));
    return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+(?::|$)/.test(head);
  }

  /** `data.indexOf(needle)` within `[from, to)` only (the buffer's spare capacity holds stale bytes). */
  private indexOf(needle: Buffer, from: number, to: number): number {
    if (to - from < needle.length) return -1;
    const i = this.data.subarray(from, to).indexOf(needle);
    return i < 0 ? -1 : from + i;
  }

  /** The offset of the first `Content-Length: n` CR LF header line in `[from, to)`, or -1. */
  private findHeader(from: number, to: number): number {
    let best = -1;
    for (const marker of MARKERS) {
      let at = from;
      while (at < to) {
        // The marker may end past `to` (a header that straddles the announced end).
        const i = this.indexOf(marker, at, Math.min(this.tail, to + marker.length - 1));
        if (i < 0) break;
        const line = this.data.toString('latin1', i, Math.min(this.tail, i + 40));
        if (LENGTH_LINE.test(line)) {
          if (best < 0 || i < best) best = i;
          break;
        }
        at = i + 1;
      }
    }
    return best;
  }
}

/** Whether `data[start, end)` is a JSON text (by its ends only, when large). */
function isJson(data: Buffer, start: number, end: number): boolean {
  if (end - start <= FULL_JSON_CHECK_BYTES) {
    try {
      JSON.parse(data.toString('utf8', start, end));
      return true;
    } catch {
      return false;
    }
  }
  let a = start;
  let b = end - 1;
  const ws = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
  while (a < b && ws(data[a])) a++;
  while (b > a && ws(data[b])) b--;
  return (data[a] === 0x7b && data[b] === 0x7d) || (data[a] === 0x5b && data[b] === 0x5d);
}

/** `input` piped through a `FrameGuard` (errors and end of input carried over). */
export function guardedInput(input: NodeJS.ReadableStream, log: TransportLog): FrameGuard {
  const guard = new FrameGuard(log);
  input.on('error', (e) => guard.destroy(e));
  input.pipe(guard);
  return guard;
}
