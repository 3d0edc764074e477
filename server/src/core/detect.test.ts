import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from './detect';

test('language by file name', () => {
  assert.equal(detectLanguage('/x/example.com.zone', ''), 'zone');
  assert.equal(detectLanguage('db.example', ''), 'zone');
  assert.equal(detectLanguage('C:\\cfg\\router.rtx', ''), 'rtx');
  assert.equal(detectLanguage('a/router.rtxlog', ''), 'rtxlog');
  assert.equal(detectLanguage('/etc/bind/named.root', ''), 'zone');
  assert.equal(detectLanguage('/etc/bind/named.conf', ''), undefined);
});

test('language by content', () => {
  assert.equal(detectLanguage('config.txt', '# RTX1210 Rev.14.01.42 (Fri Jul  5 11:17:45 2024)\nip lan1 address 192.168.0.1/24\n'), 'rtx');
  assert.equal(detectLanguage('config.txt', '\uFEFF# NVR510 Rev.15.01.14 (Tue Apr 13 2021)\n'), 'rtx');
  assert.equal(detectLanguage('zonefile', '; comment\n$ORIGIN example.com.\n'), 'zone');
  assert.equal(detectLanguage('zonefile', 'example.com. 3600 IN SOA ns1 host 1 2 3 4 5\n'), 'zone');
  assert.equal(detectLanguage('syslog', '2026/11/27 09:12:01: PP[01] Rejected at OUT(42) filter: TCP 192.168.1.5:63579 > 198.51.100.25:25\n'), 'rtxlog');
  assert.equal(detectLanguage('readme.md', '# Title\nSome text\n'), undefined);
  assert.equal(detectLanguage('empty', ''), undefined);
});

test('Yamaha logs behind a syslog daemon are recognised too', () => {
  assert.equal(detectLanguage('messages', 'Jun  7 18:54:51 192.0.2.1  [IKE][1] DPD: send R-U-THERE\n'), 'rtxlog');
  assert.equal(detectLanguage('messages', '<190>[NAT(1000):LAN2] Released UDP 192.168.0.2.53000 <-> 203.0.113.1.53000 ==> 198.51.100.1.53\n'), 'rtxlog');
  assert.equal(detectLanguage('messages', 'Jun  7 18:54:51 host sshd[123]: Accepted publickey for root\n'), undefined);
});
