import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyOnlyFix, expectFindings } from './testkit';
import { rpzTriggerProblem } from './zone-rpz-trigger';

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

test('zone-rpz-trigger: what each problem says', () => {
  assert.equal(rpzTriggerProblem(['128', '2', 'zz', '3', '2', '2001']), undefined);
  assert.match(rpzTriggerProblem(['128', '2', '0', '0', '0', '0', '3', '2', '2001']) ?? '', /canonical form: write 128\.2\.zz\.3\.2\.2001/);
  assert.match(rpzTriggerProblem(['64', '0', '0', '0', 'zz', '2001']) ?? '', /canonical form: write 64\.zz\.2001/);
  assert.match(rpzTriggerProblem(['24', '0', '2', '0', '0192']) ?? '', /canonical form: write 24\.0\.2\.0\.192/);
  assert.match(rpzTriggerProblem(['128', '1', 'zz', 'zz', '2001']) ?? '', /neither/);
  assert.match(rpzTriggerProblem(['129', '1', 'zz', '2001']) ?? '', /1 to 128/);
  assert.match(rpzTriggerProblem(['128', '1', '2', '3']) ?? '', /8 words/);
  // The first of two equally long zero runs is the one written zz (as inet_ntop writes ::).
  // 1:0:0:1:0:0:1:1 is 1::1:0:0:1:1, reversed 1.1.0.0.1.zz.1.
  assert.match(rpzTriggerProblem(['128', '1', '1', '0', '0', '1', '0', '0', '1']) ?? '', /write 128\.1\.1\.0\.0\.1\.zz\.1$/);
});

test('zone-rpz-trigger fix: the canonical spelling of the trigger labels, the rest of the owner kept', () => {
  const text = RPZ + '128.2.0.0.0.0.3.2.2001.RPZ-IP.rpz.example. CNAME .\n';
  assert.equal(applyOnlyFix('zone-rpz-trigger', text), RPZ + '128.2.zz.3.2.2001.RPZ-IP.rpz.example. CNAME .\n');
  assert.equal(applyOnlyFix('zone-rpz-trigger', RPZ + '24.0.2.0.0192.rpz-ip CNAME .\n'), RPZ + '24.0.2.0.192.rpz-ip CNAME .\n');
});
