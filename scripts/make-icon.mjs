// Draws the extension icon (images/icon.png, 128×128): a shield with an envelope and a check mark.
// Kept as code so the icon can be regenerated; run with `node scripts/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const px = new Uint8Array(N * N * 4);

// Signed distance helpers, sampled 4×4 per pixel for anti-aliasing.
function inShield(x, y) {
  const cx = 64;
  if (y < 10 || y > 120) return false;
  const half = y < 70 ? 50 : 50 * Math.sqrt(Math.max(0, 1 - ((y - 70) / 50) ** 2));
  const top = 10 + 6 * Math.abs(x - cx) / 50;
  return Math.abs(x - cx) <= half && y >= top;
}
function inEnvelope(x, y) {
  return x >= 34 && x <= 94 && y >= 42 && y <= 84;
}
function onEnvelopeFlap(x, y) {
  // The V of the flap: two lines from the top corners to the centre.
  const d1 = Math.abs((y - 42) - (x - 34) * (22 / 30));
  const d2 = Math.abs((y - 42) - (94 - x) * (22 / 30));
  return (x <= 64 && d1 < 2.2) || (x >= 64 && d2 < 2.2);
}
function onCheck(x, y) {
  const dist = (ax, ay, bx, by) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
  };
  return dist(76, 92, 86, 102) < 4 || dist(86, 102, 106, 78) < 4;
}

function colour(x, y) {
  if (onCheck(x, y)) return [46, 204, 113, 255];
  if (inEnvelope(x, y)) return onEnvelopeFlap(x, y) ? [26, 82, 150, 255] : [255, 255, 255, 255];
  if (inShield(x, y)) return [26 + (y / 128) * 20, 82 + (y / 128) * 30, 150 + (y / 128) * 40, 255];
  return [0, 0, 0, 0];
}

for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < 4; sy++) {
      for (let sx = 0; sx < 4; sx++) {
        const c = colour(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4);
        for (let k = 0; k < 3; k++) acc[k] += c[k] * c[3];
        acc[3] += c[3];
      }
    }
    const i = (y * N + x) * 4;
    const a = acc[3] / 16;
    for (let k = 0; k < 3; k++) px[i + k] = acc[3] ? Math.round(acc[k] / acc[3]) : 0;
    px[i + 3] = Math.round(a);
  }
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  Buffer.from(px.buffer, y * N * 4, N * 4).copy(raw, y * (N * 4 + 1) + 1);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8;
ihdr[9] = 6;
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync('images/icon.png', png);
console.log('images/icon.png written');
