import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument, validate } from './engine';

const ZONE = '$ORIGIN example.jp.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 192.0.2.1\n';

test('senderguard-disable-next-line silences the named rule on the next line only', () => {
  const text = `${ZONE}; senderguard-disable-next-line spf-invalid-ip\n@ IN TXT "v=spf1 ip4:192.0.2.300 -all"\nwww IN TXT "v=spf1 ip4:192.0.2.301 -all"\n`;
  const found = validate(parseDocument('zone', text)).filter((f) => f.rule === 'spf-invalid-ip');
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0].range.start, found[0].range.end), '192.0.2.301');
});

test('without rule ids every rule is silenced on that line; other rules named leave it alone', () => {
  const all = `${ZONE};senderguard-disable-next-line\n@ IN TXT "v-spf1 ip4:192.0.2.300 -all"\n`;
  assert.deepEqual(validate(parseDocument('zone', all)).map((f) => f.rule), []);
  const other = `${ZONE}; senderguard-disable-next-line spf-ptr, spf-syntax\n@ IN TXT "v=spf1 ip4:192.0.2.300 -all"\n`;
  assert.deepEqual(validate(parseDocument('zone', other)).map((f) => f.rule).filter((r) => r.startsWith('spf-')), ['spf-invalid-ip']);
});

test('Yamaha configs use # comments', () => {
  const rtx = '# senderguard-disable-next-line rtx-syntax\nip filter 1 pass * * tpc\nip filter 2 pass * * tpc\n';
  const found = validate(parseDocument('rtx', rtx)).filter((f) => f.rule === 'rtx-syntax');
  assert.equal(found.length, 1);
  assert.ok(found[0].range.start > rtx.indexOf('ip filter 2'));
});
