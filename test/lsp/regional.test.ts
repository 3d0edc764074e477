/**
 * Edits in a large zone are answered at once from the edited records, then by the whole analysis
 * after the quiet time: two publications per edit, the first already showing what was typed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lspClient';
import { hostZoneLines } from '../support/zones';

const lines = hostZoneLines(3000);
lines.push('dup IN A 192.0.2.9', 'dup IN A 192.0.2.9');
const TEXT = lines.join('\n') + '\n';
const lineOf = (prefix: string): number => lines.findIndex((l) => l.startsWith(prefix));
const at = (ds: Diagnostic[], code: string): number[] => ds.filter((d) => d.code === code).map((d) => d.range.start.line);

describe('edits in a large zone', { timeout: 120000 }, () => {
  let client: TestClient;
  const uri = 'file:///ws/large.zone';
  before(async () => {
    client = new TestClient();
    await client.initialize();
    client.open(uri, 'zone', TEXT);
    await client.diagnostics(uri, (d) => d.some((x) => x.code === 'zone-duplicate-record'), 60000);
  });
  after(async () => {
    await client.shutdown();
  });

  /** The publications of `version`: waits for two (the edited records' and the whole analysis'). */
  async function publicationsOf(version: number): Promise<PublishDiagnosticsParams[]> {
    const mine = (): PublishDiagnosticsParams[] => client.publications.filter((p) => p.uri === uri && p.version === version);
    while (mine().length < 2) await client.nextDiagnostics(uri, () => true, 60000);
    return mine();
  }

  test('a typed error is published at once, then confirmed by the whole analysis', async () => {
    const line = lineOf('h10 ');
    const col = lines[line].length;
    const version = client.edit(uri, { start: { line, character: col - 2 }, end: { line, character: col } }, '300');
    const [quick, whole] = await publicationsOf(version);
    assert.deepEqual(at(quick.diagnostics, 'zone-bad-rdata'), [line]);
    // Whole-zone findings elsewhere stay where they were.
    assert.deepEqual(at(quick.diagnostics, 'zone-duplicate-record'), at(whole.diagnostics, 'zone-duplicate-record'));
    assert.deepEqual(at(whole.diagnostics, 'zone-bad-rdata'), [line]);
  });

  test('a line inserted above moves the findings below it', async () => {
    const dupBefore = at(client.publications.at(-1)!.diagnostics, 'zone-duplicate-record');
    const version = client.edit(uri, { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, 'new IN AAAA 2001:db8::zz\n');
    const [quick, whole] = await publicationsOf(version);
    assert.deepEqual(at(quick.diagnostics, 'zone-bad-rdata'), [6, lineOf('h10 ') + 1]);
    assert.deepEqual(at(quick.diagnostics, 'zone-duplicate-record'), dupBefore.map((l) => l + 1));
    assert.deepEqual(quick.diagnostics.map((d) => [d.code, d.range.start.line]), whole.diagnostics.map((d) => [d.code, d.range.start.line]));
  });

  test('edits parsed from the last parse give what the parse of the whole text gives', async () => {
    // The server parses a version reached by edits from the last parse (only the edited records,
    // where that is exact): several edits, one of them breaking a record and the next one
    // finishing it, compared with the same text opened afresh.
    const edited = 'file:///ws/edited.zone';
    client.open(edited, 'zone', TEXT);
    await client.diagnostics(edited, (d) => d.some((x) => x.code === 'zone-duplicate-record'), 60000);
    const outline = (uri: string): Promise<unknown> => client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    // The outline of this version is then carried over the edits (only the owners around them built again).
    await outline(edited);
    let text = TEXT;
    const offsetOf = (line: number, character: number): number => text.split('\n').slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
    const apply = (line: number, from: number, to: number, insert: string): number => {
      const start = offsetOf(line, from);
      text = text.slice(0, start) + insert + text.slice(offsetOf(line, to));
      return client.edit(edited, { start: { line, character: from }, end: { line, character: to } }, insert);
    };
    const h20 = lineOf('h20 ');
    apply(h20, 0, 3, 'x20');
    apply(h20 + 1, 0, 0, 'bad IN A 192.0.2.');
    apply(h20 + 1, 17, 17, '999\n');
    const version = apply(3, 0, 0, 'ttl 5q IN A 192.0.2.1\n');
    const whole = await client.diagnostics(edited, () => client.publications.filter((p) => p.uri === edited && p.version === version).length >= 2, 60000);
    const fresh = 'file:///ws/fresh.zone';
    client.open(fresh, 'zone', text);
    const expected = await client.diagnostics(fresh, (d) => d.some((x) => x.code === 'zone-duplicate-record'), 60000);
    const key = (d: Diagnostic): string => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;
    assert.deepEqual(whole.map(key), expected.map(key));
    assert.deepEqual(await outline(edited), await outline(fresh));
    assert.ok(whole.some((d) => d.code === 'zone-syntax' && d.range.start.line === 3), 'the bad TTL of the inserted line');
    assert.ok(whole.some((d) => d.code === 'zone-bad-rdata' && d.range.start.line === h20 + 2), 'the address typed over two edits');
    client.close(edited);
    client.close(fresh);
  });
});
