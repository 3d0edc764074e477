import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, type Finding } from '../core';
import { ChunkedOutput, toJson, writeJson, writeText, type FileResult } from './check';
import { toSarif, writeSarif } from './sarif';

function finding(rule: string, start: number, end: number, message: string, severity: Finding['severity'] = 'warning'): Finding {
  return { rule, severity, message, range: { start, end } } as Finding;
}

const zone = 'example.com. 300 IN TXT "v-spf1 -all"\nwww 300 IN A 192.0.2.300\n';
const results: FileResult[] = [
  {
    file: 'zones/example.com.zone',
    lines: new LineIndex(zone),
    findings: [
      finding('spf-version-typo', 25, 31, "'v-spf1' is not \"v=spf1\": receivers ignore the record", 'error'),
      finding('zone-bad-rdata', 51, 62, 'Bad address — tab\there, backslash \\ and a line\nbreak'),
    ],
  },
  { file: 'clean.zone', lines: new LineIndex(''), findings: [] },
  { file: 'dir with space\\ü.rtx', lines: new LineIndex('a\r\nb\n'), findings: [finding('rtx-syntax', 3, 4, 'second line', 'info')] },
];

function collect(write: (r: FileResult[], out: (s: string) => void) => void, r: FileResult[]): { text: string; chunks: number } {
  let text = '';
  let chunks = 0;
  write(r, (s) => {
    text += s;
    chunks++;
  });
  return { text, chunks };
}

test('JSON is written finding by finding exactly as the whole list pretty-printed', () => {
  assert.equal(collect(writeJson, results).text, JSON.stringify(toJson(results), null, 2) + '\n');
  assert.equal(collect(writeJson, []).text, '[]\n');
  assert.equal(collect(writeJson, [results[1]]).text, '[]\n');
  const parsed = JSON.parse(collect(writeJson, results).text);
  assert.deepEqual(parsed[1].range, { start: { line: 2, column: 14 }, end: { line: 2, column: 25 } });
  assert.equal(parsed[1].message, 'Bad address — tab\there, backslash \\ and a line\nbreak');
});

test('SARIF is written result by result exactly as the whole log pretty-printed', () => {
  assert.equal(collect(writeSarif, results).text, JSON.stringify(toSarif(results), null, 2) + '\n');
  assert.equal(collect(writeSarif, []).text, JSON.stringify(toSarif([]), null, 2) + '\n');
  const log = JSON.parse(collect(writeSarif, results).text);
  assert.equal(log.runs[0].results.length, 3);
  assert.equal(log.runs[0].results[2].locations[0].physicalLocation.artifactLocation.uri, 'dir%20with%20space/%C3%BC.rtx');
});

test('text: one line per finding, 1-based line and column', () => {
  assert.equal(
    collect(writeText, results).text,
    "zones/example.com.zone:1:26: error spf-version-typo 'v-spf1' is not \"v=spf1\": receivers ignore the record\n" +
      'zones/example.com.zone:2:14: warning zone-bad-rdata Bad address — tab\there, backslash \\ and a line\nbreak\n' +
      'dir with space\\ü.rtx:2:1: info rtx-syntax second line\n',
  );
  assert.equal(collect(writeText, []).chunks, 0);
});

test('a large report reaches the output in chunks, none much longer than the chunk size', () => {
  const many: FileResult = { file: 'big.zone', lines: new LineIndex(zone), findings: [] };
  for (let i = 0; i < 5000; i++) many.findings.push(finding('zone-bad-rdata', 51, 62, `finding ${i}`));
  const chunks: string[] = [];
  writeText([many], (s) => chunks.push(s));
  assert.ok(chunks.length > 1, `${chunks.length} chunks`);
  assert.ok(chunks.every((c) => c.length < (1 << 16) + 200));
  const all = chunks.join('');
  assert.equal(all.split('\n').length - 1, 5000);
  assert.ok(all.endsWith('big.zone:2:14: warning zone-bad-rdata finding 4999\n'));
});

test('ChunkedOutput passes everything on, in order, and nothing empty', () => {
  const got: string[] = [];
  const w = new ChunkedOutput((s) => got.push(s), 4);
  for (const s of ['ab', 'cd', 'e', '', 'fghij', 'k']) w.write(s);
  w.flush();
  w.flush();
  assert.deepEqual(got, ['abcd', 'efghij', 'k']);
});
