import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, parseDocument, runCheck, validate, validateSteps } from './engine';
import type { Report } from './types';
import { rulesFor } from './registry';
import { DEFAULT_SETTINGS } from './settings';

const ZONE = [
  '$ORIGIN example.jp.',
  '$TTL 1h',
  '@ IN SOA ns1 hostmaster 1 2 3 4 5',
  '@ IN NS ns1',
  'ns1 IN A 192.0.2.1',
  '@ IN TXT "v-spf1 ip4:192.0.2.300 -all"',
  'www IN CNAME web',
  'www IN A 192.0.2.7',
  '',
].join('\n');

test('validateSteps pauses once per enabled rule and ends with what validate returns', () => {
  const doc = parseDocument('zone', ZONE);
  const off = ['spf-invalid-ip', 'zone-portability', 'zone-wildcard'];
  const ctx = makeContext({ ...DEFAULT_SETTINGS, rules: Object.fromEntries(off.map((id) => [id, 'off'])) });
  const steps = validateSteps(doc, ctx);
  let pauses = 0;
  let step = steps.next();
  for (; !step.done; step = steps.next()) pauses++;
  assert.equal(pauses, rulesFor('zone').length - off.length);
  const whole = validate(doc, ctx);
  assert.deepEqual(whole.map((f) => f.rule), ['spf-version-typo', 'zone-cname-and-other-data']);
  assert.deepEqual(step.value, whole);
});

test('checks in steps: validateSteps pauses inside them on a large zone and still ends with what validate returns', () => {
  const hosts = Array.from({ length: 3000 }, (_, i) => `h${i} IN A 10.0.${i >> 8}.${i & 255}\nh${i} IN MX 10 ns1\nh${i} IN TXT "v=spf1 ip4:192.0.2.0/24 mx -all"\n`);
  const doc = parseDocument('zone', ZONE + hosts.join(''));
  const ctx = makeContext();
  const steps = validateSteps(doc, ctx);
  let pauses = 0;
  let step = steps.next();
  for (; !step.done; step = steps.next()) pauses++;
  // Once per rule, and inside the SPF, sender and zone-data checks (spf-lookup-limit alone reads 3000 records).
  assert.ok(pauses > rulesFor('zone').length + 20, `${pauses} pauses`);
  const whole = validate(doc, ctx);
  assert.deepEqual(step.value, whole);
  // Every host sends mail (SPF and MX) without DMARC or DKIM.
  assert.equal(whole.filter((f) => f.rule === 'sender-requirements').length, 3000);
});

test('runCheck drains a check in steps and runs a plain one', () => {
  const meta = { id: 'x', language: 'zone', severity: 'error', description: '' } as const;
  const seen: string[] = [];
  const stepped = {
    meta,
    *check(_m: unknown, _c: unknown, report: (r: Report) => void) {
      report({ range: { start: 0, end: 0 }, message: 'a' });
      yield;
      report({ range: { start: 0, end: 0 }, message: 'b' });
    },
  };
  const plain = {
    meta,
    check(_m: unknown, _c: unknown, report: (r: Report) => void) {
      report({ range: { start: 0, end: 0 }, message: 'c' });
    },
  };
  for (const rule of [stepped, plain]) runCheck(rule, undefined, makeContext(), (r) => seen.push(r.message));
  assert.deepEqual(seen, ['a', 'b', 'c']);
});
