/** $INCLUDE in the editor: followed inside the workspace folders, never outside them. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { TestClient } from '../support/lspClient';

const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.shutdown();
});

test('an included file inside the workspace is read; one outside (also through a link) is not', { timeout: 20000 }, async () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-inc-out-'));
  fs.writeFileSync(path.join(outside, 'secret.inc'), 'www IN A 192.0.2.1\n');
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-inc-ws-'));
  fs.writeFileSync(path.join(ws, 'hosts.inc'), 'mail IN A 203.0.113.25\nbad IN AX 192.0.2.7\n');
  fs.symlinkSync(path.join(outside, 'secret.inc'), path.join(ws, 'linked.inc'));
  const zone = [
    '$ORIGIN example.jp.',
    '$TTL 1h',
    '@ IN SOA ns1 hostmaster 1 2 3 4 5',
    '@ IN NS ns1',
    'ns1 IN A 203.0.113.2',
    '@ IN MX 10 mail',
    '$INCLUDE hosts.inc',
    `$INCLUDE ${path.join(outside, 'secret.inc')}`,
    '$INCLUDE linked.inc',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(ws, 'example.jp.zone'), zone);
  const client = new TestClient();
  clients.push(client);
  await client.initialize({}, ws);
  const uri = pathToFileURL(path.join(ws, 'example.jp.zone')).toString();
  client.open(uri, 'zone', zone);
  const ds = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'zone-include'));
  const byLine = (line: number) => ds.filter((d) => d.range.start.line === line).map((d) => `${d.code}: ${d.message}`);
  assert.ok(byLine(6).some((m) => /zone-include: .*hosts\.inc/.test(m) && /AX/.test(m)), `the error inside hosts.inc is reported on its $INCLUDE line: ${JSON.stringify(ds)}`);
  assert.ok(!ds.some((d) => d.code === 'zone-target-no-address'), 'mail is defined in the included file');
  assert.ok(byLine(7).some((m) => /outside the workspace/.test(m)), JSON.stringify(byLine(7)));
  assert.ok(byLine(8).some((m) => /outside the workspace/.test(m)), JSON.stringify(byLine(8)));
});
