import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_REPORTED, setClock } from './zone-rrsig-validity';
import { edit, expectFindings, rrsig, SIGNED } from './testkit';

const ID = 'zone-rrsig-validity';
// 2026-01-01T00:00:00Z
const NOW = Date.UTC(2026, 0, 1) / 1000;

test('signatures valid now give nothing; expired and future ones are reported', () => {
  const old = setClock(() => NOW);
  try {
    expectFindings(ID, SIGNED);
    const expired = edit(SIGNED, `www ${rrsig('A', 3)}`, 'www RRSIG A 13 3 3600 [[20251231235959]] 20250101000000 2067 example.com. c2lnbmF0dXJl');
    const [f] = expectFindings(ID, expired);
    assert.equal(f.message, 'RRSIG over A at www.example.com. expired on 2025-12-31: validators reject it; re-sign the zone');
    const future = edit(SIGNED, `www ${rrsig('A', 3)}`, 'www RRSIG A 13 3 3600 20300101000000 [[20260102000000]] 2067 example.com. c2lnbmF0dXJl');
    const [g] = expectFindings(ID, future);
    assert.match(g.message, /is not valid before 2026-01-02/);
    // Times written as seconds since the epoch (serial arithmetic around now).
    const secs = edit(SIGNED, `www ${rrsig('A', 3)}`, `www RRSIG A 13 3 3600 [[${NOW - 60}]] ${NOW - 3600} 2067 example.com. c2lnbmF0dXJl`);
    expectFindings(ID, secs);
    // Beyond MAX_REPORTED the rest are summed up on the last one.
    let many = SIGNED;
    for (let i = 0; i < MAX_REPORTED + 2; i++) many += `h${i} A 192.0.2.${i}\nh${i} RRSIG A 13 3 3600 [[20200101000000]] 20190101000000 2067 example.com. c2ln\n`;
    const marks = many.split('[[').length - 1;
    // Only the first MAX_REPORTED marks and the last one are findings.
    let k = 0;
    const fixture = many.replace(/\[\[(\d+)\]\]/g, (_m, d: string) => (++k <= MAX_REPORTED || k === marks ? `[[${d}]]` : d));
    const found = expectFindings(ID, fixture);
    assert.equal(found.length, MAX_REPORTED + 1);
    assert.equal(found[MAX_REPORTED].message, '2 more RRSIG records are expired or not valid yet (the first 50 are reported one by one): re-sign the zone');
  } finally {
    setClock(old);
  }
});
