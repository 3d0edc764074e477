import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument, validate } from '../../engine';
import { markers } from '../../testing';

function syntaxFindings(src: string): { ranges: { start: number; end: number }[]; got: { start: number; end: number }[]; messages: string[] } {
  const { text, ranges } = markers(src);
  const found = validate(parseDocument('rtx', text)).filter((f) => f.rule === 'rtx-syntax');
  for (const f of found) assert.equal(f.severity, 'error');
  return { ranges, got: found.map((f) => f.range), messages: found.map((f) => f.message) };
}

test('rtx-syntax: the range covers the wrong field and the message names it', () => {
  const r = syntaxFindings(
    [
      'ip filter 1 pass * * udp,[[tpc]] * smtp',
      'ip filter 2 [[rejct]] *',
      'ip filter 3 pass 192.168.0.0/16,[[10.0.0.0/40]] *',
      'ip filter 4 pass * * tcp * [[smpt]]',
      'ip filter [[x5]] pass *',
      'pp select 1',
      ' ip pp secure filter out 1 2 [[three]]',
      ' ip [[tunnel1]] secure filter in 1',
      'ip filter dynamic 9 * * [[http2]]',
    ].join('\n'),
  );
  assert.deepEqual(r.got, r.ranges);
  assert.deepEqual(r.messages, [
    "protocol: unknown protocol 'tpc'",
    "action: unknown action 'rejct' (pass, pass-log, pass-nolog, reject, reject-log, reject-nolog, restrict, restrict-log, restrict-nolog)",
    "source address: '40' is not a mask (prefix length 0-32, dotted mask or 0x hex)",
    "destination port: unknown port name 'smpt'",
    "filter number: 'x5' is not a number",
    "filter list: 'three' is not a filter number",
    "interface: 'tunnel1' is not accepted; select it with 'tunnel select 1' and write 'ip tunnel secure filter …'",
    "application: unknown application 'http2'",
  ]);
});

test('rtx-syntax: silent on valid configs and unknown commands', () => {
  const r = syntaxFindings('ip filter 1 pass * * tcp * smtp\nfrobnicate on\nip lan1 secure filter in 1\n');
  assert.deepEqual(r.got, []);
});
