/** The editor's limits: a capped number of diagnostics, and syntax rules only on very large files. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClient } from '../support/lspClient';

describe('diagnostic limits', { timeout: 120000 }, () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  test('at most 1000 diagnostics, then a note saying how many more there are', async () => {
    const lines = ['$ORIGIN example.jp.', '$TTL 1h', '@ IN SOA ns1 hostmaster 1 2 3 4 5', '@ IN NS ns1', 'ns1 IN A 192.0.2.1'];
    for (let i = 0; i < 1500; i++) lines.push(`h${i} IN A 300.0.0.${i % 250}`);
    const uri = 'file:///ws/many.zone';
    client.open(uri, 'zone', lines.join('\n') + '\n');
    const ds = await client.diagnostics(uri, (d) => d.length > 0, 30000);
    assert.equal(ds.length, 1001);
    const last = ds[ds.length - 1];
    assert.equal(last.code, undefined);
    assert.match(last.message, /and 500 more problems not shown/);
  });

  test('a file over 32 MiB gets its syntax checked, the other rules skipped, and says so', async () => {
    const head = '$ORIGIN example.jp.\n$TTL 1h\n@ IN SOA ns1 hostmaster 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 192.0.2.1\n@ IN TXT "v-spf1 -all"\nbad IN TXT "unterminated\n';
    const filler = `; ${'x'.repeat(1022)}\n`;
    const text = head + filler.repeat(Math.ceil((33 * 1024 * 1024) / filler.length));
    const uri = 'file:///ws/huge.zone';
    client.open(uri, 'zone', text);
    const ds = await client.diagnostics(uri, (d) => d.length > 0, 100000);
    const codes = ds.map((d) => d.code);
    assert.ok(codes.includes('zone-syntax'), JSON.stringify(codes));
    assert.ok(!codes.includes('spf-version-typo'), 'non-syntax rules are skipped');
    assert.match(ds[0].message, /Large file \(\d+ MiB\): only the syntax rules run/);
    client.close(uri);
    await client.diagnostics(uri, (d) => d.length === 0, 30000);
  });
});
