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
}

export type Suite = (corpusDir: string) => SuiteReport[] | Promise<SuiteReport[]>;
