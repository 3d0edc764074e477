import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext, parseDocument, validate } from '../../engine';
import { readSettings } from '../../settings';
import { markers } from '../../testing';
import { expectFindingsUnder, HEAD as ZHEAD } from './testkit';

function syntaxFindings(src: string, settings = makeContext()): { ranges: { start: number; end: number }[]; expected: { start: number; end: number }[]; codes: unknown[] } {
  const { text, ranges } = markers(src);
  const found = validate(parseDocument('zone', text), settings).filter((f) => f.rule === 'zone-syntax');
  assert.ok(found.every((f) => f.severity === 'error'));
  return {
    ranges: found.map((f) => f.range),
    expected: ranges,
    codes: found.map((f) => (f.data as { code: string }).code),
  };
}

test('zone-syntax reports each parser problem with its exact range', () => {
  const r = syntaxFindings('$TTL 1h\nwww A 192.0.2.1\nbad IN [[AAA]] x\ntxt TXT [["]]v=spf1 -all\nok ( A 192.0.2.1 ) [[)]]\n');
  assert.deepEqual(r.ranges, r.expected);
  assert.deepEqual(r.codes, ['unknown-type', 'unterminated-quote', 'unbalanced-paren']);
});

test('zone-syntax reports nothing for a valid zone', () => {
  const r = syntaxFindings('$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster ( 1 2h 15m 1w 300 )\n  NS ns1\nns1 A 192.0.2.1\n');
  assert.deepEqual(r.ranges, []);
});

test('zone-syntax can be turned off', () => {
  const ctx = makeContext(readSettings({ rules: { 'zone-syntax': 'off' } }));
  const r = syntaxFindings('www A\n', ctx);
  assert.deepEqual(r.ranges, []);
});

test('zone-syntax: TSIG and TKEY records are left to zone-portability under powerdns; other meta types stay errors', () => {
  const fixture = (mark: boolean) => ZHEAD + `t ${mark ? '[[TSIG]]' : 'TSIG'} HMAC-MD5.SIG-ALG.REG.INT. 1 60 0 1 0 0\nq [[AXFR]] x\n`;
  expectFindingsUnder('bind', 'zone-syntax', fixture(true));
  expectFindingsUnder('knot', 'zone-syntax', fixture(true));
  expectFindingsUnder('powerdns', 'zone-syntax', fixture(false));
});
