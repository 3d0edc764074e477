/**
 * Edits re-checked from the edited records alone (`validateEdit`) against the whole analysis, on
 * every zone file of the corpus: per file, a few records re-checked unchanged and a few random
 * small edits (seeded, so every run makes the same ones). A case passes when the findings of the
 * rules that judge records on their own are the same both ways; edits the regional analysis
 * declines (a directive touched, an unclosed parenthesis…) are counted as skipped.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument, validate, validateEdit, type Finding } from '../../server/src/core';
import { rulesFor } from '../../server/src/core/registry';
import type { ZoneModel } from '../../server/src/core/zone/model';
import type { SuiteReport } from './report';

const EDITS_PER_FILE = 12;
const PIECES = ['a', '0', '9', '.', ' ', '"', ';', '\n', '(', ')', '\\', '-', '=', 'v=spf1 ', 'ip4:', '*', '@'];
const SKIP = /\.(md|ya?ml|json|py|c|h|cc|sh|tsv|txt)$|LICENSE|COPYING|README/i;

function zoneFiles(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = fs.statSync(p);
    if (st.isDirectory()) zoneFiles(p, out);
    else if (st.size < 512 * 1024 && !SKIP.test(name)) out.push(p);
  }
  return out;
}

export function regionalSuite(corpus: string): SuiteReport[] {
  const local = new Set(rulesFor('zone').filter((r) => r.meta.scope === 'record').map((r) => r.meta.id));
  const key = (f: Finding): string => `${f.rule} ${f.range.start}-${f.range.end} ${f.message}`;
  const localKeys = (list: readonly Finding[]): string[] => list.filter((f) => local.has(f.rule)).map(key).sort();
  let seed = 20261203;
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return Math.floor((seed / 2 ** 32) * n);
  };
  const report: SuiteReport = { suite: 'zones-regional', total: 0, passed: 0, failures: [], skipped: 0, skipReason: 'left to the whole analysis' };
  const root = path.join(corpus, 'zones');
  for (const file of zoneFiles(root)) {
    const text = fs.readFileSync(file, 'latin1');
    const old = parseDocument('zone', text);
    const oldFindings = validate(old);
    const records = (old.model as ZoneModel).records;
    for (let k = 0; k < EDITS_PER_FILE; k++) {
      let start: number;
      let end: number;
      let insert: string;
      if (k % 3 === 0 && records.length > 0) {
        const r = records[random(records.length)];
        [start, end] = [r.range.start, r.range.end];
        insert = text.slice(start, end);
      } else {
        start = random(text.length + 1);
        end = Math.min(text.length, start + random(6));
        insert = Array.from({ length: random(4) }, () => PIECES[random(PIECES.length)]).join('');
      }
      const next = text.slice(0, start) + insert + text.slice(end);
      const got = validateEdit(old, oldFindings, next, { start, oldEnd: end, newEnd: start + insert.length });
      if (!got) {
        report.skipped!++;
        continue;
      }
      report.total++;
      const a = localKeys(got.findings);
      const b = localKeys(validate(parseDocument('zone', next)));
      if (a.join('\n') === b.join('\n')) {
        report.passed++;
        continue;
      }
      const only = (x: string[], y: string[]): string => x.filter((s) => !y.includes(s)).slice(0, 2).join(' | ') || 'none';
      report.failures.push({
        case: `${path.relative(root, file)} ${JSON.stringify(text.slice(start, end))} → ${JSON.stringify(insert)} at ${start}`,
        expected: `whole analysis also finds: ${only(b, a)}`,
        actual: `edited records alone also find: ${only(a, b)}`,
      });
    }
  }
  return [report];
}
