/**
 * The facade of the analysis core: parse once, then validate, hover and fix from the parsed
 * document. Pure: no IO, no LSP or VS Code types. Every entry point is total — a rule or feature
 * that throws is contained and reported as an internal finding instead of taking the caller down.
 */
import type { LanguageSupport } from './language';
import { rulesFor, ruleById } from './registry';
import type { Rule, RuleContext, WorkspaceFacts } from './rule';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { applySuppressions } from './suppress';
import { LineIndex } from './text';
import type { Finding, HoverResult, LanguageId, QuickFix, Report } from './types';
import { zoneLanguage } from './zone/language';
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

export function parseDocument(languageId: LanguageId, text: string): ParsedDocument {
  const lines = new LineIndex(text);
  return { languageId, text, lines, model: LANGUAGES[languageId].parse(text, lines) };
}

/** Clamp a range into the document so no caller ever sees an out-of-range position. */
function clampRange(r: Report['range'], length: number): Report['range'] {
  const start = Math.max(0, Math.min(r.start | 0, length));
  const end = Math.max(start, Math.min(r.end | 0, length));
  return { start, end };
}

/** Run every enabled rule of the document's language. */
export function validate(doc: ParsedDocument, ctx: RuleContext = makeContext()): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rulesFor(doc.languageId)) {
    const setting = ctx.settings.rules[rule.meta.id];
    if (setting === 'off') continue;
    const severity = setting ?? rule.meta.severity;
    try {
      rule.check(doc.model, ctx, (r) => {
        findings.push({ ...r, range: clampRange(r.range, doc.text.length), rule: rule.meta.id, severity });
      });
    } catch (e) {
      findings.push(internalError(rule, e));
    }
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return applySuppressions(doc.text, doc.lines, findings);
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
