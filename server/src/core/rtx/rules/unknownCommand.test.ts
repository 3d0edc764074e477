import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, parseDocument, quickFixes, validate } from '../../engine';
import { applyEdits, markers } from '../../testing';
import type { Finding } from '../../types';

const ID = 'rtx-unknown-command';
const findings = (text: string): Finding[] => validate(parseDocument('rtx', text)).filter((f) => f.rule === ID);

test('unknown commands are information, on the first unknown word, with did-you-mean', () => {
  const { text, ranges } = markers(
    [
      'ip lan1 [[adress]] 192.168.1.1/24',
      'ip [[fitler]] 1 pass * *',
      '[[frobnicate]] everything now',
      'pp select 1',
      ' pp auth [[mynme]] user secret',
      '[[ntp]]',
      '[[【NGNとの接続設定】]]',
    ].join('\n'),
  );
  const f = findings(text);
  assert.deepEqual(f.map((x) => x.range), ranges);
  assert.ok(f.every((x) => x.severity === 'info'));
  assert.deepEqual(
    f.map((x) => x.message),
    [
      "unknown command 'ip lan1 adress'; did you mean 'ip lan1 address'?",
      "unknown command 'ip fitler'; did you mean 'ip filter'?",
      "unknown command 'frobnicate'",
      "'pp auth mynme' is not a known command; did you mean 'pp auth myname'?",
      "'ntp' is not a complete command (it continues with: local, backward-compatibility)",
      "unknown command '【NGNとの接続設定】'",
    ],
  );
});

test('an interface number glued to pp/tunnel gets the select hint; a word rtx-syntax reports is not repeated', () => {
  const text = 'ip tunnel1 address 10.0.0.1/30\nip tunnel1 secure filter in 1\n';
  const f = findings(text);
  assert.deepEqual(f.map((x) => x.message), ["unknown command 'ip tunnel1': select it with 'tunnel select 1' and write 'ip tunnel …'"]);
});

test('did-you-mean quick fix replaces the word', () => {
  const text = 'ip lan1 adress 192.168.1.1/24\n';
  const doc = parseDocument('rtx', text);
  const [f] = findings(text);
  const fixes = quickFixes(doc, f, makeContext());
  assert.deepEqual(fixes.map((x) => x.title), ["Change to 'address'"]);
  assert.equal(applyEdits(text, fixes[0].edits), 'ip lan1 address 192.168.1.1/24\n');
  assert.deepEqual(findings(applyEdits(text, fixes[0].edits)), []);
});

test('known commands, operational commands, no forms and families are silent; placeholders are left to rtx-syntax', () => {
  const text = [
    'save',
    'show config',
    'administrator',
    'quit',
    'no ip lan1 secure filter in',
    'switch control function set loopdetect-linkdown linkdown-recovery',
    'alarm http revision-up on',
    'ipsec ike keepalive use 1 on dpd 10 3',
    'ip filter directed-broadcast filter 33',
    'ipv6 lan1/1 rtadv send 10 o_flag=on',
    'nat descriptor masquerade static 1000 1 192.168.1.253 esp',
    'dhcp scope bind 1 192.168.1.20 01 00 30 93 11 0e 33',
    '<?= $template ?>',
  ].join('\n');
  assert.deepEqual(findings(text), []);
});
