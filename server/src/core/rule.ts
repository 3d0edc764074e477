/** The shape of a rule. One module per rule (or small family), registered in `registry.ts`. */
import type { Settings } from './settings';
import type { Finding, LanguageId, QuickFix, Report, Severity } from './types';
import type { ZoneModel } from './zone/model';
import type { DnsAnswers } from './spf/answers';

export interface RuleMeta {
  /** Stable id: the diagnostic code, the settings key and the quick-fix key. */
  id: string;
  language: LanguageId;
  severity: Severity;
  /** One line, shown in docs, SARIF and settings. */
  description: string;
  /**
   * `'record'`: the rule judges each record on its own. Its findings on a record depend only on
   * that record's text and the state the parser starts it with (owner, origin, TTL, class), so an
   * edit can be re-checked on the edited records alone (zone/regional.ts); the regional tests
   * hold every such rule to that. Unset: the rule looks at the whole document.
   */
  scope?: 'record';
}

/** Facts gathered from other files of the workspace (by the server or CLI; the core does no IO). */
export interface WorkspaceFacts {
  /** Outgoing mail server addresses known from zone files (MX hosts' A/AAAA, SPF ip4/ip6). */
  mailServers?: { address: string; source: string }[];
  /**
   * The parsed zone files of the workspace (other than the document itself), so SPF lookups can
   * follow include:/a:/mx: into sibling zones. Keep the array identity stable while nothing
   * changes: analyses are cached per array.
   */
  zones?: readonly ZoneModel[];
  /**
   * Answers from live DNS for names outside the zone files (include/redirect targets of the
   * document's SPF records), fetched by the server beforehand when live DNS is enabled and the
   * workspace trusted. The SPF lookup analysis expands those names with them.
   */
  dnsAnswers?: DnsAnswers;
}

export interface RuleContext {
  settings: Settings;
  workspace: WorkspaceFacts;
}

export interface Rule<M> {
  meta: RuleMeta;
  /**
   * Reports the findings. A check that takes long on large documents may be a generator
   * (`*check`): it yields between pieces of work (steps.ts), and the language server answers
   * requests at each yield. Run checks through `runCheck` (engine.ts), which drains it.
   */
  check(model: M, ctx: RuleContext, report: (r: Report) => void): void | Iterable<void>;
  /** Quick fixes for one of this rule's findings; computed from the model and the finding only. */
  fix?(model: M, finding: Finding, ctx: RuleContext): QuickFix[];
}

/** Docs link of a rule (`docs/rules/<id>.md` in the repository). */
export const DOCS_BASE = 'https://github.com/sender-guard/sender-guard/blob/main/docs/rules/';
export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
