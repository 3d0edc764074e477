/**
 * The facade of the analysis core: parse once, then validate, hover and fix from the parsed
 * document. Pure: no IO, no LSP or VS Code types. Every entry point is total — a rule or feature
 * that throws is contained and reported as an internal finding instead of taking the caller down.
 */
import type { DocumentOptions, LanguageSupport } from './language';
import { rulesFor, ruleById } from './registry';
import type { Rule, RuleContext, WorkspaceFacts } from './rule';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { drain, type Steps } from './steps';
import { applySuppressions } from './suppress';
import { LineIndex } from './text';
import type { CompletionEntry, EditorAction, FeatureEnv, FoldingRegion, FormatOptions, LanguageFeatures, OutlineSymbol } from './features';
import { zoneFeatures } from './zone/features';
import { rtxFeatures } from './rtx/features';
import type { Finding, HoverResult, LanguageId, QuickFix, Range, Report, Severity, TextEdit } from './types';
import type { ZoneModel } from './zone/model';
import { editedRegion, type TextChange, type TextSource } from './zone/regional';
import { zoneLanguage } from './zone/language';
import { spliceZone } from './zone/splice';
import { carryOutline } from './zone/symbols';
import { rtxLanguage } from './rtx/language';
import { logLanguage } from './rtxlog/language';

const LANGUAGES: Record<LanguageId, LanguageSupport<unknown>> = {
  zone: zoneLanguage as LanguageSupport<unknown>,
  rtx: rtxLanguage as LanguageSupport<unknown>,
  rtxlog: logLanguage as LanguageSupport<unknown>,
};

export interface ParsedDocument {
  languageId: LanguageId;
  text: string;
  lines: LineIndex;
  model: unknown;
}

export function makeContext(settings: Settings = DEFAULT_SETTINGS, workspace: WorkspaceFacts = {}): RuleContext {
  return { settings, workspace };
}

export function parseDocument(languageId: LanguageId, text: string, options?: DocumentOptions): ParsedDocument {
  const lines = new LineIndex(text);
  return { languageId, text, lines, model: LANGUAGES[languageId].parse(text, lines, options) };
}

/**
 * The parse of `text`, an edited version of `old.text` (`change` maps the one to the other): for
 * a zone file, the edited records spliced into the old parse where that gives the model a whole
 * parse gives (`zone/splice.ts`), else, and for the other languages, a whole parse.
 */
export function reparseDocument(old: ParsedDocument, text: string, change: TextChange | undefined, options?: DocumentOptions): ParsedDocument {
  const model = old.languageId === 'zone' && change ? spliceZone(old.model as ZoneModel, text, change) : undefined;
  if (!model) return parseDocument(old.languageId, text, options);
  carryOutline(old.model as ZoneModel, model, change as TextChange);
  return { languageId: 'zone', text, lines: model.lines, model };
}

/** Clamp a range into the document so no caller ever sees an out-of-range position. */
function clampRange(r: Report['range'], length: number): Report['range'] {
  const start = Math.max(0, Math.min(r.start | 0, length));
  const end = Math.max(start, Math.min(r.end | 0, length));
  return { start, end };
}

/** Run every enabled rule of the document's language. */
export function validate(doc: ParsedDocument, ctx: RuleContext = makeContext()): Finding[] {
  return drain(validateSteps(doc, ctx));
}

/**
 * `validate` in steps, one enabled rule per step: the language server pauses between steps, so
 * that it answers requests while a large document is analysed, and drops the rest when the
 * document changes meanwhile. Its value is what `validate` returns.
 */
export function* validateSteps(doc: ParsedDocument, ctx: RuleContext = makeContext()): Steps<Finding[]> {
  const findings = yield* ruleSteps(doc.languageId, doc.model, doc.text.length, ctx, () => true);
  findings.sort(byPosition);
  return applySuppressions(doc.text, doc.lines, findings);
}

/** Runs a rule's check to the end (a check in steps included). */
export function runCheck<M>(rule: Rule<M>, model: M, ctx: RuleContext, report: (r: Report) => void): void {
  for (const _ of checkSteps(rule.check(model, ctx, report)));
}

