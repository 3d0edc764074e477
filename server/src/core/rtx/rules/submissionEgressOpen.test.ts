import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument, validate } from '../../engine';
import type { Finding } from '../../types';
import { CONFIG_A, CONFIG_B, withFilters, withOutList } from '../testdata';

const ID = 'rtx-submission-egress-open';
const findings = (text: string): Finding[] => validate(parseDocument('rtx', text)).filter((f) => f.rule === ID);

test('next to an open port 25, 465/587 open too are information on the same list', () => {
  const [f, ...rest] = findings(CONFIG_A);
  assert.deepEqual(rest, []);
  assert.equal(f.severity, 'info');
  assert.ok(CONFIG_A.slice(f.range.start, f.range.end).startsWith('ip pp secure filter out 200013'));
  assert.equal(
    f.message,
    'Mail submission (TCP 465 and 587) from the LAN is open on pp 1 as well. That is normal: submission needs the mailbox password, so mail clients keep working when only port 25 is closed.',
  );
  assert.deepEqual(f.data, { family: 4, wan: 'pp 1', ports: [465, 587] });
});

test('names only the ports that are open', () => {
  const text = withFilters(['ip filter 43 reject * * tcp * 465'], withOutList('43 200013 200099'));
  assert.match(findings(text)[0].message, /^Mail submission \(TCP 587\) from the LAN is open on pp 1 as well/);
  const closed = withFilters(['ip filter 43 reject * * tcp * 465,submission'], withOutList('43 200013 200099'));
  assert.deepEqual(findings(closed), []);
});

test('silent once port 25 is controlled (Config B), whatever 465/587 do', () => {
  assert.deepEqual(findings(CONFIG_B), []);
});
