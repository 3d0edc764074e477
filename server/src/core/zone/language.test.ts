import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover, makeContext, parseDocument } from '../engine';
import { zoneHoverProviders } from './hoverProviders';

test('the engine parses zone files with this parser', () => {
  const doc = parseDocument('zone', '$ORIGIN example.com.\nwww A 192.0.2.1\n');
  const model = doc.model as { records: { owner: string }[]; lines: unknown };
  assert.deepEqual(
    model.records.map((r) => r.owner),
    ['www.example.com.'],
  );
  assert.equal(model.lines, doc.lines, 'the line index of the document is reused');
});

test('hover asks the providers in order; the first answer wins', () => {
  const doc = parseDocument('zone', 'www TXT "v=spf1 -all"\n');
  const typeAt = doc.text.indexOf('TXT');
  assert.match(hover(doc, typeAt)!.contents, /\*\*TXT\*\*/);
  const front = (): { range: { start: number; end: number }; contents: string } => ({ range: { start: 0, end: 1 }, contents: 'first' });
  zoneHoverProviders.unshift(front);
  try {
    assert.equal(hover(doc, typeAt, makeContext())?.contents, 'first');
  } finally {
    zoneHoverProviders.splice(zoneHoverProviders.indexOf(front), 1);
  }
  assert.match(hover(doc, typeAt)!.contents, /\*\*TXT\*\*/);
});
