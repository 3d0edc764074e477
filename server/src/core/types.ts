/**
 * Plain data types shared by every part of the analysis core.
 *
 * Positions are UTF-16 code-unit offsets into the document text (the indices of a JS string),
 * which is what LSP positions count in. Conversion to line/column happens only at the edge
 * (server, CLI) through `LineIndex`.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Languages the core understands. The ids are also the VS Code language ids. */
export type LanguageId = 'zone' | 'rtx' | 'rtxlog';

/** Half-open range of offsets `[start, end)` into the document. */
export interface Range {
  start: number;
  end: number;
}

export interface RelatedInfo {
  range: Range;
  message: string;
}

/** JSON-serialisable payload a rule attaches to a finding so its quick fix can be stateless. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A problem reported by a rule. `rule` is the registry id (= diagnostic code = settings key). */
export interface Finding {
  rule: string;
  severity: Severity;
  range: Range;
  message: string;
  data?: Json;
  related?: RelatedInfo[];
  tags?: ('deprecated' | 'unnecessary')[];
}

/** What a rule hands to `report`; severity is filled in from the registry and the settings. */
export type Report = Omit<Finding, 'rule' | 'severity'>;

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface QuickFix {
  title: string;
  /** The rule whose finding this fixes. */
  rule: string;
  edits: TextEdit[];
  preferred?: boolean;
  /**
   * The fix inserts something for the user to complete (a starter record with an address of
   * their choosing): offered in the editor, never applied by "fix all".
   */
  manual?: boolean;
}

export interface HoverResult {
  range: Range;
  /** Markdown. */
  contents: string;
}
