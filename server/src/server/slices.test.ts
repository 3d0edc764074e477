import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runInSlices, stillAt, type SlicedJob } from './slices';

/** A job of `n` steps, each taking `cost` ms on a fake clock; records what happens. */
function harness(n: number, cost: number, sliceMs: number, wanted: (slice: number) => boolean = () => true) {
  let clock = 0;
  const queue: (() => void)[] = [];
  const log: string[] = [];
  let slices = 0;
  function* steps(): Generator<void, string, void> {
    for (let i = 0; i < n; i++) {
      clock += cost;
      log.push(`step ${i}`);
      yield;
    }
    return 'value';
  }
  const job: SlicedJob<string> = {
    wanted: () => wanted(slices++),
    done: (v, busy) => log.push(`done ${v} ${busy}`),
    failed: (e) => log.push(`failed ${String(e)}`),
  };
  runInSlices(steps(), job, { sliceMs, defer: (next) => queue.push(next), now: () => clock });
  const pause = () => log.push('pause');
  /** Runs the deferred slices one at a time, marking each pause. */
  const drain = () => {
    while (queue.length) {
      pause();
      queue.shift()!();
    }
  };
  return { log, drain, queue };
}

test('works for a slice, then gives the event loop back, until the job is done', () => {
  const h = harness(5, 10, 20);
  // The first slice runs at once: two steps of 10 ms reach the 20 ms slice.
  assert.deepEqual(h.log, ['step 0', 'step 1']);
  assert.equal(h.queue.length, 1);
  h.drain();
  // The generator's last `next()` (the one that returns) ends the last slice; busy time counts only the steps.
  assert.deepEqual(h.log, ['step 0', 'step 1', 'pause', 'step 2', 'step 3', 'pause', 'step 4', 'done value 50']);
});

test('a short job ends in the first slice, before runInSlices returns', () => {
  const h = harness(3, 1, 20);
  assert.deepEqual(h.log, ['step 0', 'step 1', 'step 2', 'done value 3']);
  assert.equal(h.queue.length, 0);
});

test('a job no longer wanted is dropped before its next slice', () => {
  const h = harness(10, 10, 20, (slice) => slice < 2);
  h.drain();
  assert.deepEqual(h.log, ['step 0', 'step 1', 'pause', 'step 2', 'step 3', 'pause']);
});

test('a step that throws ends the job with failed, not an exception', () => {
  const queue: (() => void)[] = [];
  const log: string[] = [];
  function* steps(): Generator<void, number, void> {
    yield;
    throw new Error('boom');
  }
  runInSlices(steps(), { wanted: () => true, done: () => log.push('done'), failed: (e) => log.push(`failed ${(e as Error).message}`) }, { sliceMs: 0, defer: (next) => queue.push(next) });
  while (queue.length) queue.shift()!();
  assert.deepEqual(log, ['failed boom']);
});

test('stillAt remembers the version a job started on, though the document object changes in place', () => {
  const doc = { version: 3 };
  let open: { version: number } | undefined = doc;
  const same = stillAt(doc, () => open);
  assert.equal(same(), true);
  doc.version = 4;
  assert.equal(same(), false, 'an edit moved the document on');
  doc.version = 3;
  open = undefined;
  assert.equal(same(), false, 'the document was closed');
});
