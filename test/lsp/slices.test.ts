/**
 * Edits of a large zone, each followed by another document opened and published: the zone's
 * whole analysis, which runs in slices, is dropped or replaced as the edits come, and its quick
 * answers stop when the edits since the last whole analysis span too much. Whatever the server
 * does, every publication must show the findings of the version it is labelled with. (Whether an
 * edit lands in the middle of a whole analysis depends on this machine's timing; `stillAt` in
 * server/src/server/slices.ts, which decides that an analysis is out of date, has its own test.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClient } from '../support/lspClient';
import { hostZoneLines } from '../support/zones';

const lines = hostZoneLines(20000);
const TEXT = lines.join('\n') + '\n';
/** The line of h0, after the five header lines. */
const FIRST = 5;

describe('edits while the whole analysis of a large zone runs', { timeout: 180000 }, () => {
  let client: TestClient;
  const uri = 'file:///ws/sliced.zone';
  before(async () => {
    client = new TestClient();
    await client.initialize();
    client.open(uri, 'zone', TEXT);
    await client.diagnostics(uri, () => true, 60000);
  });
  after(async () => {
    await client.shutdown();
  });

  test('every publication shows the errors typed up to its version, never an older analysis', async () => {
    /** Lines with an error typed in, by version. */
    const typed = new Map<number, number[]>();
    const bad: number[] = [];
    for (let k = 0; k < 8; k++) {
      const line = FIRST + k * 2000;
      const col = lines[line].length;
      const version = client.edit(uri, { start: { line, character: col - 1 }, end: { line, character: col } }, '300');
      bad.push(line);
      typed.set(version, [...bad]);
      // A router log: opening it leaves the workspace's zone facts (and so the zone's analysis) as they are.
      const clock = `file:///ws/clock-${k}.rtxlog`;
      const shown = client.diagnostics(clock, () => true, 60000);
      client.open(clock, 'rtxlog', '2026/11/27 09:07:05: PP[01] Rejected at OUT(42) filter: TCP 192.168.100.37:63579 > 203.0.113.5:25\n');
      await shown;
      client.close(clock);
    }
    // Until the last version's errors are all shown.
    const last = Math.max(...typed.keys());
    while (!client.publications.some((p) => p.uri === uri && p.version === last)) await client.nextDiagnostics(uri, () => true, 60000);
    let checked = 0;
    for (const p of client.publications.filter((q) => q.uri === uri && typed.has(q.version ?? -1))) {
      const lines_ = p.diagnostics.filter((d) => d.code === 'zone-bad-rdata').map((d) => d.range.start.line);
      assert.deepEqual(lines_, typed.get(p.version ?? -1), `publication of version ${p.version}`);
      checked++;
    }
    assert.ok(checked >= 1);
  });
});
