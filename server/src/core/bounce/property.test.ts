/** Properties: no input makes the bounce reader or the explainer throw, and ranges stay in the text. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { explainBounce } from './explain';
import { parseBounce } from './parse';
import { expectedBounces, readBounce } from './testdata';

function check(text: string): void {
  const b = parseBounce(text);
  const e = explainBounce(b);
  assert.ok(e.cause.id.length > 0);
  const inside = (r: { start: number; end: number }) => 0 <= r.start && r.start <= r.end && r.end <= text.length;
  if (b.replyRange) assert.ok(inside(b.replyRange), JSON.stringify(b.replyRange));
  for (const p of b.problems) assert.ok(inside(p.range), p.message);
}

const fixtures = Object.keys(expectedBounces()).map(readBounce);
const pieces = ['\n', '\r\n', ' ', '--', ':', ';', '=', '?', '<', '>', '[', ']', '(', ')', '550', '-', '5.7.1', 'host ', ' said: ', 'smtp;', 'Content-Type: multipart/report; boundary="b"', '--b', 'Diagnostic-Code: ', 'Status: ', '=?UTF-8?B?', '=E3', 'Remote Server returned \'', '<<< ', '>>> RCPT To:<a@b.c>', 'in reply to', 'base64', 'quoted-printable', '\x1b$B', 'あ'];

test('random strings never throw', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), (s) => check(s)),
    { numRuns: 300 },
  );
});

test('strings built from bounce syntax never throw', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), (parts) => check(parts.join(''))),
    { numRuns: 400 },
  );
});

test('mutated fixtures never throw and keep their ranges inside the text', () => {
  fc.assert(
    fc.property(
      fc.nat({ max: fixtures.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom('', ...pieces)), { minLength: 1, maxLength: 6 }),
      (which, edits) => {
        let text = fixtures[which];
        for (const [at, del, ins] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + ins + text.slice(i + del);
        }
        check(text);
      },
    ),
    { numRuns: 300 },
  );
});

test('truncated fixtures never throw', () => {
  for (const f of fixtures) for (let n = 0; n < f.length; n += 97) check(f.slice(0, n));
});
