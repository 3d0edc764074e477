/** What a conformance suite reports: how many cases agreed, and each disagreement with its reason. */
export interface CaseFailure {
  case: string;
  expected: string;
  actual: string;
  /** Why they differ, when the difference is known and deliberate (listed in KNOWN differences). */
  note?: string;
}

export interface SuiteReport {
  suite: string;
  total: number;
  passed: number;
  failures: CaseFailure[];
  /** Cases not run (e.g. ones that need live DNS): never counted in total or passed. */
  skipped?: number;
  /** Why cases were skipped (default: they need live DNS). */
  skipReason?: string;
}

export type Suite = (corpusDir: string) => SuiteReport[] | Promise<SuiteReport[]>;
