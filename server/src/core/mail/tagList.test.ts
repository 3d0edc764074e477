import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { duplicateTags, parseTagList, splitValue, tag } from './tagList';

test('tags keep their names, values and spans; whitespace around = and ; is folding space', () => {
  const v = 'v=DMARC1;  p = reject ;rua=mailto:a@example.jp;';
  const { tags, errors } = parseTagList(v);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    tags.map((t) => [t.name, t.value, v.slice(t.span.start, t.span.end), v.slice(t.valueSpan.start, t.valueSpan.end)]),
    [
      ['v', 'DMARC1', 'v=DMARC1', 'DMARC1'],
      ['p', 'reject', 'p = reject', 'reject'],
      ['rua', 'mailto:a@example.jp', 'rua=mailto:a@example.jp', 'mailto:a@example.jp'],
    ],
  );
  assert.equal(tag(tags, 'p')?.index, 1);
});

test('a value may hold = and inner whitespace (DKIM p= split by spaces)', () => {
  const { tags, errors } = parseTagList('k=rsa; p=MIIB IjAN==');
  assert.deepEqual(errors, []);
  assert.equal(tag(tags, 'p')?.value, 'MIIB IjAN==');
});

test('malformed specs are errors with spans, and the other tags are still read', () => {
  const v = 'v=DMARC1; p none; =x; 1a=b; p=reject;;sp=none';
  const { tags, errors } = parseTagList(v);
  assert.deepEqual(
    errors.map((e) => [e.code, v.slice(e.span.start, e.span.end)]),
    [
      ['missing-equals', 'p none'],
      ['empty-name', '=x'],
      ['bad-name', '1a'],
      ['empty-spec', ';;'],
    ],
  );
  assert.deepEqual(tags.map((t) => t.name), ['v', 'p', 'sp']);
});

test('non-ASCII in a value is reported at the character', () => {
  const v = 'v=DMARC1; rua=mailto:ä@example.jp';
  const { errors } = parseTagList(v);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].code, 'bad-value-char');
  assert.equal(v.slice(errors[0].span.start, errors[0].span.end), 'ä');
});

test('an empty list and a trailing semicolon are fine', () => {
  assert.deepEqual(parseTagList(''), { tags: [], errors: [] });
  assert.deepEqual(parseTagList('v=STSv1; id=1;').errors, []);
});

test('duplicates and value lists', () => {
  const { tags } = parseTagList('p=none; rua=mailto:a@x.jp, mailto:b@y.jp ; p=reject');
  assert.deepEqual(duplicateTags(tags).map((t) => t.value), ['reject']);
  const rua = tag(tags, 'rua')!;
  const v = 'p=none; rua=mailto:a@x.jp, mailto:b@y.jp ; p=reject';
  assert.deepEqual(splitValue(rua, ',').map((x) => [x.text, v.slice(x.span.start, x.span.end)]), [
    ['mailto:a@x.jp', 'mailto:a@x.jp'],
    ['mailto:b@y.jp', 'mailto:b@y.jp'],
  ]);
});

test('any string: no exception, spans inside the value', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('v', '=', ';', ' ', 'p', 'ä', '1', '_', '\t', 'D') , maxLength: 60 }), (s) => {
      const { tags, errors } = parseTagList(s);
      for (const sp of [...tags.flatMap((t) => [t.span, t.nameSpan, t.valueSpan]), ...errors.map((e) => e.span)]) {
        assert.ok(sp.start >= 0 && sp.end <= s.length && sp.start <= sp.end, JSON.stringify({ s, sp }));
      }
    }),
  );
});
