import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, validate } from '../../engine';
import { expectFindings, HEAD } from './testkit';

test('zone-multiple-cnames', () => {
  expectFindings('zone-multiple-cnames', HEAD + 'www CNAME a\nwww [[CNAME]] b\nftp CNAME a\n');
});

test('zone-multiple-cnames: the same CNAME written twice is one record (RFC 2181 §5), a duplicate, not a second CNAME', () => {
  // Relative and absolute, upper and lower case: the same target each time.
  const text = HEAD + 'www CNAME a\nwww 300 CNAME A.example.com.\nwww CNAME a ; again\nwww [[CNAME]] b\n';
  const found = expectFindings('zone-multiple-cnames', text);
  assert.equal(found.length, 1);
  const dups = validate(parseDocument('zone', text.replace(/\[\[|\]\]/g, ''))).filter((f) => f.rule === 'zone-duplicate-record');
  assert.equal(dups.length, 2);
});
