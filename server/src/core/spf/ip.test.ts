import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as ipaddr from 'ipaddr.js';
import { addressNumbers, ip4Number, ip4Within, ip6Parts, ip6Text, ip6Within } from './ip';

/** A small deterministic generator, so a failure names the seed it came from. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('ip4Number reads exactly what isValidFourPartDecimal accepts, with the value ipaddr.js gives', () => {
  const valid = ['0.0.0.0', '10.0.0.1', '192.0.2.255', '255.255.255.255', '1.22.133.4'];
  for (const t of valid) {
    const [a, b, c, d] = ipaddr.IPv4.parse(t).octets;
    assert.equal(ip4Number(t), ((a << 24) | (b << 16) | (c << 8) | d) >>> 0, t);
  }
  const invalid = ['', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.256', '1.2.3.1000', '1..3.4', '1.2.3.4.', '.1.2.3', '1.2.3.x', '0x1.2.3.4', '1.2.3.-4', ' 1.2.3.4'];
  for (const t of invalid) {
    assert.equal(ip4Number(t), undefined, t);
    assert.equal(ipaddr.IPv4.isValidFourPartDecimal(t), false, `${t} (the reference agrees)`);
  }
  const next = random(4);
  for (let i = 0; i < 2000; i++) {
    const t = [0, 0, 0, 0].map(() => Math.floor(next() * 300)).join('.');
    const n = ip4Number(t);
    assert.equal(n !== undefined, ipaddr.IPv4.isValidFourPartDecimal(t), t);
  }
});

test('ip6Parts gives the parts ipaddr.js gives for hex-group text, and leaves other shapes to it', () => {
  const next = random(6);
  for (let i = 0; i < 3000; i++) {
    const parts = Array.from({ length: 8 }, () => (next() < 0.4 ? 0 : Math.floor(next() * 0x10000)));
    const a = new ipaddr.IPv6(parts);
    for (const text of [a.toString(), a.toNormalizedString(), parts.map((p) => p.toString(16).padStart(4, '0')).join(':'), a.toString().toUpperCase()]) {
      assert.deepEqual(ip6Parts(text), parts, text);
    }
    assert.equal(ip6Text(parts), a.toString(), `${parts}`);
  }
  for (const parts of [[0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0, 0, 0], [1, 0, 1, 0, 0, 1, 0, 0], [0, 0, 1, 0, 0, 1, 0, 0], [1, 0, 2, 3, 4, 5, 6, 7], [0, 0, 0, 0, 0, 0xffff, 0xc000, 0x201]]) {
    assert.equal(ip6Text(parts), new ipaddr.IPv6(parts).toString(), `${parts}`);
  }
  for (const t of ['::', '::1', '1::', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '2001:db8::b3:0']) {
    assert.deepEqual(ip6Parts(t), ipaddr.IPv6.parse(t).parts, t);
  }
  // Not hex groups: left to ipaddr.js (which accepts the first two, refuses the rest).
  for (const t of ['::ffff:192.0.2.1', 'fe80::1%eth0', '1:2:3:4:5:6:7:8:9', '::1:2:3:4:5:6:7:8', '1::2::3', ':1::', '1:::2', '12345::', 'g::', '', ':', '1:2:3:4:5:6:7']) {
    assert.equal(ip6Parts(t), undefined, t);
  }
});

test('ip4Within and ip6Within agree with ipaddr.js match at every prefix length', () => {
  const next = random(8);
  for (let i = 0; i < 500; i++) {
    const a4 = Array.from({ length: 4 }, () => Math.floor(next() * 256));
    const n4 = a4.map((o) => (next() < 0.7 ? o : Math.floor(next() * 256)));
    const num = (o: number[]) => ip4Number(o.join('.'))!;
    for (let len = 0; len <= 32; len++) {
      assert.equal(ip4Within(num(a4), num(n4), len), new ipaddr.IPv4(a4).match(new ipaddr.IPv4(n4), len), `${a4.join('.')} in ${n4.join('.')}/${len}`);
    }
    const a6 = Array.from({ length: 8 }, () => Math.floor(next() * 0x10000));
    const n6 = a6.map((p) => (next() < 0.8 ? p : p ^ (1 << Math.floor(next() * 16))));
    const list = [7, 7, 7, 7, 7, 7, 7, 7, ...a6];
    for (let len = 0; len <= 128; len++) {
      assert.equal(ip6Within(list, 8, n6, len), new ipaddr.IPv6(a6).match(new ipaddr.IPv6(n6), len), `${a6} in ${n6}/${len}`);
    }
  }
});

test('addressNumbers reads IPv4 as a number and IPv6 as parts, other IPv6 shapes through ipaddr.js', () => {
  assert.equal(addressNumbers('192.0.2.1'), ip4Number('192.0.2.1'));
  assert.deepEqual(addressNumbers('2001:db8::1'), [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(addressNumbers('::ffff:192.0.2.1'), ipaddr.IPv6.parse('::ffff:192.0.2.1').parts);
  for (const t of ['', '192.0.2', '010.0.0.1', '2001:db8::g', '1::2::3', 'mail.example.']) assert.equal(addressNumbers(t), undefined, t);
});