/** What a check returned, as steps: a plain check's nothing is no step. */
function checkSteps(returned: void | Iterable<void>): Iterable<void> {
  return returned && typeof returned[Symbol.iterator] === 'function' ? returned : [];
}

const byPosition = (a: Finding, b: Finding): number => a.range.start - b.range.start || a.range.end - b.range.end;

/** The findings of the enabled rules that `only` admits, their ranges clamped to `length`; a step after each rule. */
function* ruleSteps(language: LanguageId, model: unknown, length: number, ctx: RuleContext, only: (rule: Rule<unknown>) => boolean): Steps<Finding[]> {
  const findings: Finding[] = [];
  for (const rule of rulesFor(language)) {
    const setting = ctx.settings.rules[rule.meta.id];
    if (setting === 'off' || !only(rule)) continue;
    const severity = setting ?? rule.meta.severity;
    try {
      const id = rule.meta.id;
      const steps = rule.check(model, ctx, (r) => findings.push(finding(r, clampRange(r.range, length), id, severity)));
      for (const _ of checkSteps(steps)) yield;
    } catch (e) {
      findings.push(internalError(rule, e));
    }
    yield;
  }
  return findings;
}

const judgesRecords = (rule: Rule<unknown>): boolean => rule.meta.scope === 'record';
let recordRuleIds: Set<string> | undefined;

/** What `validateEdit` finds: the first `limit` findings in document order, and how many there are. */
export interface EditFindings {
  findings: Finding[];
  total: number;
}

/**
 * The findings of `text`, an edit of the analysed document `old` (whose findings under `ctx` are
 * `oldFindings`, in document order), from the edited records alone: the rules that judge each
 * record on its own run on them (see zone/regional.ts); every other finding moves with the text,
 * except those the edit overlaps, which are dropped until the whole analysis runs again. Only the
 * first `limit` are built (an editor shows so many); the rest are counted. Undefined when the
 * edit cannot be judged locally (or the language has no regional analysis).
 */
export function validateEdit(
  old: ParsedDocument,
  oldFindings: readonly Finding[],
  text: TextSource,
  change: TextChange,
  ctx: RuleContext = makeContext(),
  limit = Infinity,
): EditFindings | undefined {
  if (old.languageId !== 'zone') return undefined;
  const region = editedRegion(old.model as ZoneModel, text, change);
  if (!region) return undefined;
  const snippet = region.model;
  const found = drain(ruleSteps('zone', snippet, snippet.text.length, ctx, judgesRecords));
  found.sort(byPosition);
  const fresh = applySuppressions(snippet.text, snippet.lines, found).map((f) => moveFinding(f, (p) => p + region.start));

  const local = (recordRuleIds ??= new Set(rulesFor('zone').filter(judgesRecords).map((r) => r.meta.id)));
  const delta = change.newEnd - change.oldEnd;
  const move = (p: number): number => (p >= change.oldEnd ? p + delta : Math.min(p, change.start));
  const findings: Finding[] = [];
  let total = fresh.length;
  let next = 0;
  for (const f of oldFindings) {
    if (local.has(f.rule) ? f.range.start >= region.start && f.range.start < region.oldEnd : f.range.start <= change.oldEnd && f.range.end >= change.start) continue;
    total++;
    if (findings.length >= limit) continue;
    const g = f.range.end <= change.start && !f.related ? f : moveFinding(f, move);
    // Both lists are in document order: merge.
    while (next < fresh.length && byPosition(fresh[next], g) < 0) findings.push(fresh[next++]);
    findings.push(g);
  }
  while (next < fresh.length) findings.push(fresh[next++]);
  if (findings.length > limit) findings.length = limit;
  return { findings, total };
}

function moveFinding(f: Finding, move: (offset: number) => number): Finding {
  const range = (r: Range): Range => ({ start: move(r.start), end: move(r.end) });
  // Written out rather than spread: thousands of findings move on every keystroke.
  const g: Finding = { rule: f.rule, severity: f.severity, range: range(f.range), message: f.message };
  if (f.data !== undefined) g.data = f.data;
  if (f.related) g.related = f.related.map((x) => ({ ...x, range: range(x.range) }));
  if (f.tags) g.tags = f.tags;
  return g;
}

