/**
 * The zone editor features in the real editor, on the repaired example zone (read only): outline,
 * folding, go to definition and references between MX targets and owners, the SOA field hover,
 * completion of record types, and a formatter that aligns columns without changing any record.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { exampleUri, hoverAt, openEditor, rangeIn, revertAndClose, withTimeout } from './helpers';

function run<T>(command: string, ...args: unknown[]): Promise<T> {
  return withTimeout(vscode.commands.executeCommand<T>(command, ...args), command);
}

/** Where a definition or reference points, as `line:character`. */
function at(l: vscode.Location | vscode.LocationLink): string {
  const range = 'targetRange' in l ? (l.targetSelectionRange ?? l.targetRange) : l.range;
  return `${range.start.line}:${range.start.character}`;
}

suite('zone editor features', () => {
  const uri = exampleUri('fixed/example.jp.zone');
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    ({ doc } = await openEditor(uri));
  });

  suiteTeardown(async () => {
    await revertAndClose(uri);
  });

  test('outline: owners with their RRsets', async () => {
    const symbols = await run<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const names = symbols.map((s) => s.name);
    for (const n of ['@', 'ns1', 'mail', '_dmarc', 'mail._domainkey']) assert.ok(names.includes(n), `outline lacks ${n}: ${names.join(', ')}`);
    const apex = symbols.find((s) => s.name === '@')!;
    assert.deepEqual(apex.children.map((c) => c.name), ['SOA', 'NS', 'MX', 'TXT']);
  });

  test('folding: the SOA record written over several lines', async () => {
    const ranges = await run<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
    const soa = rangeIn(doc, '@       IN  SOA', 'SOA').start.line;
    const close = rangeIn(doc, '1h )', ')').start.line;
    assert.ok(ranges.some((r) => r.start === soa && r.end >= close - 1), `no folding range from line ${soa}: ${JSON.stringify(ranges)}`);
  });

  test('go to definition and references: the MX target and the mail owner', async () => {
    const target = rangeIn(doc, 'MX    10 mail.example.jp.', 'mail').start;
    const owner = rangeIn(doc, 'mail    IN  A', 'mail').start;
    const defs = await run<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, target);
    assert.deepEqual(defs.map(at), [`${owner.line}:${owner.character}`]);
    const refs = await run<vscode.Location[]>('vscode.executeReferenceProvider', uri, owner);
    assert.ok(refs.map(at).includes(`${target.line}:${target.character}`), `references of mail: ${refs.map(at).join(', ')}`);
  });

  test('hover on an SOA field says what it means and the time in words', async () => {
    const text = await hoverAt(uri, rangeIn(doc, '3h         ; refresh', '3h').start);
    assert.match(text, /refresh/i);
    assert.match(text, /3 hours/);
  });

  test('completion offers record types where the type is written', async () => {
    const www = rangeIn(doc, 'www     IN  A', 'A');
    const list = await run<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, www.start);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const t of ['AAAA', 'MX', 'TXT', 'CAA']) assert.ok(labels.includes(t), `completion lacks ${t}`);
  });

  test('the formatter changes only blanks', async () => {
    const edits = await run<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, { tabSize: 4, insertSpaces: true });
    assert.ok(Array.isArray(edits));
    let text = doc.getText();
    for (const e of [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start))) {
      text = text.slice(0, doc.offsetAt(e.range.start)) + e.newText + text.slice(doc.offsetAt(e.range.end));
    }
    const words = (t: string): string[] => t.split(/\s+/).filter(Boolean);
    assert.deepEqual(words(text), words(doc.getText()));
  });
});
