import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, parseDocument, validate, validateSteps } from './engine';
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
