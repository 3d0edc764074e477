/**
 * The `$INCLUDE` reader with the editor's consent rule (files inside the workspace folders, links
 * resolved first): every way out of the folder is refused, every way that stays inside works.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { WorkspaceIndex } from '../server/workspace';
import { makeIncludeReader } from './includeReader';

describe('includeReader inside the workspace folders', () => {
  let tmp: string;
  let ws: string;
  let outside: string;
  let read: ReturnType<typeof makeIncludeReader>;
  let from: string;

  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sg-incr-')));
    ws = path.join(tmp, 'ws');
    outside = path.join(tmp, 'outside');
    fs.mkdirSync(path.join(ws, 'sub'), { recursive: true });
    fs.mkdirSync(outside);
    // A sibling whose name starts with the workspace's: outside, despite the common prefix.
    fs.mkdirSync(path.join(tmp, 'ws-evil'));
    fs.writeFileSync(path.join(tmp, 'ws-evil', 'secret.inc'), 'evil IN A 192.0.2.66\n');
    fs.writeFileSync(path.join(outside, 'secret.inc'), 'www IN A 192.0.2.1\n');
    fs.writeFileSync(path.join(ws, 'hosts.inc'), 'mail IN A 203.0.113.25\n');
    fs.writeFileSync(path.join(ws, 'sub', 'more.inc'), 'ns2 IN A 203.0.113.3\n');
    fs.symlinkSync(path.join(outside, 'secret.inc'), path.join(ws, 'linked.inc'));
    fs.symlinkSync(outside, path.join(ws, 'linkdir'));
    fs.symlinkSync(path.join(ws, 'hosts.inc'), path.join(ws, 'sub', 'inner-link.inc'));
    // A chain of links that ends outside.
    fs.symlinkSync(path.join(ws, 'linked.inc'), path.join(ws, 'sub', 'chain.inc'));
    // The workspace folder itself opened through a link: its files stay readable.
    fs.symlinkSync(ws, path.join(tmp, 'ws-link'));
    const index = new WorkspaceIndex();
    index.setRoots([pathToFileURL(path.join(tmp, 'ws-link')).toString()]);
    read = makeIncludeReader((real) => index.insideReal(real));
    from = pathToFileURL(path.join(ws, 'example.jp.zone')).toString();
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const refused = (r: ReturnType<ReturnType<typeof makeIncludeReader>>): void => {
    assert.ok('error' in r, JSON.stringify(r));
    assert.match((r as { error: string }).error, /outside the workspace folders and was not read/);
  };

  test('files inside are read, by relative path, absolute path and links that stay inside', () => {
    for (const [file, text] of [
      ['hosts.inc', 'mail IN A 203.0.113.25\n'],
      ['sub/more.inc', 'ns2 IN A 203.0.113.3\n'],
      [path.join(ws, 'hosts.inc'), 'mail IN A 203.0.113.25\n'],
      ['sub/inner-link.inc', 'mail IN A 203.0.113.25\n'],
      ['sub/../hosts.inc', 'mail IN A 203.0.113.25\n'],
    ] as const) {
      const r = read(file, from);
      assert.deepEqual('text' in r ? r.text : r, text, file);
    }
  });

  test('the workspace folder opened through a link: a document under the link path reads its includes', () => {
    const r = read('hosts.inc', pathToFileURL(path.join(tmp, 'ws-link', 'example.jp.zone')).toString());
    assert.ok('text' in r, JSON.stringify(r));
  });

  test('every way out is refused: absolute, ../, a linked file, a linked folder, a chain of links, a prefix sibling', () => {
    for (const file of [path.join(outside, 'secret.inc'), '../outside/secret.inc', 'sub/../../outside/secret.inc', 'linked.inc', 'linkdir/secret.inc', 'sub/chain.inc', '../ws-evil/secret.inc', '/etc/passwd']) {
      refused(read(file, from));
    }
  });

  test('a document outside the workspace cannot include even its own neighbours', () => {
    refused(read('secret.inc', pathToFileURL(path.join(outside, 'x.zone')).toString()));
  });

  test('without workspace folders nothing is read', () => {
    const none = new WorkspaceIndex();
    none.setRoots([]);
    refused(makeIncludeReader((real) => none.insideReal(real))('hosts.inc', from));
  });
});
