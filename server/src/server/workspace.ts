/**
 * Facts gathered from the zone files of the workspace (today: the organisation's mail servers),
 * handed to the core as `WorkspaceFacts`. Reads only regular files inside the workspace folders
 * (symlinks resolved, so a link cannot lead outside), bounded in count and size. Zone files open
 * in the editor take precedence over their content on disk.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { languageFromName, mailServersFromZone, parseDocument, type MailServerFact, type WorkspaceFacts } from '../core';
import type { ZoneModel } from '../core/zone/model';

const MAX_FILES = 500;
const MAX_FILE_BYTES = 8 * 1024 * 1024;
const MAX_DEPTH = 8;
const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn', 'dist', 'out']);

export class WorkspaceIndex {
  private roots: string[] = [];
  /** Parsed zone per zone file URI (disk or open document), and its mail servers once asked for. */
  private readonly byUri = new Map<string, ZoneEntry>();
  private readonly open = new Set<string>();
  /** Rebuilt only after a change, so the array identities stay stable for the core's caches. */
  private cached: WorkspaceFacts | undefined;

  setRoots(folderUris: string[]): void {
    this.roots = folderUris.flatMap((u) => {
      try {
        return [fs.realpathSync(fileURLToPath(u))];
      } catch {
        return [];
      }
    });
  }

  /** True when an already resolved path lies inside a workspace folder. */
  insideReal(real: string): boolean {
    return this.roots.some((root) => real === root || real.startsWith(root + path.sep));
  }

  /** True when `file` (after resolving links) lies inside a workspace folder. */
  inside(file: string): boolean {
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      return false;
    }
    return this.insideReal(real);
  }

  /** Walk the workspace folders for zone files (by name) and index them. */
  scan(): void {
    let budget = MAX_FILES;
    const walk = (dir: string, depth: number): void => {
      if (depth > MAX_DEPTH || budget <= 0) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (budget <= 0) return;
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) walk(full, depth + 1);
        } else if (e.isFile() && languageFromName(e.name) === 'zone') {
          budget--;
          this.indexFile(full);
        }
      }
    };
    for (const root of this.roots) walk(root, 0);
  }

  /** (Re-)index one zone file from disk, unless it is open in the editor. */
  indexFile(file: string): void {
    const uri = pathToFileURL(file).toString();
    if (this.open.has(uri)) return;
    if (!this.inside(file)) {
      this.delete(uri);
      return;
    }
    try {
      const st = fs.statSync(file);
      if (!st.isFile() || st.size > MAX_FILE_BYTES) return;
      this.setText(uri, fs.readFileSync(file, 'utf8'));
    } catch {
      this.delete(uri);
    }
  }

  removeFile(uri: string): void {
    if (!this.open.has(uri)) this.delete(uri);
  }

  private delete(uri: string): void {
    if (this.byUri.delete(uri)) this.cached = undefined;
  }

  private set(uri: string, model: ZoneModel): void {
    this.byUri.set(uri, { model });
    this.cached = undefined;
  }

  /** An open zone document: its editor text is what counts. */
  setOpenDocument(uri: string, model: ZoneModel): void {
    this.open.add(uri);
    if (this.byUri.get(uri)?.model !== model) this.set(uri, model);
  }

  closeDocument(uri: string): void {
    this.open.delete(uri);
    if (uri.startsWith('file:')) this.indexFile(fileURLToPath(uri));
    else this.delete(uri);
  }

  private setText(uri: string, text: string): void {
    this.set(uri, parseDocument('zone', text).model as ZoneModel);
  }

  /** Mail servers and zones of the workspace; the same object until something changes. */
  facts(): WorkspaceFacts {
    if (this.cached) return this.cached;
    const entries = [...this.byUri.values()];
    let mailServers: MailServerFact[] | undefined;
    this.cached = {
      zones: entries.map((e) => e.model),
      // Read from the zones when first asked for (the router rules ask), not on every new
      // version of an open zone file: in a large zone that is most of what a keystroke costs.
      get mailServers() {
        return (mailServers ??= gatherMailServers(entries));
      },
    };
    return this.cached;
  }
}

interface ZoneEntry {
  model: ZoneModel;
  mail?: MailServerFact[];
}

/** The mail servers of the zones, each address once. */
function gatherMailServers(entries: readonly ZoneEntry[]): MailServerFact[] {
  const seen = new Set<string>();
  const out: MailServerFact[] = [];
  for (const e of entries) {
    for (const f of (e.mail ??= mailServersFromZone(e.model))) {
      if (seen.has(f.address)) continue;
      seen.add(f.address);
      out.push(f);
    }
  }
  return out;
}
