import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncludeReader } from '../../language';
import { parseDocument, quickFixes, validate } from '../../engine';
import { applyEdits } from '../../testing';
import type { ZoneModel } from '../model';
import { expectFindings } from './testkit';

const files: Record<string, string> = {
  'file:///z/hosts': '$TTL 1h\nwww A 192.0.2.80\n',
  'file:///z/same': '$TTL 300\nftp A 192.0.2.21\n',
  'file:///z/plain': 'ftp A 192.0.2.21\n',
};
const reader: IncludeReader = (path, from) => {
  const uri = new URL(path, from ?? 'file:///z/').href;
  const text = files[uri];
  return text === undefined ? { error: 'no such file' } : { text, uri };
};
const opts = { includeReader: reader, uri: 'file:///z/main.zone' };
const HEAD = '$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 hostmaster 1 2h 15m 1w 300\n@ NS ns1\nns1 A 192.0.2.1\n';

test('zone-include-ttl: an included $TTL that later records would take on BIND', () => {
  const [f] = expectFindings('zone-include-ttl', `${HEAD}[[$INCLUDE]] hosts\nmail A 192.0.2.25\n  AAAA 2001:db8::25\nold 600 A 192.0.2.99\n`, opts);
  assert.match(f.message, /'hosts' sets \$TTL 3600 \(1 hour\), which BIND keeps after this \$INCLUDE: the 2 records after it without a TTL of their own get 3600 \(1 hour\) on BIND but 300 \(5 minutes\) on Knot DNS and here/);
});

test('zone-include-ttl: nothing when no record relies on it, the TTLs agree, or the file sets none', () => {
  expectFindings('zone-include-ttl', `${HEAD}$INCLUDE hosts\nold 600 A 192.0.2.99\n`, opts);
  expectFindings('zone-include-ttl', `${HEAD}$INCLUDE hosts\n$TTL 120\nmail A 192.0.2.25\n`, opts);
  expectFindings('zone-include-ttl', `${HEAD}$INCLUDE same\nmail A 192.0.2.25\n`, opts);
  expectFindings('zone-include-ttl', `${HEAD}$INCLUDE plain\nmail A 192.0.2.25\n`, opts);
  // Without a reader the included file is unknown.
  assert.equal(validate(parseDocument('zone', `${HEAD}$INCLUDE hosts\nmail A 192.0.2.25\n`)).filter((f) => f.rule === 'zone-include-ttl').length, 0);
});

test('zone-include-ttl: the fix writes the $TTL again after the $INCLUDE, and the records keep their TTLs', () => {
  const text = `${HEAD}$INCLUDE hosts\nmail A 192.0.2.25\n  AAAA 2001:db8::25\n`;
  const doc = parseDocument('zone', text, opts);
  const f = validate(doc).find((x) => x.rule === 'zone-include-ttl')!;
  const fixes = quickFixes(doc, f);
  assert.equal(fixes[0].title, 'Write $TTL 300 after the $INCLUDE');
  const fixed = applyEdits(text, fixes[0].edits);
  assert.equal(fixed, `${HEAD}$INCLUDE hosts\n$TTL 300\nmail A 192.0.2.25\n  AAAA 2001:db8::25\n`);
  const after = parseDocument('zone', fixed, opts);
  assert.equal(validate(after).filter((x) => x.rule === 'zone-include-ttl').length, 0);
  const summary = (m: unknown): string[] => (m as ZoneModel).records.map((r) => `${r.owner} ${r.ttl} ${r.type}`);
  assert.deepEqual(summary(after.model), summary(doc.model));
});

test('zone-include-ttl: no $TTL before the $INCLUDE: reported, but no fix (nothing restores "no default")', () => {
  const text = '$ORIGIN example.com.\n@ 300 SOA ns1 hostmaster 1 2h 15m 1w 300\n@ NS ns1\n$INCLUDE hosts\nmail A 192.0.2.25\n';
  const doc = parseDocument('zone', text, opts);
  const f = validate(doc).find((x) => x.rule === 'zone-include-ttl')!;
  assert.match(f.message, /but the TTL of the record before them on Knot DNS and here\. Give them a TTL/);
  assert.deepEqual(quickFixes(doc, f), []);
});
