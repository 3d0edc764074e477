/**
 * DMARC record conformance: the record cases checkdmarc asserts (other/checkdmarc/dmarc_cases.json,
 * read at run time). Each record is published at `_dmarc.example.jp` in a small zone and run
 * through the zone engine; "invalid" means any DMARC finding of severity error, compared with the
 * case's expected exceptions (none = valid). Cases marked `network_test` depend on live DNS and are
 * skipped (counted separately, never as passes). checkdmarc's expectations are its own policy, not
 * RFC authority: the known differences below say why Sender Guard disagrees; they still count as
 * failures.
 */
import * as fs from 'fs';
import * as path from 'path';
import { makeContext, parseDocument, validate } from '../../server/src/core/engine';
import type { CaseFailure, SuiteReport } from './report';

interface DmarcCase {
  test: string;
  doc?: string;
  decorators?: string[];
  records?: { var: string; value: string }[];
  record_lists?: { var: string; values: string[] }[];
  expected_exceptions?: string[];
}

/** Deliberate differences, by case (`test#n`, n counting the case's records from 0). */
const KNOWN: Record<string, string> = {
  'testRFC9989MissingPTagWarning#0':
    'RFC 7489 §6.3 requires p (dmarc-syntax error, whose message says receivers read a record with a valid rua as p=none, §6.6.3); checkdmarc follows DMARCbis, where a missing p only warns',
};

function quoted(value: string): string {
  if (value.startsWith('"')) return value;
  return `"${value.replace(/[\\"]/g, (c) => '\\' + c)}"`;
}

/** The DMARC errors of a record published at `_dmarc.example.jp`. */
export function dmarcErrors(record: string): string[] {
  const text = ['$ORIGIN example.jp.', '$TTL 1h', '@ IN SOA ns1 hostmaster 1 3h 15m 1w 1h', `_dmarc IN TXT ${quoted(record)}`, ''].join('\n');
  return validate(parseDocument('zone', text), makeContext())
    .filter((f) => f.rule.startsWith('dmarc-') && f.severity === 'error')
    .map((f) => `${f.rule}: ${f.message}`);
}

export function checkdmarcSuite(corpusDir: string): SuiteReport[] {
  const file = path.join(corpusDir, 'other', 'checkdmarc', 'dmarc_cases.json');
  if (!fs.existsSync(file)) return [];
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { cases: DmarcCase[] };
  const failures: CaseFailure[] = [];
  let total = 0;
  let passed = 0;
  let skipped = 0;
  for (const c of data.cases) {
    const values = [...(c.records ?? []).map((r) => r.value), ...(c.record_lists ?? []).flatMap((l) => l.values)];
    if ((c.decorators ?? []).some((d) => d === 'network_test' || d === 'mocked_only')) {
      skipped += values.length;
      continue;
    }
    const expectInvalid = (c.expected_exceptions ?? []).length > 0;
    values.forEach((value, n) => {
      const id = `${c.test}#${n}`;
      total++;
      const errors = dmarcErrors(value);
      if ((errors.length > 0) === expectInvalid) {
        passed++;
        return;
      }
      failures.push({
        case: `${id} ${JSON.stringify(value)}`,
        expected: expectInvalid ? `invalid (${c.expected_exceptions!.join(', ')})` : 'valid',
        actual: errors.length ? `invalid (${errors[0]})` : 'valid',
        note: KNOWN[id],
      });
    });
  }
  return [{ suite: 'dmarc-checkdmarc', total, passed, failures, skipped }];
}
