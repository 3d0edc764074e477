import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { format, parseDocument } from '../engine';
import { applyEdits, rng } from '../testing';
import type { ZoneModel } from './model';

/** The project root: the nearest folder above with the examples. */
function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'examples')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
const ROOT = projectRoot();

function formatted(text: string): string {
  return applyEdits(text, format(parseDocument('zone', text)));
}

/** What the records are, independent of layout. */
function records(text: string): unknown[] {
  const m = parseDocument('zone', text).model as ZoneModel;
  return [
    ...m.records.map((r) => [r.owner, r.ttl, r.ttlSource, r.class, r.type, r.generic, r.origin, r.rdata.map((t) => t.text)].join('|')),
    ...m.problems.map((p) => p.code),
    ...m.directives.map((d) => `${d.kind} ${d.args.map((a) => a.text).join(' ')}`),
  ];
}

/** Comments and parentheses, in order (outside quoted strings). */
function commentsAndParens(text: string): string[] {
  const out: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (c === '\n') quoted = false;
    else if (!quoted && (c === '(' || c === ')')) out.push(c);
    else if (!quoted && c === ';') {
      const e = text.indexOf('\n', i);
      out.push(text.slice(i, e < 0 ? text.length : e).trimEnd());
      i = e < 0 ? text.length : e - 1;
    }
  }
  return out;
}

function assertSame(text: string): string {
  const out = formatted(text);
  assert.deepEqual(records(out), records(text));
  assert.deepEqual(commentsAndParens(out), commentsAndParens(text));
  assert.equal(formatted(out), out, 'formatting is idempotent');
  return out;
}

test('aligns owner, TTL, class, type and RDATA columns', () => {
  const text = [
    '$ORIGIN example.com.',
    '@ 3600 IN SOA ns1 hostmaster ( 1 1h',
    '      15m 1w 1h ) ; timers',
    '\tIN NS ns1',
    'www IN 300 A 192.0.2.1 ; web',
    'mail\tIN\tMX\t10 mail2',
    '  CNAME other',
    '',
  ].join('\n');
  const expected = [
    '$ORIGIN example.com.',
    '@    3600 IN SOA   ns1 hostmaster ( 1 1h',
    '      15m 1w 1h ) ; timers',
    '              NS    ns1',
    'www  300  IN A     192.0.2.1 ; web',
    'mail      IN MX    10 mail2',
    '             CNAME other',
    '',
  ].join('\n');
  // The tab-indented line keeps its written class: alignment fills the blank columns only.
  assert.equal(assertSame(text), expected.replace('              NS    ns1', '          IN NS    ns1'));
});

test('records with fields over several lines or broken lines are left alone', () => {
  const text = 'www (\n IN A 192.0.2.1 )\nbad IN NOPE x\nok IN A 192.0.2.2\n';
  assert.equal(assertSame(text), text);
  const two = 'www (\n IN A 192.0.2.1 )\nok IN A 192.0.2.2\nmail IN A 192.0.2.3\n';
  assert.equal(assertSame(two), 'www (\n IN A 192.0.2.1 )\nok   IN A 192.0.2.2\nmail IN A 192.0.2.3\n');
});

test('the example zones keep their records', () => {
  for (const f of ['examples/broken/example.jp.zone', 'examples/fixed/example.jp.zone']) {
    assertSame(fs.readFileSync(path.join(ROOT, f), 'utf8'));
  }
});


function randomZone(seed: number): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const blank = (): string => pick([' ', '  ', '\t', ' \t ', '     ']);
  const owners = ['@', 'www', 'mail', 'WWW', 'a.b', 'host.example.com.', '*.wild', 'x\\.y', '_dmarc'];
  const lines: string[] = [];
  if (r() < 0.7) lines.push('$ORIGIN example.com.');
  if (r() < 0.5) lines.push(`$TTL${blank()}${pick(['1h', '300', '86400'])}`);
  const n = 5 + Math.floor(r() * 30);
  for (let k = 0; k < n; k++) {
    const roll = r();
    if (roll < 0.08) {
      lines.push(`${pick(['', ' ', '\t'])}; comment ${k} (with "quotes" and ; more)`);
      continue;
    }
    if (roll < 0.1) {
      lines.push(pick(['$ORIGIN sub.example.com.', '$INCLUDE other.zone', '$TTL 60', '']));
      continue;
    }
    let line = k === 0 || r() < 0.6 ? pick(owners) : '';
    const ttl = r() < 0.4 ? pick(['300', '1h', '2d', '0']) : '';
    const cls = r() < 0.6 ? pick(['IN', 'in', 'CH']) : '';
    const fields = r() < 0.3 ? [cls, ttl] : [ttl, cls];
    for (const f of fields) if (f) line += blank() + f;
    const type = pick(['A', 'AAAA', 'MX', 'CNAME', 'TXT', 'NS', 'SRV', 'SOA', 'TYPE65000', 'NOPE', 'txt']);
    line += blank() + type;
    const rdata: Record<string, string> = {
      A: pick(['192.0.2.1', '198.51.100.7']),
      AAAA: '2001:db8::1',
      MX: `${pick(['10', '20'])}${blank()}${pick(owners)}`,
      CNAME: pick(owners),
      TXT: pick(['"v=spf1 -all"', '"a" "b c"', '"with ; semicolon"', 'plain', '"esc\\"aped"', '( "x"\n  "y" )']),
      txt: '"lower"',
      NS: pick(owners),
      SRV: `0 5 5060 ${pick(owners)}`,
      SOA: `ns1 hostmaster (${pick(['\n    ', ' '])}1 1h 15m 1w 1h${pick(['\n   ', ' '])}) ; soa`,
      TYPE65000: '\\# 2 abcd',
      NOPE: 'x',
    };
    line += (r() < 0.1 ? '' : blank()) + rdata[type];
    if (r() < 0.2) line += `${blank()}; trailing ${k}`;
    lines.push(line);
  }
  return lines.join(pick(['\n', '\r\n'])) + (r() < 0.8 ? '\n' : '');
}

test('random zones: format keeps every record, comment and parenthesis', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const text = randomZone(seed);
    try {
      assertSame(text);
    } catch (e) {
      assert.fail(`seed ${seed}:\n${text}\n${(e as Error).message}`);
    }
  }
});
