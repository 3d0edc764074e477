import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyOnlyFix, expectFindings } from './testkit';

const RPZ = '$ORIGIN rpz.example.\n$TTL 300\n@ SOA . . 1 1h 15m 1w 300\n@ NS .\n';

test('zone-rpz-trigger: canonical IPv4 and IPv6 triggers pass, others are reported on the owner', () => {
  expectFindings(
    'zone-rpz-trigger',
    RPZ +
      '24.0.2.0.192.rpz-ip CNAME .\n' +
      '128.2.zz.3.2.2001.rpz-ip CNAME .\n' +
      '32.1.2.0.192.rpz-client-ip CNAME rpz-passthru.\n' +
      '[[128.2.0.0.0.0.3.2.2001.rpz-ip]] CNAME .\n' +
      '[[33.1.2.0.192.rpz-nsip]] CNAME .\n' +
      '[[24.0.2.0.300.rpz-ip]] CNAME .\n' +
      '[[x.0.2.0.192.rpz-ip]] CNAME .\n' +
      // Other names are not triggers: a label that merely starts with rpz-, a name below another zone.
      '1.rpz-ipx CNAME .\nwww A 192.0.2.1\n',
  );
});

test('zone-rpz-trigger fix: the canonical spelling of the trigger labels, the rest of the owner kept', () => {
  const text = RPZ + '128.2.0.0.0.0.3.2.2001.RPZ-IP.rpz.example. CNAME .\n';
  assert.equal(applyOnlyFix('zone-rpz-trigger', text), RPZ + '128.2.zz.3.2.2001.RPZ-IP.rpz.example. CNAME .\n');
  assert.equal(applyOnlyFix('zone-rpz-trigger', RPZ + '24.0.2.0.0192.rpz-ip CNAME .\n'), RPZ + '24.0.2.0.192.rpz-ip CNAME .\n');
});
