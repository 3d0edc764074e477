/**
 * The language server: a thin layer that hands documents to the pure core and converts its
 * answers to LSP. `startServer` takes the connection, so tests and other transports can drive it.
 */
import { fileURLToPath } from 'url';
import {
  DiagnosticSeverity,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  allRules,
  detectLanguage,
  hover as coreHover,
  makeContext,
  parseDocument,
  reparseDocument,
  quickFixes,
  readSettings,
  validate,
  validateEdit,
  validateSteps,
  composeChange,
  type LanguageId,
  type TextChange,
  type Finding,
  type ParsedDocument,
  type RuleContext,
  type Settings,
} from '../core';
import { chooseFix } from '../core/fixAll';
import { fromDiagnostic, SOURCE, toCodeAction, toDiagnostic, toHover, toLspRange, type Positions } from './convert';
import { executeCommand, SERVER_COMMANDS } from './commands';
import { COMMANDS, FEATURE_ACTION_KINDS, featureCapabilities, featureCodeActions, registerFeatures } from './features';
import { commandActions } from './commandActions';
import { makeRunSafe } from './runner';
import { WorkspaceIndex } from './workspace';
import { makeIncludeReader } from '../io/includeReader';
import type { ZoneModel } from '../core/zone/model';
import type { WorkspaceFacts } from '../core/rule';
import { LiveSpfAnswers } from './liveSpf';
import { EditedDocument } from './document';
import { runInSlices, stillAt } from './slices';

const KNOWN: readonly string[] = ['zone', 'rtx', 'rtxlog'];
/** At most this many diagnostics are published per document (editors slow down beyond). */
export const MAX_DIAGNOSTICS = 1000;
/** Above this size only the syntax rules run in the editor (the CLI always runs every rule). */
export const LARGE_DOCUMENT_CHARS = 32 * 1024 * 1024;
/** Quiet time after the last edit before a document is analysed again. */
const DEBOUNCE_MS = 150;
/**
 * From this many records on, an edit is answered at once from the edited records alone
 * (`validateEdit`) before the whole analysis runs after the quiet time.
 */
export const REGIONAL_MIN_RECORDS = 2000;
/** The longest quiet time before the whole analysis of a document whose edits are answered at once. */
const MAX_QUIET_MS = 2000;
/** A whole analysis works this long (ms) at a time, then lets the server read its messages. */
const SLICE_MS = 20;

/** The last whole analysis of a document, and the edits made since (relative to its text). */
interface Analysed {
  parsed: ParsedDocument;
  ctx: RuleContext;
  findings: Finding[];
  /** How long the rules took (ms). */
  ms: number;
  /** The edits since; `'unknown'` after a change that replaced the whole text. */
  since?: TextChange | 'unknown';
  /** Whether some finding has an unambiguous quick fix (asked for by code action requests). */
  fixable?: boolean;
}

