import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as ipaddr from 'ipaddr.js';
import { MAIL_PROVIDERS, providerByInclude, providerOf } from './providers';

test('every published network parses, is a network address, and the ids and includes are unique', () => {
  for (const p of MAIL_PROVIDERS) {
    for (const n of p.networks) {
      const [address, length] = ipaddr.parseCIDR(n);
      const cls = address.kind() === 'ipv4' ? ipaddr.IPv4 : ipaddr.IPv6;
      assert.equal(cls.networkAddressFromCIDR(n).toString(), address.toString(), `${p.id}: ${n} has host bits set`);
      assert.ok(length >= 8, `${p.id}: ${n} is implausibly wide`);
    }
    assert.ok(p.source.length > 0 && /^[a-z0-9_.-]+\.[a-z]+$/.test(p.include), p.id);
  }
  assert.equal(new Set(MAIL_PROVIDERS.map((p) => p.id)).size, MAIL_PROVIDERS.length);
  assert.equal(new Set(MAIL_PROVIDERS.map((p) => p.include)).size, MAIL_PROVIDERS.length);
});

test('an address or network inside a published range names its provider and the range', () => {
  assert.deepEqual(
    (({ provider, network }) => [provider.id, network])(providerOf('209.85.220.41', 32)!),
    ['google', '209.85.128.0/17'],
  );
  assert.equal(providerOf('40.107.0.0', 16)?.provider.include, 'spf.protection.outlook.com');
  assert.equal(providerOf('54.240.8.0', 21)?.provider.id, 'amazonses');
  assert.equal(providerOf('167.89.0.0', 17)?.network, '167.89.0.0/17');
  assert.equal(providerOf('198.2.128.1', 32)?.provider.include, 'servers.mcsv.net');
  assert.equal(providerOf('50.31.156.100', 32)?.provider.name, 'Postmark');
  assert.equal(providerOf('2607:f8b0:4864:20::42c', 128)?.network, '2607:f8b0:4000::/36');
  assert.equal(providerOf('2a01:111:f403:2c00::', 56)?.provider.id, 'microsoft365');
});

test('a network wider than the published range, or outside every range, names no provider', () => {
  assert.equal(providerOf('40.106.0.0', 15), undefined); // 40.106/15 also covers 40.106.x, not Microsoft's
  assert.equal(providerOf('209.85.0.0', 16), undefined);
  assert.equal(providerOf('192.0.2.1', 32), undefined);
  assert.equal(providerOf('2001:db8::1', 128), undefined);
  assert.equal(providerOf('not an address', 32), undefined);
});

test('a provider is found by its include target', () => {
  assert.equal(providerByInclude('_spf.google.com')?.id, 'google');
  assert.equal(providerByInclude('spf.sender.xserver.jp')?.networks.length, 0);
  assert.equal(providerByInclude('example.com'), undefined);
});
