/**
 * Helpers for the end-to-end tests that run inside VS Code's extension host. Every wait is on an
 * event or a condition, bounded by a timeout that fails with what was expected and what was seen.
 */
import * as http from 'http';
import * as path from 'path';
import * as vscode from 'vscode';
import { log } from './log';

export const EXTENSION_ID = 'sender-guard.sender-guard';
/** How long a language feature may take to answer (the first one includes server start-up). */
export const FEATURE_TIMEOUT_MS = 20_000;

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

function describeDiagnostics(diags: readonly vscode.Diagnostic[]): string {
  if (diags.length === 0) return '(none)';
  return diags
    .map((d) => `${codeOf(d) || '<no code>'} @${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`)
    .join('\n      ');
}

/** Activates the extension under test (its commands exist only once it is active). */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded; loaded: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
  await ext.activate();
  return ext;
}

/** The copy of examples/ that the run opened as its workspace. */
export function exampleUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: the launcher opens a copy of examples/ as the workspace');
  const base = path.basename(folder.uri.fsPath) === 'examples' ? folder.uri : vscode.Uri.joinPath(folder.uri, 'examples');
  return vscode.Uri.joinPath(base, relative);
}

/**
 * Resolves with the diagnostics of `uri` once `accept` holds for them. Checks right away, then
 * on every diagnostics change of that document.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diags: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = FEATURE_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diags = vscode.languages.getDiagnostics(uri);
      if (!accept(diags)) return false;
      cleanup();
      resolve(diags);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${what} in ${path.basename(uri.fsPath)}; diagnostics now:\n      ` +
            describeDiagnostics(vscode.languages.getDiagnostics(uri)),
        ),
      );
    }, timeoutMs);
    function cleanup(): void {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** Waits until diagnostics with every one of `codes` are reported for `uri`. */
export async function waitForCodes(uri: vscode.Uri, codes: string[], timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(
    uri,
    (diags) => codes.every((c) => diags.some((d) => codeOf(d) === c)),
    `diagnostics ${codes.join(', ')}`,
    timeoutMs,
  );
}

/** Waits until no diagnostic with `code` is reported for `uri` any more. */
export async function waitForCodeGone(uri: vscode.Uri, code: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (diags) => !diags.some((d) => codeOf(d) === code), `${code} to disappear`, timeoutMs);
}

export function diagnostic(diags: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic {
  const d = diags.find((x) => codeOf(x) === code);
  if (!d) throw new Error(`no ${code} diagnostic; have:\n      ${describeDiagnostics(diags)}`);
  return d;
}

/** The range of the `occurrence`-th (0-based) appearance of `needle` in the document. */
export function rangeOf(doc: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not found in ${path.basename(doc.uri.fsPath)}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

/** The range of `needle` inside the first appearance of `container` (e.g. a token of one record). */
export function rangeIn(doc: vscode.TextDocument, container: string, needle: string): vscode.Range {
  const outer = rangeOf(doc, container);
  const at = container.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not part of "${container}"`);
  const start = outer.start.translate(0, at);
  return new vscode.Range(start, start.translate(0, needle.length));
}

export function overlaps(a: vscode.Range, b: vscode.Range): boolean {
  return a.intersection(b) !== undefined;
}

/** The plain text of hover results (markdown and marked strings alike). */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c)))
    .join('\n');
}

export async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hoverText(hovers);
}

/** Code actions offered for `range`, as code actions (commands are wrapped for the error text). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const items =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
  return items.map((i) => ('command' in i && typeof i.command === 'string' ? new vscode.CodeAction(i.title) : (i as vscode.CodeAction)));
}

/** Applies a code action the way the editor does: its edit first, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) {
    const ok = await vscode.workspace.applyEdit(action.edit);
    if (!ok) throw new Error(`workspace.applyEdit refused the edit of "${action.title}"`);
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
  if (!action.edit && !action.command) throw new Error(`code action "${action.title}" has neither an edit nor a command`);
}

export function findAction(actions: readonly vscode.CodeAction[], title: RegExp, what: string): vscode.CodeAction {
  const a = actions.find((x) => title.test(x.title));
  if (!a) {
    const titles = actions.map((x) => `"${x.title}"`).join(', ') || '(none)';
    throw new Error(`no code action ${what} (title matching ${title}); offered: ${titles}`);
  }
  return a;
}

/** Closes the editors of `uri`, discarding unsaved changes (no save prompt). */
export async function revertAndClose(uri: vscode.Uri): Promise<void> {
  for (;;) {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    if (!editor) break;
    await vscode.window.showTextDocument(editor.document, { preview: false, viewColumn: editor.viewColumn });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** Resolves once VS Code tells the extension host that the document `uri` is closed. */
export function waitForClose(uri: vscode.Uri, timeoutMs = FEATURE_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return resolve();
    const sub = vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.toString() !== uri.toString()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${path.basename(uri.fsPath)} to be closed`));
    }, timeoutMs);
  });
}

/**
 * Asks the launcher (when there is one: scripts/e2e-launch.mjs passes its address in the
 * environment) for a screenshot of the workbench once `waitFor` (a CSS selector) is visible.
 * Elsewhere (e.g. under @vscode/test-electron) it does nothing. Never fails a test.
 */
export function screenshot(name: string, waitFor?: string): Promise<void> {
  const control = process.env.SENDER_GUARD_E2E_CONTROL;
  if (!control) return Promise.resolve();
  return new Promise((resolve) => {
    const body = JSON.stringify({ name, waitFor });
    const req = http.request(`${control}/screenshot`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        try {
          const r = JSON.parse(text) as { ok: boolean; error?: string };
          if (!r.ok) log(`(screenshot ${name}: ${r.error})`);
        } catch {
          /* the launcher reports it too */
        }
        resolve();
      });
    });
    req.on('error', (e) => {
      log(`(screenshot ${name} not taken: ${e.message})`);
      resolve();
    });
    req.end(body);
  });
}

/**
 * Resolves with the text of `doc` once `accept` holds for it. Checks right away, then on every
 * change of that document.
 */
export function waitForText(doc: vscode.TextDocument, accept: (text: string) => boolean, what: string, timeoutMs = FEATURE_TIMEOUT_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const text = doc.getText();
      if (!accept(text)) return false;
      cleanup();
      resolve(text);
      return true;
    };
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === doc.uri.toString()) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${path.basename(doc.uri.fsPath)}; the text now:\n${doc.getText()}`));
    }, timeoutMs);
    function cleanup(): void {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** Bounds a promise (a command, a request) by a timeout that says what was awaited. */
export function withTimeout<T>(p: Thenable<T>, what: string, timeoutMs = FEATURE_TIMEOUT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Opens `uri` in an editor (not a preview) and returns both. */
export async function openEditor(uri: vscode.Uri): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/** Replaces the whole text of `doc` through a workspace edit (as the user's typing would). */
export async function replaceAll(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`workspace.applyEdit refused to replace the text of ${path.basename(doc.uri.fsPath)}`);
}

/** Shows the hover at `position` in `editor` and asks the launcher for a screenshot of it. */
export async function screenshotHover(editor: vscode.TextEditor, position: vscode.Position, name: string): Promise<void> {
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.commands.executeCommand('editor.action.showHover');
  await screenshot(name, '.monaco-hover:not(.hidden) .hover-contents');
  await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
}