export function startServer(connection: Connection): void {
  const runSafe = makeRunSafe(connection);
  const analysed = new Map<string, Analysed>();
  const documents = new TextDocuments<EditedDocument>({
    create: (uri, languageId, version, text) => new EditedDocument(uri, languageId, version, text),
    update(doc, changes, version) {
      // The edits since the last whole analysis and since the last parse, each folded into one.
      const a = analysed.get(doc.uri);
      const p = cache.get(doc.uri);
      for (const change of changes) {
        for (const held of [a, p]) {
          if (!held || held.since === 'unknown') continue;
          held.since = 'range' in change ? composeChange(held.since, doc.offsetAt(change.range.start), doc.offsetAt(change.range.end), change.text.length) : 'unknown';
        }
        doc.update([change], version);
      }
      return doc;
    },
  });
  /** The last parse of each document, and the edits made since (relative to its text). */
  const cache = new Map<string, { version: number; parsed: ParsedDocument; since?: TextChange | 'unknown' }>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let settings: Settings = readSettings(undefined);
  let pullConfiguration = false;
  /** Set by the VS Code client, whose palette commands the command code actions invoke. */
  let clientCommands = false;
  /** Workspace trust as the client reports it; an editor that says nothing is trusted. */
  let trusted = true;
  const workspace = new WorkspaceIndex();
  /** `$INCLUDE` reads only files inside the workspace folders (links resolved). */
  const includeReader = makeIncludeReader((real) => workspace.insideReal(real));
  let factsKey = '';

  /** Live DNS answers for the SPF lookup analysis (only when enabled and trusted; see liveSpf.ts). */
  const liveSpf = new LiveSpfAnswers();
  let liveFacts: { facts: WorkspaceFacts; merged: WorkspaceFacts } | undefined;
  /** The workspace facts, with the live answers when live DNS may be used (same object until either changes). */
  function facts(): WorkspaceFacts {
    const f = workspace.facts();
    const answers = liveSpf.answers;
    if (!settings.liveDns.enabled || !trusted || answers.size === 0) return f;
    if (!liveFacts || liveFacts.facts !== f || liveFacts.merged.dnsAnswers !== answers) liveFacts = { facts: f, merged: { ...f, dnsAnswers: answers } };
    return liveFacts.merged;
  }
  const context = (): RuleContext => makeContext(settings, facts());

  /** Re-check the Yamaha configs when the mail servers known from zone files change. */
  function workspaceFactsChanged(): void {
    // Without a router config open, nothing reads the mail servers now (one opened later is checked then).
    const configs = documents.all().filter((d) => (cache.get(d.uri)?.parsed.languageId ?? languageOf(d)) === 'rtx');
    if (configs.length === 0) return;
    const key = JSON.stringify(workspace.facts().mailServers);
    if (key === factsKey) return;
    factsKey = key;
    for (const doc of configs) schedule(doc.uri);
  }

  /** The document's language: the client's id when it is ours, else detected from name and content. */
  function languageOf(doc: TextDocument): LanguageId | undefined {
    if (KNOWN.includes(doc.languageId)) return doc.languageId as LanguageId;
    return detectLanguage(decodeURIComponent(doc.uri), doc.getText());
  }

  /**
   * Parse once per document version; every feature shares the result. A version reached by edits
   * of the last parsed one is parsed from it (a zone file: only the edited records, where that is
   * exact).
   */
  function parsed(doc: TextDocument): ParsedDocument | undefined {
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.parsed;
    const lang = languageOf(doc);
    if (!lang) return undefined;
    const options = lang === 'zone' ? { uri: doc.uri, includeReader } : undefined;
    const p =
      hit && hit.parsed.languageId === lang && hit.since !== 'unknown'
        ? reparseDocument(hit.parsed, doc.getText(), hit.since, options)
        : parseDocument(lang, doc.getText(), options);
    cache.set(doc.uri, { version: doc.version, parsed: p });
    if (lang === 'zone') {
      workspace.setOpenDocument(doc.uri, p.model as ZoneModel);
      workspaceFactsChanged();
    }
    return p;
  }

  /** Whole analyses under way (paused between rules), by document. */
  const running = new Map<string, { parsed: ParsedDocument; ctx: RuleContext }>();
  /** Whether `a` was made of parse `p` under the settings and workspace of `ctx`. */
  const sameAnalysis = (a: { parsed: ParsedDocument; ctx: RuleContext }, p: ParsedDocument, ctx: RuleContext): boolean =>
    a.parsed === p && a.ctx.settings === ctx.settings && a.ctx.workspace === ctx.workspace;

  /**
   * The findings of the current version under the current settings and workspace: the last whole
   * analysis when it is of this version and context, else a new one (which becomes the last).
   */
  function findingsOf(doc: TextDocument, p: ParsedDocument): Finding[] {
    const ctx = context();
    const last = analysed.get(doc.uri);
    if (last && sameAnalysis(last, p, ctx)) return last.findings;
    const t0 = performance.now();
    const findings = validate(p, rulesContext(p, ctx));
    analysed.set(doc.uri, { parsed: p, ctx, findings, ms: performance.now() - t0 });
    return findings;
  }

  /** The context the rules run under: only the syntax rules in a very large document. */
  function rulesContext(p: ParsedDocument, ctx: RuleContext): RuleContext {
    if (p.text.length <= LARGE_DOCUMENT_CHARS) return ctx;
    const rules = { ...ctx.settings.rules };
    for (const r of allRules()) if (!r.id.endsWith('-syntax')) rules[r.id] = 'off';
    return { ...ctx, settings: { ...ctx.settings, rules } };
  }

  /** Diagnostics to publish: capped, with a note when the document is large or the list was cut. */
  function diagnosticsOf(uri: string, lines: Positions, length: number, findings: Finding[], total = findings.length): Diagnostic[] {
    const shown = findings.slice(0, MAX_DIAGNOSTICS).map((f) => toDiagnostic(uri, lines, f));
    const note = (message: string, at: number): Diagnostic => ({
      range: toLspRange(lines, { start: at, end: at }),
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      message,
    });
    if (total > MAX_DIAGNOSTICS) {
      const at = findings[MAX_DIAGNOSTICS]?.range.start ?? findings[findings.length - 1].range.end;
      shown.push(note(`…and ${total - MAX_DIAGNOSTICS} more problems not shown (the first ${MAX_DIAGNOSTICS} are). Run 'senderguard check' for all of them.`, at));
    }
    if (length > LARGE_DOCUMENT_CHARS) {
      shown.unshift(note(`Large file (${(length / 1048576).toFixed(0)} MiB): only the syntax rules run in the editor. Run 'senderguard check' for every rule.`, 0));
    }
    return shown;
  }

  /**
   * Publish the diagnostics of the document's current version. A new whole analysis runs in
   * slices (SLICE_MS), so requests and edits are answered while it runs; it is dropped when the
   * document, the settings or the workspace change before it ends, and a new one is scheduled.
   */
  function publish(uri: string): void {
    runSafe('validation', undefined, () => {
      const doc = documents.get(uri);
      if (!doc) return;
      const p = parsed(doc);
      if (!p) return void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      // The document object changes in place: keep the version this analysis is of.
      const version = doc.version;
      const current = stillAt(doc, () => documents.get(uri));
      const ctx = context();
      const last = analysed.get(uri);
      if (last && sameAnalysis(last, p, ctx)) return send(uri, version, p, last.findings);
      const under = running.get(uri);
      if (under && sameAnalysis(under, p, ctx)) return;
      const mine = { parsed: p, ctx };
      running.set(uri, mine);
      runInSlices(
        validateSteps(p, rulesContext(p, ctx)),
        {
          wanted() {
            if (running.get(uri) !== mine) return false;
            // An edit (or closing the document) scheduled what comes next.
            if (!current()) {
              running.delete(uri);
              return false;
            }
            // The settings or the workspace (another zone file) changed: analyse again under them.
            if (!sameAnalysis(mine, p, context())) {
              running.delete(uri);
              schedule(uri);
              return false;
            }
            // A request that needed the findings (a code action) analysed the document meanwhile.
            const done = analysed.get(uri);
            if (!done || !sameAnalysis(done, p, ctx)) return true;
            running.delete(uri);
            send(uri, version, p, done.findings);
            return false;
          },
          done(findings, ms) {
            running.delete(uri);
            analysed.set(uri, { parsed: p, ctx, findings, ms });
            runSafe('validation', undefined, () => send(uri, version, p, findings));
          },
          failed(e) {
            running.delete(uri);
            connection.console.error(`Sender Guard: validation failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
          },
        },
        { sliceMs: SLICE_MS },
      );
    });
  }

  /** Publish the findings of parse `p` (of `version`), then let live DNS add what it learns. */
  function send(uri: string, version: number, p: ParsedDocument, findings: Finding[]): void {
    void connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(uri, p.lines, p.text.length, findings) });
    // Live DNS (enabled + trusted only): expand external includes, then validate again.
    if (p.languageId === 'zone') {
      void liveSpf.expand(p.model as ZoneModel, context(), trusted).then(
        (learnt) => learnt && publish(uri),
        (e) => connection.console.error(`Sender Guard: live DNS: ${String(e)}`),
      );
    }
  }

  /**
   * In a large zone, answer an edit at once from the edited records (see `validateEdit`); the
   * whole analysis follows after the quiet time and replaces what is published here.
   */
  function publishEdit(doc: EditedDocument): void {
    const a = analysed.get(doc.uri);
    if (!a?.since || a.since === 'unknown' || !answersEdits(a)) return;
    const ctx = context();
    if (ctx.settings !== a.ctx.settings || ctx.workspace !== a.ctx.workspace) return;
    runSafe('validation', undefined, () => {
      // Read from the document's pieces: the whole text is not rebuilt for an edit.
      const found = validateEdit(a.parsed, a.findings, doc, a.since as TextChange, ctx, MAX_DIAGNOSTICS + 1);
      if (!found) return;
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: diagnosticsOf(doc.uri, doc, doc.length, found.findings, found.total) });
    });
  }

  /** Whether edits of the document are answered from the edited records (a large zone). */
  function answersEdits(a: Analysed): boolean {
    return a.parsed.languageId === 'zone' && (a.parsed.model as ZoneModel).recordCount >= REGIONAL_MIN_RECORDS && a.parsed.text.length <= LARGE_DOCUMENT_CHARS;
  }

  /**
   * Analyse the document after the quiet time. Where edits are answered from the edited records,
   * the quiet time grows with the whole analysis (up to MAX_QUIET_MS), so that it does not run, and
   * hold up the next keystrokes, in the middle of a burst of typing.
   */
  function schedule(uri: string): void {
    clearTimeout(timers.get(uri));
    const a = analysed.get(uri);
    const quiet = a && answersEdits(a) ? Math.min(MAX_QUIET_MS, Math.max(DEBOUNCE_MS, a.ms)) : DEBOUNCE_MS;
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        publish(uri);
      }, quiet),
    );
  }

  connection.onInitialize((params): InitializeResult => {
    const init = params.initializationOptions as { settings?: unknown; clientCommands?: boolean; trusted?: boolean } | undefined;
    clientCommands = init?.clientCommands === true;
    trusted = init?.trusted !== false;
    settings = readSettings(init?.settings);
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setRoots(folders.filter((u) => u.startsWith('file:')));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', ...FEATURE_ACTION_KINDS, 'source.fixAll.senderGuard'] },
        ...featureCapabilities,
        executeCommandProvider: { commands: [...COMMANDS, ...SERVER_COMMANDS] },
      },
      serverInfo: { name: 'senderguard-lsp' },
    };
  });

  connection.onInitialized(() => {
    runSafe('workspace scan', undefined, () => {
      workspace.scan();
      workspaceFactsChanged();
    });
  });

  connection.onNotification('senderGuard/workspaceTrusted', () => {
    trusted = true;
    // Live DNS may now be used (when enabled): analyse again so it can expand SPF includes.
    if (settings.liveDns.enabled) for (const doc of documents.all()) schedule(doc.uri);
  });

  connection.onDidChangeWatchedFiles((params) => {
    runSafe('watched files', undefined, () => {
      for (const change of params.changes) {
        if (!change.uri.startsWith('file:')) continue;
        if (change.type === FileChangeType.Deleted) workspace.removeFile(change.uri);
        else workspace.indexFile(fileURLToPath(change.uri));
      }
      workspaceFactsChanged();
    });
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { senderGuard?: unknown } | undefined)?.senderGuard;
    if (pushed !== undefined) settings = readSettings(pushed);
    else if (pullConfiguration) {
      try {
        settings = readSettings(await connection.workspace.getConfiguration('senderGuard'));
      } catch (e) {
        connection.console.error(`Sender Guard: reading settings failed: ${String(e)}`);
      }
    }
    liveSpf.settingsChanged(settings);
    for (const doc of documents.all()) schedule(doc.uri);
  });

  documents.onDidOpen((e) => schedule(e.document.uri));
  documents.onDidChangeContent((e) => {
    publishEdit(e.document);
    schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    const wasZone = cache.get(e.document.uri)?.parsed.languageId === 'zone';
    cache.delete(e.document.uri);
    analysed.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    if (wasZone) {
      runSafe('workspace update', undefined, () => {
        workspace.closeDocument(e.document.uri);
        workspaceFactsChanged();
      });
    }
  });

  connection.onHover((params) =>
    runSafe('hover', null, () => {
      const doc = documents.get(params.textDocument.uri);
      const p = doc && parsed(doc);
      if (!p) return null;
      const h = coreHover(p, p.lines.offsetAt(params.position), context());
      return h ? toHover(p.lines, h) : null;
    }),
  );

  connection.onCodeAction((params) =>
    runSafe('code actions', [], () => {
      const doc = documents.get(params.textDocument.uri);
      const p = doc && parsed(doc);
      if (!p) return [];
      const ctx = context();
      const fixes = params.context.diagnostics.flatMap((d) => {
        const finding = fromDiagnostic(p.lines, d);
        if (!finding) return [];
        return quickFixes(p, finding, ctx).map((fix) => toCodeAction(params.textDocument.uri, p.lines, fix, d));
      });
      const commands = clientCommands ? commandActions(params.textDocument.uri, p, params.range, params.context.only, hasFixable(doc, p, ctx)) : [];
      return [...fixes, ...featureCodeActions(params.textDocument.uri, p, params.range, params.context.only), ...commands];
    }),
  );

  registerFeatures(connection, {
    documents,
    parsed,
    runSafe,
    context,
    otherCommand: (command, args) => executeCommand({ connection, documents, parsed, context, trusted: () => trusted }, command, args),
  });

  /**
   * Whether "fix all" would change anything (some finding has an unambiguous quick fix), from the
   * last whole analysis, which remembers the answer. In a large zone whose current version is not
   * analysed yet the last analysis stands in: the editor asks for code actions after every edit,
   * and that must not run the whole analysis at once (the command itself works on the current text).
   * Only the problems the editor shows (the first MAX_DIAGNOSTICS) are looked at: in a zone with
   * many findings, asking every rule for its fixes costs as much as a rule.
   */
  function hasFixable(doc: TextDocument, p: ParsedDocument, ctx: RuleContext): boolean {
    let a = analysed.get(doc.uri);
    if (!a || !(sameAnalysis(a, p, ctx) || answersEdits(a))) {
      findingsOf(doc, p);
      a = analysed.get(doc.uri) as Analysed;
    }
    const last = a;
    last.fixable ??= last.findings.slice(0, MAX_DIAGNOSTICS).some((f) => chooseFix(quickFixes(last.parsed, f, last.ctx)) !== undefined);
    return last.fixable;
  }

  documents.listen(connection);
  connection.listen();
}
