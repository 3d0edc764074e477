import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindings, HEAD } from './testkit';
import { parseDocument, validate } from '../../engine';
import { substitute } from '../generate';

test('$GENERATE substitutions', () => {
  assert.equal(substitute('host-$', 7), 'host-7');
  assert.equal(substitute('${10,4,d}', 7), '0017');
  assert.equal(substitute('${0,3,x}.${0,0,X}', 255), '0ff.FF');
  assert.equal(substitute('${0,0,o}', 8), '10');
  assert.equal(substitute('$$ \\$', 1), '$ $');
  assert.equal(substitute('${0,0,n}', 0x1a), 'a.1');
  assert.equal(substitute('${-1}', 5), '4');
});

test('zone-generate: bad data, huge ranges', () => {
  expectFindings('zone-generate', HEAD + '$GENERATE 1-10 host$ A 192.0.2.$\n$GENERATE 250-260 h$ A [[192.0.2.$]]\n');
  const [f] = expectFindings('zone-generate', HEAD + '$GENERATE [[0-4294967295]] h$ A 192.0.2.1\n');
  assert.match(f.message, /4294967296 records; only the first 8192/);
});

test('generated records are zone data for the other checks', () => {
  const text = HEAD + '$GENERATE 1-3 www$ CNAME ns1\nwww2 A 192.0.2.2\n';
  const found = validate(parseDocument('zone', text)).filter((f) => f.rule === 'zone-cname-and-other-data');
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0].range.start, found[0].range.end), '$GENERATE 1-3 www$ CNAME ns1');
});
