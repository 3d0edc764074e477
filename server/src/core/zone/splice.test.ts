import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseZone } from './parser';
import { spliceZone } from './splice';
import { modelSnapshot as snapshot } from './testing';

const edit = (text: string, start: number, end: number, insert: string): string => text.slice(0, start) + insert + text.slice(end);

/** Splices the edit into the parse of `text`; when it answers, the answer must be the whole parse of the new text. */
function check(text: string, start: number, end: number, insert: string, origin?: string): boolean {
  const old = parseZone(text, { origin });
  const next = edit(text, start, end, insert);
  const spliced = spliceZone(old, next, { start, oldEnd: end, newEnd: start + insert.length });
  if (!spliced) return false;
  assert.deepEqual(snapshot(spliced), snapshot(parseZone(next, { origin })), `edit [${start}, ${end}) → ${JSON.stringify(insert)}`);
  return true;
}

const ZONE = `$ORIGIN example.com.
$TTL 1h
@ IN SOA ns1 hostmaster (
        2024010101 ; serial
        2h 15m 1w 300 )
  NS ns1
  MX 10 mail
  TXT "v=spf1 ip4:192.0.2.0/24 -all"
ns1 A 192.0.2.1
mail 300 IN A 192.0.2.25
; a comment
  AAAA 2001:db8::25
www A 192.0.2.80
www CNAME web
txt TXT "one" "two;three" ( "four"
   "five" )
bad A 192.0.2.300
oops NOTATYPE data
slow 5q A 192.0.2.10
$ORIGIN sub.example.com.
host A 192.0.2.9
  TXT "v=spf1 a:host ~all"
$TTL 5m
other CH A 10.0.0.1
last A 10.0.0.2
`;

/** The same without `$TTL`: records take the TTL of the record before them. */
const NO_TTL = `@ 3600 IN SOA ns1.example. hostmaster.example. 1 2 3 4 300
  NS ns1.example.
a 600 A 192.0.2.1
  A 192.0.2.2
b A 192.0.2.3
c 60 A 192.0.2.4
d A 192.0.2.5
broken 77 BADTYPE x
e IN TXT "x"
f A 192.0.2.6
`;

test('an edit inside one record is spliced and equals the whole parse', () => {
  const at = ZONE.indexOf('192.0.2.80');
  assert.ok(check(ZONE, at, at + 10, '192.0.2.81'));
  assert.ok(check(ZONE, at, at + 10, '192.0.2.8100'), 'an invalid address is a problem of the new parse, spliced too');
  const host = ZONE.indexOf('host A');
  assert.ok(check(ZONE, host, host + 4, 'h'), 'a shorter owner moves the records and the $TTL after it');
});

test('new and deleted lines are spliced', () => {
  const at = ZONE.indexOf('www A');
  assert.ok(check(ZONE, at, at, 'new A 192.0.2.99\n'));
  const line = ZONE.slice(at, ZONE.indexOf('\n', at) + 1);
  assert.ok(check(ZONE, at, at + line.length, ''));
});

test('a changed TTL is spliced only where no record after it reads it', () => {
  // Under $TTL the records after do not read the last TTL.
  const mail = ZONE.indexOf('300 IN A');
  assert.ok(check(ZONE, mail, mail + 3, '600'));
  // Without $TTL, 'd' takes c's TTL: changing it goes to the whole parse (or equals it).
  const c = NO_TTL.indexOf('c 60') + 2;
  check(NO_TTL, c, c + 2, '90');
  const d = NO_TTL.indexOf('192.0.2.5');
  assert.ok(check(NO_TTL, d, d + 9, '192.0.2.6'));
});

test('edits the splice cannot prove are left to the whole parse', () => {
  const open = ZONE.indexOf('( "four"');
  assert.equal(check(ZONE, open, open + 1, ''), false, 'an unbalanced parenthesis');
  const dollar = ZONE.indexOf('$TTL 5m');
  assert.equal(check(ZONE, dollar + 5, dollar + 7, '10m'), false, 'a directive');
  const quote = ZONE.indexOf('"one"');
  assert.equal(check(ZONE, quote, quote + 1, ''), false, 'an unterminated quote');
  const crlf = ZONE.replace(/\n/g, '\r\n');
  const escape = crlf.indexOf('\r\n$TTL 5m');
  assert.equal(check(crlf, escape, escape, '\\'), false, 'a backslash escaping the line break before a directive');
  const inc = `$INCLUDE other.zone\n${ZONE}`;
  const at = inc.indexOf('192.0.2.80');
  assert.equal(check(inc, at, at + 1, '2'), false, 'a file with $INCLUDE');
});

test('property: any edit of the zones either is refused or gives the whole parse', () => {
  const pieces = ['', ' ', '\n', '\r\n', '\r', 'x', 'A', 'IN', ' A 192.0.2.1', '(', ')', '"', ';', '\\', '$TTL 1m\n', '$ORIGIN a.\n', '@', '  ', '300 ', 'CH ', 'TXT "q"', 'MX 10 mail\n', '\t'];
  let spliced = 0;
  for (const [text, origin] of [
    [ZONE, undefined],
    [NO_TTL, 'example.'],
    [ZONE.replace(/\n/g, '\r\n'), undefined],
  ] as const) {
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(24), fc.array(fc.constantFrom(...pieces), { maxLength: 4 }), (a, span, parts) => {
        const start = Math.min(a, text.length);
        const end = Math.min(text.length, start + (span > 16 ? 0 : span));
        if (check(text, start, end, parts.join(''), origin)) spliced++;
      }),
      { numRuns: 1500, seed: 7 },
    );
  }
  // Most of these edits are within a record: the splice must answer a good share of them.
  assert.ok(spliced > 900, `${spliced} of 4500 edits spliced`);
});
