import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completion, parseDocument } from '../engine';

const HEAD = '$ORIGIN example.jp.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n';

function at(line: string): { labels: string[]; entries: ReturnType<typeof completion>; offset: number; text: string } {
  const i = line.indexOf('|');
  const text = HEAD + line.slice(0, i) + line.slice(i + 1) + '\n';
  const offset = HEAD.length + i;
  const entries = completion(parseDocument('zone', text), offset);
  return { labels: entries.map((e) => e.label), entries, offset, text };
}

test('mechanisms and modifiers at the start of a term, replacing only the word after the qualifier', () => {
  const r = at('@ IN TXT "v=spf1 -in|"');
  assert.ok(r.labels.includes('include') && r.labels.includes('ip4') && r.labels.includes('all'), r.labels.join());
  assert.ok(!r.labels.includes('redirect'), 'no modifier after a qualifier');
  const inc = r.entries.find((e) => e.label === 'include')!;
  assert.equal(inc.insertText, 'include:');
  assert.equal(r.text.slice(inc.range.start, inc.range.end), 'in');
  assert.ok(at('@ IN TXT "v=spf1 mx |"').labels.includes('redirect'));
});

test('the version tag at the start, macro letters after %{, nothing elsewhere', () => {
  assert.deepEqual(at('@ IN TXT "v=|"').labels, ['v=spf1']);
  const m = at('@ IN TXT "v=spf1 exists:%{|"');
  assert.ok(m.labels.includes('i') && m.labels.includes('d'));
  assert.equal(m.entries.find((e) => e.label === 'i')!.insertText, 'i}');
  assert.deepEqual(at('@ IN TXT "google-site-verification=ab|"').labels, []);
  assert.deepEqual(at('@ IN TXT "v=spf1 include:_spf.exa|"').labels, []);
});
