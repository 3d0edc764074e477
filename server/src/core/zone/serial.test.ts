import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editorActions, executeCommand, parseDocument } from '../engine';
import { applyEdits } from '../testing';
import { BUMP_SERIAL_COMMAND, isDateSerial, nextSerial } from './serial';

const today = { year: 2026, month: 11, day: 28 };

test('date serials move to today, or count up within the day', () => {
  assert.equal(nextSerial(2024010101, today), 2026112800);
  assert.equal(nextSerial(2026112800, today), 2026112801);
  assert.equal(nextSerial(2026112841, today), 2026112842);
  // A date in the future only counts up.
  assert.equal(nextSerial(2027010100, today), 2027010101);
});

test('other serials get +1, wrapping at 2^32', () => {
  assert.equal(nextSerial(1, today), 2);
  assert.equal(nextSerial(41, today), 42);
  assert.equal(nextSerial(1234567890, today), 1234567891);
  assert.equal(nextSerial(4294967295, today), 0);
  assert.equal(isDateSerial(2026023001), false, 'no 30 February');
  assert.equal(isDateSerial(2024022901), true);
});

const ZONE = `$ORIGIN example.com.
@ IN SOA ns1 hostmaster (
        2024010101 ; serial
        1h 15m 1w 1h )
  IN NS ns1
www IN A 192.0.2.1
`;

test('"Bump SOA serial" is offered on the SOA record and edits the serial only', () => {
  const doc = parseDocument('zone', ZONE);
  const onSoa = editorActions(doc, { start: ZONE.indexOf('hostmaster'), end: ZONE.indexOf('hostmaster') }, { today });
  assert.equal(onSoa.length, 1);
  assert.equal(onSoa[0].title, 'Bump SOA serial');
  assert.equal(onSoa[0].command, BUMP_SERIAL_COMMAND);
  assert.equal(applyEdits(ZONE, onSoa[0].edits), ZONE.replace('2024010101', '2026112800'));
  const www = ZONE.indexOf('www');
  assert.deepEqual(editorActions(doc, { start: www, end: www + 3 }, { today }), []);
});

test('the command bumps the serial wherever the cursor is; no SOA, no edit', () => {
  const doc = parseDocument('zone', ZONE.replace('2024010101', '7'));
  assert.equal(applyEdits(doc.text, executeCommand(doc, BUMP_SERIAL_COMMAND, { today })!), ZONE.replace('2024010101', '8'));
  assert.equal(executeCommand(parseDocument('zone', 'www IN A 192.0.2.1\n'), BUMP_SERIAL_COMMAND, { today }), undefined);
  assert.equal(executeCommand(doc, 'senderGuard.noSuchCommand', { today }), undefined);
  assert.equal(executeCommand(parseDocument('rtx', 'ip lan1 address 192.168.0.1/24\n'), BUMP_SERIAL_COMMAND, { today }), undefined);
});
