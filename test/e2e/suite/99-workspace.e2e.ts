/**
 * The tests edit documents but never save them: at the end, every example in the run's
 * workspace copy is still byte for byte the repository's (a save — e.g. the web workbench's
 * default auto save — would make later tests see edited files).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { exampleUri } from './helpers';

/** out/test/e2e/suite -> the repository root. */
const REPOSITORY = path.resolve(__dirname, '..', '..', '..', '..');

function files(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(dir, path.join(rel, e.name)) : [path.join(rel, e.name)]));
}

suite('the workspace after the tests', () => {
  test('no example file was saved', async () => {
    const source = path.join(REPOSITORY, 'examples');
    const changed: string[] = [];
    for (const rel of files(source)) {
      const copy = await vscode.workspace.fs.readFile(exampleUri(rel.split(path.sep).join('/')));
      if (!Buffer.from(copy).equals(fs.readFileSync(path.join(source, rel)))) changed.push(rel);
    }
    assert.deepEqual(changed, [], `examples saved by the tests: ${changed.join(', ')}`);
  });
});
