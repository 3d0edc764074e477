import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_SCHEMA } from './settings';

test('readSettings: zone.server is bind by default and takes knot or powerdns', () => {
  assert.deepEqual(DEFAULT_SETTINGS.zone, { server: 'bind' });
  assert.deepEqual(readSettings(undefined).zone, { server: 'bind' });
  assert.deepEqual(readSettings({ zone: { server: 'knot' } }).zone, { server: 'knot' });
  assert.deepEqual(readSettings({ zone: { server: 'powerdns' } }).zone, { server: 'powerdns' });
});

test('readSettings: a bad zone.server falls back to bind without touching the other settings', () => {
  for (const zone of [{ server: 'Knot' }, { server: 'nsd' }, { server: 3 }, { server: null }, 'knot', [], null]) {
    const s = readSettings({ zone, mailServers: ['192.0.2.1'] });
    assert.deepEqual(s.zone, { server: 'bind' }, JSON.stringify(zone));
    assert.deepEqual(s.mailServers, ['192.0.2.1']);
  }
});

test('SETTINGS_SCHEMA: senderGuard.zone.server lists the servers, bind first and default', () => {
  const entry = SETTINGS_SCHEMA['senderGuard.zone.server'];
  assert.deepEqual(entry.enum, ['bind', 'knot', 'powerdns']);
  assert.equal(entry.default, 'bind');
  assert.equal((entry.enumDescriptions as string[]).length, 3);
});
