import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRpzTrigger, rpzTriggerOf } from './rpz';

const rpzTriggerProblem = (labels: string[]): string | undefined => {
  const r = readRpzTrigger(labels);
  return 'problem' in r ? r.problem : undefined;
};

test('readRpzTrigger: what each problem says', () => {
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

test('readRpzTrigger: the network of a canonical trigger', () => {
  assert.deepEqual(readRpzTrigger(['24', '0', '2', '0', '192']), { network: '192.0.2.0/24' });
  assert.deepEqual(readRpzTrigger(['128', '2', 'zz', '3', '2', '2001']), { network: '2001:2:3::2/128' });
  assert.deepEqual(readRpzTrigger(['128', '1', 'zz']), { network: '::1/128' });
  assert.deepEqual(readRpzTrigger(['32', 'zz', 'db8', '2001']), { network: '2001:db8::/32' });
  assert.deepEqual(readRpzTrigger(['128', '1', '2', '3', '4', '5', '6', '7', '8']), { network: '8:7:6:5:4:3:2:1/128' });
});

test('rpzTriggerOf: the trigger label right below the apex, in any zone including the root', () => {
  assert.deepEqual(rpzTriggerOf('24.0.2.0.192.rpz-ip.rpz.example.', 'rpz.example.'), { kind: 'rpz-ip', labels: ['24', '0', '2', '0', '192'] });
  assert.deepEqual(rpzTriggerOf('32.1.2.0.192.rpz-nsip.', '.'), { kind: 'rpz-nsip', labels: ['32', '1', '2', '0', '192'] });
  assert.equal(rpzTriggerOf('rpz-ip.rpz.example.', 'rpz.example.'), undefined);
  assert.equal(rpzTriggerOf('1.rpz-ipx.rpz.example.', 'rpz.example.'), undefined);
  assert.equal(rpzTriggerOf('24.0.2.0.192.rpz-ip.other.example.', 'rpz.example.'), undefined);
});