/** A report as a finding: the fields written out (a spread copies through a slow path, and a large zone reports by the hundred thousand). */
function finding(r: Report, range: Range, rule: string, severity: Severity): Finding {
  const f: Finding = { range, message: r.message, rule, severity };
  if (r.data !== undefined) f.data = r.data;
  if (r.related !== undefined) f.related = r.related;
  if (r.tags !== undefined) f.tags = r.tags;
  return f;
}

function internalError(rule: Rule<unknown>, e: unknown): Finding {
  return {
    rule: rule.meta.id,
    severity: 'hint',
    range: { start: 0, end: 0 },
    message: `Internal error in rule ${rule.meta.id}: ${e instanceof Error ? e.message : String(e)}`,
  };
}

/** Quick fixes for one finding (as it came back from the editor: rule id, range and data). */
export function quickFixes(doc: ParsedDocument, finding: Finding, ctx: RuleContext = makeContext()): QuickFix[] {
  const rule = ruleById(finding.rule);
  if (!rule?.fix || rule.meta.language !== doc.languageId) return [];
  try {
    return rule.fix(doc.model, finding, ctx);
  } catch {
    return [];
  }
}

export function hover(doc: ParsedDocument, offset: number, ctx: RuleContext = makeContext()): HoverResult | undefined {
  const lang = LANGUAGES[doc.languageId];
  try {
    return lang.hover?.(doc.model, offset, ctx);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- editor features
// Each dispatches to the document's language; a language without the feature, or a feature that
// throws, gives the neutral answer.

const FEATURES: Partial<Record<LanguageId, LanguageFeatures<unknown>>> = {
  zone: zoneFeatures as LanguageFeatures<unknown>,
  rtx: rtxFeatures as LanguageFeatures<unknown>,
};

function feature<T>(doc: ParsedDocument, fallback: T, run: (lang: LanguageFeatures<unknown>) => T | undefined): T {
  const lang = FEATURES[doc.languageId];
  if (!lang) return fallback;
  try {
    return run(lang) ?? fallback;
  } catch {
    return fallback;
  }
}

function clampOffset(doc: ParsedDocument, offset: number): number {
  return Math.max(0, Math.min(offset | 0, doc.text.length));
}

/** Outline of the document (a symbol tree). */
export function symbols(doc: ParsedDocument): OutlineSymbol[] {
  return feature(doc, [], (lang) => lang.symbols?.(doc.model));
}

export function folding(doc: ParsedDocument): FoldingRegion[] {
  return feature(doc, [], (lang) => lang.folding?.(doc.model));
}

/** Where the name under `offset` is defined. */
export function definition(doc: ParsedDocument, offset: number): Range[] {
  return feature(doc, [], (lang) => lang.definition?.(doc.model, clampOffset(doc, offset)));
}

/** Every occurrence of the name under `offset`. */
export function references(doc: ParsedDocument, offset: number, includeDeclaration = true): Range[] {
  return feature(doc, [], (lang) => lang.references?.(doc.model, clampOffset(doc, offset), includeDeclaration));
}

export function completion(doc: ParsedDocument, offset: number, ctx: RuleContext = makeContext()): CompletionEntry[] {
  return feature(doc, [], (lang) => lang.completion?.(doc.model, clampOffset(doc, offset), ctx));
}

/** Edits that format the whole document. */
export function format(doc: ParsedDocument, options: FormatOptions = {}): TextEdit[] {
  return feature(doc, [], (lang) => lang.format?.(doc.model, options));
}

/** Code actions at `range` that are not quick fixes (refactorings such as bumping the SOA serial). */
export function editorActions(doc: ParsedDocument, range: Range, env: FeatureEnv): EditorAction[] {
  const r = clampRange(range, doc.text.length);
  return feature(doc, [], (lang) => lang.actions?.(doc.model, r, env));
}

/** Edits of a workspace command on the document; undefined when it does not apply. */
export function executeCommand(doc: ParsedDocument, command: string, env: FeatureEnv): TextEdit[] | undefined {
  return feature<TextEdit[] | undefined>(doc, undefined, (lang) => lang.command?.(doc.model, command, env));
}
